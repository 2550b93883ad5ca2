//! The `eligibility` requirement kind. Who may apply: applicant types, the lead, joint applicants, individuals.

mod applicant_individual;
mod applicant_joint;
mod applicant_lead;
mod applicant_type;

use crate::kinds::Kind;

pub const KIND: Kind = Kind {
    name: "eligibility",
    rules: &[&applicant_type::RULE, &applicant_individual::RULE, &applicant_lead::RULE, &applicant_joint::RULE],
};
