//! `period.after-completion`: the project ends after the call's completion date.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "period.after-completion",
        summary: "the project period ends after the completion date the notice sets",
        doc: "Projects must be completed by the notice's date (2025年11月30日前, 2022年6月底前完成). A \
              later `project.end` is an error, or a warning where the notice softens it (原则上要求…前完成).",
        summary_zh: "项目期限的结束晚于通知规定的完成日期",
        doc_zh: "项目须在通知规定的日期前完成（2025年11月30日前；2022年6月底前完成）。`project.end` 晚于该日期为错\
                 误，通知放宽时为警告（原则上要求…前完成）。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(c) = cx.category.and_then(|c| c.completion.as_ref()) else { return };
    let Some(end) = &cx.app.project().end else { return };
    if end.end() <= c.by.end() {
        return;
    }
    let by = &c.by;
    let (severity, req) = if c.soft {
        (Severity::Warning, tr!("in principle (原则上) completed by {by}", "原则上于 {by} 前完成"))
    } else {
        (Severity::Error, tr!("completed by {by}", "须于 {by} 前完成"))
    };
    let f = cx
        .finding(
            RULE.info,
            severity,
            {
                let at = crate::schema::field_name("/project/end");
                let (en, zh) = (&at.en, &at.zh);
                tr!("the {en}, {end}, is after the completion date {by}", "{zh}{end} 晚于完成期限 {by}")
            },
            "/project/end",
            tr!("project end", "项目结束日期"),
        )
        .requires(req)
        .cite(Some(c.cite.clone()))
        .with_help(tr!("plan the project to end by {by}", "请将项目安排在 {by} 前结束"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn ends_after_a_soft_completion_date() {
        let out = check(&edit(&[("  end: 2025-11-30\nlead:", "  end: 2025-12-31\nlead:")]));
        assert_eq!(out.codes(), ["period.after-completion"]);
        assert_eq!(out.findings[0].severity, crate::diagnostics::Severity::Warning);
        insta::assert_snapshot!(out.rendered());
    }
}
