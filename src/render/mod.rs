//! Rendering findings: for people (miette's graphical report with the notice's requirement and
//! clause appended, here), for programs (`json`), for code-scanning tools (`sarif`) and for CI
//! logs (`github`). Pure functions returning strings or JSON values; the CLI decides where they go.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan, SpanContents};

use crate::diagnostics::{Finding, Severity, Span};
use crate::i18n::Lang;
use crate::source::SourceFile;

mod github;
mod json;
mod sarif;

pub use github::github;
pub use json::{json_finding, json_text};
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

/// The message followed by the form places (for a Word form), the requirement, clause and
/// help lines, in a language (what SARIF and GitHub annotations show).
pub(crate) fn full_text(f: &Finding, lang: Lang) -> String {
    let [requires, notice, help] = words(lang);
    let mut text = f.message.get(lang).to_owned();
    for line in places(f, lang) {
        text.push('\n');
        text.push_str(&line);
    }
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

/// Renders one finding as text. Unsafe characters from the input (ESC, BEL, CR, bidirectional
/// and invisible characters: [`crate::source::is_unsafe`]) are shown as `?` in snippets and
/// escaped (`\u{1b}`) in messages and file names, so a hostile file cannot drive the terminal
/// or hide text. A label on a line too long to show gets a snippet of the line cut around it.
pub fn human(finding: &Finding, style: Style) -> String {
    let (few, mut hidden);
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
        Some(s) => {
            hidden += s.dropped;
            safe = s.finding;
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
    for line in places(finding, style.lang) {
        out.push_str(&format!("  {line}\n"));
    }
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
    // Without colour nothing may escape (the colours are miette's own escape sequences).
    if !style.color && crate::source::unsafe_char(&out).is_some() {
        out = out.chars().map(|c| if crate::source::is_unsafe(c) { '?' } else { c }).collect();
    }
    out
}

/// Longest value as typed shown for a form place.
const MAX_TYPED: usize = 60;

/// For a finding on a Word form, one line per label: where it is in the form, the value as
/// typed and the label, `at: 申报书.docx › 七、项目经费预算 › 申请经费 = “5” (requested amount)`.
pub(crate) fn places(f: &Finding, lang: Lang) -> Vec<String> {
    if f.places.is_empty() {
        return Vec::new();
    }
    let file = f.file.as_deref().map(|s| s.name.as_str()).unwrap_or_default();
    let mut labels: Vec<&crate::diagnostics::Label> = f.labels.iter().collect();
    labels.sort_by_key(|l| !l.primary);
    let mut out = Vec::new();
    for (i, l) in labels.iter().enumerate().take(MAX_LABELS) {
        let Some(p) = f.place_of(l) else { continue };
        let mut at = file.to_owned();
        let path = p.path(lang);
        if !path.is_empty() {
            at.push_str(" › ");
            at.push_str(&path);
        }
        let typed = p.typed.as_deref().map(|t| {
            let one: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let n = one.chars().count();
            let mut short: String = one.chars().take(MAX_TYPED).collect();
            if n > MAX_TYPED {
                short.push_str(&match lang {
                    Lang::En => format!("… ({n} characters)"),
                    Lang::Zh => format!("…（共 {n} 字）"),
                });
            }
            let short: String = short.chars().map(|c| if crate::source::is_control(c) { '?' } else { c }).collect();
            match (lang, short.is_empty()) {
                (Lang::En, true) => " = (empty)".to_owned(),
                (Lang::Zh, true) => "：（未填）".to_owned(),
                (Lang::En, false) => format!(" = “{short}”"),
                (Lang::Zh, false) => format!("：“{short}”"),
            }
        });
        let label = l.text.get(lang);
        let (head, note) = match (lang, i) {
            (Lang::En, 0) => ("at: ", format!(" ({label})")),
            (Lang::En, _) => ("also: ", format!(" ({label})")),
            (Lang::Zh, 0) => ("位置：", format!("（{label}）")),
            (Lang::Zh, _) => ("另见：", format!("（{label}）")),
        };
        out.push(format!("{head}{at}{}{note}", typed.unwrap_or_default()));
    }
    out
}

/// Most labels drawn in one snippet.
const MAX_LABELS: usize = 12;

/// Longest source line shown whole: a label on a longer line, or next to one, gets a snippet
/// of its own line cut around it ([`EXCERPT`] characters each side).
const MAX_LINE: usize = 400;

/// Display columns of context kept before and after a label on a line too long to show
/// (a Chinese character takes two).
const EXCERPT: (usize, usize) = (24, 16);

/// Display columns of a label shown on a line too long to show; the rest is cut.
const EXCERPT_LABEL: usize = 40;

/// Longest message, requirement or hint shown; longer ones (quoting a huge value) are cut.
const MAX_TEXT: usize = 1000;

/// A finding made fit for a terminal, with how many labels its snippet lost.
struct Safe {
    finding: Finding,
    dropped: usize,
}

/// A copy of the finding fit for a terminal, if it needs one: no unsafe characters
/// ([`crate::source::is_unsafe`]) in its texts, file name or snippet, no source line longer
/// than [`MAX_LINE`] (cut around the primary label) or text longer than [`MAX_TEXT`] characters.
fn sanitised(f: &Finding) -> Option<Safe> {
    let text_needs = |s: &str| crate::source::unsafe_char(s).is_some() || s.chars().nth(MAX_TEXT).is_some();
    let in_file = f.file.as_ref().is_some_and(|file| file.has_control());
    // A Word form shows no lines, only places (its values cut to length there).
    let long_line = f.places.is_empty() && f.file.as_ref().is_some_and(|file| f.labels.iter().any(|l| near_long_line(file, l.span.offset)));
    let in_text = f.message.any(text_needs)
        || f.labels.iter().any(|l| l.text.any(text_needs))
        || f.requirement.as_ref().is_some_and(|t| t.any(text_needs))
        || f.help.as_ref().is_some_and(|t| t.any(text_needs))
        || f.citation.as_ref().is_some_and(|c| [&c.document, &c.section, &c.text].iter().any(|s| text_needs(s)));
    let in_name = f.file.as_ref().is_some_and(|file| crate::source::unsafe_char(&file.name).is_some());
    if !in_file && !in_text && !long_line && !in_name {
        return None;
    }
    let mut out = f.clone();
    out.message = f.message.map(escape);
    for l in &mut out.labels {
        l.text = l.text.map(escape);
    }
    out.requirement = f.requirement.as_ref().map(|t| t.map(escape));
    out.help = f.help.as_ref().map(|t| t.map(escape));
    if let Some(c) = &mut out.citation {
        for s in [&mut c.document, &mut c.section, &mut c.text] {
            *s = escape(s);
        }
    }
    let mut safe = Safe { finding: out, dropped: 0 };
    if let Some(file) = &f.file {
        let name = crate::source::printable(&file.name).into_owned();
        if long_line && let Some(span) = f.primary_span() {
            let (text, origin, shift, window) = excerpt(file, span);
            let before = safe.finding.labels.len();
            // The primary label (cut to the window), and the others the window shows whole.
            safe.finding.labels.retain(|l| l.span == span || (l.span.offset >= window.0 && l.span.offset + l.span.len <= window.1));
            for l in &mut safe.finding.labels {
                let end = (l.span.offset + l.span.len).min(window.1);
                l.span = Span::new(l.span.offset - window.0 + shift, end - l.span.offset);
            }
            safe.dropped = before - safe.finding.labels.len();
            // One line, so the snippet shows nothing else.
            safe.finding.file = Some(SourceFile::excerpt(name, text, origin));
        } else if in_file {
            // Same byte length, so every span still points at the same place.
            safe.finding.file = Some(SourceFile::new(name, shown(&file.text)));
        } else if in_name {
            safe.finding.file = Some(SourceFile::new(name, file.text.clone()));
        }
    }
    Some(safe)
}

/// Whether the line holding `offset`, or a line next to it, is longer than [`MAX_LINE`]
/// characters (told from the line index, never by scanning the line).
fn near_long_line(file: &SourceFile, offset: usize) -> bool {
    let at = offset.min(file.text.len());
    let start = file.line_start(at);
    let end = file.line_end(at);
    let long = |s: usize, e: usize| e - s > MAX_LINE && file.chars_before(e) - file.chars_before(s) > MAX_LINE;
    let before = start.checked_sub(1).map(|prev| (file.line_start(prev), prev));
    let after = (end < file.text.len()).then(|| (end + 1, file.line_end(end + 1)));
    long(start, end) || before.is_some_and(|(s, e)| long(s, e)) || after.is_some_and(|(s, e)| long(s, e))
}

/// A one-line excerpt of the line holding `span`, cut around the label ([`EXCERPT`] display
/// columns before and after it, the label itself cut at [`EXCERPT_LABEL`]), `…` marking what
/// is cut: its text, where it starts in the file (0-based line, column of its first
/// character), how far spans move (the `…` in front), and the byte window of the file it shows.
fn excerpt(file: &SourceFile, span: Span) -> (String, (usize, usize), usize, (usize, usize)) {
    use unicode_width::UnicodeWidthChar;
    let text = &file.text;
    let at = span.offset.min(text.len());
    let (ls, le) = (file.line_start(at), file.line_end(at));
    let width = |c: char| c.width().unwrap_or(1).max(1);
    // Walks `cols` display columns back or forth from a byte offset, within the line.
    let back = |from: usize, cols: usize| {
        let mut used = 0;
        let mut to = from;
        for (i, c) in text[ls..from].char_indices().rev() {
            used += width(c);
            if used > cols {
                break;
            }
            to = ls + i;
        }
        to
    };
    let fwd = |from: usize, cols: usize| {
        let mut used = 0;
        let mut to = from;
        for c in text[from..le].chars() {
            used += width(c);
            if used > cols {
                break;
            }
            to += c.len_utf8();
        }
        to
    };
    let label_end = fwd(at, EXCERPT_LABEL).min((span.offset + span.len).max(at)).max(at);
    // What a short label leaves of its columns goes to the text after it.
    let used: usize = text[at..label_end].chars().map(width).sum();
    let (ws, we) = (back(at, EXCERPT.0), fwd(label_end, EXCERPT.1 + EXCERPT_LABEL.saturating_sub(used)));
    let prefix = if ws > ls { "…" } else { "" };
    let mut out = String::from(prefix);
    out.push_str(&shown(&text[ws..we]));
    if we < le {
        out.push('…');
    }
    let (line, _) = file.line_col(at);
    let col = file.chars_before(ws) - file.chars_before(ls) - usize::from(!prefix.is_empty());
    (out, (line - 1, col), prefix.len(), (ws, we))
}

/// Source text as a snippet shows it: every unsafe character, and a carriage return not
/// ending a line, replaced by as many `?` as it has bytes (spans keep their place).
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\r' && chars.peek() == Some(&'\n');
        if crate::source::is_unsafe(c) && !line_end {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// A text fit for a terminal: escaped ([`crate::source::printable`]) and cut at [`MAX_TEXT`]
/// characters.
fn escape(s: &str) -> String {
    let mut out = crate::source::printable(&s.chars().take(MAX_TEXT).collect::<String>()).into_owned();
    if s.chars().nth(MAX_TEXT).is_some() {
        out.push_str(&format!("… ({} characters in all)", s.chars().count()));
    }
    out
}

/// A JSON value as text, with every [`crate::source::is_unsafe`] character that JSON allows
/// raw (DEL, C1 controls, bidirectional and invisible characters) written as a `\uXXXX`
/// escape, so a report read on a terminal cannot drive it. What every JSON and SARIF output
/// goes through.
pub fn to_json(value: &serde_json::Value) -> String {
    serialise(value)
}

/// Any serialisable value as [`to_json`] writes it.
fn serialise<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Written into a buffer each thread keeps, then copied out at its length: one allocation
    // a text, not one for each time a growing buffer doubles.
    thread_local!(static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) });
    BUFFER.with_borrow_mut(|out| {
        out.clear();
        let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeJson);
        value.serialize(&mut ser).expect("a JSON value serialises");
        let text = std::str::from_utf8(out).expect("serde_json writes UTF-8").to_owned();
        // A whole report is not kept for the rest of the run.
        if out.capacity() > 1 << 20 {
            *out = Vec::new();
        }
        text
    })
}

