//! Quotes checked against the notice's text: the findings `callspec check` reports.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::outline::LabelError;
use super::{Notice, Verdict};
use crate::diagnostics::{Citation, CodeInfo, Finding, Span};
use crate::document::{Document, escape};
use crate::i18n::Text;
use crate::source::{self, Limits, SourceFile};
use crate::tr;

pub const QUOTE: &CodeInfo = &CodeInfo {
    code: "spec.quote",
    summary: "a quote is not the notice's words",
    doc: "Every clause text, and every exclusion, preference and commitment text not marked \
          `summary: true`, is checked against the notice's own text (`notice.file`): verbatim \
          after white space is dropped (the extraction's line breaks), with the extraction's noise \
          corrected only through `notice.corrections`, and \"…\" where the quote leaves text out. \
          The finding labels the first difference and cites the closest passage of the notice; \
          copy the notice's words, write \"…\" for what is left out, or (for extraction noise) \
          declare a correction. A part of the quote that stands in the notice only before the \
          part it follows is reported too: quote in the notice's order, or split the clause.",
    summary_zh: "引文不是通知的原文",
    doc_zh: "每条条款文本，以及未标注 `summary: true` 的每条排除、优先和承诺文本，都会与通知原文（`notice.file`）\
             核对：去掉空白（提取时产生的换行）后须逐字一致，提取噪声只能通过 `notice.corrections` 更正，\
             引文省略的部分写作“…”。问题标出第一处不同，并引用通知中最接近的段落；请照抄通知原文，省略处写“…”，或（对提取噪声）\
             声明一条更正。引文中某部分在通知里只出现在它所接续的部分之前，也会报告：请按通知的顺序引用，或拆分条款。",
};
pub const QUOTE_SECTION: &CodeInfo = &CodeInfo {
    code: "spec.quote-section",
    summary: "a quote is in the notice, but not where its section label says",
    doc: "A clause's `section` names a region of the notice by its numbering (`一、（二）3`, \
          `附件·填报说明 2`, words such as `申报条件` narrowing it), and its quote must lie inside. \
          The finding says where the quote stands, or why the label names nothing (no such heading, \
          words that do not occur). Exclusion, preference and commitment texts must lie in the \
          section of the clause they cite.",
    summary_zh: "引文出自通知，但不在其章节标注所指的位置",
    doc_zh: "条款的 `section` 按编号指明通知的一个区域（`一、（二）3`、`附件·填报说明 2`，`申报条件` 等词语可进一步缩小范围）\
             ，其引文必须位于该区域内。问题说明引文实际所在位置，或说明标注为何找不到对应内容（没有该标题、词语未出现）。排除、\
             优先和承诺文本必须位于其所引条款的章节内。",
};
pub const NOTICE: &CodeInfo = &CodeInfo {
    code: "spec.notice",
    summary: "the spec's quotes cannot be checked: no notice text, or it cannot be read",
    doc: "Without `notice.file` naming the notice's plain text beside the spec, nothing checks \
          that the quotes are the notice's words (advice). A named file that cannot be read is a \
          warning, so that a spec copied without its notice still works; a path that leaves the \
          spec's folder (absolute, `..`, or through a link) is an error.",
    summary_zh: "无法核对规范文件的引文：没有通知文本，或文本无法读取",
    doc_zh: "若没有 `notice.file` 指明规范文件旁的通知纯文本，就无法核对引文是否为通知原文（建议）。指明的文件无法读取为警告，\
             以便不带通知文本复制的规范文件仍可使用；路径离开规范文件所在文件夹（绝对路径、`..` 或经由链接）为错误。",
};
pub const CORRECTION: &CodeInfo = &CodeInfo {
    code: "spec.correction",
    summary: "a declared correction of the notice's text matches nothing in it",
    doc: "Each entry of `notice.corrections` replaces every occurrence of `read` in the notice's \
          text (white space aside) by `as`. One that matches nothing is stale or misspelt.",
    summary_zh: "声明的通知文本更正在文本中找不到匹配",
    doc_zh: "`notice.corrections` 的每一项都把通知文本中出现的每处 `read`（不计空白）替换为 `as`。\
             找不到匹配的项已过时或拼写有误。",
};

/// Every code of the quote check, for the registry.
pub const ALL: &[&CodeInfo] = &[QUOTE, QUOTE_SECTION, NOTICE, CORRECTION];

/// The notice text of a spec, as the loader found it.
#[derive(Debug, Clone)]
pub enum Input {
    /// Not looked for: the spec was read from memory, or names no notice.
    NotRead,
    /// The notice's text.
    Read(Arc<SourceFile>),
    /// The named file cannot be read: why.
    Unreadable(Text),
    /// The named path leaves the spec's folder.
    Outside,
}

