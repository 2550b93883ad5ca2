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

mod compile;
pub mod spec;

use chrono::{Months, NaiveDate};

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::kinds::Kind;
use crate::kinds::bounds::{Bounds, Scale};
use crate::values::When;

pub(crate) use compile::{completion, duration, window};
pub use spec::{DurationSpec, WindowSpec};

pub const KIND: Kind =
    Kind { name: "period", rules: &[&period_order::RULE, &period_completion::RULE, &period_window::RULE, &period_duration::RULE] };

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

#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub by: When,
    pub soft: bool,
    pub cite: Citation,
}
