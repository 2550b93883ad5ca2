//! The `deliverable` requirement kind. Written deliverables (reports, cases) and their lengths.

mod deliverable_length;
mod deliverable_missing;
mod deliverable_unknown;

use crate::kinds::Kind;

pub const KIND: Kind =
    Kind { name: "deliverable", rules: &[&deliverable_missing::RULE, &deliverable_length::RULE, &deliverable_unknown::RULE] };
