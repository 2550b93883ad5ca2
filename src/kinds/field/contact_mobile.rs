//! `contact.mobile`: a mobile number that cannot be one.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "contact.mobile",
        summary: "a mobile number (手机) is not an 11-digit mainland number (a warning)",
        doc: "Mobile numbers of the project leader and contact are 11 digits starting 13–19 (spaces, \
              hyphens and +86 allowed). A landline belongs under `phone`. A warning: the funder \
              cannot reach the applicant, but the notice does not refuse the form for it.",
        summary_zh: "手机号码不是 11 位的内地手机号（警告）",
        doc_zh: "项目负责人和联系人的手机号码为 13–19 开头的 11 位数字（可含空格、连字符和 +86）。\
                 座机号码请填在 `phone`。为警告：通知不因此拒收表格，但主办单位无法联系申报单位。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for (who, person) in [("leader", cx.app.leader()), ("contact", cx.app.contact())] {
        let Some(m) = &person.mobile else { continue };
        if crate::ident::mobile(&m.0) {
            continue;
        }
        let f = cx
            .finding(
                RULE.info,
                Severity::Warning,
                {
                    let (at, number) = (crate::schema::field_name(&format!("/{who}/mobile")), &m.0);
                    let (en, zh) = (&at.en, &at.zh);
                    tr!("the {en} `{number}` is not a mobile number", "{zh}`{number}` 不是有效的手机号码")
                },
                &format!("/{who}/mobile"),
                tr!("not 11 digits starting 13–19", "不是以 13–19 开头的 11 位数字"),
            )
            .with_help(tr!(
                "write the 11-digit mobile number; put a landline under `{who}.phone`",
                "请填写 11 位手机号码；座机号码请填在 `{who}.phone`"
            ));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn landline_as_mobile() {
        let out = check(&edit(&[("mobile: 13900139000", "mobile: 0571-89587224")]));
        assert_eq!(out.codes(), ["contact.mobile"]);
        insta::assert_snapshot!(out.rendered());
    }
}
