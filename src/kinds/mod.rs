//! Requirement kinds, each in one home: `kinds/<kind>/` holds what a spec may say of it, how
//! the compiler checks it, its compiled form, its words, and the rules (one file each) that
//! check a draft against it.
//!
//! [`ALL`] lists every kind; the validator runs the rules of every kind ([`rules`]). `limit`
//! is not among them: its rules count across a batch (`batch/rules/`).

pub mod amount;
pub mod bounds;
pub mod budget;
pub mod category;
pub mod commitment;
pub mod condition;
pub mod deadline;
pub mod deliverable;
pub mod eligibility;
pub mod exclusion;
pub mod field;
pub mod identifier;
pub mod kpi;
pub mod letter;
pub mod limit;
pub mod partner;
pub mod period;
pub mod pilot;
pub mod plan;
pub mod preference;
pub mod team;

use crate::validate::Rule;

/// A requirement kind.
pub struct Kind {
    /// The kind's name, as in the spec-language guide.
    pub name: &'static str,
    /// The rules that check a draft against it, one file each.
    pub rules: &'static [&'static Rule],
}

/// Every kind.
pub const ALL: &[&Kind] = &[
    &category::KIND,
    &eligibility::KIND,
    &partner::KIND,
    &letter::KIND,
    &amount::KIND,
    &budget::KIND,
    &kpi::KIND,
    &deliverable::KIND,
    &team::KIND,
    &field::KIND,
    &condition::KIND,
    &period::KIND,
    &deadline::KIND,
    &identifier::KIND,
    &exclusion::KIND,
    &commitment::KIND,
    &pilot::KIND,
    &preference::KIND,
    &plan::KIND,
];

/// Every rule of every kind, in the order they run (findings are sorted afterwards).
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    ALL.iter().flat_map(|k| k.rules.iter().copied())
}

/// What rule files use.
pub(crate) mod prelude {
    pub(crate) use crate::diagnostics::{CodeInfo, Severity};
    pub(crate) use crate::model::{Amount, Call};
    pub(crate) use crate::validate::{Ctx, Rule, chars};
    pub(crate) use crate::{i18n::Text, tr};
}
