//! The `preference` requirement kind. What reviewers favour: advice, never a failure.

mod preference_unmet;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "preference", rules: &[&preference_unmet::RULE] };
