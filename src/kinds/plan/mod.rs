//! The `plan` requirement kind. The work plan a call serves, and its priorities.

mod plan_priority;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "plan", rules: &[&plan_priority::RULE] };
