//! What a spec says of the category tree (`categories:`): each group, category and sub-type
//! with what it sets for everything under it, quotas (the call's `quota:` too) and the fewest
//! applicants.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::spec::{Completion, Deliverable, Joint, Kpi, Leads, Letter, Partner, PilotRule, Team, Tranche};

/// A group, category or sub-type. Settings given on a group apply to everything under it
/// unless a child overrides them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable id, unique among siblings; an application names the path of ids (`major/startup-growth`).
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The notice's name for it.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// The notice's project code, e.g. 2021KJFWT01-1.
    #[serde(default)]
    pub code: Option<String>,
    /// The clause that defines it.
    pub source: Option<String>,
    /// The priorities of the call's work plan (`call.plan`) it implements, by the plan's ids
    /// (`science-cafe`); a group's apply to every category under it. In a call that names a
    /// plan, `callspec check` reports as advice the plan's programmes no category implements
    /// and the categories that implement none; `callspec plan coverage` shows the table.
    #[serde(default)]
    pub implements: Vec<String>,
    /// Funding per project.
    #[serde(default)]
    pub amount: Option<crate::kinds::amount::AmountSpec>,
    /// How many projects are funded.
    #[serde(default)]
    pub quota: Option<Quota>,
    /// The fewest registered applicants the category needs (每项须3家以上单位报名).
    #[serde(default)]
    pub min_applicants: Option<MinApplicants>,
    /// How the money is paid; shares are percentages.
    #[serde(default)]
    pub tranches: Option<Vec<Tranche>>,
    /// Applicant types that may lead.
    #[serde(default)]
    pub leads: Option<Leads>,
    /// Joint applicants.
    #[serde(default)]
    pub joint: Option<Joint>,
    /// Partners an application must include.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Recommendation letters an application must attach.
    #[serde(default)]
    pub letters: Vec<Letter>,
    /// Performance targets (绩效指标).
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// Reports and other written deliverables, with their lengths.
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
    /// Requirements on the project team.
    #[serde(default)]
    pub team: Option<Team>,
    /// Completion date, overriding the call's.
    #[serde(default)]
    pub completion: Option<Completion>,
    /// When projects may run (执行时间), unless a category says otherwise.
    #[serde(default)]
    pub window: Option<crate::kinds::period::WindowSpec>,
    /// How long projects run (研究周期), unless a category says otherwise.
    #[serde(default)]
    pub duration: Option<crate::kinds::period::DurationSpec>,
    /// The pilot city and industry must come from a reference list.
    #[serde(default)]
    pub pilot: Option<PilotRule>,
    /// Sub-categories.
    #[serde(default)]
    pub children: Vec<Category>,
}

/// How many projects are funded.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// `exact` (10项), `max` (不超过36项) or `unlimited` (项目数量：不限, which is not the same as
    /// a notice that says nothing: leave `quota` out then).
    #[schemars(extend("x-required" = true))]
    pub kind: Option<QuotaKind>,
    /// The number of projects; absent for `unlimited`.
    #[serde(default)]
    #[schemars(range(min = 0))]
    pub value: Option<u32>,
    /// True when the notice gives the number loosely (左右, 约, 原则上): it is not added up
    /// against the quota above it.
    #[serde(default)]
    pub soft: bool,
    /// Of these, how many are reserved for a purpose (其中10项定向用于...): set on the sub-type it is reserved for.
    #[serde(default)]
    pub reserved: bool,
    /// True when the notice does not state this number but it follows from others: the
    /// enclosing quota (the group's, or the call's) less the quotas of the sibling categories
    /// (66 − 36 − 19 − 8 = 3). The compiler checks the arithmetic; the guide says it is derived.
    #[serde(default)]
    pub derived: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QuotaKind {
    Exact,
    Max,
    Unlimited,
}

/// The fewest applicants a category needs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinApplicants {
    #[schemars(range(min = 1), extend("x-required" = true))]
    pub value: Option<u32>,
    /// The clause that says so.
    pub source: Option<String>,
}
