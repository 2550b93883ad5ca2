//! `budget.over-cap`: the requested amount exceeds a hard cap.
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.over-cap",
        summary: "the requested amount exceeds the category's cap",
        doc: "Where the notice caps funding (资助经费不超过10万元) without softening it, a larger \
              request is an error. Soft caps (原则上不超过) are `budget.over-soft-cap` instead.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(Amount::Cap(cap, cite)) = cx.category.map(|c| &c.amount) else { return };
    let requested = cx.app.budget.requested;
    if requested <= *cap {
        return;
    }
    let unit = cx.call.money_unit;
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            format!("requested {requested} {unit} exceeds the cap of {cap} {unit}"),
            "/budget/requested",
            "over the cap",
        )
        .requires(format!("requested ≤ {cap} {unit}"))
        .cite(Some(cite.clone()))
        .with_help(format!("request at most {cap}; cover the rest from other funds"));
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
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
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
