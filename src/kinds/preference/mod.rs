//! The `preference` requirement kind. What reviewers favour: advice, never a failure.

mod preference_unmet;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::preferences;

pub const KIND: Kind = Kind { name: "preference", rules: &[&preference_unmet::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Preference {
    pub id: String,
    pub text: String,
    pub partner_types: Vec<String>,
    /// Met where this holds.
    pub met: Option<crate::kinds::condition::Expr>,
    /// The JSON pointer the advice is labelled on when `met` does not hold.
    pub field: String,
    pub categories: Vec<String>,
    /// It applies only where this holds.
    pub when: Option<crate::kinds::condition::Expr>,
    /// True when `text` is the spec author's summary, not the notice's words.
    pub summary: bool,
    pub cite: Citation,
}
