//! `exclusion.applies`: the applicant attests that an exclusion applies to it.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "exclusion.applies",
        summary: "the applicant attests that a situation barring it applies",
        doc: "An exclusion attested as `applies` bars the application (不受理申报, 不得申报): an error. \
              Where the notice softens the condition (原则应具有独立法人资格), a warning.",
        summary_zh: "申报单位声明存在不得申报的情形",
        doc_zh: "声明为 `applies` 的限制情形使申报不予受理（不受理申报、不得申报）：为错误。\
                 通知对该条件有所放宽时（原则应具有独立法人资格），为警告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for e in &cx.call.exclusions {
        if !cx.in_scope(&[], e.when.as_ref()) {
            continue;
        }
        if cx.app.attestations.get(&e.id) != Some(&crate::application::Attestation::Applies) {
            continue;
        }
        let severity = if e.soft { Severity::Warning } else { Severity::Error };
        let f = cx
            .finding(
                RULE.info,
                severity,
                tr!("the applicant attests: {}", "申报单位声明存在以下情形：{}", e.text),
                &format!("/attestations/{}", crate::document::escape(&e.id)),
                tr!("applies", "存在"),
            )
            .requires(tr!("not: {}", "不得存在：{}", e.text))
            .cite(Some(e.cite.clone()))
            .with_help(if e.soft {
                tr!("explain the exception in the application; reviewers decide", "请在申报书中说明情况，由评审决定")
            } else {
                tr!("the call does not accept applications from applicants in this situation", "存在此情形的单位不予受理")
            });
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn excluded_applicant() {
        let out = check(&edit(&[("  no-inspection: not-applicable\n", "  no-inspection: applies\n")]));
        assert_eq!(out.codes(), ["exclusion.applies"]);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn soft_exclusion_is_a_warning() {
        let out = check(&edit(&[("  no-legal-person: not-applicable\n", "  no-legal-person: applies\n")]));
        assert_eq!(out.findings[0].severity, crate::diagnostics::Severity::Warning);
    }
}
