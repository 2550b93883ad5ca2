//! What a spec says of a deliverable (`deliverables:` of a category).

use schemars::JsonSchema;
use serde::Deserialize;

/// A written deliverable and its length.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    /// The key an application uses under `deliverables:`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// How many are due.
    #[serde(default = "crate::spec::one")]
    pub count: u32,
    /// The fewest characters (不少于1500字).
    #[serde(default)]
    pub min_chars: Option<u32>,
    /// The most characters (不超过1500字).
    #[serde(default)]
    pub max_chars: Option<u32>,
    /// A length the notice gives without 不少于 or 不超过 (“案例1个（1500字）”): shown to
    /// applicants as the expected length, never checked.
    #[serde(default)]
    pub nominal_chars: Option<u32>,
    /// The clause that says so.
    pub source: Option<String>,
}
