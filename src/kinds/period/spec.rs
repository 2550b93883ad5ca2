//! What a spec says of the project period: `completion:`, `window:`, `duration:`.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::values::When;

/// A completion date.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// The last day of the project period.
    #[serde(default)]
    pub by: Option<When>,
    /// True on a category that has no completion date of its own although the call or its group
    /// has one (its notice gives another period, e.g. 以三年为周期): it inherits none.
    #[serde(default)]
    pub none: bool,
    /// True when the notice says 原则上 (a later end is a warning, not an error).
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

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
