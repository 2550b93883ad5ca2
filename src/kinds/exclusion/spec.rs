//! What a spec says of an exclusion (`exclusions:`).

use schemars::JsonSchema;
use serde::Deserialize;

/// A situation that bars an applicant (不受理申报, 不得申报).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The key an application attests under `attestations:`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The situation, in the notice's words (a quote, checked against the notice
    /// text), or the spec author's summary of them (`summary: true`).
    #[schemars(extend("x-required" = true))]
    pub text: Option<String>,
    /// True when `text` is the spec author's summary, not a quote: it is not checked against the
    /// notice, and guides present it as a summary.
    #[serde(default)]
    pub summary: bool,
    /// Applicant types it concerns; empty means all.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// True when the notice says 原则上: attesting that it applies is a warning, not an error.
    #[serde(default)]
    pub soft: bool,
    /// It applies only where this expression holds (CEL over the draft, e.g. `lead.type == 'university'`).
    #[serde(default)]
    pub when: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}
