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
    #[schemars(range(min = 1, max = 1))]
    pub plan: u32,
    /// Stable id, named by calls in `call.plan`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// The plan's title as published.
    pub title: String,
    /// Who issued it.
    pub issuer: String,
    /// The year it plans.
    pub year: u32,
    /// The plan's own text, against which every clause quote is checked.
    #[serde(default)]
    pub notice: Option<Notice>,
    /// The clauses priorities cite, by id.
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    pub clauses: BTreeMap<String, Clause>,
    /// The named programmes and priorities.
    pub priorities: Vec<Priority>,
}

/// A programme or priority of the plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// The plan's name for it (科学咖啡馆, 一县一业一学会).
    pub name: String,
    /// The part of the plan it belongs to (铸魂, 聚智, 赋能, 惠民).
    pub theme: String,
    /// Words that show an application addresses it, matched in the project's name, summary,
    /// content, basis and outcomes.
    #[schemars(length(min = 1))]
    pub keywords: Vec<String>,
    /// The clause that names it.
    pub source: Option<String>,
}
