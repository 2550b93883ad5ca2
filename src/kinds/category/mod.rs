//! The `category` requirement kind. The category a form applies for: one, existing, of the call named.

mod call_mismatch;
mod category_count;
mod category_unknown;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "category", rules: &[&call_mismatch::RULE, &category_count::RULE, &category_unknown::RULE] };
