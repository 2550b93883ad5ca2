//! Rendering findings: for people (miette's graphical report with the notice's requirement and
//! clause appended, here), for programs (`json`), for code-scanning tools (`sarif`) and for CI
//! logs (`github`). Pure functions returning strings or JSON values; the CLI decides where they go.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan, SpanContents};

use crate::diagnostics::{Finding, Severity};
use crate::i18n::{Lang, Text};
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
    /// The language of messages and of the fixed words around them.
    pub lang: Lang,
}

impl Default for Style {
    fn default() -> Self {
        Self { color: false, width: 100, lang: Lang::En }
    }
}

/// The fixed words before a finding's requirement, clause and help, in a language.
pub(crate) fn words(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::En => ["requires: ", "notice: ", "help: "],
        Lang::Zh => ["要求：", "依据：", "建议："],
    }
}

/// The message followed by the requirement, clause and help lines, in a language (what SARIF
/// and GitHub annotations show).
pub(crate) fn full_text(f: &Finding, lang: Lang) -> String {
    let [requires, notice, help] = words(lang);
    let mut text = f.message.get(lang).to_owned();
    if let Some(r) = &f.requirement {
        text.push_str(&format!("\n{requires}{}", r.get(lang)));
    }
    if let Some(c) = &f.citation {
        text.push_str(&format!("\n{notice}{}", citation(c, lang)));
    }
    if let Some(h) = &f.help {
        text.push_str(&format!("\n{help}{}", h.get(lang)));
    }
    text
}

/// A clause as cited: `杭科协〔2025〕6号 一、（一）: “…”`, with Chinese punctuation in Chinese.
pub(crate) fn citation(c: &crate::diagnostics::Citation, lang: Lang) -> String {
    match lang {
        Lang::En => c.to_string(),
        Lang::Zh => format!("{} {}：“{}”", c.document, c.section, c.text),
    }
}

/// Renders one finding as text. Control characters from the input (ESC, BEL, ...) are shown
/// as `?` in snippets and as `\u{..}` in messages, so a hostile file cannot drive the terminal.
pub fn human(finding: &Finding, style: Style) -> String {
    let (few, hidden);
    let finding = if finding.labels.len() > MAX_LABELS {
        // Keep the primary label and the first others; a snippet with thousands of labels
        // helps nobody and takes miette seconds to lay out.
        let mut f = finding.clone();
        let mut others: Vec<(usize, usize)> =
            f.labels.iter().enumerate().filter(|(_, l)| !l.primary).map(|(i, l)| (l.span.offset, i)).collect();
        others.sort_unstable();
        let keep: std::collections::HashSet<usize> = others.iter().take(MAX_LABELS - 1).map(|&(_, i)| i).collect();
        let mut i = 0;
        f.labels.retain(|l| {
            let kept = l.primary || keep.contains(&i);
            i += 1;
            kept
        });
        hidden = finding.labels.len() - f.labels.len();
        few = f;
        &few
    } else {
        hidden = 0;
        finding
    };
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
    let view = View { f: finding, lang: style.lang };
    if handler.render_report(&mut out, &view).is_err() {
        out = format!("{}[{}]: {}\n", finding.severity.as_str(), finding.code.code, finding.message.get(style.lang));
    }
    let [requires, notice, help] = words(style.lang);
    if let Some(r) = &finding.requirement {
        out.push_str(&format!("  {requires}{}\n", r.get(style.lang)));
    }
    if let Some(c) = &finding.citation {
        out.push_str(&format!("  {notice}{}\n", citation(c, style.lang)));
    }
    if let Some(h) = &finding.help {
        out.push_str(&format!("  {help}{}\n", h.get(style.lang)));
    }
    if hidden > 0 {
        out.push_str(&match style.lang {
            Lang::En => format!("  ({hidden} more places not shown; `--format json` lists them all)\n"),
            Lang::Zh => format!("  （另有 {hidden} 处未显示；`--format json` 会全部列出）\n"),
        });
    }
    out
}

/// Most labels drawn in one snippet.
const MAX_LABELS: usize = 12;

/// Longest source line shown: a labelled line longer than this is not shown (its place is
/// named instead).
const MAX_LINE: usize = 400;

/// Longest message, requirement or hint shown; longer ones (quoting a huge value) are cut.
const MAX_TEXT: usize = 1000;

