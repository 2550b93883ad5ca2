//! `budget.items-sum`: the itemised budget does not add up.
use crate::kinds::prelude::*;
use crate::model::BudgetRuleKind;
use crate::values::Money;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.items-sum",
        summary: "the itemised budget lines do not add up to the requested amount (or the total)",
        doc: "The forms' expenditure table (支出明细预算表, 合计) must add up to the requested amount \
              (or, where the call says so, to the total). Sums are exact: 6.6 + 6.6 + 6.6 is 19.8. \
              An empty table is reported too, since the form requires it.",
        summary_zh: "支出明细合计不等于申请经费（或总预算）",
        doc_zh: "表格的支出明细（支出明细预算表、合计）须合计等于申请经费（通知另有规定时，\
                 等于总预算）。合计按精确值计算：6.6 + 6.6 + 6.6 等于 19.8。明细为空时也会报告，\
                 因为表格要求填写。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let b = cx.app.budget();
    // A line that could not be read leaves the sum unknown.
    if cx.unusable("/budget/items") {
        return;
    }
    for rule in &cx.call.form.budget {
        let (target, name, ptr) = match rule.value {
            BudgetRuleKind::ItemsSumToRequested => (b.requested, Text::new("requested amount", "申请经费"), "/budget/requested"),
            BudgetRuleKind::ItemsSumToTotal => (b.total, Text::new("total budget", "经费总预算"), "/budget/total"),
            _ => continue,
        };
        let Some(target) = target else { continue };
        let unit = cx.call.money_unit;
        if b.items.is_empty() && target.0.is_zero() {
            continue; // 无经费立项: nothing requested, nothing to itemise.
        }
        if b.items.is_empty() {
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    {
                        let items = crate::schema::field_name("/budget/items");
                        let (en, zh) = (&items.en, &items.zh);
                        tr!("the {en} are empty", "{zh}为空")
                    },
                    "/budget",
                    tr!("no expenditure lines", "缺少经费支出明细"),
                )
                .requires({
                    let (en, zh) = (&name.en, &name.zh);
                    tr!("itemised lines adding up to the {en}", "各支出明细合计等于{zh}")
                })
                .cite(Some(rule.cite.clone()))
                .with_help(tr!(
                    "list the expenditure lines under `budget.items` with `name`, `amount` and `basis`",
                    "请在 `budget.items` 下逐项列出支出明细，写明 `name`（科目）、`amount`（金额）和 `basis`（测算依据）"
                ));
            cx.push(f);
            continue;
        }
        let Some(amounts) = b.items.iter().map(|i| i.amount).collect::<Option<Vec<Money>>>() else { continue };
        let sum: Money = amounts.iter().copied().sum();
        if sum == target {
            continue;
        }
        let parts: Vec<String> = amounts.iter().map(Money::to_string).collect();
        let (parts, d, en, zh) = (parts.join(" + "), diff(sum, target), &name.en, &name.zh);
        let target_name = crate::schema::field_name(ptr);
        let (target_en, target_zh) = (&target_name.en, &target_name.zh);
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!(
                    "budget items add up to {sum} {unit} ({parts}), not the {target_en} {target} {unit}",
                    "支出明细合计 {sum} {unit}（{parts}），与{target_zh}{target} {unit} 不符"
                ),
                "/budget/items",
                tr!("these items", "这些明细"),
            )
            .also(cx.at(ptr), name.clone())
            .requires(tr!("sum of items = {en}", "各项明细之和 = {zh}"))
            .cite(Some(rule.cite.clone()))
            .with_help(tr!("adjust the items by {d} {unit}", "请将明细合计调整 {d} {unit}"));
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
        insta::assert_snapshot!("items_do_not_add_up_zh", out.rendered_in(crate::i18n::Lang::Zh));
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
