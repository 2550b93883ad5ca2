//! `budget.below-floor`: the requested amount is below the floor of the category's range.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.below-floor",
        summary: "the requested amount is below the floor of the category's funding range",
        doc: "Where the notice funds a range per project (经费额度：3~5万元/项, 资助6000-10000元), a request \
              below the floor is as much out of the range as one above the ceiling (that one is \
              `budget.over-cap`, or `budget.over-soft-cap` where the ceiling is 原则上).",
        summary_zh: "申请经费低于该类别资助范围的下限",
        doc_zh: "通知规定每项资助范围时（经费额度：3~5万元/项；资助6000-10000元），低于下限与高于上限同样超出范围（\
                 后者为 `budget.over-cap`，上限为“原则上”时为 `budget.over-soft-cap`）。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(Amount::Range { min, cite, .. }) = cx.category.map(|c| &c.amount) else { return };
    let Some(requested) = cx.app.budget().requested else { return };
    if requested >= *min {
        return;
    }
    let unit = cx.call.money_unit;
    let words = cx.category.map(|c| c.amount.requirement(unit, false)).unwrap_or_default();
    let at = crate::schema::field_name("/budget/requested");
    let (at_en, at_zh) = (&at.en, &at.zh);
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!("{at_en} {requested} {unit} is below the floor of {min} {unit}", "{at_zh}{requested} {unit} 低于下限 {min} {unit}"),
            "/budget/requested",
            tr!("below the floor", "低于下限"),
        )
        .requires(words)
        .cite(Some(cite.clone()))
        .with_help(tr!("request at least {min}", "申请经费不少于 {min}"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn below_the_floor_of_a_range() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: ranged"),
            ("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 2\n  requested: 2\n  other: 0"),
        ]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "budget.below-floor").collect();
        assert_eq!(f.len(), 1);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }

    #[test]
    fn above_the_ceiling_of_a_range() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: ranged"),
            ("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 6\n  requested: 6\n  other: 0"),
        ]));
        assert!(out.codes().contains(&"budget.over-cap"), "{:?}", out.codes());
        assert!(!out.codes().contains(&"budget.below-floor"));
    }
}