/// A copy of the finding fit for a terminal, if it needs one: no control characters, no
/// source line longer than [`MAX_LINE`] or text longer than [`MAX_TEXT`] characters.
fn sanitised(f: &Finding) -> Option<Finding> {
    let text_needs = |s: &str| crate::source::control_char(s).is_some() || s.chars().nth(MAX_TEXT).is_some();
    let in_file = f.file.as_ref().is_some_and(|file| file.has_control());
    let long_line = f.file.as_ref().is_some_and(|file| {
        f.labels.iter().any(|l| {
            let start = file.line_start(l.span.offset.min(file.text.len()));
            file.text[start..].lines().next().is_some_and(|line| line.chars().nth(MAX_LINE).is_some())
        })
    });
    let in_text = f.message.any(text_needs)
        || f.labels.iter().any(|l| l.text.any(text_needs))
        || f.requirement.as_ref().is_some_and(|t| t.any(text_needs))
        || f.help.as_ref().is_some_and(|t| t.any(text_needs));
    if !in_file && !in_text && !long_line {
        return None;
    }
    let escape = |s: &str| -> String {
        let mut out: String = s
            .chars()
            .take(MAX_TEXT)
            .map(|c| if crate::source::is_control(c) { c.escape_unicode().to_string() } else { c.to_string() })
            .collect();
        if s.chars().nth(MAX_TEXT).is_some() {
            out.push_str(&format!("… ({} characters in all)", s.chars().count()));
        }
        out
    };
    let mut out = f.clone();
    out.message = f.message.map(escape);
    for l in &mut out.labels {
        l.text = l.text.map(escape);
    }
    out.requirement = f.requirement.as_ref().map(|t| t.map(escape));
    out.help = f.help.as_ref().map(|t| t.map(escape));
    if let Some(file) = &f.file {
        if long_line {
            let (line, col) = f.primary_span().map_or((0, 0), |s| file.line_col(s.offset));
            let (en, zh, name) = (&out.message.en, &out.message.zh, escape(&file.name));
            out.message = Text::new(
                format!("{en} (at {name}:{line}:{col}; the line is too long to show)"),
                format!("{zh}（位于 {name}:{line}:{col}；该行过长，不予显示）"),
            );
            out.labels.clear();
            out.file = None;
        } else if in_file {
            // Same byte length, so every span still points at the same place.
            let text: String =
                file.text.chars().map(|c| if crate::source::is_control(c) { "?".repeat(c.len_utf8()) } else { c.to_string() }).collect();
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
    lang: Lang,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.f.message.get(self.lang))
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.f.message.get(self.lang))
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
                LabeledSpan::new_primary_with_span(Some(l.text.get(self.lang).to_owned()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.text.get(self.lang).to_owned()), span)
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
        // miette finds the context by scanning from the start of the text, for every label;
        // scanning from a line shortly before the span instead keeps many findings in a large
        // file linear. The line numbers are shifted back by the lines skipped.
        let lines = self.miette_lines();
        let at = span.offset().min(self.text.len());
        let first = lines.partition_point(|&s| s <= at).saturating_sub(1).saturating_sub(before + 1);
        let base = lines[first];
        let local = SourceSpan::new((span.offset().saturating_sub(base)).into(), span.len());
        let inner = self.text[base..].read_span(&local, before, after)?;
        // miette counts the column in bytes; people (and the JSON output) count characters.
        let start = base + inner.span().offset();
        let line_start = self.line_start(start);
        let column = self.text.get(line_start..start).map_or(inner.column(), |s| s.chars().count());
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new(start.into(), inner.span().len()),
            first + inner.line(),
            column,
            first + inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Finding, Span};

    const CODE: &crate::diagnostics::CodeInfo =
        &crate::diagnostics::CodeInfo { code: "test.code", summary: "", doc: "", summary_zh: "", doc_zh: "" };

    /// Spans read through the line index are what miette reads scanning from the start.
    #[test]
    fn read_span_matches_miette_on_any_line_ends() {
        let text = "a: 1\r\nbb: 中文\rccc: x\n\ndddd: [1, 2]\r\n\r\neeeee: 长\n".repeat(3);
        let file = SourceFile::new("t.yaml", text.clone());
        for offset in 0..text.len() {
            if !text.is_char_boundary(offset) {
                continue;
            }
            for len in [0, 1, 3] {
                let span = SourceSpan::new(offset.into(), len.min(text.len() - offset));
                for (before, after) in [(0, 0), (1, 1), (2, 3)] {
                    let ours = file.read_span(&span, before, after).unwrap();
                    let theirs = text.as_str().read_span(&span, before, after).unwrap();
                    let what = format!("offset {offset} len {len} context {before}/{after}");
                    assert_eq!(ours.data(), theirs.data(), "{what}");
                    assert_eq!(ours.span(), theirs.span(), "{what}");
                    assert_eq!(ours.line(), theirs.line(), "{what}");
                    assert_eq!(ours.line_count(), theirs.line_count(), "{what}");
                }
            }
        }
    }

    #[test]
    fn line_col_counts_lines_and_characters() {
        let file = SourceFile::new("t.yaml", "ab\n中文x\n\nz");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(3), (2, 1));
        assert_eq!(file.line_col(9), (2, 3));
        assert_eq!(file.line_col(11), (3, 1));
        assert_eq!(file.line_col(12), (4, 1));
        assert_eq!(file.line_col(99), (4, 2));
    }

    #[test]
    fn a_snippet_shows_at_most_max_labels() {
        let text: String = (0..40).map(|i| format!("k{i}: v\n")).collect();
        let file = SourceFile::new("t.yaml", text.clone());
        let mut f = Finding::error(CODE, "many").in_file(file).label(Span::new(text.find("k30").unwrap(), 3), "this");
        for i in (0..40).filter(|i| *i != 30) {
            f = f.also(Span::new(text.find(&format!("k{i}:")).unwrap(), 2), "also");
        }
        let out = human(&f, Style { color: false, width: 100, lang: Lang::En });
        assert_eq!(out.matches("also").count(), MAX_LABELS - 1, "{out}");
        assert!(out.contains("this") && out.contains("(28 more places not shown; `--format json` lists them all)"), "{out}");
        // The nearest to the top are kept.
        assert!(out.contains("k0:") && !out.contains("k39:"), "{out}");
    }
}
