//! `period.duration`: the project runs shorter or longer than the notice allows.
use crate::kinds::bounds::Miss;
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "period.duration",
        summary: "the project period is shorter or longer than the notice allows",
        doc: "Some notices fix how long projects run (研究周期4-6个月). The period counts from `project.start` \
              to `project.end`, both days included: 2023-05-01 to 2023-10-31 is 6 months. A miss is an \
              error, or a warning where the notice says 原则上.",
        summary_zh: "项目期限短于或长于通知允许的长度",
        doc_zh: "有些通知规定项目周期（研究周期4-6个月）。期限从 `project.start` 算到 `project.end`，\
                 首尾两天都计入：2023-05-01 至 2023-10-31 为 6 个月。不符为错误，通知写“原则上”时为警告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(d) = cx.category.and_then(|c| c.duration.as_ref()) else { return };
    let p = cx.app.project();
    let (Some(start), Some(end)) = (p.start, p.end) else { return };
    if end.date < start.date {
        return; // `period.order` reports it.
    }
    let Some(miss) = d.miss(start.date, end.date) else { return };
    let words = d.words();
    let label = match miss {
        Miss::Below => tr!("too short", "过短"),
        Miss::Above => tr!("too long", "过长"),
    };
    let f = cx
        .finding(
            RULE.info,
            if d.months.soft { Severity::Warning } else { Severity::Error },
            Text::new(format!("the project runs from {start} to {end}: {}", label.en), format!("项目自 {start} 至 {end}：{}", label.zh)),
            "/project/end",
            label,
        )
        .requires(Text::new(format!("a project period of {}", words.en), format!("项目周期 {}", words.zh)))
        .cite(Some(d.cite.clone()))
        .with_help(tr!("plan a period of the length the notice states", "请按通知规定的周期安排项目"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_project_longer_than_the_notice_allows() {
        let out = check(&edit(&[("category: fixed/forum", "category: graded")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "period.duration").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }

    #[test]
    fn six_months_counts_both_ends() {
        use crate::kinds::period::Duration;
        let d = Duration { months: crate::kinds::bounds::Bounds::new(Some(4), Some(6)), cite: Default::default() };
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(d.miss(day("2023-05-01"), day("2023-10-31")), None);
        assert_eq!(d.miss(day("2023-05-01"), day("2023-11-01")), Some(crate::kinds::bounds::Miss::Above));
        assert_eq!(d.miss(day("2023-05-01"), day("2023-08-31")), None);
        assert_eq!(d.miss(day("2023-05-01"), day("2023-08-30")), Some(crate::kinds::bounds::Miss::Below));
    }
}
