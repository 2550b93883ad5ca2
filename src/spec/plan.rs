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
    /// The plan's parts (铸魂, 聚智, 赋能, 惠民), in the plan's order; a priority's `theme` names
    /// one.
    #[serde(default)]
    pub parts: Vec<Part>,
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

/// A part of the plan: one of its numbered headings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Its short name, as priorities' `theme` gives it (铸魂).
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// The heading as published (聚焦“铸魂”强引领，锚定科协事业前进方向).
    #[schemars(extend("x-required" = true))]
    pub title: Option<String>,
    /// The clause that quotes the heading.
    pub source: Option<String>,
}

/// Whether a call can fund a priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PriorityKind {
    /// Work that applicants can carry out as a project: activities and events to hold, works to
    /// make, sites to build, people to train. A call that serves the plan is expected to fund
    /// it; `callspec check` reports the programmes no category implements.
    Programme,
    /// The association's own work: political study, its governance and rules, its own plans,
    /// platforms, brands and mechanisms. No call funds it.
    Task,
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
    /// `programme` (fundable: a call may fund applicants to do it) or `task` (the
    /// association's own work).
    #[schemars(extend("x-required" = true))]
    pub kind: Option<PriorityKind>,
    /// Names that alone show a text serves it (科学咖啡馆, 一县一业一学会): the plan's own
    /// distinctive names and their short forms, never a word many projects use (路演, 智库).
    /// Matched in the project's name, summary, content, basis and outcomes.
    #[schemars(length(min = 1), extend("x-required" = true))]
    pub keywords: Option<Vec<String>>,
    /// How a paraphrase is recognised, each entry one way of saying it: ideas joined by ` + `,
    /// each idea its synonyms joined by `|`. An entry matches a sentence of the text that holds
    /// one word of every idea: `国际科技组织|国际组织 + 代表处|总部` finds 招引国际科技组织来杭设立代表处.
    #[serde(default)]
    pub concepts: Vec<String>,
    /// The clause that names it.
    pub source: Option<String>,
}
