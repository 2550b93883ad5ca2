//! `contact.postal-code`: a postal code that is not six digits.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "contact.postal-code",
        summary: "a postal code (邮政编码) is not six digits (a warning)",
        doc: "Mainland postal codes are six digits. Quote codes with a leading zero (`\"010020\"`) or \
              write them as they are: callspec keeps leading zeros.",
        summary_zh: "邮政编码不是六位数字（警告）",
        doc_zh: "内地邮政编码为六位数字。以 0 开头的邮编可加引号（`\"010020\"`），也可照原样书写：\
                 callspec 保留开头的 0。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(p) = &cx.app.lead().postal_code else { return };
    if crate::ident::postal_code(&p.0) {
        return;
    }
    let f = cx.finding(
        RULE.info,
        Severity::Warning,
        {
            let (at, code) = (crate::schema::field_name("/lead/postal_code"), &p.0);
            let (en, zh) = (&at.en, &at.zh);
            tr!("the {en} `{code}` is not six digits", "{zh}`{code}` 不是六位数字")
        },
        "/lead/postal_code",
        tr!("not six digits", "不是六位数字"),
    );
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn five_digits() {
        let out = check(&edit(&[("postal_code: 310000", "postal_code: 31000")]));
        assert_eq!(out.codes(), ["contact.postal-code"]);
        insta::assert_snapshot!(out.rendered());
    }
}
