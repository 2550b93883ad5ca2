//! The call-spec language, version 2: the serde + schemars types mirroring a spec file.
//!
//! These types say what a file *may* contain; they carry no spans (spans live in the
//! document's [`crate::document::SpanIndex`], looked up by JSON pointer) and no cross-checks.
//! [`crate::compile`] turns a [`SpecFile`] into the checked [`crate::model::Call`].
//! Doc comments here become the schema's descriptions, which editors show while authoring.
//! A requirement kind's own syntax lives in its home (`kinds/<kind>/spec.rs`) and is
//! re-exported here.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::values::When;

pub mod plan;

pub use crate::kinds::amount::TrancheSpec as Tranche;
pub use crate::kinds::budget::{BudgetRule, BudgetRuleKind};
pub use crate::kinds::category::spec::{Category, MinApplicants, Quota, QuotaKind};
pub use crate::kinds::commitment::spec::{Commitment, Stage};
pub use crate::kinds::deadline::spec::{Channel, Deadline, Extension};
pub use crate::kinds::deliverable::spec::Deliverable;
pub use crate::kinds::eligibility::spec::{ApplicantType, Eligibility, Individuals, Joint, Leads};
pub use crate::kinds::exclusion::spec::Exclusion;
pub use crate::kinds::field::TextLimitSpec as TextLimit;
pub use crate::kinds::identifier::spec::{IdentifierKind, IdentifierRule};
pub use crate::kinds::kpi::spec::Kpi;
pub use crate::kinds::letter::spec::Letter;
pub use crate::kinds::limit::spec::Limit;
pub use crate::kinds::partner::spec::{Partner, Role};
pub use crate::kinds::period::spec::Completion;
pub use crate::kinds::pilot::spec::{PilotRule, Reference, ReferenceEntry};
pub use crate::kinds::preference::spec::Preference;
pub use crate::kinds::team::spec::Team;

/// A call spec: one funding call (申报通知) written as rules, each citing its clause.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "callspec call spec", extend("$id" = "https://callspec.invalid/schemas/callspec.schema.json"))]
pub struct SpecFile {
    /// The schema an editor checks this file against (JSON files; YAML files use a modeline comment).
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The spec-language version; this is version 2 (`callspec migrate` rewrites a version 1 spec).
    #[schemars(range(min = 2, max = 2), extend("x-required" = true))]
    pub callspec: Option<u32>,
    /// Who issued the call, when, and its identifiers.
    #[schemars(extend("x-required" = true))]
    pub call: Option<CallMeta>,
    /// The notice's own text, against which every quote of the spec is checked.
    #[serde(default)]
    pub notice: Option<Notice>,
    /// The clauses of the notice that rules cite, by id: where they stand and what they say.
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    #[schemars(extend("x-required" = true))]
    pub clauses: Option<BTreeMap<String, Clause>>,
    /// The applicant types this call speaks of (市级学会, 高校科协, 个人 ...), by id.
    #[schemars(extend("propertyNames" = { "pattern": "^[a-z0-9][a-z0-9-]*$" }))]
    #[schemars(extend("x-required" = true))]
    pub applicant_types: Option<BTreeMap<String, ApplicantType>>,
    /// Who may apply, unless a category says otherwise.
    #[serde(default)]
    pub eligibility: Eligibility,
    /// The most projects the call funds in all.
    #[serde(default)]
    pub quota: Option<Quota>,
    /// The tree of groups, categories and sub-types. Applications name a leaf by its path of ids.
    #[schemars(extend("x-required" = true))]
    pub categories: Option<Vec<Category>>,
    /// Situations that bar an applicant; each application attests to every one.
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    /// Limits on what one applicant may apply for across categories.
    #[serde(default)]
    pub limits: Vec<Limit>,
    /// Submission deadlines and windows.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Rules about the application form (申报书) itself.
    #[serde(default)]
    pub form: Form,
    /// What reviewers favour (优先支持, 重点推荐): advice, never a failure.
    #[serde(default)]
    pub preferences: Vec<Preference>,
    /// Obligations no rule can check from a draft (after the award, or needing judgement).
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Reference lists published with the notice (pilot cities and their industries, ...).
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Fields of the call's own form that the generic application format lacks (出生日期, 学历,
    /// 是否已建立党组织, the topic chosen from the notice's list).
    #[serde(default)]
    pub fields: Vec<crate::kinds::field::FieldSpec>,
    /// Requirements no built-in kind says, as expressions over the draft (CEL).
    #[serde(default)]
    pub checks: Vec<crate::kinds::condition::CheckSpec>,
    /// What the typed read could not use (see [`crate::schema::Unusable`]); the compiler stays
    /// silent about it.
    #[serde(skip)]
    #[schemars(skip)]
    pub unusable: crate::schema::Unusable,
}

impl SpecFile {
    /// The call's metadata, empty when absent or unusable.
    pub fn meta(&self) -> &CallMeta {
        self.call.as_ref().unwrap_or(&CallMeta::EMPTY)
    }
    /// The clauses (none when absent).
    pub fn clauses(&self) -> &BTreeMap<String, Clause> {
        static EMPTY: BTreeMap<String, Clause> = BTreeMap::new();
        self.clauses.as_ref().unwrap_or(&EMPTY)
    }
    /// The applicant types (none when absent).
    pub fn applicant_types(&self) -> &BTreeMap<String, ApplicantType> {
        static EMPTY: BTreeMap<String, ApplicantType> = BTreeMap::new();
        self.applicant_types.as_ref().unwrap_or(&EMPTY)
    }
    /// The top-level categories (none when absent).
    pub fn categories(&self) -> &[Category] {
        self.categories.as_deref().unwrap_or_default()
    }
}

