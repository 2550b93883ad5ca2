//! `applicant.joint-not-allowed`: joint applicants where the call allows none, or of a type it does not name.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "applicant.joint-not-allowed",
        summary: "a joint applicant the call does not provide for",
        doc: "Where the call allows no joint applications, any joint applicant is an error. Where it \
              names the types that may join, another type is an error; if the notice's list is open \
              (…等可联合申报) it is only advice, since reviewers decide.",
        summary_zh: "通知未允许的联合申报单位",
        doc_zh: "通知不允许联合申报时，任何联合申报单位都是错误。通知列出了可联合的类型时，\
                 其他类型为错误；如通知所列范围未穷尽（“…等可联合申报”），则仅为建议，由评审决定。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(joint) = cx.category.and_then(|c| c.joint.as_ref()) else { return };
    if !joint.allowed {
        if !cx.app.joint.is_empty() {
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    tr!("this category accepts no joint applicants", "该类别不接受联合申报"),
                    "/joint",
                    tr!("joint applicants", "联合申报单位"),
                )
                .requires(tr!("a single applicant", "单一申报单位"))
                .cite(Some(joint.cite.clone()))
                .with_help(tr!(
                    "remove the joint applicants, or list them as partners if they only take part",
                    "删除联合申报单位；如仅参与实施，可列为合作单位"
                ));
            cx.push(f);
        }
        return;
    }
    for (i, o) in cx.app.joint.iter().enumerate() {
        let Some(kind) = &o.kind else { continue };
        if joint.types.is_empty() || joint.types.contains(kind) || !cx.call.applicant_types.contains_key(kind) {
            continue;
        }
        let names: Vec<String> = joint.types.iter().map(|id| cx.type_name(id)).collect();
        let kind = cx.type_name(kind);
        let (severity, msg) = if joint.open {
            (
                Severity::Advice,
                tr!(
                    "{kind} is not among the joint applicants the notice names (its list is open)",
                    "{kind} 不在通知列明的联合申报单位之列（通知所列范围未穷尽）"
                ),
            )
        } else {
            (Severity::Error, tr!("{kind} may not be a joint applicant", "{kind} 不得作为联合申报单位"))
        };
        let names = names.join(", ");
        let names_zh = names.replace(", ", "、");
        let f = cx
            .finding(RULE.info, severity, msg, &format!("/joint/{i}/type"), tr!("joint applicant type", "联合申报单位类型"))
            .requires(tr!("joint applicants are {names}", "联合申报单位为：{names_zh}"))
            .cite(Some(joint.cite.clone()));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn unlisted_type_in_an_open_list_is_advice() {
        let out = check(&edit(&[("type: enterprise", "type: park-cast")]));
        assert_eq!(out.codes(), ["applicant.joint-not-allowed"]);
        assert_eq!(out.findings[0].severity, crate::diagnostics::Severity::Advice);
        insta::assert_snapshot!(out.rendered());
    }
}
