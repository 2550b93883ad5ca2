//! `budget.items-sum`: the itemised budget does not add up.
use super::prelude::*;
use crate::model::BudgetRuleKind;
use crate::values::Money;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.items-sum",
        summary: "the itemised budget lines do not add up to the requested amount (or the total)",
        doc: "The forms' expenditure table (支出明细预算表, 合计) must add up to the requested amount \
              (or, where the call says so, to the total). Sums are exact: 6.6 + 6.6 + 6.6 is 19.8. \
              An empty table is reported too, since the form requires it.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let b = &cx.app.budget;
    for rule in &cx.call.form.budget {
        let (target, name, ptr) = match rule.value {
            BudgetRuleKind::ItemsSumToRequested => (b.requested, "requested amount", "/budget/requested"),
            BudgetRuleKind::ItemsSumToTotal => (b.total, "total", "/budget/total"),
            _ => continue,
        };
        let unit = cx.call.money_unit;
        if b.items.is_empty() && target.0.is_zero() {
            continue; // 无经费立项: nothing requested, nothing to itemise.
        }
        if b.items.is_empty() {
            let f = cx
                .finding(RULE.info, Severity::Error, "the itemised budget is empty", "/budget", "no `items`")
                .requires(format!("itemised lines adding up to the {name}"))
                .cite(Some(rule.cite.clone()))
                .with_help("list the expenditure lines under `budget.items` with `name`, `amount` and `basis`");
            cx.push(f);
            continue;
        }
        let sum: Money = b.items.iter().map(|i| i.amount).sum();
        if sum == target {
            continue;
        }
        let parts: Vec<String> = b.items.iter().map(|i| i.amount.to_string()).collect();
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                format!("budget items add up to {sum} {unit} ({}), not the {name} {target} {unit}", parts.join(" + ")),
                "/budget/items",
                "these items",
            )
            .also(cx.at(ptr), name)
            .requires(format!("sum of items = {name}"))
            .cite(Some(rule.cite.clone()))
            .with_help(format!("adjust the items by {} {unit}", diff(sum, target)));
        cx.push(f);
    }
}

fn diff(a: Money, b: Money) -> String {
    let d = b.0 - a.0;
    if d.is_sign_negative() { format!("{}", d.normalize()) } else { format!("+{}", d.normalize()) }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn items_do_not_add_up() {
        let out = check(&edit(&[("{ name: 宣传费, amount: 1.6 }", "{ name: 宣传费, amount: 1.5 }")]));
        assert_eq!(out.codes(), ["budget.items-sum"]);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn exact_decimals_six_point_six_three_times_is_nineteen_point_eight() {
        let out = check(&edit(&[
            ("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 19.8\n  requested: 19.8\n  other: 0"),
            ("{ name: 专家咨询费, amount: 1.7, basis: 专家17人次×0.1万元 }", "{ name: 专家咨询费, amount: 6.6 }"),
            ("{ name: 会议费, amount: 1.7, basis: 3场 }", "{ name: 会议费, amount: 6.6 }"),
            ("{ name: 宣传费, amount: 1.6 }", "{ name: 宣传费, amount: 6.6 }"),
            ("amount: 3.3, start: 2025-05-01", "amount: 9.9, start: 2025-05-01"),
            ("amount: 3.3, start: 2025-09-01", "amount: 9.9, start: 2025-09-01"),
        ]));
        // Only the fixed amount (5) differs; the items add up exactly.
        assert_eq!(out.codes(), ["budget.amount-mismatch"]);
    }
}
