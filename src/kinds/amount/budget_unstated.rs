//! `budget.amount-unstated`: the notice states no amount for this category (advice).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.amount-unstated",
        summary: "the notice states no funding amount for this category; the request is for reviewers to judge (advice)",
        doc: "Some notices give no amounts (宁夏科协〔2025〕61号). An unstated amount is never read as \
              0 or as a cap: the request cannot be checked, so callspec only reminds that it will be \
              judged by the funder.",
        summary_zh: "通知未规定该类别的资助额度；申请多少由评审判断（建议）",
        doc_zh: "有些通知不列金额（宁夏科协〔2025〕61号）。未列明的金额绝不按 0 或上限处理：\
                 申请经费无法核对，callspec 只提醒它将由主办单位判断。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(Amount::Unstated(cite)) = cx.category.map(|c| &c.amount) else { return };
    let Some(requested) = cx.app.budget().requested else { return };
    let unit = cx.call.money_unit;
    let at = crate::schema::field_name("/budget/requested");
    let (at_en, at_zh) = (&at.en, &at.zh);
    let f = cx
        .finding(
            RULE.info,
            Severity::Advice,
            tr!(
                "the notice states no amount for this category; the {at_en} {requested} {unit} cannot be checked",
                "通知未规定该类别的资助额度，{at_zh}{requested} {unit} 无法核对"
            ),
            "/budget/requested",
            tr!("not checkable", "无法核对"),
        )
        .cite(cite.clone())
        .with_help(tr!("ask the funder's contact what amount is usual before submitting", "提交前请向通知所列联系人咨询常规资助额度"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn unstated_amount_gives_advice() {
        let out = check(&edit(&[("category: fixed/forum", "category: open")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "budget.amount-unstated").collect();
        assert_eq!(f[0].severity, crate::diagnostics::Severity::Advice);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
