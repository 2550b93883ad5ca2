//! The `exclusion` requirement kind. Situations that bar an applicant, attested in the draft.

mod exclusion_applies;
mod exclusion_unattested;
mod exclusion_unknown;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::{compile, exclusions};

pub const KIND: Kind =
    Kind { name: "exclusion", rules: &[&exclusion_unattested::RULE, &exclusion_applies::RULE, &exclusion_unknown::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Exclusion {
    pub id: String,
    pub text: String,
    pub applies_to: Vec<String>,
    pub soft: bool,
    /// It applies only where this holds.
    pub when: Option<crate::kinds::condition::Expr>,
    /// True when `text` is the spec author's summary, not the notice's words.
    pub summary: bool,
    pub cite: Citation,
}
