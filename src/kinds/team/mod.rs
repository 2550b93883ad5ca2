//! The `team` requirement kind. Requirements on the project team: its size and its leader's title.

mod team_leader;
mod team_size;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::compile;

pub const KIND: Kind = Kind { name: "team", rules: &[&team_size::RULE, &team_leader::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub min_members: Option<u32>,
    pub leader_titles: Vec<String>,
    pub cite: Citation,
}
