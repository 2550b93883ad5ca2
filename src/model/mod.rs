//! The compiled call: every reference resolved, every inherited setting filled in, every rule
//! carrying the clause it cites. Built only by [`crate::compile`]; rules read nothing else.
//! A requirement kind's compiled form lives in its home (`kinds/<kind>/mod.rs`) and is
//! re-exported here.

use std::collections::BTreeMap;

use chrono::FixedOffset;

use crate::diagnostics::Citation;
use crate::values::When;

pub use crate::kinds::amount::{Amount, Grade, Tranche};
pub use crate::kinds::category::{Category, Derived, Quota};
pub use crate::kinds::commitment::Commitment;
pub use crate::kinds::deadline::{Deadline, Extension};
pub use crate::kinds::deliverable::Deliverable;
pub use crate::kinds::eligibility::{ApplicantType, Joint};
pub use crate::kinds::exclusion::Exclusion;
pub use crate::kinds::field::TextLimit;
pub use crate::kinds::kpi::Kpi;
pub use crate::kinds::letter::Letter;
pub use crate::kinds::limit::Limit;
pub use crate::kinds::partner::Partner;
pub use crate::kinds::period::Completion;
pub use crate::kinds::pilot::{Reference, ReferenceEntry};
pub use crate::kinds::preference::Preference;
pub use crate::kinds::team::Team;
pub use crate::spec::{BudgetRuleKind, Channel, IdentifierKind, QuotaKind, Role, Stage};

/// A value together with the clause it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited<T> {
    pub value: T,
    pub cite: Citation,
}

/// A compiled call.
#[derive(Debug, Clone)]
pub struct Call {
    pub id: String,
    pub title: String,
    pub issuer: String,
    /// The document number, when the notice states one.
    pub document: Option<String>,
    /// The issue date, when the notice states one.
    pub issued: Option<When>,
    /// The offset of the call's time zone (all supported zones are UTC+08:00).
    pub offset: FixedOffset,
    pub timezone_name: &'static str,
    pub money_unit: &'static str,
    pub clauses: BTreeMap<String, Citation>,
    pub applicant_types: BTreeMap<String, ApplicantType>,
    pub individuals: Option<Cited<bool>>,
    pub quota: Option<Cited<Quota>>,
    /// Every node of the category tree, parents before children, in document order.
    pub categories: Vec<Category>,
    pub exclusions: Vec<Exclusion>,
    pub limits: Vec<Limit>,
    pub deadlines: Vec<Deadline>,
    pub form: Form,
    pub preferences: Vec<Preference>,
    pub commitments: Vec<Commitment>,
    pub references: BTreeMap<String, Reference>,
    /// The work plan the call serves, when it names one and the plan was loaded beside it.
    pub plan: Option<Plan>,
    /// The fields of the call's own form.
    pub fields: Vec<crate::kinds::field::Field>,
    /// The call's own checks.
    pub checks: Vec<crate::kinds::condition::Check>,
    /// The draft sections the call's expressions read (built into a scope once per draft).
    pub expression_roots: std::collections::BTreeSet<String>,
    /// The supplementary notices (补充通知) applied to this version of the call, what each
    /// changed, and (on the call a loader returns) how to build the version in force at any
    /// moment; `None` for a call as published.
    pub amendments: Option<std::sync::Arc<crate::amend::Amended>>,
}

impl Call {
    /// How citations and headings name the notice: its document number, or its title in 《》
    /// when it states none.
    pub fn reference(&self) -> String {
        self.document.clone().unwrap_or_else(|| format!("《{}》", self.title))
    }

    /// The call with [`Call::expression_roots`] gathered from every expression it holds.
    pub fn with_expression_roots(mut self) -> Self {
        let mut roots = std::collections::BTreeSet::new();
        {
            let mut add = |e: &Option<crate::kinds::condition::Expr>| roots.extend(e.iter().flat_map(|e| e.roots.iter().cloned()));
            self.fields.iter().for_each(|f| add(&f.when));
            self.checks.iter().for_each(|c| {
                add(&c.when);
                add(&Some(c.rule.clone()));
            });
            self.exclusions.iter().for_each(|x| add(&x.when));
            self.preferences.iter().for_each(|x| {
                add(&x.when);
                add(&x.met);
            });
            self.commitments.iter().for_each(|x| add(&x.when));
            for c in &self.categories {
                c.letters.iter().for_each(|x| add(&x.when));
                c.partners.iter().for_each(|x| add(&x.when));
            }
        }
        self.expression_roots = roots;
        self
    }
}

#[derive(Debug, Clone, Default)]
pub struct Form {
    pub text_limits: Vec<TextLimit>,
    pub budget: Vec<Cited<BudgetRuleKind>>,
    /// Caps on a share of the budget.
    pub line_caps: Vec<crate::kinds::budget::LineCap>,
    pub identifier: Option<Cited<IdentifierKind>>,
    pub one_project_per_form: Option<Citation>,
    pub category_scope: Option<Citation>,
    /// A project may be submitted only once (checked across a batch).
    pub unique_projects: Option<Citation>,
}

/// A compiled work plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub year: u32,
    /// The plan's parts, in its order (empty when the plan lists none).
    pub parts: Vec<Part>,
    pub priorities: Vec<Priority>,
    /// Every word of the priorities in one automaton, built on first use by the matcher.
    pub index: crate::plan::Lazy,
}

impl Plan {
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.iter().find(|p| p.id == id)
    }

    /// The programmes: the priorities a call may fund.
    pub fn programmes(&self) -> impl Iterator<Item = &Priority> {
        self.priorities.iter().filter(|p| p.kind == PriorityKind::Programme)
    }
}

/// A part of a plan: one of its numbered headings.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Its short name (铸魂), which priorities' `theme` gives.
    pub name: String,
    /// The heading as published.
    pub title: String,
    pub cite: Option<Citation>,
}

pub use crate::spec::plan::PriorityKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    pub id: String,
    pub name: String,
    pub theme: String,
    pub kind: PriorityKind,
    /// Names that alone show a text serves it.
    pub keywords: Vec<String>,
    /// Ways of saying it: each a list of ideas, each idea a list of synonyms.
    pub concepts: Vec<Vec<Vec<String>>>,
    pub cite: Citation,
}
