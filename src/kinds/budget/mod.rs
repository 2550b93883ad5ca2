//! The `budget` requirement kind. The form's budget arithmetic: totals, itemised lines, phases.

mod budget_items;
mod budget_phases;
mod budget_total;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "budget", rules: &[&budget_total::RULE, &budget_items::RULE, &budget_phases::RULE] };
