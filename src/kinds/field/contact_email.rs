//! `contact.email`: an e-mail address that cannot be one.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "contact.email",
        summary: "an e-mail address (电子邮箱) is malformed (a warning)",
        doc: "An address needs one `@`, a domain with a dot and no spaces. A warning: the notice does \
              not refuse the form for it, but the funder cannot reply.",
        summary_zh: "电子邮箱格式有误（警告）",
        doc_zh: "邮箱地址须含一个 `@` 和带点的域名，且不含空格。为警告：通知不因此拒收表格，\
                 但主办单位无法回复。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for (who, person) in [("leader", cx.app.leader()), ("contact", cx.app.contact())] {
        let Some(e) = &person.email else { continue };
        if crate::ident::email(e) {
            continue;
        }
        let f = cx
            .finding(
                RULE.info,
                Severity::Warning,
                {
                    let at = crate::schema::field_name(&format!("/{who}/email"));
                    let (en, zh) = (&at.en, &at.zh);
                    tr!("the {en} `{e}` is not an e-mail address", "{zh}`{e}` 不是有效的电子邮箱")
                },
                &format!("/{who}/email"),
                tr!("malformed address", "格式有误"),
            )
            .with_help(tr!("write it as name@domain.cn", "请按 name@domain.cn 的格式填写"));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn missing_domain() {
        let out = check(&edit(&[("email: wangwu@example.org", "email: wangwu@example")]));
        assert_eq!(out.codes(), ["contact.email"]);
        insta::assert_snapshot!(out.rendered());
    }
}
