//! What a spec says of the limits on one applicant's applications (`limits:`).

use schemars::JsonSchema;
use serde::Deserialize;

/// A limit on one applicant's applications across categories.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// Category paths the limit counts; a group path counts everything under it; absent: every
    /// category.
    #[serde(default)]
    pub categories: Option<Vec<String>>,
    /// The most applications one applicant (or one value of `per`) may make among them.
    #[schemars(range(min = 1), extend("x-required" = true))]
    pub max: Option<u32>,
    /// True when the categories may not be combined (不可兼报).
    #[serde(default)]
    pub exclusive: bool,
    /// What is counted, as dotted paths of the draft whose values together make the key:
    /// `[project.recommender]` (每个推荐单位最多推荐2名), `[leader.name]` (每人限报1项),
    /// `[lead.name, lead.department]`. Absent: the lead applicant (its organisation code, else
    /// its name).
    #[serde(default)]
    pub per: Vec<String>,
    /// True when the notice says 原则上 (原则上只能申报一项): going over is a warning.
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}
