//! The YAML layer: one parse of a file into a JSON instance plus an index from JSON pointer to
//! source span.
//!
//! Every input (spec or application, YAML or JSON) is parsed exactly once by serde-saphyr into
//! a tree whose every key and value carries its location. One walk over that tree produces
//! the `serde_json::Value` handed to the schema validator and to typed deserialisation, and a
//! [`SpanIndex`] that later stages use to put labels on the exact value they talk about.
//!
//! Non-integer numbers are passed on as the *text* the file wrote (`19.8` stays `"19.8"`), so
//! money is read exactly and never through `f64`.

use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::Spanned;

use crate::diagnostics::{CodeInfo, Finding, Span};
use crate::source::{Limits, SourceFile};

mod events;

/// A parsed input file.
#[derive(Debug)]
pub struct Document {
    pub file: Arc<SourceFile>,
    pub value: Value,
    /// Built with the value for YAML; for JSON on first use (most valid files never need it).
    spans: std::sync::OnceLock<SpanIndex>,
}

impl Document {
    /// Where each node is. For a JSON file the first call parses the file a second time, with
    /// positions; only files with findings pay for it.
    pub fn spans(&self) -> &SpanIndex {
        self.spans.get_or_init(|| {
            let unlimited = Limits { max_nodes: usize::MAX, max_depth: usize::MAX, ..Limits::default() };
            match parse_json_with(self.file.clone(), &unlimited, false) {
                Ok(doc) => doc.spans.into_inner().unwrap_or_default(),
                Err(_) => SpanIndex::default(),
            }
        })
    }

    fn new(file: Arc<SourceFile>, value: Value, spans: Option<SpanIndex>) -> Document {
        let cell = std::sync::OnceLock::new();
        if let Some(s) = spans {
            let _ = cell.set(s);
        }
        Document { file, value, spans: cell }
    }
}

/// The first of `paths` (mapping keys from the top) found holding a scalar, with its index
/// and text, read from the first events of `text` (YAML, or JSON) without parsing the whole
/// document; `None` when none plainly does. A hint for choosing what to load: the file is
/// parsed and checked in full later.
pub fn peek(text: &str, paths: &[&[&str]]) -> Option<(usize, String)> {
    events::peek(text, paths)
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
    doc: "The parser stopped: bad indentation, a tab used for indentation, a duplicate key, an \
          unclosed quote or bracket, several documents in one file, or an empty file. The label \
          points at where the parser gave up. Nothing else in the file is checked. Exit code 2.",
};

pub const CONTROL: &CodeInfo = &CodeInfo {
    code: "input.control-character",
    summary: "a key or text value holds a control character (NUL, ESC, BEL, ...)",
    doc: "Text in specs and applications is printed back in diagnostics; a control character \
          (written raw, or escaped as `\\0`, `\\e`, `\\u0000`) would corrupt terminals and \
          logs and never belongs in a form. Tabs and line breaks are fine. Exit code 2.",
};

