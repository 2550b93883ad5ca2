//! `budget.over-soft-cap`: the requested amount exceeds a soft cap (原则上不超过).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.over-soft-cap",
        summary: "the requested amount exceeds a cap the notice softens with 原则上 (a warning)",
        doc: "\"原则上不超过\" means \"in principle not more than\": a larger request is not refused \
              outright but needs a reason reviewers accept. Reported as a warning; `--deny warnings` \
              makes it fail.",
        summary_zh: "申请经费超过通知以“原则上”放宽的上限（警告）",
        doc_zh: "“原则上不超过”并不一律拒绝更高的申请，但需要评审认可的理由。报告为警告；\
                 `--deny warnings` 使其判为不通过。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    if let Some(Amount::Cap { max, soft: true, cite } | Amount::Range { max, soft: true, cite, .. }) = cx.category.map(|c| &c.amount) {
        super::budget_over_cap::over(
            cx,
            super::budget_over_cap::Cap { info: RULE.info, severity: Severity::Warning, cap: *max, cite, soft: true },
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn above_a_soft_cap_is_a_warning() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: soft"),
            ("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 9\n  requested: 9\n  other: 0"),
        ]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "budget.over-soft-cap").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::diagnostics::Severity::Warning);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
