//! The `deliverable` requirement kind. Written deliverables (reports, cases) and their lengths.

mod deliverable_length;
mod deliverable_missing;
mod deliverable_unknown;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::compile;

pub const KIND: Kind =
    Kind { name: "deliverable", rules: &[&deliverable_missing::RULE, &deliverable_length::RULE, &deliverable_unknown::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Deliverable {
    pub id: String,
    pub name: String,
    pub count: u32,
    pub min_chars: Option<u32>,
    pub max_chars: Option<u32>,
    /// A length given without 不少于/不超过: shown, never checked.
    pub nominal_chars: Option<u32>,
    pub cite: Citation,
}
