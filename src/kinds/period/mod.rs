//! The `period` kind: the project period a notice allows. Its order (start before end), the
//! completion date (`completion:`, inherited down the category tree, `none: true` where a
//! category has none of its own), an execution window (`window:`, 执行时间：2023年9~11月: the
//! project starts no earlier and ends no later), and a length (`duration:`, 研究周期4-6个月).
//!
//! ```yaml
//! completion: { by: 2025-11-30, soft: true, source: c4 }          # 原则上…11月底前完成
//! window: { from: 2023-09-01, until: 2023-11-30, source: c2 }     # 执行时间：2023年9~11月
//! duration: { min_months: 4, max_months: 6, soft: true, source: c3 } # 研究周期原则上为4-6个月
//! ```
//!
//! `soft` makes a miss a warning (原则上). A window's two ends share one `soft`; where only one
//! end is softened, give the hard end as `window` and the soft one as `completion`.

mod period_completion;
mod period_duration;
mod period_order;
mod period_window;

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::kinds::Kind;
use crate::kinds::bounds::{Bounds, Scale};
use crate::tr;
use crate::values::When;

pub const KIND: Kind =
    Kind { name: "period", rules: &[&period_order::RULE, &period_completion::RULE, &period_window::RULE, &period_duration::RULE] };

/// When the project may run (执行时间): it starts no earlier than `from` and ends no later than
/// `until`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    /// The earliest start.
    #[serde(default)]
    pub from: Option<When>,
    /// The latest end.
    #[serde(default)]
    pub until: Option<When>,
    /// True when the notice says 原则上: a project outside the window is a warning.
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

/// How long the project runs, in months (研究周期4-6个月).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DurationSpec {
    /// The fewest months.
    #[serde(default)]
    pub min_months: Option<u32>,
    /// The most months.
    #[serde(default)]
    pub max_months: Option<u32>,
    /// True when the notice says 原则上: another length is a warning.
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

/// An execution window, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub bounds: Bounds<When>,
    pub cite: Citation,
}

/// A project length in months, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    pub months: Bounds<u32>,
    pub cite: Citation,
}

impl Window {
    /// `2023-09-01 至 2023-11-30`, `不早于 2023-09-01`.
    pub fn words(&self) -> Text {
        self.bounds.words("", Scale::Time)
    }
}

impl Duration {
    /// `4 至 6 个月`, `不超过 12 个月`.
    pub fn words(&self) -> Text {
        let w = self.months.words("个月", Scale::Count);
        Text::new(w.en.replace("个月", "months"), w.zh)
    }

    /// Whether a project from `start` to `end` (both days included) is shorter or longer.
    pub fn miss(&self, start: NaiveDate, end: NaiveDate) -> Option<crate::kinds::bounds::Miss> {
        use crate::kinds::bounds::Miss;
        let after_end = end.succ_opt()?;
        let shift = |m: u32| start.checked_add_months(Months::new(m));
        if let Some(min) = self.months.min
            && shift(min).is_some_and(|d| after_end < d)
        {
            return Some(Miss::Below);
        }
        if let Some(max) = self.months.max
            && shift(max).is_some_and(|d| after_end > d)
        {
            return Some(Miss::Above);
        }
        None
    }
}

/// Compiles an execution window.
pub(crate) fn window(cx: &mut crate::compile::Cx, w: &WindowSpec, ptr: &str) -> Option<Window> {
    let cite = cx.cite(&w.source, ptr, tr!("execution window", "执行时间"));
    if w.from.is_none() && w.until.is_none() {
        cx.error(
            crate::compile::codes::MIN_MAX,
            tr!("a window needs `from` or `until`", "执行时间须有 `from` 或 `until`"),
            ptr,
            tr!("no bound", "缺少界限"),
        );
        return None;
    }
    if let (Some(a), Some(b)) = (w.from, w.until)
        && a.start() > b.end()
    {
        cx.error(
            crate::compile::codes::DATE_ORDER,
            tr!("the window starts ({a}) after it ends ({b})", "执行时间的开始（{a}）晚于结束（{b}）"),
            &format!("{ptr}/from"),
            tr!("start", "开始"),
        );
    }
    Some(Window { bounds: Bounds { min: w.from, max: w.until, soft: w.soft }, cite })
}

/// Compiles a project length.
pub(crate) fn duration(cx: &mut crate::compile::Cx, d: &DurationSpec, ptr: &str) -> Option<Duration> {
    let cite = cx.cite(&d.source, ptr, tr!("project length", "项目周期"));
    if d.min_months.is_none() && d.max_months.is_none() {
        cx.error(
            crate::compile::codes::MIN_MAX,
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
            crate::compile::codes::MIN_MAX,
            tr!("`min_months` {a} is above `max_months` {b}", "`min_months` {a} 大于 `max_months` {b}"),
            &format!("{ptr}/min_months"),
            tr!("minimum", "下限"),
        );
    }
    Some(Duration { months: Bounds { min: d.min_months, max: d.max_months, soft: d.soft }, cite })
}