/// serde_json's compact formatter, escaping [`crate::source::is_unsafe`] characters.
struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        if crate::source::unsafe_char(fragment).is_none() {
            return w.write_all(fragment.as_bytes());
        }
        let mut units = [0u16; 2];
        for c in fragment.chars() {
            if crate::source::is_unsafe(c) {
                for u in c.encode_utf16(&mut units) {
                    write!(w, "\\u{u:04x}")?;
                }
            } else {
                let mut buf = [0u8; 4];
                w.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
        }
        Ok(())
    }
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
        // A Word form has no text to show: its places are named instead.
        self.f.file.as_deref().filter(|_| !self.f.labels.is_empty() && self.f.places.is_empty()).map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.f.file.as_ref()?;
        if self.f.labels.is_empty() || !self.f.places.is_empty() {
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
        let mut column = self.chars_before(start) - self.chars_before(self.line_start(start));
        let line = first + inner.line();
        // An excerpt names the lines and columns of the file it was cut from.
        let (from_line, from_column) = self.origin;
        if line == 0 {
            column += from_column;
        }
        Ok(Box::new(miette::MietteSpanContents::new_named(
            crate::source::printable(&self.name).into_owned(),
            inner.data(),
            SourceSpan::new(start.into(), inner.span().len()),
            from_line + line,
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
