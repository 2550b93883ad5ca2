//! What a spec says of who may apply: `applicant_types:` and `eligibility:` (and a category's
//! `leads:` and `joint:`).

use schemars::JsonSchema;
use serde::Deserialize;

/// An applicant type.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicantType {
    /// The notice's name for it.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// True for natural persons (个人).
    #[serde(default)]
    pub individual: bool,
}

/// Who may lead and join applications.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Applicant types that may lead an application, unless a category says otherwise.
    #[serde(default)]
    pub leads: Option<Leads>,
    /// Joint applicants, unless a category says otherwise.
    #[serde(default)]
    pub joint: Option<Joint>,
    /// Whether individuals may apply.
    #[serde(default)]
    pub individuals: Option<Individuals>,
}

/// Applicant types that may lead.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leads {
    /// Applicant type ids.
    #[schemars(extend("x-required" = true))]
    pub types: Option<Vec<String>>,
    /// The clause that says so.
    pub source: Option<String>,
}

/// Joint applicants (联合申报单位).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Joint {
    /// Whether joint applicants are allowed at all.
    #[schemars(extend("x-required" = true))]
    pub allowed: Option<bool>,
    /// Applicant types named as joint applicants.
    #[serde(default)]
    pub types: Vec<String>,
    /// True when the list is open-ended (the notice says 等): other types get advice, not an error.
    #[serde(default)]
    pub open: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

/// Whether individuals may apply.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Individuals {
    #[schemars(extend("x-required" = true))]
    pub allowed: Option<bool>,
    /// The clause that says so.
    pub source: Option<String>,
}
