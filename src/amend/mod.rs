//! Supplementary notices (补充通知): amendments of a published call, as data.
//!
//! An amendment is a file of its own ([`spec::AmendmentFile`]: `amends: <call id>`, its document
//! number, issue date, the moment it takes effect, whether it reaches back to earlier
//! submissions, its own quoted clauses) holding changes addressed by stable names: a deadline's
//! id, a category's path, an exclusion's id, a KPI's id, a form field. [`compile`] checks every
//! amendment of a call against it (what it addresses must exist; two amendments must not
//! contradict) and [`apply`] applies them: each changed rule cites the amending clause, and the
//! change keeps what it replaced ([`Record`]).
//!
//! **Versions.** The call a loader returns is the base with every amendment applied in order of
//! the moment each takes effect, carrying its [`History`]. The version that judges a draft is
//! the one in force at `--as-of`, less the amendments that do not reach back and took effect
//! after the draft was submitted ([`for_draft`]); each deadline is judged on each submission by
//! the version in force for that submission ([`History::in_force`]). A call without amendments
//! carries nothing, and validating against it costs nothing more.

mod apply;
pub mod codes;
mod compile;
pub mod spec;

use std::sync::{Arc, Mutex};

use chrono::NaiveDateTime;

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::model::Call;
use crate::values::When;

pub(crate) use apply::Change;
pub(crate) use apply::{chars_words, completion_words, exclusion_words};
pub use compile::{Base, Input, compile_all};

/// One supplementary notice, as the guide and the diff name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub document: Option<String>,
    pub issued: When,
    /// From when it is in force (a date alone: from the start of that day).
    pub effective: When,
    /// It applies to submissions made before it took effect too.
    pub retroactive: bool,
    /// The clause that says when it takes effect, when the amendment cites one.
    pub cite: Option<Citation>,
    /// The file it was read from.
    pub file: String,
}

impl Info {
    /// Its document number, or its title in 《》 when it states none.
    pub fn reference(&self) -> String {
        self.document.clone().unwrap_or_else(|| format!("《{}》", self.title))
    }

    /// The first moment it is in force.
    pub fn from(&self) -> NaiveDateTime {
        self.effective.start()
    }
}

/// What a changed rule is: the thing addressed and which part of it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// The call's total quota.
    Quota,
    Deadline {
        id: String,
        part: Part,
    },
    Category {
        path: String,
        part: Part,
    },
    Exclusion(String),
    TextLimit(String),
    /// A limit, preference, commitment, field or check that concerned only withdrawn categories.
    Scoped {
        what: &'static str,
        id: String,
    },
}

/// The part of a deadline or category a change concerns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The thing itself: added or withdrawn.
    Whole,
    Closes,
    Opens,
    Address,
    Amount,
    Quota,
    MinApplicants,
    Leads,
    Completion,
    Kpi(String),
}

/// One change as applied: what it concerns, the words before and after (as the guide says
/// them), the clause it replaced and the amending clause it cites now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Index of the amendment in [`Amended::infos`].
    pub amendment: usize,
    pub target: Target,
    /// What changed: `截止时间（网上申报）`.
    pub what: Text,
    /// Before; `None` for something added.
    pub old: Option<Text>,
    /// After; `None` for something withdrawn.
    pub new: Option<Text>,
    /// The citation the changed rule had.
    pub replaced: Option<Citation>,
    /// The amending clause.
    pub cite: Citation,
}

/// The amendments of one version of a call: which apply, and what each changed.
pub struct Amended {
    /// Every amendment of the call, in the order they take effect.
    pub infos: Arc<[Info]>,
    /// The indexes (into `infos`) of those applied in this version.
    pub applied: Vec<usize>,
    /// What they changed, in order.
    pub records: Vec<Record>,
    /// How to build the other versions: on the call a loader returns (and on a version named
    /// with `ID@WHEN`), not on the versions built from it (which would hold their own history).
    history: Option<Arc<History>>,
}

impl std::fmt::Debug for Amended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.applied.iter().map(|&i| self.infos[i].id.as_str()).collect();
        f.debug_struct("Amended").field("applied", &ids).field("records", &self.records.len()).finish()
    }
}

impl Amended {
    /// The amendment a record comes from.
    pub fn info(&self, r: &Record) -> &Info {
        &self.infos[r.amendment]
    }

    /// The records of one target.
    pub fn of<'a>(&'a self, target: &'a Target) -> impl Iterator<Item = &'a Record> + 'a {
        self.records.iter().filter(move |r| &r.target == target)
    }

    /// The history this version was built from, when it carries one.
    pub fn history(&self) -> Option<&Arc<History>> {
        self.history.as_ref()
    }
}

/// A call as published and its amendments: every version can be built from it.
pub struct History {
    /// The call as originally published.
    pub base: Call,
    pub infos: Arc<[Info]>,
    changes: Vec<Vec<Change>>,
    /// Versions built so far, by the amendments applied (a run needs a handful).
    cache: Mutex<Vec<(Vec<usize>, Arc<Call>)>>,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History").field("base", &self.base.id).field("amendments", &self.infos.len()).finish()
    }
}

