//! The `kpi` requirement kind. Performance targets (绩效目标), with bounds and alternatives, and per-event attendance.

mod event_attendance;
mod kpi_choice;
mod kpi_missing;
mod kpi_range;
mod kpi_unknown;

use crate::kinds::Kind;

pub const KIND: Kind =
    Kind { name: "kpi", rules: &[&kpi_missing::RULE, &kpi_range::RULE, &kpi_choice::RULE, &kpi_unknown::RULE, &event_attendance::RULE] };
