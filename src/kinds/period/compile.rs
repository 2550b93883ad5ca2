//! Compiling the project period: a completion date after the deadlines, a window that ends
//! after it starts, a length with a bound.

use super::{Completion, Duration, Window, spec};
use crate::compile::Cx;
use crate::compile::codes::*;
use crate::kinds::bounds::Bounds;
use crate::tr;

/// The compiled completion date; `None` when its date is unusable (the schema said why).
pub(crate) fn completion(cx: &mut Cx, c: &spec::Completion, ptr: &str) -> Option<Completion> {
    let cite = cx.cite(&c.source, ptr, tr!("completion date", "完成期限"));
    let Some(by) = c.by else {
        if !cx.unusable(&format!("{ptr}/by")) {
            cx.error(
                DATE_ORDER,
                tr!("a completion needs `by` (or `none: true`)", "完成期限须有 `by`（或 `none: true`）"),
                ptr,
                tr!("no date", "缺少日期"),
            )
            .help = Some(tr!(
                "write the date, or `none: true` on a category that has no completion date of its own",
                "请填写日期；若该类别没有自己的完成期限，请写 `none: true`"
            ));
        }
        return None;
    };
    let issued = cx.spec().meta().issued;
    if let Some(issued) = issued
        && by < issued
    {
        cx.error(
            DATE_ORDER,
            tr!("completion date {by} is before the notice was issued ({issued})", "完成期限 {by} 早于通知发布日期（{issued}）"),
            &format!("{ptr}/by"),
            tr!("before the issue date", "早于发布日期"),
        );
    } else if let Some(last) = cx.spec().deadlines.iter().filter_map(|d| d.closes).max()
        && by.end() < last.end()
    {
        let f = cx.error(
            DATE_ORDER,
            tr!("completion date {by} is before the last submission deadline ({last})", "完成期限 {by} 早于最后的申报截止时间（{last}）"),
            &format!("{ptr}/by"),
            tr!("before the deadline", "早于截止时间"),
        );
        f.help = Some(tr!(
            "projects are completed after applications close; check both dates against the notice",
            "项目应在申报截止后完成；请对照通知核对这两个日期"
        ));
    }
    Some(Completion { by, soft: c.soft, cite })
}

/// Compiles an execution window.
pub(crate) fn window(cx: &mut Cx, w: &spec::WindowSpec, ptr: &str) -> Option<Window> {
    let cite = cx.cite(&w.source, ptr, tr!("execution window", "执行时间"));
    if w.from.is_none() && w.until.is_none() {
        cx.error(MIN_MAX, tr!("a window needs `from` or `until`", "执行时间须有 `from` 或 `until`"), ptr, tr!("no bound", "缺少界限"));
        return None;
    }
    if let (Some(a), Some(b)) = (w.from, w.until)
        && a.start() > b.end()
    {
        cx.error(
            DATE_ORDER,
            tr!("the window starts ({a}) after it ends ({b})", "执行时间的开始（{a}）晚于结束（{b}）"),
            &format!("{ptr}/from"),
            tr!("start", "开始"),
        );
    }
    Some(Window { bounds: Bounds { min: w.from, max: w.until, soft: w.soft }, cite })
}

/// Compiles a project length.
pub(crate) fn duration(cx: &mut Cx, d: &spec::DurationSpec, ptr: &str) -> Option<Duration> {
    let cite = cx.cite(&d.source, ptr, tr!("project length", "项目周期"));
    if d.min_months.is_none() && d.max_months.is_none() {
        cx.error(
            MIN_MAX,
            tr!("a duration needs `min_months` or `max_months`", "周期须有 `min_months` 或 `max_months`"),
            ptr,
            tr!("no bound", "缺少界限"),
        );
        return None;
    }
    if let (Some(a), Some(b)) = (d.min_months, d.max_months)
        && a > b
    {
        cx.error(
            MIN_MAX,
            tr!("`min_months` {a} is above `max_months` {b}", "`min_months` {a} 大于 `max_months` {b}"),
            &format!("{ptr}/min_months"),
            tr!("minimum", "下限"),
        );
    }
    Some(Duration { months: Bounds { min: d.min_months, max: d.max_months, soft: d.soft }, cite })
}
