//! The YAML layer: one parse of a file into a JSON instance plus an index from JSON pointer to
//! source span.
//!
//! Every input (spec or application, YAML or JSON) is parsed once into the `serde_json::Value`
//! handed to the schema validator and to typed deserialisation, and a [`SpanIndex`] that later
//! stages use to put labels on the exact value they talk about:
//!
//! - `events.rs`: the fast path for YAML, straight from the parser's events, for plain
//!   documents (most files);
//! - `yaml.rs`: the full YAML path (serde-saphyr), for everything else and every diagnostic;
//! - `json.rs`: `.json` files, with positions computed only when a finding needs them.
//!
//! Non-integer numbers are passed on as the *text* the file wrote (`19.8` stays `"19.8"`), so
//! money is read exactly and never through `f64`.

use std::sync::Arc;

use serde_json::Value;

use crate::diagnostics::{CodeInfo, Finding, Span};
use crate::source::{Limits, SourceFile, control_char};

mod events;
mod json;
mod yaml;

use json::{fast_json, parse_json};
use yaml::parse_full;

/// A parsed input file.
#[derive(Debug)]
pub struct Document {
    pub file: Arc<SourceFile>,
    pub value: Value,
    /// Built with the value for YAML; for JSON on first use (most valid files never need it).
    spans: std::sync::OnceLock<SpanIndex>,
    /// For a Word form read back: where each value sits in the form.
    pub form: Option<Arc<crate::form::Places>>,
}

impl Document {
    /// Where each node is. For a JSON file the first call scans the file a second time, for
    /// positions; only files with findings pay for it.
    pub fn spans(&self) -> &SpanIndex {
        self.spans.get_or_init(|| json::spans_of(&self.file.text).unwrap_or_default())
    }

    fn new(file: Arc<SourceFile>, value: Value, spans: Option<SpanIndex>) -> Document {
        let cell = std::sync::OnceLock::new();
        if let Some(s) = spans {
            let _ = cell.set(s);
        }
        Document { file, value, spans: cell, form: None }
    }

    /// A document read from elsewhere (a Word form): its value, the text its spans point into,
    /// each node's (pointer, key span, value span), and the form's places.
    pub fn from_parts(
        file: Arc<SourceFile>,
        value: Value,
        nodes: Vec<(String, Option<Span>, Span)>,
        form: Option<Arc<crate::form::Places>>,
    ) -> Document {
        let mut spans = SpanIndex::default();
        for (pointer, key, value) in nodes {
            spans.insert(&pointer, NodeSpan { key, value });
        }
        let mut doc = Document::new(file, value, Some(spans));
        doc.form = form;
        doc
    }
}

/// The first of `paths` (mapping keys from the top) found holding a scalar, with its index
/// and text, read from the first events of `text` (YAML, or JSON) without parsing the whole
/// document; `None` when none plainly does. A hint for choosing what to load: the file is
/// parsed and checked in full later.
pub fn peek(text: &str, paths: &[&[&str]]) -> Option<(usize, String)> {
    events::peek(text, paths)
}

/// The value YAML gives `text` written as a plain scalar (`5` a number, `4.80` the text
/// `"4.80"`, `~` null), or `None` for a spelling that needs the full parser (`0x1F`, `+5`):
/// writers quote such text.
pub fn plain_scalar(text: &str) -> Option<Value> {
    events::plain(text)
}

