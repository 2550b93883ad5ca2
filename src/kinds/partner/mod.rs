//! The `partner` requirement kind. Bodies an application must include, as co-applicants or participants.

mod partner_missing;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::compile;
pub use spec::Role;

pub const KIND: Kind = Kind { name: "partner", rules: &[&partner_missing::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub types: Vec<String>,
    pub min: u32,
    pub role: Role,
    /// It applies only where this holds.
    pub when: Option<crate::kinds::condition::Expr>,
    pub cite: Citation,
}
