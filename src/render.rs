//! Rendering findings for people: miette's graphical report with the notice's requirement and
//! clause appended. Pure functions returning strings; the CLI decides where they go.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan, SpanContents};

use crate::diagnostics::{Finding, Severity};
use crate::source::SourceFile;

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

/// The JSON report: a stable, documented shape (see README, "JSON output").
pub fn json(findings: &[Finding], files: usize, exit: i32) -> serde_json::Value {
    let items: Vec<serde_json::Value> = findings.iter().map(json_finding).collect();
    let t = crate::diagnostics::Tally::of(findings);
    serde_json::json!({
        "version": 1,
        "files": files,
        "exit_code": exit,
        "summary": { "errors": t.errors, "warnings": t.warnings, "advice": t.advice },
        "findings": items,
    })
}

fn json_finding(f: &Finding) -> serde_json::Value {
    let file = f.file.as_deref();
    let pos = |off: usize| file.map(|s| s.line_col(off));
    let labels: Vec<serde_json::Value> = f
        .labels
        .iter()
        .map(|l| {
            let (line, column) = pos(l.span.offset).unwrap_or((0, 0));
            let (end_line, end_column) = pos(l.span.offset + l.span.len).unwrap_or((0, 0));
            serde_json::json!({
                "primary": l.primary, "text": l.text,
                "line": line, "column": column, "end_line": end_line, "end_column": end_column,
                "offset": l.span.offset, "length": l.span.len,
                "value": file.and_then(|s| s.slice(l.span)),
            })
        })
        .collect();
    let (line, column) = f.primary_span().and_then(|s| pos(s.offset)).unwrap_or((0, 0));
    serde_json::json!({
        "code": f.code.code,
        "severity": f.severity,
        "message": f.message,
        "file": file.map(|s| s.name.as_str()),
        "line": line,
        "column": column,
        "labels": labels,
        "requirement": f.requirement,
        "citation": f.citation,
        "help": f.help,
    })
}
