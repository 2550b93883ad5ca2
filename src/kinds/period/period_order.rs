//! `period.order`: the project period ends before it starts.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "period.order",
        summary: "the project period (or a phase) ends before it starts",
        doc: "`project.start` must not be after `project.end`, and each budget phase must start no \
              later than it ends.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let p = cx.app.project();
    if let (Some(start), Some(end)) = (p.start, p.end)
        && start.start() > end.end()
    {
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("the project ends ({end}) before it starts ({start})", "项目结束时间（{end}）早于开始时间（{start}）"),
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
                tr!(
                    "phase `{}` ends ({end}) before it starts ({start})",
                    "阶段 `{}` 的结束时间（{end}）早于开始时间（{start}）",
                    ph.name.as_deref().unwrap_or_default()
                ),
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
