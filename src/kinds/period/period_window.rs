//! `period.window`: the project starts before or ends after the execution window the notice sets.
use crate::kinds::bounds::Miss;
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "period.window",
        summary: "the project period lies outside the execution window the notice sets",
        doc: "Some notices fix when projects run (执行时间：2023年9~11月; 2019年1—11月内举办): the project may \
              start no earlier and end no later. A start before the window or an end after it is an \
              error, or a warning where the notice says 原则上.",
        summary_zh: "项目期限超出通知规定的执行时间",
        doc_zh: "有些通知规定项目的执行时间（执行时间：2023年9~11月；2019年1—11月内举办）：\
                 项目不得早于其开始，也不得晚于其结束。开始早于或结束晚于执行时间为错误，\
                 通知写“原则上”时为警告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(w) = cx.category.and_then(|c| c.window.as_ref()) else { return };
    let p = cx.app.project();
    let severity = if w.bounds.soft { Severity::Warning } else { Severity::Error };
    for (at, value) in [("/project/start", p.start), ("/project/end", p.end)] {
        let Some(v) = value else { continue };
        let miss = match (at, w.bounds.min, w.bounds.max) {
            ("/project/start", Some(from), _) if v.start() < from.start() => Some(Miss::Below),
            ("/project/end", _, Some(until)) if v.end() > until.end() => Some(Miss::Above),
            _ => None,
        };
        let Some(miss) = miss else { continue };
        let named = crate::schema::field_name(at);
        let (en, zh) = (&named.en, &named.zh);
        let (msg, label) = match miss {
            Miss::Below => (tr!("the {en}, {v}, is before the window opens", "{zh}{v} 早于执行时间"), tr!("too early", "过早")),
            Miss::Above => (tr!("the {en}, {v}, is after the window closes", "{zh}{v} 晚于执行时间"), tr!("too late", "过晚")),
        };
        let words = w.words();
        let f = cx
            .finding(RULE.info, severity, msg, at, label)
            .requires(Text::new(format!("the project runs {}", words.en), format!("执行时间：{}", words.zh)))
            .cite(Some(w.cite.clone()))
            .with_help(tr!("plan the project within the window", "请将项目安排在执行时间内"));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_project_outside_the_window() {
        let out = check(&edit(&[("category: fixed/forum", "category: ranged"), ("  start: 2025-05-01", "  start: 2025-04-01")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "period.window").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
