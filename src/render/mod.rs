//! Rendering findings: for people (miette's graphical report with the notice's requirement and
//! clause appended, here), for programs (`json`), for code-scanning tools (`sarif`) and for CI
//! logs (`github`). Pure functions returning strings or JSON values; the CLI decides where they go.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan, SpanContents};

use crate::diagnostics::{Finding, Severity};
use crate::source::SourceFile;

mod github;
mod json;
mod sarif;

pub use github::github;
pub use json::{json, json_finding};
pub use sarif::{sarif_begin, sarif_end, sarif_result};

/// Options for human output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Self { color: false, width: 100 }
    }
}

/// Renders one finding as text.
pub fn human(finding: &Finding, style: Style) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false).with_context_lines(1);
    let mut out = String::new();
    let view = View { f: finding };
    if handler.render_report(&mut out, &view).is_err() {
        out = format!("{}[{}]: {}\n", finding.severity.as_str(), finding.code.code, finding.message);
    }
    if let Some(r) = &finding.requirement {
        out.push_str(&format!("  requires: {r}\n"));
    }
    if let Some(c) = &finding.citation {
        out.push_str(&format!("  notice: {c}\n"));
    }
    if let Some(h) = &finding.help {
        out.push_str(&format!("  help: {h}\n"));
    }
    out
}

/// Renders many findings, each followed by a blank line.
pub fn human_all(findings: &[Finding], style: Style) -> String {
    findings.iter().map(|f| human(f, style)).collect::<Vec<_>>().join("\n")
}

/// The part of a finding miette draws: code, message, labelled snippet. Requirement, clause
/// and help follow as plain lines, in that order.
struct View<'a> {
    f: &'a Finding,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.f.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.f.message)
    }
}

impl std::error::Error for View<'_> {}

impl Diagnostic for View<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.f.code.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.f.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.f.file.as_deref().filter(|_| !self.f.labels.is_empty()).map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.f.file.as_ref()?;
        if self.f.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.f.labels.iter().map(|l| {
            let span = SourceSpan::new(l.span.offset.into(), l.span.len);
            if l.primary {
                LabeledSpan::new_primary_with_span(Some(l.text.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.text.clone()), span)
            }
        })))
    }
}

impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}
