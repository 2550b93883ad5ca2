//! The `kpi` requirement kind. Performance targets (绩效目标), with bounds and alternatives, and per-event attendance.

mod event_attendance;
mod kpi_choice;
mod kpi_missing;
mod kpi_range;
mod kpi_unknown;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::{compile, ids};

pub const KIND: Kind =
    Kind { name: "kpi", rules: &[&kpi_missing::RULE, &kpi_range::RULE, &kpi_choice::RULE, &kpi_unknown::RULE, &event_attendance::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

/// A performance target, or a choice among targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub per_event_min_attendance: Option<u32>,
    /// Non-empty for a choice: met when at least `at_least` options are met.
    pub options: Vec<Kpi>,
    pub at_least: u32,
    pub cite: Citation,
}

impl Kpi {
    /// The requirement in words, e.g. "≥ 30 名".
    pub fn requirement(&self) -> String {
        let unit = self.unit.as_deref().unwrap_or("");
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => format!("exactly {a} {unit}"),
            (Some(a), Some(b)) => format!("{a} to {b} {unit}"),
            (Some(a), None) => format!("at least {a} {unit}"),
            (None, Some(b)) => format!("at most {b} {unit}"),
            (None, None) => "a stated target".to_owned(),
        }
        .trim_end()
        .to_owned()
    }

    /// [`Kpi::requirement`] in Chinese: 不少于 3 场.
    pub fn requirement_zh(&self) -> String {
        let unit = self.unit.as_deref().unwrap_or("");
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => format!("{a} {unit}"),
            (Some(a), Some(b)) => format!("{a}–{b} {unit}"),
            (Some(a), None) => format!("不少于 {a} {unit}"),
            (None, Some(b)) => format!("不超过 {b} {unit}"),
            (None, None) => "须填写目标值".to_owned(),
        }
        .trim_end()
        .to_owned()
    }

    /// [`Kpi::requirement`] in both languages.
    pub fn requirement_text(&self) -> crate::i18n::Text {
        crate::i18n::Text::new(self.requirement(), self.requirement_zh())
    }
}
