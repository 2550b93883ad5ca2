//! The validator: an application checked against a compiled call, rule by rule.
//!
//! Each rule is one file under `rules/`: a [`Rule`] with a stable code, a one-paragraph doc and
//! a `check` function over [`Ctx`], plus tests against the shared test bed (`testdata/`).
//! [`RULES`] lists them in the order they run; findings are sorted afterwards, so the order of
//! output depends only on the input.
//!
//! **Invariant:** rules do no I/O and read no clock: the moment deadlines are judged at is
//! [`Ctx::as_of`], given by the caller.

mod rules;
#[cfg(test)]
pub(crate) mod testing;

use chrono::NaiveDateTime;

use crate::application::Application;
use crate::diagnostics::{Citation, CodeInfo, Finding, Severity, Span};
use crate::document::Document;
use crate::i18n::Text;
use crate::model::{Call, Category};

/// A validation rule.
pub struct Rule {
    pub info: &'static CodeInfo,
    pub check: fn(&mut Ctx),
}

/// Every rule, in the order they run.
pub const RULES: &[&Rule] = rules::ALL;

/// What a rule sees.
pub struct Ctx<'a> {
    pub call: &'a Call,
    pub app: &'a Application,
    pub doc: &'a Document,
    /// The category applied for, when the application names exactly one that exists.
    pub category: Option<&'a Category>,
    /// The moment deadlines are judged at, in the call's time zone.
    pub as_of: NaiveDateTime,
    findings: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    /// The span of the value at a JSON pointer (or its nearest existing ancestor).
    pub fn at(&self, pointer: &str) -> Span {
        self.doc.spans().value(pointer)
    }

    /// A finding labelled on the key at `pointer`, for a key that is itself the mistake.
    pub fn finding_on_key(
        &self,
        info: &'static CodeInfo,
        severity: Severity,
        message: impl Into<Text>,
        pointer: &str,
        label: impl Into<Text>,
    ) -> Finding {
        Finding::new(info, severity, message).in_file(self.doc.file.clone()).label(self.doc.spans().key(pointer), label)
    }

    /// A finding labelled on the value at `pointer`: a scalar itself; a list or mapping by its
    /// key (their own extent is just their first entry); a missing value by its nearest
    /// existing parent, with a label saying what is missing.
    pub fn finding(
        &self,
        info: &'static CodeInfo,
        severity: Severity,
        message: impl Into<Text>,
        pointer: &str,
        label: impl Into<Text>,
    ) -> Finding {
        let f = Finding::new(info, severity, message).in_file(self.doc.file.clone());
        match self.doc.value.pointer(pointer) {
            Some(v) if !v.is_object() && !v.is_array() => f.label(self.at(pointer), label),
            Some(_) => f.label(self.doc.spans().anchor(pointer), label),
            None => {
                let name = pointer.rsplit('/').next().unwrap_or_default();
                f.label(self.doc.spans().anchor(pointer), crate::tr!("no `{name}` here", "此处缺少 `{name}`"))
            }
        }
    }

    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// The applicant type's name from the call's vocabulary, or the id itself.
    pub fn type_name(&self, id: &str) -> String {
        self.call.applicant_types.get(id).map_or_else(|| id.to_owned(), |t| format!("{} ({id})", t.name))
    }

    /// The citation of a call-level form rule, if the call has it.
    pub fn form_cite(&self, pick: impl Fn(&crate::model::Form) -> Option<&Citation>) -> Option<Citation> {
        pick(&self.call.form).cloned()
    }
}

/// Validates an application against a call; every finding, in deterministic order.
pub fn validate(call: &Call, doc: &Document, app: &Application, as_of: NaiveDateTime) -> Vec<Finding> {
    let category = match app.category.0.as_slice() {
        [one] => call.category(one).filter(|c| c.leaf),
        _ => None,
    };
    let mut cx = Ctx { call, app, doc, category, as_of, findings: Vec::new() };
    for rule in RULES {
        (rule.check)(&mut cx);
    }
    let mut findings = cx.findings;
    crate::diagnostics::sort(&mut findings);
    findings
}

/// Counts in Unicode characters, as the notices do (限500字 counts characters, not bytes),
/// leaving out line breaks: where a YAML draft breaks its lines (a `|` block, a long line
/// wrapped) is layout, so a text counts the same whatever the layout.
pub fn chars(text: &str) -> usize {
    text.chars().filter(|c| !matches!(c, '\n' | '\r')).count()
}

/// Whether a deadline applies to the category applied for (a deadline without categories
/// applies to all).
pub fn deadline_applies(d: &crate::model::Deadline, category: Option<&Category>) -> bool {
    d.categories.is_empty() || category.is_some_and(|c| d.categories.iter().any(|s| Call::within(&c.path, s)))
}

/// The declared submissions a deadline is judged on: (index in `submission`, moment, field).
/// Where the deadline counts the courier's send date and one is given, that is the moment.
pub fn declared_moments(d: &crate::model::Deadline, app: &Application) -> Vec<(usize, crate::values::When, &'static str)> {
    app.submission
        .iter()
        .enumerate()
        .filter(|(_, s)| s.channel == d.channel)
        .map(|(i, s)| match (d.postmark, s.sent) {
            (true, Some(sent)) => (i, sent, "sent"),
            _ => (i, s.at, "at"),
        })
        .collect()
}
