//! `budget.over-cap`: the requested amount exceeds a hard cap.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.over-cap",
        summary: "the requested amount exceeds the category's cap",
        doc: "Where the notice caps funding (资助经费不超过10万元) without softening it, a larger \
              request is an error. Soft caps (原则上不超过) are `budget.over-soft-cap` instead.",
        summary_zh: "申请经费超过该类别的上限",
        doc_zh: "通知规定资助上限（资助经费不超过10万元）且未加“原则上”时，超出即为错误。\
                 原则上的上限（原则上不超过）报告为 `budget.over-soft-cap`。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    match cx.category.map(|c| &c.amount) {
        Some(Amount::Cap { max, soft: false, cite } | Amount::Range { max, soft: false, cite, .. }) => {
            over(cx, Cap { info: RULE.info, severity: Severity::Error, cap: *max, cite, soft: false });
        }
        Some(a @ Amount::Grades(_, cite)) => {
            let top = a.ceiling().unwrap_or_default();
            over(cx, Cap { info: RULE.info, severity: Severity::Error, cap: top, cite, soft: false });
        }
        _ => {}
    }
}

/// A cap on the requested amount, hard or soft (原则上).
pub(super) struct Cap<'a> {
    pub info: &'static CodeInfo,
    pub severity: Severity,
    pub cap: crate::values::Money,
    pub cite: &'a crate::diagnostics::Citation,
    pub soft: bool,
}

/// Reports a requested amount above a cap; shared by `budget.over-cap` and `budget.over-soft-cap`.
pub(super) fn over(cx: &mut Ctx, c: Cap) {
    let Some(requested) = cx.app.budget().requested else { return };
    if requested <= c.cap {
        return;
    }
    let (unit, cap) = (cx.call.money_unit, c.cap);
    let at = crate::schema::field_name("/budget/requested");
    let (at_en, at_zh) = (&at.en, &at.zh);
    let (msg, label, req, help) = if c.soft {
        (
            tr!(
                "{at_en} {requested} {unit} is above the {cap} {unit} the notice allows in principle",
                "{at_zh}{requested} {unit} 超过通知原则上允许的 {cap} {unit}"
            ),
            tr!("above the soft cap", "超过原则上限"),
            tr!("in principle (原则上) requested ≤ {cap} {unit}", "申请经费原则上不超过 {cap} {unit}"),
            tr!("lower the request, or justify the excess in the budget's basis", "请降低申请经费，或在测算依据中说明超出理由"),
        )
    } else {
        (
            tr!("{at_en} {requested} {unit} exceeds the cap of {cap} {unit}", "{at_zh}{requested} {unit} 超过该类别上限 {cap} {unit}"),
            tr!("over the cap", "超过上限"),
            tr!("requested ≤ {cap} {unit}", "申请经费不超过 {cap} {unit}"),
            tr!("request at most {cap} {unit}; cover the rest from other funds", "申请经费最多 {cap} {unit}，其余由其他经费解决"),
        )
    };
    let f = cx.finding(c.info, c.severity, msg, "/budget/requested", label).requires(req).cite(Some(c.cite.clone())).with_help(help);
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn over_the_cap() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: capped"),
            ("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 12\n  requested: 12\n  other: 0"),
        ]));
        assert!(out.codes().contains(&"budget.over-cap"), "{:?}", out.codes());
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "budget.over-cap").collect();
        let out = Outcome { findings: f };
        insta::assert_snapshot!(out.rendered());
        insta::assert_snapshot!("over_the_cap_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }

    #[test]
    fn at_the_cap_is_fine() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: capped"),
            ("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 10\n  requested: 10.00\n  other: 0"),
        ]));
        assert!(!out.codes().contains(&"budget.over-cap"));
    }
}
