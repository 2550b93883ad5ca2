//! What a spec says of a preference (`preferences:`).

use schemars::JsonSchema;
use serde::Deserialize;

/// A review preference: advice only.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Preference {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The preference, in the notice's words (a quote, checked against the notice
    /// text), or the spec author's summary of them (`summary: true`).
    #[schemars(extend("x-required" = true))]
    pub text: Option<String>,
    /// True when `text` is the spec author's summary, not a quote: it is not checked against the
    /// notice, and guides present it as a summary.
    #[serde(default)]
    pub summary: bool,
    /// Met when a joint applicant or partner is of one of these types.
    #[serde(default)]
    pub partner_types: Vec<String>,
    /// Met where this expression holds (CEL over the draft, e.g. `project.start >= '2023-05-01'`);
    /// a draft that does not meet it gets advice.
    #[serde(default)]
    pub met: Option<String>,
    /// With `met`: the value the advice is labelled on, as a dotted path (`project.start`);
    /// the project when absent.
    #[serde(default)]
    pub field: Option<String>,
    /// Category paths it concerns; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// It applies only where this expression holds (CEL over the draft, e.g. `lead.type == 'university'`).
    #[serde(default)]
    pub when: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}
