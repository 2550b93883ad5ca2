//! The `team` requirement kind. Requirements on the project team: its size and its leader's title.

mod team_leader;
mod team_size;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "team", rules: &[&team_size::RULE, &team_leader::RULE] };
