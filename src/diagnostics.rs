//! Findings: what every stage (reading, schema, compiler, validator) reports.
//!
//! A [`Finding`] is data: a stable code, a severity, a message, labels on byte spans of one
//! source file, what the notice requires, the clause it cites and a fix hint. The texts are
//! [`Text`]s, in English and Chinese. Rendering lives in [`crate::render`]; nothing here prints.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::i18n::Text;
use crate::source::SourceFile;

/// A stable code with its documentation. Every code is declared once as a `const` next to the
/// code that emits it and listed in [`crate::registry`].
#[derive(Debug)]
pub struct CodeInfo {
    /// The stable code, `family.name`, e.g. `budget.over-cap`.
    pub code: &'static str,
    /// One line: what the finding means.
    pub summary: &'static str,
    /// One paragraph: when it fires, why, and how to fix it.
    pub doc: &'static str,
    /// `summary` in Chinese (`callspec explain --lang zh`).
    pub summary_zh: &'static str,
    /// `doc` in Chinese.
    pub doc_zh: &'static str,
}

impl CodeInfo {
    /// The one-line summary in a language.
    pub fn summary_in(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::En => self.summary,
            crate::i18n::Lang::Zh => self.summary_zh,
        }
    }

    /// The documentation paragraph in a language.
    pub fn doc_in(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::En => self.doc,
            crate::i18n::Lang::Zh => self.doc_zh,
        }
    }
}

/// How much a finding matters; follows the notice's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Binding wording (须, 不得, 不予受理, 无效, 不少于) or a broken input: fails.
    Error,
    /// Soft wording (原则上): reported, fails only under `--deny warnings`.
    Warning,
    /// Preferences (优先支持) and hints: never a failure.
    Advice,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }
}

/// A byte range in a [`SourceFile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub offset: usize,
    pub len: usize,
}

impl Span {
    pub fn new(offset: usize, len: usize) -> Self {
        Self { offset, len }
    }
}

/// A label on a span of the finding's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: Text,
    pub primary: bool,
}

/// The clause of the notice a rule comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The notice's document number, e.g. 杭科协〔2025〕6号.
    pub document: String,
    /// Where in the notice, e.g. 一、（一）.
    pub section: String,
    /// The quoted text of the clause.
    pub text: String,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: “{}”", self.document, self.section, self.text)
    }
}

/// Where a labelled value sits in a Word form, which has no text snippet to show: the form
/// place (section, table and row, the field's label), the draft key and the value as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The label this place belongs to.
    #[serde(skip)]
    pub span: Span,
    /// The draft key (JSON pointer).
    pub pointer: String,
    /// The section heading: 七、项目经费预算.
    pub section: Option<String>,
    /// The table (or sub-heading) within the section.
    pub table: Option<String>,
    /// The row of the table, counting from 1.
    pub row: Option<usize>,
    /// The field's label: 申请经费.
    pub field: Option<String>,
    /// The value as typed in the form.
    pub typed: Option<String>,
}

impl Place {
    /// `七、项目经费预算 › 经费支出明细预算表 第 2 行 › 金额`.
    pub fn path(&self, lang: crate::i18n::Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.section.clone());
        match (&self.table, self.row) {
            (Some(t), Some(r)) => parts.push(match lang {
                crate::i18n::Lang::En => format!("{t} row {r}"),
                crate::i18n::Lang::Zh => format!("{t} 第 {r} 行"),
            }),
            (Some(t), None) => parts.push(t.clone()),
            (None, Some(r)) => parts.push(match lang {
                crate::i18n::Lang::En => format!("row {r}"),
                crate::i18n::Lang::Zh => format!("第 {r} 行"),
            }),
            (None, None) => {}
        }
        parts.extend(self.field.clone());
        parts.join(" › ")
    }
}

/// One problem (or piece of advice) found in one file.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static CodeInfo,
    pub severity: Severity,
    pub message: Text,
    pub file: Option<Arc<SourceFile>>,
    pub labels: Vec<Label>,
    /// What the notice requires, in words ("at most 500 characters").
    pub requirement: Option<Text>,
    /// The clause the requirement comes from.
    pub citation: Option<Citation>,
    /// How to fix it.
    pub help: Option<Text>,
    /// The JSON pointer of the value the finding is about (`/budget/requested`), when it is
    /// about one: what a web form or portal marks.
    pub pointer: Option<String>,
    /// For a Word form: where each label's value sits in the form (by the label's span).
    pub places: Vec<Place>,
}

impl Finding {
    pub fn new(code: &'static CodeInfo, severity: Severity, message: impl Into<Text>) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            file: None,
            labels: Vec::new(),
            requirement: None,
            citation: None,
            help: None,
            pointer: None,
            places: Vec::new(),
        }
    }

    pub fn error(code: &'static CodeInfo, message: impl Into<Text>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    pub fn warning(code: &'static CodeInfo, message: impl Into<Text>) -> Self {
        Self::new(code, Severity::Warning, message)
    }

    pub fn advice(code: &'static CodeInfo, message: impl Into<Text>) -> Self {
        Self::new(code, Severity::Advice, message)
    }

    pub fn in_file(mut self, file: Arc<SourceFile>) -> Self {
        self.file = Some(file);
        self
    }

    /// The primary label: the offending value.
    pub fn label(mut self, span: Span, text: impl Into<Text>) -> Self {
        self.labels.push(Label { span, text: text.into(), primary: self.labels.iter().all(|l| !l.primary) });
        self
    }

    /// A secondary label: related context.
    pub fn also(mut self, span: Span, text: impl Into<Text>) -> Self {
        self.labels.push(Label { span, text: text.into(), primary: false });
        self
    }

    pub fn requires(mut self, requirement: impl Into<Text>) -> Self {
        self.requirement = Some(requirement.into());
        self
    }

    pub fn cite(mut self, citation: Option<Citation>) -> Self {
        self.citation = citation;
        self
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The JSON pointer of the value the finding is about.
    pub fn at_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The form place of a label, for a finding on a Word form.
    pub fn place_of(&self, label: &Label) -> Option<&Place> {
        self.places.iter().find(|p| p.span == label.span)
    }

    /// The primary label's span, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.iter().find(|l| l.primary).or(self.labels.first()).map(|l| l.span)
    }

    /// True for findings that make an input unusable (unreadable, not UTF-8, not YAML, over a
    /// limit), as opposed to findings about its content. These exit with code 2. Notes about
    /// inputs that were used (`input.decoded`, a folder link not followed) are not errors.
    pub fn is_unusable_input(&self) -> bool {
        self.code.code.starts_with("input.") && self.severity == Severity::Error
    }

    /// A total order for deterministic output: file, position, code, message.
    pub fn sort_key(&self) -> (Option<&str>, usize, &'static str, &str) {
        (
            self.file.as_deref().map(|f| f.name.as_str()),
            self.primary_span().map_or(0, |s| s.offset),
            self.code.code,
            self.message.en.as_str(),
        )
    }
}

/// Sorts findings into their deterministic order (file, position, code, message).
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Counts by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
}

impl Tally {
    /// Counts one more finding of this severity.
    pub fn count(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Advice => self.advice += 1,
        }
    }

    pub fn of(findings: &[Finding]) -> Self {
        let mut t = Self::default();
        for f in findings {
            match f.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Advice => t.advice += 1,
            }
        }
        t
    }
}
