//! `budget.total-mismatch`: total ≠ requested + other.
use crate::kinds::prelude::*;
use crate::model::BudgetRuleKind;
use crate::values::Money;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.total-mismatch",
        summary: "the total budget is not the requested amount plus other funds",
        doc: "The forms split the total budget (经费总预算) into the requested amount and other or own \
              funds (其他经费, 自有经费): total = requested + other, in exact decimals. A missing \
              `other` counts as 0.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(rule) = cx.call.form.budget.iter().find(|r| r.value == BudgetRuleKind::TotalIsRequestedPlusOther) else { return };
    let b = cx.app.budget();
    let (Some(total), Some(requested)) = (b.total, b.requested) else { return };
    if cx.unusable("/budget/other") {
        return;
    }
    let other = b.other.unwrap_or(Money::ZERO);
    let sum = requested + other;
    if sum == total {
        return;
    }
    let unit = cx.call.money_unit;
    let mut f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!(
                "total {} {unit} ≠ requested {} + other {other} = {sum} {unit}",
                "总经费 {} {unit} ≠ 申请经费 {} + 其他经费 {other} = {sum} {unit}",
                total,
                requested
            ),
            "/budget/total",
            tr!("total", "总经费"),
        )
        .also(cx.at("/budget/requested"), tr!("requested", "申请经费"))
        .requires(tr!("total = requested + other", "总经费 = 申请经费 + 其他经费"))
        .cite(Some(rule.cite.clone()))
        .with_help(tr!("set the total to {sum}, or correct the parts", "请将总经费改为 {sum}，或更正各组成部分"));
    if cx.doc.spans().contains("/budget/other") {
        f = f.also(cx.at("/budget/other"), tr!("other", "其他经费"));
    }
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn total_does_not_add_up() {
        let out = check(&edit(&[("  total: 6.6", "  total: 6.5")]));
        assert_eq!(out.codes(), ["budget.total-mismatch", "budget.phases-sum"]);
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "budget.total-mismatch").collect();
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
