//! Which drafts change verdict or findings between two versions of the calls (`callspec diff
//! --drafts DIR`): each draft is validated against both, as `validate` would, and the findings
//! compared, so that staff can tell exactly the applicants concerned.

use std::path::PathBuf;

use crate::batch::{Calls, Options};
use crate::diagnostics::{Finding, Severity};
use crate::i18n::Text;
use crate::tr;

/// A draft's verdict under one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Valid,
    /// Valid, with warnings.
    Warnings,
    Invalid,
    /// The draft (or its call) could not be used.
    Unusable,
}

impl Verdict {
    pub fn of(findings: &[Finding]) -> Verdict {
        if findings.iter().any(Finding::is_unusable_input) {
            Verdict::Unusable
        } else if findings.iter().any(|f| f.severity == Severity::Error) {
            Verdict::Invalid
        } else if findings.iter().any(|f| f.severity == Severity::Warning) {
            Verdict::Warnings
        } else {
            Verdict::Valid
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Warnings => "valid-with-warnings",
            Verdict::Invalid => "invalid",
            Verdict::Unusable => "unusable",
        }
    }

    pub fn words(self) -> Text {
        match self {
            Verdict::Valid => tr!("valid", "通过"),
            Verdict::Warnings => tr!("valid with warnings", "通过（有警告）"),
            Verdict::Invalid => tr!("invalid", "未通过"),
            Verdict::Unusable => tr!("unusable", "无法使用"),
        }
    }

    fn passes(self) -> bool {
        matches!(self, Verdict::Valid | Verdict::Warnings)
    }
}

/// A finding in brief, as compared between versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub code: &'static str,
    pub severity: Severity,
    pub message: Text,
    pub pointer: Option<String>,
}

impl Brief {
    fn of(f: &Finding) -> Brief {
        Brief { code: f.code.code, severity: f.severity, message: f.message.clone(), pointer: f.pointer.clone() }
    }
}

/// How a draft's outcome changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// It passed and now fails.
    NewlyInvalid,
    /// It failed and now passes.
    NewlyValid,
    /// Same verdict (or one that neither passes), other findings.
    Findings,
}

impl Change {
    pub fn slug(self) -> &'static str {
        match self {
            Change::NewlyInvalid => "newly-invalid",
            Change::NewlyValid => "newly-valid",
            Change::Findings => "changed-findings",
        }
    }

    pub fn words(self) -> Text {
        match self {
            Change::NewlyInvalid => tr!("newly invalid", "新不通过"),
            Change::NewlyValid => tr!("newly valid", "新通过"),
            Change::Findings => tr!("findings changed", "问题有变化"),
        }
    }
}

/// One draft whose outcome differs.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: String,
    pub before: Verdict,
    pub after: Verdict,
    /// Findings under the new version only.
    pub gained: Vec<Brief>,
    /// Findings under the old version only.
    pub lost: Vec<Brief>,
}

impl Outcome {
    pub fn change(&self) -> Change {
        match (self.before.passes(), self.after.passes()) {
            (true, false) => Change::NewlyInvalid,
            (false, true) => Change::NewlyValid,
            _ => Change::Findings,
        }
    }
}

/// The drafts checked, and those whose outcome differs, in input order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub checked: usize,
    pub changed: Vec<Outcome>,
    /// The findings of drafts that neither version could use (unreadable, not a draft, naming
    /// a call neither has): a diff cannot say what changes for them.
    pub unusable: Vec<Finding>,
}

/// Validates every draft against both versions (each draft's `call:` picks its call; a draft's
/// `expect.as_of` fixes the clock as in `validate`) and keeps those whose findings differ.
pub fn compare(paths: &[PathBuf], old: &Calls, new: &Calls, opts: &Options) -> Report {
    let mut report = Report { checked: paths.len(), changed: Vec::new(), unusable: Vec::new() };
    for path in paths {
        let a = crate::batch::check_file(path, old, opts).findings;
        let b = crate::batch::check_file(path, new, opts).findings;
        let (before, after) = (Verdict::of(&a), Verdict::of(&b));
        if (before, after) == (Verdict::Unusable, Verdict::Unusable) {
            report.unusable.extend(b.into_iter().filter(Finding::is_unusable_input));
            continue;
        }
        let (a, b): (Vec<Brief>, Vec<Brief>) = (a.iter().map(Brief::of).collect(), b.iter().map(Brief::of).collect());
        let gained = less(&b, &a);
        let lost = less(&a, &b);
        if before != after || !gained.is_empty() || !lost.is_empty() {
            report.changed.push(Outcome { file: path.display().to_string(), before, after, gained, lost });
        }
    }
    report
}

/// The findings of `a` not in `b`, each matched at most once.
fn less(a: &[Brief], b: &[Brief]) -> Vec<Brief> {
    let mut left: Vec<Option<&Brief>> = b.iter().map(Some).collect();
    let mut out = Vec::new();
    for x in a {
        match left.iter_mut().find(|y| y.is_some_and(|y| y == x)) {
            Some(slot) => *slot = None,
            None => out.push(x.clone()),
        }
    }
    out
}
