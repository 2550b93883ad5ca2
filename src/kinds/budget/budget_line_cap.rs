//! `budget.line-share`: capped budget lines (管理费) take more than the notice allows.
use super::Of;
use crate::kinds::prelude::*;
use crate::values::Money;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "budget.line-share",
        summary: "budget lines the notice caps as a share (管理费不超过5%) take more than that share",
        doc: "Some notices cap a kind of expenditure as a share of the budget (管理费不超过申请经费的5%). The \
              itemised lines whose name contains a capped name are added up and compared, as exact \
              decimals, with that share of the requested amount (or of the total). Over is an error, \
              or a warning where the notice says 原则上.",
        summary_zh: "通知按比例限定的预算科目（管理费不超过5%）超过了该比例",
        doc_zh: "有些通知按预算的比例限定某类支出（管理费不超过申请经费的5%）。名称中含有受限名称的各明细行相加后，以精确小数与申请经费（或总额）\
                 的该比例比较。超出为错误；通知写明“原则上”的为警告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let b = cx.app.budget();
    if cx.unusable("/budget/items") {
        return;
    }
    for cap in &cx.call.form.line_caps {
        let (base, base_ptr) = match cap.of {
            Of::Requested => (b.requested, "/budget/requested"),
            Of::Total => (b.total, "/budget/total"),
        };
        let Some(base) = base else { continue };
        let counted: Vec<(usize, Money)> = b
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.name.as_deref().is_some_and(|n| cap.lines.iter().any(|l| n.contains(l.as_str()))))
            .filter_map(|(i, it)| it.amount.map(|a| (i, a)))
            .collect();
        let Some((first, _)) = counted.first().copied() else { continue };
        let sum: Money = counted.iter().map(|(_, a)| *a).sum();
        let limit = Money(base.0 * cap.max_percent.0 / rust_decimal::Decimal::from(100));
        if sum <= limit {
            continue;
        }
        let unit = cx.call.money_unit;
        let names = cap.lines.join("、");
        let mut f = cx
            .finding(
                RULE.info,
                if cap.soft { Severity::Warning } else { Severity::Error },
                tr!("{names} come to {sum} {unit}, more than {limit} {unit}", "{names}合计 {sum} {unit}，超过 {limit} {unit}"),
                &format!("/budget/items/{first}/amount"),
                tr!("capped line", "受限支出"),
            )
            .requires(cap.words())
            .cite(Some(cap.cite.clone()))
            .with_help(tr!("lower these lines to at most {limit}", "请将这些支出压减至不超过 {limit}"));
        for (i, _) in &counted[1..] {
            f = f.also(cx.at(&format!("/budget/items/{i}/amount")), tr!("also counted", "同样计入"));
        }
        f = f.also(cx.at(base_ptr), tr!("the base", "计算基数"));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_management_fee_over_its_share() {
        let out = check(&edit(&[(
            "    - { name: 专家咨询费, amount: 1.7, basis: 专家17人次×0.1万元 }",
            "    - { name: 专家咨询费, amount: 1.4, basis: 专家14人次×0.1万元 }\n    - { name: 管理费, amount: 0.3 }",
        )]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "budget.line-share").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
        // 5% of 5 is 0.25: exactly that is fine.
        let out = check(&edit(&[(
            "    - { name: 专家咨询费, amount: 1.7, basis: 专家17人次×0.1万元 }",
            "    - { name: 专家咨询费, amount: 1.45, basis: 专家14人次×0.1万元 }\n    - { name: 管理费, amount: 0.25 }",
        )]));
        assert!(!out.codes().contains(&"budget.line-share"), "{:?}", out.codes());
    }
}
