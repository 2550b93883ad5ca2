//! `budget.amount-mismatch`: the requested amount differs from the category's fixed amount.
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.amount-mismatch",
        summary: "the requested amount is not the category's fixed amount",
        doc: "Where the notice fixes the funding per project (19.8万/项, 每个60万元, 0万/项), the \
              requested amount must be exactly that (杭州: 请按文件中的委托经费额度填报). Amounts \
              are compared as exact decimals in the call's money unit.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(Amount::Fixed(amount, cite)) = cx.category.map(|c| &c.amount) else { return };
    let Some(requested) = cx.app.budget().requested else { return };
    if requested == *amount {
        return;
    }
    let unit = cx.call.money_unit;
    let name = cx.category.map(|c| c.full_name()).unwrap_or_default();
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!(
                "requested {requested} {unit}, but {name} is funded at exactly {amount} {unit}",
                "申请经费 {requested} {unit}，但 {name} 的资助额度固定为 {amount} {unit}"
            ),
            "/budget/requested",
            tr!("requested amount", "申请经费"),
        )
        .requires(tr!("requested = {amount} {unit} (fixed per project)", "申请经费 = {amount} {unit}（每项定额资助）"))
        .cite(Some(cite.clone()))
        .with_help(tr!(
            "request exactly {amount}; put further funds under `other`",
            "申请经费请填 {amount}；其余经费列入 `other`（其他来源）"
        ));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn more_than_the_fixed_amount() {
        let out = check(&edit(&[("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 6.6\n  requested: 6\n  other: 0.6")]));
        assert_eq!(out.codes(), ["budget.amount-mismatch", "budget.items-sum"]);
        insta::assert_snapshot!(out.rendered());
    }
}