/// A number as callspec reads it, given the text of a plain scalar that YAML 1.2's core
/// schema reads as a number (the reading yaml-language-server, and so an editor, gives it):
/// `+3`, `0x3` and `0o3` are 3; a float with a whole value (`3.0`, `-3.0`, `3e0`) is that
/// integer; any other float keeps its digits exactly as text, so money never passes through a
/// binary float (`4.80` stays `4.80`; `+4.8` is `4.8`, `.5` is `0.5`, `4.8e0` is `4.8`).
/// `None` for a spelling it leaves as it is: plain decimal integers, `0b` (not YAML 1.2),
/// signed radix forms, non-finite or out-of-range values.
pub(crate) fn yaml_number(text: &str) -> Option<Value> {
    let t = text.trim();
    let radix = |digits: &str, r: u32| u64::from_str_radix(digits, r).ok().map(Value::from);
    if let Some(h) = t.strip_prefix("0x").filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())) {
        return radix(h, 16);
    }
    if let Some(o) = t.strip_prefix("0o").filter(|o| !o.is_empty() && o.bytes().all(|b| (b'0'..=b'7').contains(&b))) {
        return radix(o, 8);
    }
    let (negative, unsigned) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exp_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) || !exp_ok {
        return None;
    }
    let is_float = mantissa.contains('.') || exponent.is_some();
    if !is_float && !t.starts_with('+') {
        return None; // a plain decimal integer: read as it always is
    }
    if int.len() + frac.len() > 28 {
        return None;
    }
    let sign = if negative { "-" } else { "" };
    let plain = format!("{sign}{}{}{frac}", if int.is_empty() { "0" } else { int }, if frac.is_empty() { "" } else { "." });
    let exact = match exponent {
        None => rust_decimal::Decimal::from_str_exact(&plain).ok()?,
        Some(e) => rust_decimal::Decimal::from_scientific(&format!("{plain}e{e}")).ok()?,
    };
    if exact.is_integer() {
        let whole = exact.trunc().normalize().to_string();
        return whole.parse::<u64>().map(Value::from).or_else(|_| whole.parse::<i64>().map(Value::from)).ok();
    }
    match exponent {
        // The digits as written (`4.80` stays `4.80`), sign and leading point made plain.
        None => Some(Value::String(plain)),
        Some(_) => Some(Value::String(exact.normalize().to_string())),
    }
}

/// Whether the YAML fast path agrees with the full path on `text` (`Ok(true)`: it took the
/// text and built the same value and spans; `Ok(false)`: it left the text to the full path).
/// For the property tests and the fuzzer.
#[doc(hidden)]
pub fn fast_path_agrees(text: &str) -> Result<bool, String> {
    events::agrees(text)
}

/// Where each node of a document is: JSON pointer → (key span, value span).
///
/// Built for every file and read only for files with findings, so it is laid out to be cheap
/// to build: the pointers one after another in one string, the spans in document order. A
/// lookup scans small documents and binary-searches an order sorted on first use in large ones.
#[derive(Debug, Default)]
pub struct SpanIndex {
    /// Every node's JSON pointer, one after another.
    pointers: String,
    /// Per node, in document order: where its pointer ends in `pointers`, and its spans.
    nodes: Vec<(u32, NodeSpan)>,
    /// Node indices sorted by pointer, built on the first lookup in a large document.
    sorted: std::sync::OnceLock<Vec<u32>>,
    /// The first key or string holding a control character, found while indexing.
    control: Option<(Span, char)>,
    /// The first key that is not text (a list, a mapping, null), found while indexing, and
    /// how many there are.
    not_text_key: Option<(Span, &'static str, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NodeSpan {
    key: Option<Span>,
    value: Span,
}

/// Below this many nodes a lookup scans; real drafts have a few hundred.
const SCAN: usize = 512;

impl SpanIndex {
    fn insert(&mut self, pointer: &str, node: NodeSpan) {
        self.pointers.push_str(pointer);
        // Input files are limited far below 4 GiB of pointers (`Limits`), so this never saturates.
        self.nodes.push((u32::try_from(self.pointers.len()).unwrap_or(u32::MAX), node));
    }

    fn pointer(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.nodes[i - 1].0 as usize };
        self.pointers.get(start..self.nodes[i].0 as usize).unwrap_or("")
    }

    /// Every node, in document order.
    fn iter(&self) -> impl Iterator<Item = (&str, NodeSpan)> {
        (0..self.nodes.len()).map(|i| (self.pointer(i), self.nodes[i].1))
    }

    fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node at exactly this pointer.
    fn get(&self, pointer: &str) -> Option<NodeSpan> {
        if self.nodes.len() <= SCAN {
            return self.iter().find(|(p, _)| *p == pointer).map(|(_, n)| n);
        }
        let sorted = self.sorted.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.nodes.len() as u32).collect();
            order.sort_unstable_by(|a, b| self.pointer(*a as usize).cmp(self.pointer(*b as usize)));
            order
        });
        let at = sorted.binary_search_by(|i| self.pointer(*i as usize).cmp(pointer)).ok()?;
        Some(self.nodes[sorted[at] as usize].1)
    }

    /// The span of the value at `pointer`, or of its nearest ancestor that exists.
    pub fn value(&self, pointer: &str) -> Span {
        self.lookup(pointer).map(|n| n.value).unwrap_or_default()
    }

    /// The span of the key at `pointer` (the value's span for sequence items and the root),
    /// or of its nearest ancestor that exists.
    pub fn key(&self, pointer: &str) -> Span {
        self.lookup(pointer).map(|n| n.key.unwrap_or(n.value)).unwrap_or_default()
    }

    /// A span to label a whole mapping or list by: its key if it has one, else its own span
    /// when that is not empty, else the key of its first entry (block mappings inside lists
    /// have no extent of their own).
    pub fn anchor(&self, pointer: &str) -> Span {
        let Some(n) = self.lookup(pointer) else { return Span::default() };
        if let Some(k) = n.key {
            return k;
        }
        if n.value.len > 0 {
            return n.value;
        }
        let prefix = format!("{pointer}/");
        self.iter()
            .filter(|(p, _)| p.strip_prefix(&prefix).is_some_and(|rest| !rest.contains('/')))
            .map(|(_, c)| c.key.unwrap_or(c.value))
            .min_by_key(|s| s.offset)
            .unwrap_or(n.value)
    }

    /// Whether the document has a node at exactly this pointer.
    pub fn contains(&self, pointer: &str) -> bool {
        self.get(pointer).is_some()
    }

    fn lookup(&self, pointer: &str) -> Option<NodeSpan> {
        let mut p = pointer;
        loop {
            if let Some(n) = self.get(p) {
                return Some(n);
            }
            let cut = p.rfind('/')?;
            p = &p[..cut];
        }
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) { token.replace('~', "~0").replace('/', "~1").into() } else { token.into() }
}

pub const YAML: &CodeInfo = &CodeInfo {
    code: "input.yaml",
    summary: "the file is not well-formed YAML (or JSON)",
    doc: "The parser stopped: bad indentation (a flow collection's lines too, as YAML requires), \
          a tab used for indentation, a duplicate key, an unclosed quote or bracket, or a `.json` \
          file holding no value. The label points at where the parser gave up. Nothing else in the file is \
          checked; well-formed YAML the format cannot hold is `input.format`. Exit code 2.",
    summary_zh: "文件不是格式正确的 YAML（或 JSON）",
    doc_zh: "解析器中途停止：缩进错误（包括 YAML 要求的流式集合各行的缩进）、用制表符缩进、重复的键、引号或括号未闭合，\
             或 `.json` 文件中没有值；格式正确但本格式不能容纳的 YAML 为 `input.format`。标注指向解析器停止的位置。该文件的其余内容不做检查。退出码 2。",
};

pub const FORMAT: &CodeInfo = &CodeInfo {
    code: "input.format",
    summary: "well-formed YAML the format cannot hold (no document, several, a key that is not text, a tag, a binary value)",
    doc: "The file is YAML, but not what a spec or an application can be: a key that is a list, a \
          mapping or null (`? [a, b]: x`, `~: x`, `: x`; keys are field names, so text), several \
          documents in one file (`---`), a custom or unsupported tag (`!foo`, `!!set`), or a \
          binary value (`!!binary`), or no document at all (an empty file, only comments). The \
          label points at the first such key or value. Nothing \
          else in the file is checked. Exit code 2.",
    summary_zh: "格式正确的 YAML，但不是本格式能容纳的内容（没有文档、多个文档、键不是文本、标签、二进制值）",
    doc_zh: "文件是 YAML，但不能作为规范文件或申报书：键是列表、映射或 null（`? [a, b]: x`、`~: x`、`: x`；\
             键是字段名，须为文本），一个文件中有多个文档（`---`），自定义或不支持的标签（`!foo`、`!!set`），\
             二进制值（`!!binary`），或根本没有文档（空文件、只有注释）。标注指向第一个这样的键或值。该文件的其余内容不做检查。退出码 2。",
};