impl History {
    pub(crate) fn new(base: Call, infos: Vec<Info>, changes: Vec<Vec<Change>>) -> Arc<History> {
        let base = Call { amendments: None, ..base };
        Arc::new(History { base, infos: infos.into(), changes, cache: Mutex::new(Vec::new()) })
    }

    /// The amendments in force at `at` for a draft submitted at `submitted` (`None`: one that
    /// declares no submission, judged at `at`): those in force at `at`, less those that took
    /// effect after the submission and do not reach back.
    pub fn applying(&self, at: NaiveDateTime, submitted: Option<NaiveDateTime>) -> Vec<usize> {
        (0..self.infos.len())
            .filter(|&i| {
                let a = &self.infos[i];
                a.from() <= at && (a.retroactive || submitted.is_none_or(|s| a.from() <= s))
            })
            .collect()
    }

    /// The version with exactly these amendments applied (indexes in order), without a history.
    pub fn version(&self, applied: &[usize]) -> Arc<Call> {
        let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, c)) = cache.iter().find(|(k, _)| k == applied) {
            return c.clone();
        }
        let call = Arc::new(self.build(applied, None));
        cache.push((applied.to_vec(), call.clone()));
        call
    }

    /// The version in force at `at` for a draft submitted at `submitted` ([`History::applying`]).
    pub fn in_force(&self, at: NaiveDateTime, submitted: Option<NaiveDateTime>) -> Arc<Call> {
        self.version(&self.applying(at, submitted))
    }

    fn build(&self, applied: &[usize], history: Option<Arc<History>>) -> Call {
        let mut call = self.base.clone();
        let mut records = Vec::new();
        for &i in applied {
            call = apply::apply(call, i, &self.changes[i], &mut records);
        }
        if !applied.is_empty() || history.is_some() {
            call.amendments = Some(Arc::new(Amended { infos: self.infos.clone(), applied: applied.to_vec(), records, history }));
        }
        call
    }

    /// The latest version (every amendment applied), carrying this history.
    pub fn latest(self: &Arc<Self>) -> Call {
        let all: Vec<usize> = (0..self.infos.len()).collect();
        self.build(&all, Some(self.clone()))
    }

    /// This history with only the amendments in force at `at`.
    fn until(&self, at: NaiveDateTime) -> Arc<History> {
        let keep: Vec<usize> = (0..self.infos.len()).filter(|&i| self.infos[i].from() <= at).collect();
        let infos = keep.iter().map(|&i| self.infos[i].clone()).collect();
        let changes = keep.iter().map(|&i| self.changes[i].clone()).collect();
        History::new(self.base.clone(), infos, changes)
    }
}

/// The call as originally published (the call itself when it has no amendments).
pub fn original(call: &Call) -> Call {
    match call.amendments.as_ref().and_then(|a| a.history.as_ref()) {
        Some(h) => h.base.clone(),
        None => Call { amendments: None, ..call.clone() },
    }
}

/// The version of a call in force at `at` (`ID@WHEN`): the amendments in force then applied,
/// and a history of only those, so that the drafts it judges never see a later one.
pub fn at(call: &Call, at: NaiveDateTime) -> Call {
    match call.amendments.as_ref().and_then(|a| a.history.as_ref()) {
        Some(h) => h.until(at).latest(),
        None => call.clone(),
    }
}

/// The version of `call` that judges a draft at `as_of`, with the history to judge each of its
/// submissions by; `None` for a call without amendments (judged as it is). The draft counts as
/// submitted at the latest moment it declares (a courier's send date where it gives one).
pub fn for_draft(call: &Call, app: &crate::application::Application, as_of: NaiveDateTime) -> Option<(Arc<Call>, Arc<History>)> {
    let history = call.amendments.as_ref()?.history.clone()?;
    let submitted = app.submission.iter().filter_map(|s| s.sent.or(s.at)).map(|w| w.start()).max();
    Some((history.in_force(as_of, submitted), history))
}

/// Each call in force at `at`, keeping its history (a run that judges every draft at one
/// moment: its counts per category are those of that version).
pub fn in_force_at(call: Call, at: NaiveDateTime) -> Call {
    match call.amendments.as_ref().and_then(|a| a.history.clone()) {
        Some(h) if h.applying(at, None).len() != h.infos.len() => {
            let version = h.in_force(at, None);
            let applied = version.amendments.as_ref().map(|a| (a.applied.clone(), a.records.clone())).unwrap_or_default();
            let amended = Amended { infos: h.infos.clone(), applied: applied.0, records: applied.1, history: Some(h.clone()) };
            Call { amendments: Some(Arc::new(amended)), ..(*version).clone() }
        }
        _ => call,
    }
}
