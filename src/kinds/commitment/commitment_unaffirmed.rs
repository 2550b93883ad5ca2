//! `commitment.unaffirmed`: a commitment the applicant must affirm is not affirmed.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "commitment.unaffirmed",
        summary: "a commitment the notice asks the applicant to affirm is not affirmed",
        doc: "Some notices require a statement in the form (申报单位须明确承诺严格执行国家财政经费管理规定；\
              未明确承诺者将作无效申报处理). The draft affirms each such commitment by its id: \
              `commitments: { finance-rules: true }`. A missing or `false` affirmation is an error, \
              or a warning where the notice softens it. Commitments that bind after the award are \
              listed in the guide and not asked of the draft.",
        summary_zh: "未作出通知要求申报单位作出的承诺",
        doc_zh: "有些通知要求在表格中作出声明（申报单位须明确承诺严格执行国家财政经费管理规定；\
                 未明确承诺者将作无效申报处理）。草稿按编号确认每项承诺：`commitments: { finance-rules: true }`。\
                 缺少确认或写为 `false` 为错误，通知放宽时为警告。立项后才有约束的承诺列在指南中，\
                 不要求草稿填写。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    if cx.unusable("/commitments") {
        return;
    }
    for c in &cx.call.commitments {
        if !c.affirm || !cx.in_scope(&c.categories, c.when.as_ref()) {
            continue;
        }
        let ptr = format!("/commitments/{}", crate::document::escape(&c.id));
        let given = cx.app.commitments.get(&c.id).copied();
        if given == Some(true) || cx.unusable(&ptr) {
            continue;
        }
        let label = if given == Some(false) { tr!("not affirmed", "未承诺") } else { tr!("no `{}` here", "此处缺少 `{}`", c.id) };
        let severity = if c.soft { Severity::Warning } else { Severity::Error };
        let at = if given.is_some() { ptr.clone() } else { "/commitments".to_owned() };
        let f = cx
            .finding(RULE.info, severity, tr!("the applicant does not affirm: {}", "申报单位未作出承诺：{}", c.text), &at, label)
            .requires(tr!("the applicant affirms: {}", "申报单位须承诺：{}", c.text))
            .cite(Some(c.cite.clone()))
            .with_help(tr!("affirm it: `commitments: {{ {}: true }}`", "请作出承诺：`commitments: {{ {}: true }}`", c.id));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_commitment_left_unaffirmed() {
        let out = check(&edit(&[("commitments:\n  finance-rules: true\n", "")]));
        assert_eq!(out.codes(), ["commitment.unaffirmed"]);
        insta::assert_snapshot!(out.rendered());
        let out = check(&edit(&[("  finance-rules: true", "  finance-rules: false")]));
        assert_eq!(out.codes(), ["commitment.unaffirmed"]);
    }
}
