//! The `letter` requirement kind. Recommendation letters an application must attach.

mod letter_missing;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::compile;

pub const KIND: Kind = Kind { name: "letter", rules: &[&letter_missing::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub id: String,
    pub name: String,
    pub issuer: String,
    /// It applies only where this holds.
    pub when: Option<crate::kinds::condition::Expr>,
    pub cite: Citation,
}