/// Reads the notice `file` named by the spec at `spec_path`: a relative path inside the spec's
/// folder (no `..`, no root, and not through a link out of it), read like every input.
pub fn read(spec_path: &Path, file: Option<&str>, limits: &Limits) -> Input {
    let Some(file) = file else { return Input::NotRead };
    let rel = Path::new(file);
    if rel.as_os_str().is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir)) {
        return Input::Outside;
    }
    let dir = spec_path.parent().filter(|d| !d.as_os_str().is_empty());
    let path = dir.map_or_else(|| rel.to_path_buf(), |d| d.join(rel));
    let dir = dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    if let (Ok(d), Ok(p)) = (dir.canonicalize(), path.canonicalize())
        && !p.starts_with(&d)
    {
        return Input::Outside;
    }
    match source::read(&path, limits) {
        Ok(f) => Input::Read(f),
        Err(f) => Input::Unreadable(f.message),
    }
}

/// A text to check: where it is in the spec, what it is, and the section it must lie in.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The JSON pointer of the text.
    pub ptr: String,
    /// The JSON pointer of its section label, for a clause.
    pub section_ptr: Option<String>,
    /// What it is, e.g. "clause `major`".
    pub what: Text,
    pub text: String,
    pub section: Option<String>,
}

/// The findings on a spec's quotes. `declared` is `notice.file` and the corrections as the spec
/// gives them; `document` names the notice in citations.
pub fn check(doc: &Document, input: &Input, declared: Option<(&str, &[(&str, &str)])>, document: &str, quotes: &[Quote]) -> Vec<Finding> {
    let file = doc.file.clone();
    let mut out = Vec::new();
    let n = quotes.len();
    let Some((name, corrections)) = declared else {
        let at = if doc.spans().contains("/clauses") { doc.spans().key("/clauses") } else { doc.spans().anchor("") };
        out.push(
            Finding::advice(
                NOTICE,
                tr!("no notice text: the {n} quotes of this spec are unchecked", "未附通知原文：本规范文件的 {n} 处引文未经核对"),
            )
            .in_file(file)
            .label(at, tr!("quoted, unchecked", "引文未核对"))
            .with_help(tr!(
                "put the notice's plain text beside the spec and name it in `notice: {{ file: … }}`",
                "请将通知原文的纯文本放在规范文件旁，并在 `notice: {{ file: … }}` 中注明"
            )),
        );
        return out;
    };
    let at = || doc.spans().value("/notice/file");
    let notice_file = match input {
        Input::Read(f) => f,
        Input::NotRead => {
            out.push(
                Finding::advice(
                    NOTICE,
                    tr!(
                        "the notice text `{name}` was not read: the {n} quotes are unchecked",
                        "未读取通知原文 `{name}`：{n} 处引文未经核对"
                    ),
                )
                .in_file(file)
                .label(at(), tr!("not read", "未读取"))
                .with_help(tr!("the notice is read when the spec is checked from a file", "从文件检查规范文件时才读取通知原文")),
            );
            return out;
        }
        Input::Unreadable(why) => {
            let why_zh = why.zh.clone();
            let why = why.en.clone();
            out.push(
                Finding::warning(
                    NOTICE,
                    tr!(
                        "the notice text `{name}` cannot be read: the {n} quotes are unchecked",
                        "无法读取通知原文 `{name}`：{n} 处引文未经核对"
                    ),
                )
                .in_file(file)
                .label(at(), tr!("cannot be read", "无法读取"))
                .with_help(tr!("{why}", "{why_zh}")),
            );
            return out;
        }
        Input::Outside => {
            out.push(
                Finding::error(
                    NOTICE,
                    tr!("the notice text `{name}` is not inside the spec's folder", "通知原文 `{name}` 不在规范文件所在的文件夹内"),
                )
                .in_file(file)
                .label(at(), tr!("outside the spec's folder", "在规范文件夹之外"))
                .with_help(tr!(
                    "name a file beside the spec or below it, without `..`",
                    "请指定规范文件旁或其下级文件夹中的文件，不要使用 `..`"
                )),
            );
            return out;
        }
    };
    let notice = Notice::new(&notice_file.text, corrections);
    for (i, (read, as_)) in corrections.iter().enumerate() {
        if notice.uses()[i] == 0 {
            out.push(
                Finding::warning(
                    CORRECTION,
                    tr!(
                        "the correction of “{read}” (as “{as_}”) matches nothing in `{name}`",
                        "更正“{read}”（作“{as_}”）在 `{name}` 中无匹配"
                    ),
                )
                .in_file(file.clone())
                .label(doc.spans().value(&format!("/notice/corrections/{i}/read")), tr!("not in the notice", "通知中没有"))
                .with_help(tr!("remove it, or copy `read` from the notice's text as it stands", "请删除此项，或按通知原文照录 `read`")),
            );
        }
    }
    let ctx = Ctx { doc, notice: &notice, file: notice_file, document };
    for q in quotes {
        if let Some(f) = ctx.judge(q) {
            out.push(f);
        }
    }
    out
}

