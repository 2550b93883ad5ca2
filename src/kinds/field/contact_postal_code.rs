//! `contact.postal-code`: a postal code that is not six digits.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "contact.postal-code",
        summary: "a postal code (邮政编码) is not six digits (a warning)",
        doc: "Mainland postal codes are six digits. Quote codes with a leading zero (`\"010020\"`) or \
              write them as they are: callspec keeps leading zeros.",
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
        tr!("`{}` is not a six-digit postal code", "`{}` 不是六位邮政编码", p.0),
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
