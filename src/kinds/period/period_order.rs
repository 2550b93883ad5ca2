//! `period.order`: the project period ends before it starts.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "period.order",
        summary: "the project period (or a phase) ends before it starts",
        doc: "`project.start` must not be after `project.end`, and each budget phase must start no \
              later than it ends.",
        summary_zh: "项目期限（或某一阶段）的结束早于开始",
        doc_zh: "`project.start` 不得晚于 `project.end`，每个预算阶段的开始也不得晚于其结束。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let p = cx.app.project();
    if let (Some(start), Some(end)) = (p.start, p.end)
        && start.start() > end.end()
    {
        let [e, s] = ["/project/end", "/project/start"].map(crate::schema::field_name);
        let (e_en, e_zh, s_en, s_zh) = (&e.en, &e.zh, &s.en, &s.zh);
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("the {e_en}, {end}, is before the {s_en}, {start}", "{e_zh}{end} 早于{s_zh}{start}"),
                "/project/end",
                tr!("end", "结束"),
            )
            .also(cx.at("/project/start"), tr!("start", "开始"))
            .with_help(tr!("swap or correct the dates", "请对调或更正日期"));
        cx.push(f);
    }
    for (i, ph) in cx.app.budget().phases.iter().enumerate() {
        let (Some(start), Some(end)) = (ph.start, ph.end) else { continue };
        if start.start() > end.end() {
            let f = cx.finding(
                RULE.info,
                Severity::Error,
                {
                    let name = ph.name.as_deref().unwrap_or_default();
                    let [e, s] = ["end", "start"].map(|k| crate::schema::field_name(&format!("/budget/phases/{i}/{k}")));
                    let (e_en, e_zh, s_en, s_zh) = (&e.en, &e.zh, &s.en, &s.zh);
                    tr!("phase `{name}`: the {e_en}, {end}, is before the {s_en}, {start}", "阶段 `{name}`：{e_zh}{end} 早于{s_zh}{start}")
                },
                &format!("/budget/phases/{i}/end"),
                tr!("end", "结束"),
            );
            cx.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn ends_before_it_starts() {
        let out = check(&edit(&[("  start: 2025-05-01\n  end: 2025-11-30", "  start: 2025-12-01\n  end: 2025-11-30")]));
        assert_eq!(out.codes(), ["period.order"]);
        insta::assert_snapshot!(out.rendered());
    }
}