pub const CONTROL: &CodeInfo = &CodeInfo {
    code: "input.control-character",
    summary: "a key or text value holds a control character (NUL, ESC, BEL, ...) or a bidirectional control",
    doc: "Text in specs and applications is printed back in diagnostics; a control character \
          (written raw, or escaped as `\\0`, `\\e`, `\\u0000`) would corrupt terminals and \
          logs and never belongs in a form, and a bidirectional control (U+202A–U+202E, \
          U+2066–U+2069, U+200E, U+200F, U+061C) can make text read differently from what it \
          holds. Tabs and line breaks are fine; invisible characters such as U+200B are allowed \
          but always shown escaped (`\\u{200b}`). Exit code 2.",
    summary_zh: "键或文本值中含有控制字符（NUL、ESC、BEL 等）或双向文本控制符",
    doc_zh: "规范文件和申报书中的文本会在诊断中原样显示；控制字符（直接写入，或转义为 `\\0`、\
             `\\e`、`\\u0000`）会破坏终端和日志，也不应出现在表格中；双向文本控制符（U+202A–U+202E、\
             U+2066–U+2069、U+200E、U+200F、U+061C）会让文本看起来与实际内容不同。制表符和换行符不受影响；\
             U+200B 等不可见字符允许使用，但总是转义显示（`\\u{200b}`）。退出码 2。",
};

fn control_finding(file: &Arc<SourceFile>, span: Span, c: char) -> Finding {
    let code = format!("U+{:04X}", c as u32);
    let message = if crate::source::is_bidi(c) {
        crate::tr!(
            "a text value holds the bidirectional control character {code}, which can reorder how the text is shown",
            "文本中含有双向控制字符 {code}，它会改变文字的显示顺序"
        )
    } else {
        crate::tr!("a text value holds the control character {code}", "文本中含有控制字符 {code}")
    };
    Finding::error(CONTROL, message).in_file(file.clone()).label(span, crate::tr!("this value", "此值")).with_help(crate::tr!(
        "remove the control character (copied from another program?)",
        "请删除该控制字符（可能是从其他程序复制而来）"
    ))
}

pub const LIMIT: &CodeInfo = &CodeInfo {
    code: "input.limit",
    summary: "the file exceeds a resource limit (nesting depth, node count, aliases)",
    doc: "Parsing stops when a document nests deeper than the depth limit (64), expands to more \
          nodes than the node limit (50,000, aliases included), or uses more aliases than the \
          alias limit. This stops alias bombs (\"billion laughs\") and runaway nesting in well \
          under a second. Real specs and drafts are far below these limits. Exit code 2.",
    summary_zh: "文件超出资源限制（嵌套深度、节点数、别名）",
    doc_zh: "文档嵌套超过深度上限（64）、展开后的节点数超过节点上限（50,000，含别名展开）或使用的别名超过别名上限时，\
             解析即停止。这样可在远不到一秒内拦住别名炸弹（“billion laughs”）和失控的嵌套。\
             真实的规范文件和申报书远低于这些上限。退出码 2。",
};

/// Parses a source file: strict JSON when its name ends in `.json` (a portal's export), else
/// YAML. On failure the finding says what and where.
pub fn parse(file: Arc<SourceFile>, limits: &Limits) -> Result<Document, Finding> {
    if file.name.to_ascii_lowercase().ends_with(".json") && !file.text.trim().is_empty() {
        // The fast path; anything it refuses is parsed again with positions, for the diagnostic.
        return match fast_json(&file.text, limits) {
            Some(value) => Ok(Document::new(file, value, None)),
            None => parse_json(file, limits),
        };
    }
    if file.text.trim().is_empty() || file.text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        let code = if file.name.to_ascii_lowercase().ends_with(".json") { YAML } else { FORMAT };
        return Err(Finding::error(code, crate::tr!("`{}` is empty (no YAML content)", "`{}` 是空文件（没有 YAML 内容）", file.name))
            .in_file(file.clone())
            .with_help(crate::tr!(
                "an empty file is not a spec or an application; start from an example",
                "空文件既不是规范文件也不是申报书；请从示例开始"
            )));
    }
    if let Some((value, spans)) = events::parse(&file.text, limits) {
        return Ok(Document::new(file, value, Some(spans)));
    }
    parse_full(file, limits)
}

