//! Plan documents, version 1: an association's work plan (工作要点), which is not a call but
//! names the programmes and priorities its next calls are expected to fund. A call may point to
//! a plan (`call.plan`); validation then reports, as advice, which priorities a draft addresses.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Clause, Notice};

/// A work plan: programmes and priorities, each citing its clause.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "callspec plan", extend("$id" = "https://callspec.invalid/schemas/plan.schema.json"))]
pub struct PlanFile {
    /// The schema an editor checks this file against (JSON files; YAML files use a modeline comment).
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The plan-document version; this is version 1.
    #[schemars(range(min = 1, max = 1), extend("x-required" = true))]
    pub plan: Option<u32>,
    /// Stable id, named by calls in `call.plan`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The plan's title as published.
    #[schemars(extend("x-required" = true))]
    pub title: Option<String>,
    /// Who issued it.
    #[schemars(extend("x-required" = true))]
    pub issuer: Option<String>,
    /// The year it plans.
    #[schemars(extend("x-required" = true))]
    pub year: Option<u32>,
    /// The plan's own text, against which every clause quote is checked.
    #[serde(default)]
    pub notice: Option<Notice>,
    /// The clauses priorities cite, by id.
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    #[schemars(extend("x-required" = true))]
    pub clauses: Option<BTreeMap<String, Clause>>,
    /// The named programmes and priorities.
    #[schemars(extend("x-required" = true))]
    pub priorities: Option<Vec<Priority>>,
    /// What the typed read could not use (see [`crate::schema::Unusable`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub unusable: crate::schema::Unusable,
}

impl crate::schema::Tolerant for PlanFile {
    fn set_unusable(&mut self, unusable: crate::schema::Unusable) {
        self.unusable = unusable;
    }
}

/// A programme or priority of the plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The plan's name for it (科学咖啡馆, 一县一业一学会).
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// The part of the plan it belongs to (铸魂, 聚智, 赋能, 惠民).
    #[schemars(extend("x-required" = true))]
    pub theme: Option<String>,
    /// Words that show an application addresses it, matched in the project's name, summary,
    /// content, basis and outcomes.
    #[schemars(length(min = 1), extend("x-required" = true))]
    pub keywords: Option<Vec<String>>,
    /// The clause that names it.
    pub source: Option<String>,
}
