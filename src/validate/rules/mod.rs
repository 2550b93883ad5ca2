//! One file per rule. Add a rule: write `rules/<name>.rs` with `pub const RULE: Rule`, a doc,
//! a `check` and tests that make it fire on the test bed; then list it in [`ALL`].

mod prelude {
    pub(super) use crate::diagnostics::{CodeInfo, Severity};
    pub(super) use crate::model::{Amount, Call};
    pub(super) use crate::validate::{Ctx, Rule, chars};
    pub(super) use crate::{i18n::Text, tr};
}

mod applicant_individual;
mod applicant_joint;
mod applicant_lead;
mod applicant_type;
mod budget_amount;
mod budget_items;
mod budget_over_cap;
mod budget_phases;
mod budget_soft_cap;
mod budget_total;
mod budget_unstated;
mod call_mismatch;
mod category_count;
mod category_unknown;
mod contact_email;
mod contact_mobile;
mod contact_postal_code;
mod deadline_missed;
mod deadline_not_open;
mod deliverable_length;
mod deliverable_missing;
mod deliverable_unknown;
mod event_attendance;
mod exclusion_applies;
mod exclusion_unattested;
mod exclusion_unknown;
mod identifier_credit_code;
mod identifier_missing;
mod identifier_org_code;
mod kpi_choice;
mod kpi_missing;
mod kpi_range;
mod kpi_unknown;
mod letter_missing;
mod partner_missing;
mod period_completion;
mod period_order;
mod pilot_city;
mod pilot_industry;
mod plan_priority;
mod preference;
mod team_leader;
mod team_size;
mod text_length;

use super::Rule;

/// Every rule, in the order they run (output is sorted afterwards).
pub const ALL: &[&Rule] = &[
    &call_mismatch::RULE,
    &category_count::RULE,
    &category_unknown::RULE,
    &applicant_type::RULE,
    &applicant_individual::RULE,
    &applicant_lead::RULE,
    &applicant_joint::RULE,
    &partner_missing::RULE,
    &letter_missing::RULE,
    &budget_amount::RULE,
    &budget_over_cap::RULE,
    &budget_soft_cap::RULE,
    &budget_unstated::RULE,
    &budget_total::RULE,
    &budget_items::RULE,
    &budget_phases::RULE,
    &kpi_missing::RULE,
    &kpi_range::RULE,
    &kpi_choice::RULE,
    &kpi_unknown::RULE,
    &event_attendance::RULE,
    &deliverable_missing::RULE,
    &deliverable_length::RULE,
    &deliverable_unknown::RULE,
    &team_size::RULE,
    &team_leader::RULE,
    &text_length::RULE,
    &period_order::RULE,
    &period_completion::RULE,
    &deadline_missed::RULE,
    &deadline_not_open::RULE,
    &identifier_missing::RULE,
    &identifier_credit_code::RULE,
    &identifier_org_code::RULE,
    &contact_mobile::RULE,
    &contact_email::RULE,
    &contact_postal_code::RULE,
    &exclusion_unattested::RULE,
    &exclusion_applies::RULE,
    &exclusion_unknown::RULE,
    &pilot_city::RULE,
    &pilot_industry::RULE,
    &preference::RULE,
    &plan_priority::RULE,
];
