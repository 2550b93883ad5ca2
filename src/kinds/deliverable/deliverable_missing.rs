//! `deliverable.missing`: a written deliverable the category requires is not planned.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deliverable.missing",
        summary: "a report or case study the category requires is not planned (or fewer than required)",
        doc: "Notices require written deliverables (提交1篇不少于1500字的典型工作案例, 字数不少于2万字的总结报告). \
              List each under `deliverables:` with the call's id and its planned length in characters.",
        summary_zh: "未计划类别要求的报告或案例（或数量不足）",
        doc_zh: "通知要求提交书面成果（提交1篇不少于1500字的典型工作案例；字数不少于2万字的总结报告）。\
                 请在 `deliverables:` 下按通知的编号逐一列出，并写明计划字数。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    // A plan whose id could not be read may be the one missing.
    if cx.app.deliverables.iter().enumerate().any(|(i, p)| p.id.is_none() || cx.unusable(&format!("/deliverables/{i}/id")))
        || cx.unusable("/deliverables")
    {
        return;
    }
    for d in &cat.deliverables {
        let planned = cx.app.deliverables.iter().filter(|p| p.id.as_deref() == Some(d.id.as_str())).count() as u32;
        if planned >= d.count {
            continue;
        }
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!(
                    "{} `{}` planned {planned} time(s); the notice requires {}",
                    "{0} `{1}` 计划 {planned} 份，通知要求 {2} 份",
                    d.name,
                    d.id,
                    d.count
                ),
                "/deliverables",
                tr!("deliverables", "成果"),
            )
            .requires({
                let (n, name, len) = (d.count, &d.name, length(d.min_chars, d.max_chars));
                Text::new(format!("{n} × {name}{}", len.en), format!("{name} {n} 份{}", len.zh))
            })
            .cite(Some(d.cite.clone()))
            .with_help(tr!(
                "add `- {{ id: {}, chars: <planned length> }}` under `deliverables:`",
                "请在 `deliverables:` 下添加 `- {{ id: {}, chars: <计划字数> }}`",
                d.id
            ));
        cx.push(f);
    }
}

pub(super) fn length(min: Option<u32>, max: Option<u32>) -> Text {
    match (min, max) {
        (Some(a), Some(b)) => tr!(", {a} to {b} characters", "，{a}–{b} 字"),
        (Some(a), None) => tr!(", at least {a} characters", "，不少于 {a} 字"),
        (None, Some(b)) => tr!(", at most {b} characters", "，不超过 {b} 字"),
        (None, None) => Text::default(),
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn case_study_not_planned() {
        let out = check(&edit(&[("  - { id: case-study, title: 人工智能学会服务产业典型案例, chars: 2000 }\n", "  []\n")]));
        assert_eq!(out.codes(), ["deliverable.missing"]);
        insta::assert_snapshot!(out.rendered());
    }
}
