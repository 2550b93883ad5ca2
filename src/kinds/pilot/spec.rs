//! What a spec says of reference lists (`references:`) and a category's `pilot:` rule.

use schemars::JsonSchema;
use serde::Deserialize;

/// A reference list published with the notice, e.g. 附件2 试点城市（园区）需求清单.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The list's title in the notice.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    #[schemars(extend("x-required" = true))]
    pub entries: Option<Vec<ReferenceEntry>>,
    /// The clause (annex) that publishes it.
    pub source: Option<String>,
}

/// One entry of a reference list: a pilot city (园区) and the industries it names.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceEntry {
    /// The entry's name as printed (北京中关村).
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// Other spellings applicants may use (中关村).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The area's goal (1个区域建设目标), where the list gives one.
    #[serde(default)]
    pub goal: Option<String>,
    /// Industries named for it (拟匹配科技服务团; 2个重点产业).
    #[serde(default)]
    pub industries: Vec<String>,
    /// Further industries (3个培育产业).
    #[serde(default)]
    pub cultivated: Vec<String>,
}

/// The pilot city and industry an application serves must come from a reference list.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PilotRule {
    /// The reference list id.
    #[schemars(extend("x-required" = true))]
    pub list: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}
