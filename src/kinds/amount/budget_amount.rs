//! `budget.amount-mismatch`: the requested amount differs from the category's fixed amount.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.amount-mismatch",
        summary: "the requested amount is not the category's fixed amount",
        doc: "Where the notice fixes the funding per project (19.8万/项, 每个60万元, 0万/项), the \
              requested amount must be exactly that (杭州: 请按文件中的委托经费额度填报). Amounts \
              are compared as exact decimals in the call's money unit.",
        summary_zh: "申请经费不等于该类别的固定资助额度",
        doc_zh: "通知规定每项定额资助时（19.8万/项、每个60万元、0万/项），申请经费须正好等于该额度（杭州：\
                 请按文件中的委托经费额度填报）。金额以通知的货币单位按精确十进制比较。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    let Some(requested) = cx.app.budget().requested else { return };
    let unit = cx.call.money_unit;
    // The field's name, made only for a finding.
    let at = || crate::schema::field_name("/budget/requested");
    if cat.paid_after {
        // 后奖补: the funding comes after the event, so nothing is requested up front.
        let (Some(cite), false) = (cat.amount.cite(), requested.0.is_zero()) else { return };
        let (words, at) = (cat.amount.words(unit, true), at());
        let (at_en, at_zh) = (&at.en, &at.zh);
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                Text::new(
                    format!("{at_en} {requested} {unit}, but {} is funded after the event: {}", cat.full_name(), words.en),
                    format!("{at_zh}{requested} {unit}，但 {} 为后奖补：{}", cat.full_name(), words.zh),
                ),
                "/budget/requested",
                tr!("requested up front", "预先申请的经费"),
            )
            .requires(cat.amount.requirement(unit, true))
            .cite(Some(cite.clone()))
            .with_help(tr!("request 0 now; the funder pays after the event", "申请经费请填 0；资助在活动结束后拨付"));
        cx.push(f);
        return;
    }
    if let Amount::Grades(grades, cite) = &cat.amount {
        // Above the highest grade is `budget.over-cap`; between grades, a warning.
        let top = grades.iter().map(|g| g.value).max().unwrap_or_default();
        if requested > top || grades.iter().any(|g| g.value == requested) {
            return;
        }
        let at = at();
        let (at_en, at_zh) = (&at.en, &at.zh);
        let f = cx
            .finding(
                RULE.info,
                Severity::Warning,
                tr!("{at_en} {requested} {unit} is not the amount of any grade", "{at_zh}{requested} {unit} 不是任一等级的额度"),
                "/budget/requested",
                tr!("requested amount", "申请经费"),
            )
            .requires(cat.amount.requirement(unit, false))
            .cite(Some(cite.clone()))
            .with_help(tr!(
                "the reviewers award the grade; request the amount of the grade you apply for",
                "等级由评审确定；请按所申报等级的额度填写"
            ));
        cx.push(f);
        return;
    }
    let Amount::Fixed(amount, cite) = &cat.amount else { return };
    if requested == *amount {
        return;
    }
    let (name, at) = (cat.full_name(), at());
    let (at_en, at_zh) = (&at.en, &at.zh);
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!(
                "{at_en} {requested} {unit}, but {name} is funded at exactly {amount} {unit}",
                "{at_zh}{requested} {unit}，但 {name} 的资助额度固定为 {amount} {unit}"
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

    fn requesting(category: &str, requested: &str) -> Outcome {
        let budget = format!("  total: {requested}\n  requested: {requested}\n  other: 0");
        let out = check(&edit(&[
            ("category: fixed/forum", &format!("category: {category}")),
            ("  total: 6.6\n  requested: 5\n  other: 1.6", &budget),
        ]));
        Outcome {
            findings: out
                .findings
                .into_iter()
                .filter(|f| f.code.code.starts_with("budget.") && f.code.code != "budget.items-sum" && f.code.code != "budget.phases-sum")
                .collect(),
        }
    }

    #[test]
    fn a_graded_amount_takes_the_amount_of_a_grade() {
        assert!(requesting("graded", "3").findings.is_empty());
        assert!(requesting("graded", "2").findings.is_empty());
        let between = requesting("graded", "2.5");
        assert_eq!(between.codes(), ["budget.amount-mismatch"]);
        assert_eq!(between.findings[0].severity, crate::diagnostics::Severity::Warning);
        insta::assert_snapshot!(between.rendered());
        assert_eq!(requesting("graded", "4").codes(), ["budget.over-cap"]);
    }

    #[test]
    fn funding_paid_after_the_event_is_not_requested_up_front() {
        assert!(requesting("rewarded", "0").findings.is_empty());
        let out = requesting("rewarded", "5");
        assert_eq!(out.codes(), ["budget.amount-mismatch"]);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn more_than_the_fixed_amount() {
        let out = check(&edit(&[("  total: 6.6\n  requested: 5\n  other: 1.6", "  total: 6.6\n  requested: 6\n  other: 0.6")]));
        assert_eq!(out.codes(), ["budget.amount-mismatch", "budget.items-sum"]);
        insta::assert_snapshot!(out.rendered());
    }
}
