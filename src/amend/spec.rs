//! What a supplementary notice (补充通知) file may say: its own metadata and clauses, and the
//! changes it makes to the call it amends, each addressed by a stable name (a deadline's id, a
//! category's path, an exclusion's id, a KPI's id, a form field), never by a position in a list,
//! so that a reordered rewrite of the call is amended the same way.
//!
//! Like [`crate::spec`], these types say what a file may contain; [`super::compile`] resolves
//! and checks them against the call. Doc comments become the schema's descriptions.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::spec;
use crate::values::When;

/// A supplementary notice (补充通知): changes to a published call, each citing the clause of
/// the supplementary notice that makes it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "callspec amendment (补充通知)", extend("$id" = "https://callspec.invalid/schemas/amendment.schema.json"))]
pub struct AmendmentFile {
    /// The schema an editor checks this file against (JSON files; YAML files use a modeline comment).
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The spec-language version; this is version 2.
    #[schemars(range(min = 2, max = 2), extend("x-required" = true))]
    pub callspec: Option<u32>,
    /// The id of the call this notice amends (`call.id` of its spec).
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub amends: Option<String>,
    /// The supplementary notice itself: its document number, dates and whether it reaches back.
    #[schemars(extend("x-required" = true))]
    pub amendment: Option<Meta>,
    /// The supplementary notice's own text, against which its quotes are checked.
    #[serde(default)]
    pub notice: Option<spec::Notice>,
    /// The clauses of the supplementary notice that the changes cite, by id.
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    #[schemars(extend("x-required" = true))]
    pub clauses: Option<BTreeMap<String, spec::Clause>>,
    /// The call's total quota, restated.
    #[serde(default)]
    pub quota: Option<spec::Quota>,
    /// Changes to deadlines, by deadline id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    pub deadlines: BTreeMap<String, DeadlineChange>,
    /// Changes to categories, by category path (`key/academic-society`); a change to a group
    /// reaches the categories under it that inherit what it changes.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$" }))]
    pub categories: BTreeMap<String, CategoryChange>,
    /// Exclusions added, changed or removed, by exclusion id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    pub exclusions: BTreeMap<String, ExclusionChange>,
    /// Changes to the rules about the form.
    #[serde(default)]
    pub form: FormChange,
    /// What the typed read could not use.
    #[serde(skip)]
    #[schemars(skip)]
    pub unusable: crate::schema::Unusable,
}

impl crate::schema::Tolerant for AmendmentFile {
    fn set_unusable(&mut self, unusable: crate::schema::Unusable) {
        self.unusable = unusable;
    }
}

impl AmendmentFile {
    /// The clauses (none when absent).
    pub fn clauses(&self) -> &BTreeMap<String, spec::Clause> {
        static EMPTY: BTreeMap<String, spec::Clause> = BTreeMap::new();
        self.clauses.as_ref().unwrap_or(&EMPTY)
    }
}

/// The supplementary notice: who issued it, when, and from when it is in force.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// A stable id of this amendment, e.g. `hangzhou-2025-supplement-1`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// Its title as published, e.g. 关于……的补充通知.
    #[schemars(extend("x-required" = true))]
    pub title: Option<String>,
    /// Who issued it; the call's issuer when left out.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Its document number, e.g. 杭科协〔2025〕9号; leave it out when it states none.
    #[serde(default)]
    pub document: Option<String>,
    /// The date it was issued.
    #[schemars(extend("x-required" = true))]
    pub issued: Option<When>,
    /// The moment it takes effect (a date alone: the start of that day); the issue date when
    /// left out. A draft is judged by the version of the call in force when it was submitted.
    #[serde(default)]
    pub effective: Option<When>,
    /// True when it applies to submissions made before it took effect too (an extension that
    /// accepts what was already late); false (the default) when those keep the earlier rules.
    #[serde(default)]
    pub retroactive: bool,
    /// The clause that says when it takes effect and whether it reaches back.
    #[serde(default)]
    pub source: Option<String>,
}

/// A change to one deadline.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineChange {
    /// The new last moment (an extension, 延长至5月6日17:00).
    #[serde(default)]
    pub closes: Option<When>,
    /// The new moment submissions start to be accepted.
    #[serde(default)]
    pub opens: Option<When>,
    /// The new portal, postal or e-mail address or account.
    #[serde(default)]
    pub address: Option<String>,
    /// True when the deadline is withdrawn (取消纸质材料报送).
    #[serde(default)]
    pub remove: bool,
    /// The clause of the supplementary notice that says so.
    pub source: Option<String>,
}

/// Changes to one category (or group of categories).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryChange {
    /// The new funding per project.
    #[serde(default)]
    pub amount: Option<crate::kinds::amount::AmountSpec>,
    /// The new number of projects funded.
    #[serde(default)]
    pub quota: Option<spec::Quota>,
    /// The new fewest registered applicants.
    #[serde(default)]
    pub min_applicants: Option<spec::MinApplicants>,
    /// The new applicant types that may lead.
    #[serde(default)]
    pub leads: Option<spec::Leads>,
    /// The new completion date.
    #[serde(default)]
    pub completion: Option<spec::Completion>,
    /// New targets of its KPIs, by KPI id.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    pub kpis: BTreeMap<String, KpiChange>,
    /// The category is withdrawn (取消), with everything under it.
    #[serde(default)]
    pub remove: Option<spec::Sourced>,
}

/// New bounds of a KPI's target.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiChange {
    /// The new least target.
    #[serde(default)]
    pub min: Option<u32>,
    /// The new most.
    #[serde(default)]
    pub max: Option<u32>,
    /// The clause of the supplementary notice that says so.
    pub source: Option<String>,
}

/// An exclusion added (`new: true`), changed, or removed (`remove: true`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExclusionChange {
    /// True for an exclusion the call did not have (新增): it needs `text`.
    #[serde(default)]
    pub new: bool,
    /// True when the exclusion is withdrawn.
    #[serde(default)]
    pub remove: bool,
    /// The situation, in the supplementary notice's words (a quote), or a summary of them
    /// (`summary: true`).
    #[serde(default)]
    pub text: Option<String>,
    /// True when `text` is the spec author's summary, not a quote.
    #[serde(default)]
    pub summary: Option<bool>,
    /// Applicant types it concerns; empty means all.
    #[serde(default)]
    pub applies_to: Option<Vec<String>>,
    /// True when the notice says 原则上.
    #[serde(default)]
    pub soft: Option<bool>,
    /// It applies only where this expression holds (CEL over the draft).
    #[serde(default)]
    pub when: Option<String>,
    /// The clause of the supplementary notice that says so.
    pub source: Option<String>,
}

/// Changes to the rules about the form.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormChange {
    /// New length limits, by the limited field (`project.summary`).
    #[serde(default)]
    pub text_limits: BTreeMap<String, TextLimitChange>,
}

/// New bounds of a text-length limit.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextLimitChange {
    /// The new most characters.
    #[serde(default)]
    pub max_chars: Option<u32>,
    /// The new fewest characters.
    #[serde(default)]
    pub min_chars: Option<u32>,
    /// The clause of the supplementary notice that says so.
    pub source: Option<String>,
}
