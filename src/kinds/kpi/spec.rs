//! What a spec says of a KPI (`kpis:` of a category).

use schemars::JsonSchema;
use serde::Deserialize;

/// A performance target, or (with `options`) a choice among targets.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// The key an application uses under `kpis:`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The notice's words for it.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// The unit (场, 个, 名, 人, 项 ...).
    #[serde(default)]
    pub unit: Option<String>,
    /// The least the target may be (不少于, 以上, 至少).
    #[serde(default)]
    pub min: Option<u32>,
    /// The most the target may be (不超过).
    #[serde(default)]
    pub max: Option<u32>,
    /// The least attendance at each event counted under this target (每场不少于30人).
    #[serde(default)]
    pub per_event_min_attendance: Option<u32>,
    /// Alternatives: the requirement is met when at least `at_least` of these are met
    /// (不少于4场（或…1场）; 至少选择完成下列一项任务).
    #[serde(default)]
    pub options: Vec<Kpi>,
    /// With `options`: how many of them must be met.
    #[serde(default)]
    pub at_least: Option<u32>,
    /// The clause that says so.
    pub source: Option<String>,
}