/// The first control character other than tab and line breaks.
fn control_char(s: &str) -> Option<char> {
    // Control characters are U+0000–U+001F, U+007F and U+0080–U+009F; the last are encoded
    // as 0xC2 0x80–0x9F. A byte scan (vectorised) rules out almost every string before the
    // character scan runs.
    let suspect = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2;
    if !s.bytes().fold(false, |found, b| found | suspect(b)) {
        return None;
    }
    s.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

fn control_finding(file: &Arc<SourceFile>, span: Span, c: char) -> Finding {
    let code = format!("U+{:04X}", c as u32);
    Finding::error(CONTROL, crate::tr!("a text value holds the control character {code}", "文本中含有控制字符 {code}"))
        .in_file(file.clone())
        .label(span, crate::tr!("this value", "此值"))
        .with_help(crate::tr!(
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
        return Err(Finding::error(YAML, crate::tr!("`{}` is empty (no YAML content)", "`{}` 是空文件（没有 YAML 内容）", file.name))
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

/// The full YAML path (serde-saphyr): every YAML feature, every limit and every diagnostic.
fn parse_full(file: Arc<SourceFile>, limits: &Limits) -> Result<Document, Finding> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_aliases = limits.max_aliases;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.with_snippet = false;
    // Applicants never mean 1_000 or a custom tag; NaN and infinities reach the schema as text.
    options.underscored_numbers_as_strings = true;
    options.reject_unsupported_tags = true;
    options.non_finite_float_policy = serde_saphyr::options::NonFiniteFloatPolicy::AsString;
    let mut alias = serde_saphyr::options::AliasLimits::default();
    alias.max_total_replayed_events = limits.max_nodes;
    alias.max_alias_expansions_per_anchor = limits.max_aliases.max(1);
    options.alias_limits = alias;
    let root: Spanned<Node> = match serde_saphyr::from_str_with_options(&file.text, options) {
        Ok(root) => root,
        Err(err) => return Err(parse_error(&file, &err)),
    };
    let mut spans = SpanIndex::default();
    let value = index(&file, &root, &mut String::new(), None, &mut spans);
    if let Some((span, c)) = spans.control {
        return Err(control_finding(&file, span, c));
    }
    Ok(Document::new(file, value, Some(spans)))
}

fn parse_error(file: &Arc<SourceFile>, err: &serde_saphyr::Error) -> Finding {
    let message = err.to_string();
    let message = message.lines().next().unwrap_or("").trim().to_owned();
    let failure = Failure::of(err);
    let code = if matches!(failure, Failure::Limit) { LIMIT } else { YAML };
    let (message, help) = describe(&message, failure);
    let mut finding = Finding::error(code, message).in_file(file.clone());
    if let Some(loc) = err.location() {
        let span = span_of(file, &loc);
        finding = finding.label(span, crate::tr!("here", "此处"));
    }
    if let Some(help) = help {
        finding = finding.with_help(help);
    }
    finding
}

/// What stopped the parser, told by the error's kind and never by its text alone: the text
/// quotes the file's own keys and tags, so a duplicate `budget:` or `aliases:` key must not
/// read as a resource budget or an alias limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    Duplicate,
    Documents,
    /// A resource limit (depth, nodes, aliases, ...).
    Limit,
    /// Malformed YAML, as the parser itself words it (no quoted content).
    Syntax,
    /// Anything else (unknown anchor, unsupported tag, ...).
    Other,
}

impl Failure {
    fn of(mut err: &serde_saphyr::Error) -> Failure {
        use serde_saphyr::Error as E;
        use serde_saphyr::budget::BudgetBreach as B;
        // Errors met while replaying an alias, or with a snippet, wrap the original.
        while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = err {
            err = error;
        }
        match err {
            E::DuplicateMappingKey { .. } => Failure::Duplicate,
            E::MultipleDocuments { .. } | E::Budget { breach: B::Documents { .. }, .. } => Failure::Documents,
            E::Budget { .. }
            | E::AliasReplayCounterOverflow { .. }
            | E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. } => Failure::Limit,
            // The YAML parser's own nesting guard.
            E::ExternalMessage { source, msg, .. } if matches!(**source, serde_saphyr::ExternalMessageSource::Parser(_)) => {
                if msg.contains("recursion limit") { Failure::Limit } else { Failure::Syntax }
            }
            _ => Failure::Other,
        }
    }
}

/// Rephrases the parser's message where it is cryptic, with a fix hint.
/// The parser's own wording stays English inside the Chinese message.
fn describe(message: &str, failure: Failure) -> (crate::i18n::Text, Option<crate::i18n::Text>) {
    use crate::tr;
    let m = message.to_owned();
    match failure {
        Failure::Duplicate => {
            let m = m.split(", set DuplicateKeyPolicy").next().unwrap_or(&m).to_owned();
            (
                tr!("{m}", "键重复：{m}"),
                Some(tr!(
                    "each key may appear once in a mapping; remove or merge the repeated key",
                    "同一映射中每个键只能出现一次；请删除或合并重复的键"
                )),
            )
        }
        Failure::Documents => (
            tr!(
                "the file holds several YAML documents (`---`); one file holds one spec or application",
                "文件中有多个 YAML 文档（`---`）；一个文件只能包含一份规范或申报书"
            ),
            Some(tr!("split the documents into separate files", "请把各文档拆分为单独的文件")),
        ),
        Failure::Syntax if m.contains("tab") => {
            (tr!("{m}", "YAML 错误：{m}"), Some(tr!("indent with spaces, not tabs", "请用空格缩进，不要用制表符")))
        }
        Failure::Limit if m.contains("Nodes {") || m.contains("replay") || m.contains("expansion") => (
            tr!(
                "the file expands to too many values (aliases included): parsing stopped at the node limit",
                "文件展开后的值过多（含别名）：解析在节点上限处停止"
            ),
            Some(tr!(
                "an alias bomb or a runaway file; real specs and drafts stay far below the limit (`--max-nodes` changes it)",
                "可能是别名炸弹或失控的文件；正常的规范和申报书远低于上限（可用 `--max-nodes` 调整）"
            )),
        ),
        Failure::Limit if m.contains("Depth {") || m.contains("recursion limit") => (
            tr!("the file nests too deeply: parsing stopped at the depth limit", "文件嵌套过深：解析在深度上限处停止"),
            Some(tr!(
                "real specs and drafts nest a few levels; `--max-depth` changes the limit",
                "正常的规范和申报书只嵌套几层；可用 `--max-depth` 调整上限"
            )),
        ),
        Failure::Limit => {
            let what = m.split(" at line").next().unwrap_or(&m);
            (
                tr!("resource limit exceeded while parsing: {what}", "解析时超出资源上限：{what}"),
                Some(tr!("real specs and drafts stay far below the limits", "正常的规范和申报书远低于这些上限")),
            )
        }
        _ => (tr!("{m}", "YAML 错误：{m}"), None),
    }
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

fn span_of(file: &SourceFile, loc: &serde_saphyr::Location) -> Span {
    let s = loc.span();
    match (s.byte_offset(), s.byte_len()) {
        (Some(o), Some(l)) => whole_chars(&file.text, o as usize, o.saturating_add(l) as usize),
        _ => {
            // Parser errors carry line and column only: find the byte offset ourselves.
            let (line, col) = (loc.line() as usize, loc.column() as usize);
            if line == 0 {
                return Span::default();
            }
            let start = file.text.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>();
            let rest = &file.text[start.min(file.text.len())..];
            let off = rest.char_indices().nth(col.saturating_sub(1)).map_or(rest.len(), |(i, _)| i);
            let len = rest[off..].chars().next().map_or(0, char::len_utf8);
            Span::new(start + off, len)
        }
    }
}

/// Whether an integer's source text has a radix prefix or a sign (`0x1F`, `0o17`, `+5`).
fn radix_or_sign(text: &str) -> bool {
    let t = text.trim().trim_start_matches('-');
    t.starts_with('+') || t.len() > 1 && t.starts_with('0') && t[1..].starts_with(['x', 'X', 'o', 'O', 'b', 'B'])
}

/// An untyped YAML node; every key and value is wrapped in `Spanned`.
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    /// Any other number; its exact text is taken from the source.
    Other,
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::UInt(v))
    }
    fn visit_i128<E>(self, _: i128) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Other)
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Node, E> {
        Err(E::custom("binary values are not supported"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Node, A::Error> {
        let mut v = Vec::with_capacity(s.size_hint().unwrap_or(4));
        while let Some(e) = s.next_element()? {
            v.push(e);
        }
        Ok(Node::Seq(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Node, A::Error> {
        let mut v = Vec::with_capacity(m.size_hint().unwrap_or(8));
        while let Some(k) = m.next_key()? {
            v.push((k, m.next_value()?));
        }
        Ok(Node::Map(v))
    }
}

fn index(file: &SourceFile, node: &Spanned<Node>, ptr: &mut String, key: Option<Span>, out: &mut SpanIndex) -> Value {
    let span = span_of(file, &node.referenced);
    out.insert(ptr, NodeSpan { key, value: span });
    match &node.value {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(*b),
        // `0x1F`, `0o17`, `+5`: valid YAML integers no applicant means; kept as text, so the
        // schema reports them.
        Node::Int(_) | Node::UInt(_) if radix_or_sign(file.slice(span_of(file, &node.defined)).unwrap_or("")) => {
            Value::String(file.slice(span_of(file, &node.defined)).unwrap_or("").trim().to_owned())
        }
        Node::Int(i) => Value::from(*i),
        Node::UInt(u) => Value::from(*u),
        Node::Other => {
            // The exact text as written (from where the scalar is defined, for aliases).
            let text = file.slice(span_of(file, &node.defined)).unwrap_or("").trim();
            Value::String(text.to_owned())
        }
        Node::Str(s) => {
            if out.control.is_none()
                && let Some(c) = control_char(s)
            {
                out.control = Some((span, c));
            }
            Value::String(s.clone())
        }
        Node::Seq(items) => {
            let mut arr = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&i.to_string());
                arr.push(index(file, item, ptr, None, out));
                ptr.truncate(len);
            }
            Value::Array(arr)
        }
        Node::Map(entries) => {
            let mut obj = serde_json::Map::with_capacity(entries.len());
            for (k, v) in entries {
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&escape(&k.value));
                let kspan = span_of(file, &k.referenced);
                if out.control.is_none()
                    && let Some(c) = control_char(&k.value)
                {
                    out.control = Some((kspan, c));
                }
                obj.insert(k.value.clone(), index(file, v, ptr, Some(kspan), out));
                ptr.truncate(len);
            }
            Value::Object(obj)
        }
    }
}

/// Strict JSON (RFC 8259: no comments, no trailing commas, no duplicate keys), parsed by
/// jsonc-parser, whose syntax tree keeps each value's byte range and each number's text:
/// about an order of magnitude fewer instructions per byte than the YAML parser.
fn parse_json(file: Arc<SourceFile>, limits: &Limits) -> Result<Document, Finding> {
    parse_json_with(file, limits, true)
}

/// [`parse_json`]; without `value`, only the spans are built (the value is `null`): what a
/// file that passed the fast path needs when a finding asks where something is.
fn parse_json_with(file: Arc<SourceFile>, limits: &Limits, value: bool) -> Result<Document, Finding> {
    use jsonc_parser::{CollectOptions, ParseOptions};
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
    };
    let parsed = match jsonc_parser::parse_to_ast(&file.text, &CollectOptions::default(), &strict) {
        Ok(p) => p,
        Err(e) => {
            let r = e.range();
            let code = if matches!(e.kind(), jsonc_parser::errors::ParseErrorKind::NestingDepthExceeded) { LIMIT } else { YAML };
            let kind = e.kind();
            return Err(Finding::error(code, crate::tr!("not valid JSON: {kind}", "不是有效的 JSON：{kind}"))
                .in_file(file.clone())
                .label(whole_chars(&file.text, r.start, r.end.max(r.start + 1)), crate::tr!("here", "此处"))
                .with_help(crate::tr!(
                    "a `.json` file must be strict JSON: no comments, no trailing commas, double-quoted keys and strings",
                    "`.json` 文件须为严格的 JSON：不能有注释和尾随逗号，键和字符串须用双引号"
                )));
        }
    };
    let Some(root) = parsed.value else {
        return Err(Finding::error(YAML, crate::tr!("`{}` is empty (no JSON value)", "`{}` 是空文件（没有 JSON 值）", file.name))
            .in_file(file.clone()));
    };
    let mut spans = SpanIndex::default();
    let mut walk = JsonWalk { file: &file, limits, nodes: 0, spans: &mut spans, build: value };
    let value = walk.value(&root, &mut String::new(), None, 0)?;
    Ok(Document::new(file, value, Some(spans)))
}

/// Strict JSON straight into a value with serde_json, without positions: `None` for anything
/// it does not accept as is (a syntax error, a duplicate key, a control character, a limit),
/// which [`parse_json`] then reports precisely. Decimals become their shortest exact text
/// (`4.80` → `"4.8"`), as the YAML layer passes on decimals as text.
fn fast_json(text: &str, limits: &Limits) -> Option<Value> {
    use serde::de::DeserializeSeed;
    let nodes = std::cell::Cell::new(0usize);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = JsonSeed { depth: 0, nodes: &nodes, limits }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(value)
}

struct JsonSeed<'a> {
    depth: usize,
    nodes: &'a std::cell::Cell<usize>,
    limits: &'a Limits,
}

