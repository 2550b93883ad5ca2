//! The `eligibility` requirement kind. Who may apply: applicant types, the lead, joint applicants, individuals.

mod applicant_individual;
mod applicant_joint;
mod applicant_lead;
mod applicant_type;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::{individuals, joint, leads};

pub const KIND: Kind = Kind {
    name: "eligibility",
    rules: &[&applicant_type::RULE, &applicant_individual::RULE, &applicant_lead::RULE, &applicant_joint::RULE],
};

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone)]
pub struct ApplicantType {
    pub id: String,
    pub name: String,
    pub individual: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Joint {
    pub allowed: bool,
    pub types: Vec<String>,
    pub open: bool,
    pub cite: Citation,
}
