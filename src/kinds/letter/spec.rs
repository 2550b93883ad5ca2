//! What a spec says of a letter (`letters:` of a category).

use schemars::JsonSchema;
use serde::Deserialize;

/// A recommendation letter an application must attach.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// What the notice calls it.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// Who issues it.
    #[schemars(extend("x-required" = true))]
    pub issuer: Option<String>,
    /// It applies only where this expression holds (CEL over the draft, e.g. `lead.type == 'university'`).
    #[serde(default)]
    pub when: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}
