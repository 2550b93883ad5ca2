//! What a spec says of a partner (`partners:` of a category).

use schemars::JsonSchema;
use serde::Deserialize;

/// A partner an application must include.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// What the notice calls it.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// Applicant types that satisfy it (any of).
    #[schemars(extend("x-required" = true))]
    pub types: Option<Vec<String>>,
    /// How many are needed.
    #[serde(default = "crate::spec::one")]
    pub min: u32,
    /// Who counts: `co-applicant` when the partner must apply jointly (须联合…共同申报: only the
    /// lead and the joint applicants count, not organisations that merely take part),
    /// `participant` when it takes part without applying (`partners:` of the draft), `any`.
    #[serde(default)]
    pub role: Role,
    /// It applies only where this expression holds (CEL over the draft, e.g. `lead.type == 'university'`).
    #[serde(default)]
    pub when: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}

/// How a required partner takes part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// As a lead or joint applicant, or as a participating organisation.
    #[default]
    Any,
    /// As the lead or a joint applicant (联合申报, 共同申报).
    CoApplicant,
    /// As a participating organisation, not an applicant (参与单位).
    Participant,
}
