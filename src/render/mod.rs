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

/// Renders one finding as text. Control characters from the input (ESC, BEL, ...) are shown
/// as `?` in snippets and as `\u{..}` in messages, so a hostile file cannot drive the terminal.
pub fn human(finding: &Finding, style: Style) -> String {
    let safe;
    let finding = match sanitised(finding) {
        Some(f) => {
            safe = f;
            &safe
        }
        None => finding,
    };
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

fn is_unsafe(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Longest source line shown: a labelled line longer than this is not shown (its place is
/// named instead).
const MAX_LINE: usize = 400;

/// Longest message, requirement or hint shown; longer ones (quoting a huge value) are cut.
const MAX_TEXT: usize = 1000;

/// A copy of the finding fit for a terminal, if it needs one: no control characters, no
/// source line longer than [`MAX_LINE`] or text longer than [`MAX_TEXT`] characters.
fn sanitised(f: &Finding) -> Option<Finding> {
    let text_needs = |s: &str| s.chars().any(is_unsafe) || s.chars().nth(MAX_TEXT).is_some();
    let in_file = f.file.as_ref().is_some_and(|file| file.text.chars().any(is_unsafe));
    let long_line = f.file.as_ref().is_some_and(|file| {
        f.labels.iter().any(|l| {
            let start = file.text[..l.span.offset.min(file.text.len())].rfind('\n').map_or(0, |p| p + 1);
            file.text[start..].lines().next().is_some_and(|line| line.chars().nth(MAX_LINE).is_some())
        })
    });
    let in_text = text_needs(&f.message)
        || f.labels.iter().any(|l| text_needs(&l.text))
        || f.requirement.as_deref().is_some_and(text_needs)
        || f.help.as_deref().is_some_and(text_needs);
    if !in_file && !in_text && !long_line {
        return None;
    }
    let escape = |s: &str| -> String {
        let mut out: String =
            s.chars().take(MAX_TEXT).map(|c| if is_unsafe(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect();
        if s.chars().nth(MAX_TEXT).is_some() {
            out.push_str(&format!("… ({} characters in all)", s.chars().count()));
        }
        out
    };
    let mut out = f.clone();
    out.message = escape(&f.message);
    for l in &mut out.labels {
        l.text = escape(&l.text);
    }
    out.requirement = f.requirement.as_deref().map(escape);
    out.help = f.help.as_deref().map(escape);
    if let Some(file) = &f.file {
        if long_line {
            let (line, col) = f.primary_span().map_or((0, 0), |s| file.line_col(s.offset));
            out.message = format!("{} (at {}:{line}:{col}; the line is too long to show)", out.message, escape(&file.name));
            out.labels.clear();
            out.file = None;
        } else if in_file {
            // Same byte length, so every span still points at the same place.
            let text: String = file.text.chars().map(|c| if is_unsafe(c) { "?".repeat(c.len_utf8()) } else { c.to_string() }).collect();
            out.file = Some(SourceFile::new(file.name.clone(), text));
        }
    }
    Some(out)
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
        // miette counts the column in bytes; people (and the JSON output) count characters.
        let start = inner.span().offset();
        let line_start = self.text[..start.min(self.text.len())].rfind('\n').map_or(0, |p| p + 1);
        let column = self.text.get(line_start..start).map_or(inner.column(), |s| s.chars().count());
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}