impl<'de> de::DeserializeSeed<'de> for JsonSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.nodes.set(self.nodes.get() + 1);
        if self.depth > self.limits.max_depth || self.nodes.get() > self.limits.max_nodes {
            return Err(de::Error::custom("limit"));
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // Too large for an integer, or not exactly representable: the precise path decides.
        if !v.is_finite() || v.abs() >= 1e15 {
            return Err(E::custom("number"));
        }
        Ok(Value::String(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.visit_string(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        if control_char(&v).is_some() {
            return Err(E::custom("control character"));
        }
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Value, A::Error> {
        let mut v = Vec::with_capacity(s.size_hint().unwrap_or(4));
        while let Some(e) = s.next_element_seed(JsonSeed { depth: self.depth + 1, nodes: self.nodes, limits: self.limits })? {
            v.push(e);
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Value, A::Error> {
        let mut obj = serde_json::Map::new();
        while let Some(k) = m.next_key::<String>()? {
            if control_char(&k).is_some() || obj.contains_key(&k) {
                return Err(de::Error::custom("key"));
            }
            let v = m.next_value_seed(JsonSeed { depth: self.depth + 1, nodes: self.nodes, limits: self.limits })?;
            obj.insert(k, v);
        }
        Ok(Value::Object(obj))
    }
}

struct JsonWalk<'a> {
    file: &'a Arc<SourceFile>,
    /// Whether to build the value too, or only the spans.
    build: bool,
    limits: &'a Limits,
    nodes: usize,
    spans: &'a mut SpanIndex,
}

impl JsonWalk<'_> {
    fn value(&mut self, node: &jsonc_parser::ast::Value, ptr: &mut String, key: Option<Span>, depth: usize) -> Result<Value, Finding> {
        use jsonc_parser::ast::Value as J;
        use jsonc_parser::common::Ranged;
        let r = node.range();
        let span = Span::new(r.start, r.end - r.start);
        self.nodes += 1;
        if depth > self.limits.max_depth || self.nodes > self.limits.max_nodes {
            let what = if depth > self.limits.max_depth {
                crate::tr!("nesting deeper than {} levels", "嵌套超过 {} 层", self.limits.max_depth)
            } else {
                crate::tr!("more than {} values", "超过 {} 个值", self.limits.max_nodes)
            };
            return Err(Finding::error(
                LIMIT,
                crate::i18n::Text::new(
                    format!("resource limit exceeded while parsing: {}", what.en),
                    format!("解析时超出资源上限：{}", what.zh),
                ),
            )
            .in_file(self.file.clone())
            .label(Span::new(span.offset, span.len.min(1)), crate::tr!("here", "此处"))
            .with_help(crate::tr!(
                "real specs and drafts stay far below the limits; `--max-depth` and `--max-nodes` change them",
                "正常的规范和申报书远低于这些上限；可用 `--max-depth` 和 `--max-nodes` 调整"
            )));
        }
        self.spans.insert(ptr, NodeSpan { key, value: span });
        Ok(match node {
            J::NullKeyword(_) => Value::Null,
            J::BooleanLit(b) => Value::Bool(b.value),
            J::NumberLit(n) => match (n.value.parse::<i64>(), n.value.parse::<u64>()) {
                (Ok(i), _) => Value::from(i),
                (_, Ok(u)) => Value::from(u),
                // Decimals and big numbers: their exact text, as from YAML.
                _ => Value::String(n.value.to_owned()),
            },
            J::StringLit(s) => {
                if let Some(c) = control_char(&s.value) {
                    return Err(control_finding(self.file, span, c));
                }
                if self.build { Value::String(s.value.clone().into_owned()) } else { Value::Null }
            }
            J::Array(a) => {
                let mut arr = Vec::with_capacity(a.elements.len());
                for (i, item) in a.elements.iter().enumerate() {
                    let len = ptr.len();
                    ptr.push('/');
                    ptr.push_str(&i.to_string());
                    let v = self.value(item, ptr, None, depth + 1)?;
                    if self.build {
                        arr.push(v);
                    }
                    ptr.truncate(len);
                }
                Value::Array(arr)
            }
            J::Object(o) => {
                let mut obj = serde_json::Map::with_capacity(o.properties.len());
                for p in &o.properties {
                    let name = p.name.as_str();
                    let kr = p.name.range();
                    let kspan = Span::new(kr.start, kr.end - kr.start);
                    if let Some(c) = control_char(name) {
                        return Err(control_finding(self.file, kspan, c));
                    }
                    if self.build && obj.contains_key(name) {
                        return Err(Finding::error(YAML, crate::tr!("duplicate key `{name}`", "键 `{name}` 重复"))
                            .in_file(self.file.clone())
                            .label(kspan, crate::tr!("repeated here", "此处重复"))
                            .with_help(crate::tr!(
                                "each key may appear once in an object; remove or merge the repeated key",
                                "同一对象中每个键只能出现一次；请删除或合并重复的键"
                            )));
                    }
                    let len = ptr.len();
                    ptr.push('/');
                    ptr.push_str(&escape(name));
                    let v = self.value(&p.value, ptr, Some(kspan), depth + 1)?;
                    if self.build {
                        obj.insert(name.to_owned(), v);
                    }
                    ptr.truncate(len);
                }
                Value::Object(obj)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

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