struct Ctx<'a> {
    doc: &'a Document,
    notice: &'a Notice,
    file: &'a SourceFile,
    document: &'a str,
}

impl Ctx<'_> {
    fn judge(&self, q: &Quote) -> Option<Finding> {
        let (w, w_zh) = (&q.what.en, &q.what.zh);
        let name = &self.file.name;
        // Spans only for a finding: the span index is built on first use, and a clean spec never
        // needs it.
        let value = || self.doc.spans().value(&q.ptr);
        match self.notice.check(&q.text, q.section.as_deref()) {
            Verdict::Found => None,
            Verdict::Empty => Some(
                Finding::error(QUOTE, tr!("{w} quotes nothing", "{w_zh}没有引文"))
                    .in_file(self.doc.file.clone())
                    .label(value(), tr!("empty quote", "引文为空"))
                    .with_help(tr!("quote the notice's words", "请照录通知原文")),
            ),
            Verdict::OutOfOrder { piece } => Some(
                Finding::error(
                    QUOTE,
                    tr!(
                        "{w}: a part of the quote stands in the notice only before the part it follows",
                        "{w_zh}：引文中有一段在通知中位于其前一段之前"
                    ),
                )
                .in_file(self.doc.file.clone())
                .label(self.narrow(value(), &q.text, piece), tr!("out of the notice's order", "顺序与通知不符"))
                .with_help(tr!(
                    "quote the parts in the order of the notice, or split the clause in two",
                    "请按通知中的顺序引用各段，或将条款拆分为两条"
                )),
            ),
            Verdict::Misplaced { at, label } => {
                let sits = self.notice.label_at(at);
                let (ptr, given) = match (&q.section_ptr, &q.section) {
                    (Some(p), Some(s)) => (p.clone(), s.clone()),
                    (None, Some(s)) => (q.ptr.clone(), s.clone()),
                    _ => return None,
                };
                let mut f = Finding::error(
                    QUOTE_SECTION,
                    tr!("{w} is in the notice at {sits}, not under `{given}`", "{w_zh}在通知中位于 {sits}，不在 `{given}` 下"),
                )
                .in_file(self.doc.file.clone())
                .label(self.doc.spans().value(&ptr), tr!("the quote stands at {sits}", "引文位于 {sits}"));
                f.help = Some(match label {
                    None if q.section_ptr.is_some() => tr!("write `section: {sits}`", "请写作 `section: {sits}`"),
                    None => tr!("cite the clause this text comes from", "请引用此文本所出的条款"),
                    Some(e) => explain(&e, &sits),
                });
                Some(f)
            }
            Verdict::Missing { piece, passage, diffs, far } => {
                // An exclusion, preference or commitment may be the spec author's summary.
                let (own_en, own_zh) = if q.section_ptr.is_none() {
                    ("; or, where the text is your own summary, mark it `summary: true`", "；如为自拟的概括，请标注 `summary: true`")
                } else {
                    ("", "")
                };
                let requires = tr!(
                    "the notice's words as they stand (white space aside), “…” where text is left out",
                    "照录通知原文（空白除外），略去之处用“…”"
                );
                let finding =
                    Finding::error(QUOTE, tr!("{w} is not the notice's words", "{w_zh}与通知原文不符")).in_file(self.doc.file.clone());
                if far {
                    // The closest passage shares less than half of it: citing it would only mislead.
                    let part = short(&q.text[piece.clone()]);
                    return Some(
                        finding
                            .label(self.narrow(value(), &q.text, piece), tr!("not in the notice", "通知中没有"))
                            .requires(requires)
                            .with_help(tr!(
                                "nothing in {name} comes close to “{part}” (is it from another text, or in the spec's own words?); copy the notice's words (“…” where you leave text out){own_en}",
                                "{name} 中没有与“{part}”相近的文字（是否出自别的文本，或为自拟的文字？）。请照录原文（略去之处用“…”）{own_zh}"
                            )),
                    );
                }
                let first = diffs.first().map_or(piece.clone(), |d| d.quote.clone());
                let line = self.file.line_col(self.notice.original(passage.start)).0;
                let shown: Vec<&super::closest::Diff> = diffs.iter().take(4).collect();
                let text = self.notice.text();
                let en: Vec<String> = shown.iter().map(|d| describe(&q.text[d.quote.clone()], &text[d.notice.clone()], false)).collect();
                let zh: Vec<String> = shown.iter().map(|d| describe(&q.text[d.quote.clone()], &text[d.notice.clone()], true)).collect();
                let more = diffs.len() - shown.len();
                let (more_en, more_zh) =
                    if more > 0 { (format!("; {more} more"), format!("；另有 {more} 处")) } else { (String::new(), String::new()) };
                let (en, zh) = (en.join("; "), zh.join("；"));
                Some(
                    finding
                    .label(self.narrow(value(), &q.text, first), tr!("differs from the notice", "与通知原文不同"))
                    .requires(requires)
                    .cite(Some(Citation {
                        document: self.document.to_owned(),
                        section: self.notice.label_at(passage.start),
                        text: clean(&text[passage]),
                    }))
                    .with_help(tr!(
                        "the closest passage ({name}, line {line}) differs: {en}{more_en}; copy the notice's words (“…” where you leave text out), or declare a correction under `notice.corrections` where its text is extraction noise{own_en}",
                        "最接近的原文（{name} 第 {line} 行）不同：{zh}{more_zh}。请照录原文（略去之处用“…”）；如属提取错误，请在 `notice.corrections` 中声明更正{own_zh}"
                    )),
                )
            }
        }
    }

    /// The span of `range` (bytes of the quote `text`) inside the value at `span`, when the value
    /// is written plainly in the file; the whole value otherwise.
    fn narrow(&self, span: Span, text: &str, range: std::ops::Range<usize>) -> Span {
        let Some(raw) = self.doc.file.slice(span) else { return span };
        let Some(k) = raw.find(text) else { return span };
        let mut r = range;
        if r.is_empty() {
            // Nothing in the quote to point at: the character after the gap, or before it.
            let next = text[r.start..].chars().next().map(char::len_utf8);
            let prev = text[..r.start].chars().next_back().map(char::len_utf8);
            r = match (next, prev) {
                (Some(l), _) => r.start..r.start + l,
                (None, Some(l)) => r.start - l..r.start,
                _ => return span,
            };
        }
        Span::new(span.offset + k + r.start, r.len())
    }
}