impl crate::schema::Tolerant for SpecFile {
    fn set_unusable(&mut self, unusable: crate::schema::Unusable) {
        self.unusable = unusable;
    }
}

impl CallMeta {
    const EMPTY: CallMeta = CallMeta {
        id: None,
        title: None,
        issuer: None,
        document: None,
        issued: None,
        timezone: TimeZone::AsiaShanghai,
        money_unit: MoneyUnit::WanYuan,
        completion: None,
        window: None,
        duration: None,
        plan: None,
    };
}

/// Call metadata.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallMeta {
    /// Stable id of the call, used by applications (`call:`) and on the command line.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// The notice's title as published.
    #[schemars(extend("x-required" = true))]
    pub title: Option<String>,
    /// The issuing body, e.g. 杭州市科学技术协会.
    #[schemars(extend("x-required" = true))]
    pub issuer: Option<String>,
    /// The document number, e.g. 杭科协〔2025〕6号. Leave it out when the notice (or the page
    /// relaying it) states none: nothing prints an invented one.
    #[serde(default)]
    pub document: Option<String>,
    /// The date the notice was issued; leave it out when the text does not state it.
    #[serde(default)]
    pub issued: Option<When>,
    /// The time zone of every date and time in the spec; only zones at UTC+08:00 without
    /// daylight saving are known.
    #[serde(default)]
    pub timezone: TimeZone,
    /// The unit of every amount in the spec and in its applications.
    #[serde(default)]
    pub money_unit: MoneyUnit,
    /// The last date by which funded projects are to be completed, unless a category says otherwise.
    #[serde(default)]
    pub completion: Option<Completion>,
    /// When projects may run (执行时间), unless a category says otherwise.
    #[serde(default)]
    pub window: Option<crate::kinds::period::WindowSpec>,
    /// How long projects run (研究周期), unless a category says otherwise.
    #[serde(default)]
    pub duration: Option<crate::kinds::period::DurationSpec>,
    /// The id of the work plan (a `plan:` document beside the spec) whose priorities the call serves.
    #[serde(default)]
    pub plan: Option<String>,
}

/// The notice's own text, bundled with the spec. `callspec check` verifies every quote against
/// it: each clause's `text` (inside the region its `section` names) and the `text` of each
/// exclusion, preference and commitment not marked `summary` (inside its clause's section),
/// word for word once white space is dropped, "…" marking what a quote leaves out.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// The notice's plain text, relative to this spec's folder and inside it, e.g.
    /// `hangzhou-2025.notice.txt`.
    #[schemars(length(min = 1))]
    pub file: String,
    /// The extraction's noise, corrected: every occurrence of `read` in the notice's text is
    /// read as `as` before quotes are compared with it.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// One correction of the notice's extracted text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The text as extracted, e.g. `９`.
    #[schemars(length(min = 1))]
    pub read: String,
    /// What it stands for, e.g. `，`.
    #[serde(rename = "as")]
    pub as_: String,
    /// Why: which noise of the extraction this is.
    #[serde(default)]
    pub why: Option<String>,
}

/// A known time zone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum TimeZone {
    #[default]
    #[serde(rename = "Asia/Shanghai")]
    AsiaShanghai,
    #[serde(rename = "Asia/Hong_Kong")]
    AsiaHongKong,
    #[serde(rename = "Asia/Macau")]
    AsiaMacau,
}

/// The unit of amounts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum MoneyUnit {
    /// 10,000 yuan.
    #[default]
    #[serde(rename = "万元")]
    WanYuan,
    /// Yuan.
    #[serde(rename = "元")]
    Yuan,
}

/// A clause of the notice.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Where the clause stands, e.g. `一、（一）` or `附件·填报说明 2`.
    #[schemars(extend("x-required" = true))]
    pub section: Option<String>,
    /// The clause's words, quoted from the notice (extraction noise corrected).
    #[schemars(extend("x-required" = true))]
    pub text: Option<String>,
}

/// The default of counts that are one unless the spec says more.
pub(crate) fn one() -> u32 {
    1
}

/// Rules about the form itself.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Length limits on text fields, counted in characters.
    #[serde(default)]
    pub text_limits: Vec<TextLimit>,
    /// Budget arithmetic the form requires.
    #[serde(default)]
    pub budget: Vec<BudgetRule>,
    /// Caps on a share of the budget (管理费不超过5%).
    #[serde(default)]
    pub line_caps: Vec<crate::kinds::budget::LineCapSpec>,
    /// The organisation identifier the form asks for.
    #[serde(default)]
    pub identifier: Option<IdentifierRule>,
    /// One form applies for exactly one project (同一申报书申请两个或两个以上项目视作无效).
    #[serde(default)]
    pub one_project_per_form: Option<Sourced>,
    /// Applications outside the call's categories are refused (超出申报指南范围的项目申报将不予受理).
    #[serde(default)]
    pub category_scope: Option<Sourced>,
    /// A project may be submitted only once, in one form and one category (同一项目不得重复申报);
    /// checked across the files of a batch.
    #[serde(default)]
    pub unique_projects: Option<Sourced>,
}

/// A rule that needs nothing but its source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    /// The clause that says so.
    pub source: Option<String>,
}
