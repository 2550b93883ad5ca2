//! What a spec says of the team (`team:` of a category).

use schemars::JsonSchema;
use serde::Deserialize;

/// Requirements on the team.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// The fewest members (组成人员不少于8人).
    #[serde(default)]
    pub min_members: Option<u32>,
    /// The leader's title must contain one of these (院士, 著名专家).
    #[serde(default)]
    pub leader_titles: Vec<String>,
    /// The clause that says so.
    pub source: Option<String>,
}