/// A scalar written over several lines (`>` block, plain or quoted) as YAML folds it, but
/// with no space where a line break between two Chinese characters was folded: YAML joins
/// folded lines with a space, which Chinese text never has (`一\n  二` is `一二`, not `一 二`).
/// `source` is the scalar's text in the file, `value` what the parser made of it; the join
/// points are found by matching each source line in the value, and `None` (the value as the
/// parser made it) is returned whenever they cannot be matched exactly (escapes, comments)
/// or nothing changes. Both YAML paths call this with the same text and value, so they agree.
pub(crate) fn unfold_cjk(source: &str, value: &str) -> Option<String> {
    if !source.contains('\n') || !value.contains(' ') {
        return None;
    }
    // A quoted scalar's own quotes are not part of its lines.
    let source = match source.as_bytes() {
        [q @ (b'"' | b'\''), .., e] if e == q && source.len() >= 2 => &source[1..source.len() - 1],
        _ => source,
    };
    let mut at = 0; // where the value is matched up to
    let mut drop = Vec::new(); // byte offsets in `value` of fold spaces to leave out
    let mut before: Option<char> = None; // the last character of the previous line
    for (n, line) in source.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let content = if n == 0 { line } else { line.trim_start_matches([' ', '\t']) }.trim_end_matches([' ', '\t']);
        if content.is_empty() {
            continue;
        }
        // The separator the parser put between the previous line and this one.
        let rest = &value[at..];
        let sep_len = rest.len() - rest.trim_start_matches([' ', '\t', '\n']).len();
        let sep = &rest[..sep_len];
        let after = &rest[sep_len..];
        if !after.starts_with(content) {
            // Leading spaces kept (a more indented line), or anything escaped: give up.
            return None;
        }
        if sep == " " && before.is_some_and(is_cjk) && content.chars().next().is_some_and(is_cjk) {
            drop.push(at);
        }
        at += sep_len + content.len();
        before = content.chars().last();
    }
    if drop.is_empty() || !value[at..].trim_start_matches([' ', '\t', '\n']).is_empty() {
        return None;
    }
    let mut out = String::with_capacity(value.len());
    let mut from = 0;
    for d in drop {
        out.push_str(&value[from..d]);
        from = d + 1;
    }
    out.push_str(&value[from..]);
    Some(out)
}

/// A Chinese (or Japanese) character or CJK punctuation: text written without spaces.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{2018}'..='\u{201F}' // quotation marks as Chinese text uses them
        | '\u{2014}' | '\u{2026}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// The span from `start` to `end`, inside the text and widened to whole characters: a parser
