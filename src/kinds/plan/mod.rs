//! The `plan` requirement kind. The work plan a call serves, and the priorities a draft serves.

mod plan_priority;

pub use plan_priority::{NONE, alignment, draft_alignment};

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "plan", rules: &[&plan_priority::RULE] };
