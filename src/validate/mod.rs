//! The validator: an application checked against a compiled call, rule by rule.
//!
//! Each rule is one file in the home of its requirement kind (`src/kinds/<kind>/`): a [`Rule`]
//! with a stable code, a one-paragraph doc and a `check` function over [`Ctx`], plus tests
//! against the shared test bed (`testdata/`). [`crate::kinds::rules`] lists them in the order
//! they run; findings are sorted afterwards, so the order of output depends only on the input.
//!
//! **Invariant:** rules do no I/O and read no clock: the moment deadlines are judged at is
//! [`Ctx::as_of`], given by the caller.

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
    /// The values the call's expressions are evaluated over, built on first use.
    scope: std::cell::OnceCell<crate::kinds::condition::Scope>,
    /// The call's amendments, when it has any: each submission is judged by the version in
    /// force for it ([`Ctx::in_force_for`]).
    history: Option<&'a crate::amend::History>,
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
        Finding::new(info, severity, message).in_file(self.doc.file.clone()).at_pointer(pointer).label(self.doc.spans().key(pointer), label)
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
        let f = Finding::new(info, severity, message).in_file(self.doc.file.clone()).at_pointer(pointer);
        match self.doc.value.pointer(pointer) {
            Some(v) if !v.is_object() && !v.is_array() => f.label(self.at(pointer), label),
            Some(_) => f.label(self.doc.spans().anchor(pointer), label),
            None => {
                let name = pointer.rsplit('/').next().unwrap_or_default();
                f.label(self.doc.spans().anchor(pointer), crate::tr!("no `{name}` here", "此处缺少 `{name}`"))
            }
        }
    }

    /// Whether an expression holds for this draft; `None` when it cannot be judged.
    pub fn holds(&self, e: &crate::kinds::condition::Expr) -> Option<bool> {
        let scope = self.scope.get_or_init(|| {
            let category = self.category.map(|c| c.path.as_str());
            // Values already reported as unusable, or not of their declared field's type, are
            // hidden from expressions: a condition never judges what another rule rejected.
            let mut hidden: Vec<String> = self.app.unusable.iter().map(str::to_owned).collect();
            for f in &self.call.fields {
                for p in f.pointers(&self.doc.value) {
                    if self.doc.value.pointer(&p).is_some_and(|v| crate::kinds::field::rejects(f, v)) {
                        hidden.push(p);
                    }
                }
            }
            crate::kinds::condition::Scope::new(&self.doc.value, &self.call.expression_roots, category, &self.call.id, &hidden)
        });
        scope.holds(e)
    }

    /// Whether a requirement scoped to `categories` (empty: all) and guarded by `when` applies to
    /// this draft. A condition that cannot be judged does not apply: the rule stays silent.
    pub fn in_scope(&self, categories: &[String], when: Option<&crate::kinds::condition::Expr>) -> bool {
        let in_category = Call::in_scope(categories, self.category);
        in_category && when.is_none_or(|w| self.holds(w) == Some(true))
    }

    /// Whether the value at `pointer` could not be read (pruned, misspelt, missing), lies in such
    /// a value, or holds one: a rule reading it stays silent rather than guess.
    pub fn unusable(&self, pointer: &str) -> bool {
        self.app.unusable(pointer)
    }

    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// The applicant type's name from the call's vocabulary, or the id itself.
    pub fn type_name(&self, id: &str) -> String {
        self.call.applicant_types.get(id).map_or_else(|| id.to_owned(), |t| format!("{} ({id})", t.name))
    }

    /// The version of the call in force for a submission made at `moment` (an amendment that
    /// took effect after it and does not reach back leaves it alone); `None` for a call without
    /// amendments, which is the same at every moment.
    pub fn in_force_for(&self, moment: NaiveDateTime) -> Option<std::sync::Arc<Call>> {
        self.history.map(|h| h.in_force(self.as_of, Some(moment)))
    }

    /// The citation of a call-level form rule, if the call has it.
    pub fn form_cite(&self, pick: impl Fn(&crate::model::Form) -> Option<&Citation>) -> Option<Citation> {
        pick(&self.call.form).cloned()
    }
}

/// Validates an application against a call; every finding, in deterministic order. A call
/// with amendments judges the draft by the version in force at `as_of` for a draft submitted
/// when it says it was ([`crate::amend::for_draft`]).
pub fn validate(call: &Call, doc: &Document, app: &Application, as_of: NaiveDateTime) -> Vec<Finding> {
    match crate::amend::for_draft(call, app, as_of) {
        None => run(call, None, doc, app, as_of),
        Some((version, history)) => run(&version, Some(&history), doc, app, as_of),
    }
}

fn run(call: &Call, history: Option<&crate::amend::History>, doc: &Document, app: &Application, as_of: NaiveDateTime) -> Vec<Finding> {
    let category = match app.categories() {
        [one] => call.find_category(one).filter(|c| c.leaf),
        _ => None,
    };
    let scope = std::cell::OnceCell::new();
    let mut cx = Ctx { call, app, doc, category, as_of, findings: Vec::new(), scope, history };
    for rule in crate::kinds::rules() {
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
    // A byte that does not continue a character starts one (a vectorised count).
    text.bytes().filter(|&b| (b & 0xC0) != 0x80 && b != b'\n' && b != b'\r').count()
}