/// may point at a byte inside a character (jsonc-parser at an unexpected `万`).
fn whole_chars(text: &str, start: usize, end: usize) -> Span {
    let mut s = start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.clamp(s, text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e - s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The positions a JSON draft's findings are labelled with come from the token scanner;
    /// they are those the syntax tree gives, for every JSON file of the repository that
    /// parses and for the shapes the files lack.
    #[test]
    fn json_positions_from_tokens_are_those_of_the_syntax_tree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = [
            r#"{"a": [1, {"b~c/d": "x\u00e9", "e": []}, [[], {}]], "f": {"g": null, "h": true}, "i": -1.5e3}"#,
            r#"[{"k": "v"}, "s", 3, [4, [5]]]"#,
            r#""alone""#,
            r#"{"\u0041\n~": {"\"q\"": [true, false, null, 0, -0.0, 1E+2]}, "": {"": ""}}"#,
            "{}",
            "  {\n  \"项目\" : { \"名称\":\"科普\" } ,\"x\":[ ]\n}\n",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        const HERE: usize = 6;
        assert_eq!(texts.len(), HERE);
        let mut dirs = vec![root.join("tests"), root.join("examples")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() && !path.ends_with("node_modules") {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "json")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    texts.push(text);
                } else if path.extension().is_some_and(|e| e == "yaml")
                    // Not the hostile corpus: its depths are for the readers' limits.
                    && !path.components().any(|c| c.as_os_str() == "hostile")
                    && let Ok(text) = std::fs::read_to_string(&path)
                    && let Ok(doc) = parse(SourceFile::new("t.yaml", &text), &Limits::default())
                {
                    // Every YAML draft and spec as JSON too, written pretty and compact.
                    texts.extend(serde_json::to_string_pretty(&doc.value).ok());
                    texts.extend(serde_json::to_string(&doc.value).ok());
                }
            }
        }
        let mut compared = 0;
        for (i, text) in texts.iter().enumerate() {
            let parsed = json::parse_json(SourceFile::new("t.json", text), &Limits::default());
            // The shapes written here must parse; of the files, those that do are compared.
            assert!(i >= HERE || parsed.is_ok(), "{text}");
            let Ok(doc) = parsed else { continue };
            let tree: Vec<(String, NodeSpan)> = doc.spans().iter().map(|(p, n)| (p.to_owned(), n)).collect();
            let tokens = json::spans_of(text).expect("a file the tree reads scans");
            let scanned: Vec<(String, NodeSpan)> = tokens.iter().map(|(p, n)| (p.to_owned(), n)).collect();
            assert_eq!(scanned, tree, "{}", &text[..text.len().min(80)]);
            compared += 1;
        }
        assert!(compared > 200, "{compared} files compared");
    }

    #[test]
    fn numbers_read_as_yaml_1_2_reads_them() {
        use serde_json::json;
        for (text, want) in [
            ("3.0", json!(3)),
            ("+3", json!(3)),
            ("0x3", json!(3)),
            ("0o17", json!(15)),
            ("3e0", json!(3)),
            ("-3.0", json!(-3)),
            ("4.8e0", json!("4.8")),
            ("4.80", json!("4.80")),
            ("+4.8", json!("4.8")),
            (".5", json!("0.5")),
            ("48e-1", json!("4.8")),
        ] {
            assert_eq!(yaml_number(text), Some(want), "{text}");
        }
        for kept in ["3", "-3", "0b11", "-0x3", "1e400", ".inf", "abc", "", ".", "1e", "0x"] {
            assert_eq!(yaml_number(kept), None, "{kept}");
        }
    }

    fn doc(text: &str) -> Document {
        parse(SourceFile::new("t.yaml", text), &Limits::default()).unwrap()
    }

    #[test]
    fn decimals_keep_their_text_and_spans_point_at_values() {
        let d = doc("budget:\n  requested: 19.80\n  items: [6.6, 6.6, 6.6]\n  name: 测试\n");
        assert_eq!(d.value["budget"]["requested"], Value::String("19.80".into()));
        assert_eq!(d.value["budget"]["items"][2], Value::String("6.6".into()));
        let s = d.spans().value("/budget/requested");
        assert_eq!(d.file.slice(s), Some("19.80"));
        let s = d.spans().value("/budget/name");
        assert_eq!(d.file.slice(s), Some("测试"));
        let k = d.spans().key("/budget/items");
        assert_eq!(d.file.slice(k), Some("items"));
        // A missing node falls back to its nearest ancestor.
        assert_eq!(d.spans().key("/budget/missing"), d.spans().key("/budget"));
    }

    #[test]
    fn leading_zeros_and_yaml11_booleans_stay_strings() {
        let d = doc("postal: 010020\ncountry: NO\nflag: true\n");
        assert_eq!(d.value["postal"], Value::String("010020".into()));
        assert_eq!(d.value["country"], Value::String("NO".into()));
        assert_eq!(d.value["flag"], Value::Bool(true));
    }

    #[test]
    fn duplicate_keys_and_syntax_errors_are_located() {
        let e = parse(SourceFile::new("t.yaml", "a: 1\na: 2\n"), &Limits::default()).unwrap_err();
        assert_eq!(e.code.code, "input.yaml");
        assert!(e.message.en.contains("duplicate"), "{}", e.message);
        assert_eq!(e.file.as_ref().unwrap().line_col(e.primary_span().unwrap().offset).0, 2);
    }

    #[test]
    fn empty_and_comment_only_files_are_rejected() {
        for text in ["", "  \n", "# only a comment\n"] {
            let e = parse(SourceFile::new("t.yaml", text), &Limits::default()).unwrap_err();
            assert!(e.message.en.contains("empty"), "{}", e.message);
        }
    }

    #[test]
    fn alias_bombs_hit_a_limit() {
        let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let p = i - 1;
            y.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let e = parse(SourceFile::new("bomb.yaml", y), &Limits::default()).unwrap_err();
        assert_eq!(e.code.code, "input.limit", "{}", e.message);
    }

    /// The README's limits table: from 100 aliases on, at most 10 per anchor; said in words.
    #[test]
    fn the_alias_limit_is_what_the_readme_says() {
        let file = |n: usize| {
            let mut y = String::from("a: &x 1\n");
            for i in 0..n {
                y.push_str(&format!("k{i}: *x\n"));
            }
            SourceFile::new("aliases.yaml", y)
        };
        assert!(parse(file(99), &Limits::default()).is_ok(), "99 aliases of one anchor");
        let e = parse(file(100), &Limits::default()).unwrap_err();
        assert_eq!(e.code.code, "input.limit");
        assert_eq!(e.message.en, "the file uses more than 10 aliases (`*name`) per anchor (`&name`) it defines");
    }
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

    #[test]
    fn folded_lines_join_chinese_without_a_space() {
        let d = |text: &str| parse(SourceFile::new("t.yaml", text.to_owned()), &Limits::default()).unwrap().value;
        assert_eq!(d("a: >\n  一二三\n  四五六\n\n  七\n")["a"], "一二三四五六\n七\n");
        assert_eq!(d("a: 一二三\n  四五六\n")["a"], "一二三四五六");
        assert_eq!(d("a: \"一二三\n  四五六\"\n")["a"], "一二三四五六");
        assert_eq!(d("a: >-\n  中文，\n  “引号”\n")["a"], "中文，“引号”");
        // Between other text, and where a line is kept, YAML's folding stands.
        assert_eq!(d("a: >\n  Chinese\n  中文\n  text\n")["a"], "Chinese 中文 text\n");
        assert_eq!(d("a: >\n  一\n    二\n  三\n")["a"], "一\n  二\n三\n");
        assert_eq!(d("a: |\n  一\n  二\n")["a"], "一\n二\n");
        assert_eq!(d("a: \"一\\t\n  二\"\n")["a"], "一\t 二");
        for text in ["a: >\n  一二三\n  四五六\n", "a: 一二\n  三\n", "- >-\n  一\n  二\n", "a: '一\n  二'\n"] {
            assert_eq!(events::agrees(text), Ok(true), "{text}");
        }
    }

    #[test]
    fn control_characters_are_found_past_the_byte_filter() {
        assert_eq!(control_char("名称\t\r\n"), None);
        assert_eq!(control_char("café ½ 中文"), None);
        assert_eq!(control_char("a\u{85}b"), Some('\u{85}'));
        assert_eq!(control_char("a\u{7f}"), Some('\u{7f}'));
        assert_eq!(control_char("\u{1b}[2J"), Some('\u{1b}'));
    }

    #[test]
    fn large_documents_are_looked_up_through_the_sorted_order() {
        let text: String = (0..2000).map(|i| format!("k{i}: v{i}\n")).collect();
        let d = parse(SourceFile::new("t.yaml", text), &Limits::default()).unwrap();
        assert!(d.spans().len() > SCAN);
        assert_eq!(d.file.slice(d.spans().value("/k1234")), Some("v1234"));
        assert_eq!(d.file.slice(d.spans().key("/k7/missing")), Some("k7"));
        assert!(!d.spans().contains("/k2000"));
    }

    #[test]
    fn block_mappings_are_anchored_on_their_key() {
        let d = parse(SourceFile::new("t.yaml", "a: 1\nattestations:\n  x: y\n  z: w\nlist:\n  - 1\n"), &Limits::default()).unwrap();
        assert_eq!(d.file.slice(d.spans().anchor("/attestations")), Some("attestations"));
        assert_eq!(d.file.slice(d.spans().anchor("/list")), Some("list"));
    }
}
