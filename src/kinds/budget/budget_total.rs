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
        summary_zh: "经费总预算不等于申请经费加其他经费",
        doc_zh: "表格将经费总预算分为申请经费和其他经费或自有经费（其他经费、自有经费）：\
                 总预算 = 申请经费 + 其他经费，按精确十进制计算。未填 `other` 时按 0 计。",
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
    let [t, r, o] = ["/budget/total", "/budget/requested", "/budget/other"].map(crate::schema::field_name);
    let label = |p: &str| crate::application::field_label(p).map_or_else(Text::default, |l| Text::new(l.en, l.zh));
    let mut f = cx
        .finding(
            RULE.info,
            Severity::Error,
            Text::new(
                format!("{} {total} {unit} ≠ {} {requested} + {} {other} = {sum} {unit}", t.en, r.en, o.en),
                format!("{} {total} {unit} ≠ {} {requested} + {} {other} = {sum} {unit}", t.zh, r.zh, o.zh),
            ),
            "/budget/total",
            label("/budget/total"),
        )
        .also(cx.at("/budget/requested"), label("/budget/requested"))
        .requires(tr!("total budget = requested amount + other funds", "经费总预算 = 申请经费 + 其他经费"))
        .cite(Some(rule.cite.clone()))
        .with_help(tr!("set the total budget to {sum}, or correct the parts", "请将经费总预算改为 {sum}，或更正各组成部分"));
    if cx.doc.spans().contains("/budget/other") {
        f = f.also(cx.at("/budget/other"), label("/budget/other"));
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
