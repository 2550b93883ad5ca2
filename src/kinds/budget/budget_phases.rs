//! `budget.phases-sum`: the phase budgets do not add up to the total.
use crate::kinds::prelude::*;
use crate::model::BudgetRuleKind;
use crate::values::Money;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.phases-sum",
        summary: "the budgets of the implementation phases do not add up to the total",
        doc: "Forms with a phased plan (实施阶段 with 经费预算) need the phase budgets to add up to the \
              total budget. A phase without an amount is reported when the call has this rule.",
        summary_zh: "各实施阶段的经费合计不等于总预算",
        doc_zh: "有分阶段计划的表格（实施阶段及经费预算）要求各阶段经费合计等于经费总预算。\
                 通知有此规则时，未填经费的阶段也会报告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(rule) = cx.call.form.budget.iter().find(|r| r.value == BudgetRuleKind::PhasesSumToTotal) else { return };
    let b = cx.app.budget();
    if cx.unusable("/budget/phases") {
        return;
    }
    if b.phases.is_empty() {
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                {
                    let at = crate::schema::field_name("/budget/phases");
                    let (en, zh) = (&at.en, &at.zh);
                    tr!("the budget lists no {en}", "预算未列出{zh}")
                },
                "/budget",
                tr!("no phases", "缺少实施阶段"),
            )
            .requires(tr!("phases whose budgets add up to the total budget", "各实施阶段经费合计等于经费总预算"))
            .cite(Some(rule.cite.clone()))
            .with_help(tr!(
                "list the phases under `budget.phases` with `name`, `amount`, `start` and `end`",
                "请在 `budget.phases` 下列出各阶段，写明 `name`、`amount`、`start` 和 `end`"
            ));
        cx.push(f);
        return;
    }
    let mut missing = false;
    for (i, p) in b.phases.iter().enumerate() {
        if p.amount.is_none() {
            missing = true;
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    {
                        let (name, at) =
                            (p.name.as_deref().unwrap_or_default(), crate::schema::field_name(&format!("/budget/phases/{i}/amount")));
                        let (en, zh) = (&at.en, &at.zh);
                        tr!("phase `{name}` has no {en}", "阶段 `{name}` 未填{zh}")
                    },
                    &format!("/budget/phases/{i}"),
                    tr!("no phase budget", "缺少阶段经费"),
                )
                .cite(Some(rule.cite.clone()));
            cx.push(f);
        }
    }
    if missing {
        return;
    }
    let Some(total) = b.total else { return };
    let sum: Money = b.phases.iter().filter_map(|p| p.amount).sum();
    if sum != total {
        let unit = cx.call.money_unit;
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                {
                    let at = crate::schema::field_name("/budget/total");
                    let (en, zh) = (&at.en, &at.zh);
                    tr!(
                        "phase budgets add up to {sum} {unit}, not the {en} {total} {unit}",
                        "各阶段经费合计 {sum} {unit}，与{zh}{total} {unit} 不符"
                    )
                },
                "/budget/phases",
                tr!("these phases", "这些阶段"),
            )
            .also(cx.at("/budget/total"), tr!("total budget", "经费总预算"))
            .requires(tr!("sum of phase budgets = total budget", "各阶段经费之和 = 经费总预算"))
            .cite(Some(rule.cite.clone()));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn phases_do_not_add_up() {
        let out = check(&edit(&[("amount: 3.3, start: 2025-09-01", "amount: 3, start: 2025-09-01")]));
        assert_eq!(out.codes(), ["budget.phases-sum"]);
        insta::assert_snapshot!(out.rendered());
    }
}