/// One difference in words.
fn describe(quote: &str, notice: &str, zh: bool) -> String {
    let (q, n) = (short(quote), short(notice));
    match (quote.is_empty(), notice.is_empty(), zh) {
        (true, _, false) if notice.chars().count() > 8 => format!("the quote leaves out “{n}” without an ellipsis “…”"),
        (true, _, true) if notice.chars().count() > 8 => format!("引文略去“{n}”而未用省略号“…”"),
        (true, _, false) => format!("the notice has “{n}” where the quote has nothing"),
        (true, _, true) => format!("原文有“{n}”，引文缺"),
        (_, true, false) => format!("the quote adds “{q}”"),
        (_, true, true) => format!("引文多出“{q}”"),
        (_, _, false) => format!("the quote has “{q}” where the notice has “{n}”"),
        (_, _, true) => format!("引文“{q}”，原文为“{n}”"),
    }
}

/// At most 24 characters of `s`, control characters replaced.
fn short(s: &str) -> String {
    let n = s.chars().count();
    let cut: String = s.chars().take(24).collect();
    clean(&if n > 24 { format!("{cut}…") } else { cut })
}

/// `s` with control characters replaced by U+FFFD: notice texts are input too.
fn clean(s: &str) -> String {
    s.chars().map(|c| if source::is_control(c) { '\u{FFFD}' } else { c }).collect()
}

fn explain(e: &LabelError, sits: &str) -> Text {
    match e {
        LabelError::Empty => tr!("write where the quote stands: `section: {sits}`", "请写明引文位置：`section: {sits}`"),
        LabelError::AnnexNotFirst => tr!("`附件` comes first in a label: `附件2·一、`", "标签中 `附件` 应在最前：`附件2·一、`"),
        LabelError::NoHeading { marker, within, there } => {
            let within = if within.is_empty() { "the notice's body".to_owned() } else { format!("`{within}`") };
            let within_zh = if within == "the notice's body" { "正文".to_owned() } else { within.clone() };
            let there = if there.is_empty() { "none".to_owned() } else { there.join(" ") };
            let there_zh = if there == "none" { "无".to_owned() } else { there.clone() };
            tr!(
                "the notice has no heading `{marker}` in {within} (there: {there}); the quote stands at {sits}",
                "通知的{within_zh}中没有标题 `{marker}`（现有：{there_zh}）；引文位于 {sits}"
            )
        }
        LabelError::NoWord { word, within } => {
            let within_en = if within.is_empty() { "the notice's body".to_owned() } else { format!("`{within}`") };
            let within_zh = if within.is_empty() { "正文".to_owned() } else { format!("`{within}`") };
            tr!("“{word}” does not occur in {within_en}; the quote stands at {sits}", "{within_zh}中没有“{word}”；引文位于 {sits}")
        }
    }
}

/// The pointer of a clause's key, for messages.
pub fn clause_ptr(id: &str) -> String {
    format!("/clauses/{}", escape(id))
}
