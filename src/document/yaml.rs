//! The full YAML path: serde-saphyr parses into a tree whose every key and value carries its
//! location, and one walk over it yields the value and the span index. Every YAML feature
//! (anchors, aliases, merge keys, tags), every resource budget and every parse diagnostic
//! lives here; the fast path in `events.rs` hands over whatever it does not settle itself.

use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::Spanned;

use super::{Document, FORMAT, LIMIT, NodeSpan, SpanIndex, YAML, control_char, control_finding, escape, whole_chars};
use crate::diagnostics::{Finding, Span};
use crate::source::{Limits, SourceFile};

/// The full YAML path (serde-saphyr): every YAML feature, every limit and every diagnostic.
pub(super) fn parse_full(file: Arc<SourceFile>, limits: &Limits) -> Result<Document, Finding> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_aliases = limits.max_aliases;
    budget.max_documents = 1;
    // Flow collections (`[...]`, `{...}`) nest as deep as the depth limit lets anything nest.
    budget.flow_nesting_limit = budget.flow_nesting_limit.max(limits.max_depth.saturating_add(1));
    // Every value is at least one event, a container two: room for `max_nodes` values.
    budget.max_events = budget.max_events.max(limits.max_nodes.saturating_mul(3));
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
        Err(err) => return Err(parse_error(&file, &err, limits)),
    };
    if let Some(at) = super::events::flow_indentation(&file.text) {
        return Err(flow_indent_finding(&file, at));
    }
    let mut spans = SpanIndex::default();
    let value = index(&file, &root, &mut String::new(), None, &mut spans);
    if let Some((span, c)) = spans.control {
        return Err(control_finding(&file, span, c));
    }
    if let Some((span, kind, count)) = spans.not_text_key {
        return Err(key_finding(&file, span, kind, count));
    }
    Ok(Document::new(file, value, Some(spans)))
}

/// A flow collection's line not indented past the block it is in (`flow: [a,\nb]`).
fn flow_indent_finding(file: &Arc<SourceFile>, at: usize) -> Finding {
    use crate::tr;
    let line = &file.text[at..];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let first = line[indent..].chars().next().map_or(0, char::len_utf8);
    Finding::error(
        YAML,
        tr!(
            "a line inside a flow collection (`[…]` or `{{…}}`) is not indented past the block it is in",
            "流式集合（`[…]` 或 `{{…}}`）中的一行没有比其所在的块缩进得更深"
        ),
    )
    .in_file(file.clone())
    .label(Span::new(at + indent, first), tr!("here", "此处"))
    .with_help(tr!(
        "indent the continued lines of `[…]` and `{{…}}` further than their key, or write the collection on one line",
        "请把 `[…]` 和 `{{…}}` 的续行缩进到比其键更深的位置，或把该集合写在一行内"
    ))
}

/// A key that is a list, a mapping or null: well-formed YAML, but keys of the format are
/// field names, so text.
fn key_finding(file: &Arc<SourceFile>, span: Span, kind: &'static str, count: usize) -> Finding {
    use crate::tr;
    let (en, zh) = match kind {
        "list" => ("a list", "列表"),
        "mapping" => ("a mapping", "映射"),
        _ => ("null (empty)", "null（空）"),
    };
    let more = count - 1;
    let message = if more == 0 {
        tr!(
            "this key is {en}; keys of a spec or an application are field names, so text",
            "此键是{zh}；规范文件和申报书的键是字段名，须为文本"
        )
    } else {
        tr!(
            "this key is {en} ({more} more keys in the file are not text either); keys of a spec or an application are field names, so text",
            "此键是{zh}（文件中另有 {more} 个键也不是文本）；规范文件和申报书的键是字段名，须为文本"
        )
    };
    Finding::error(FORMAT, message).in_file(file.clone()).label(span, tr!("not a text key", "不是文本键")).with_help(tr!(
        "write the field's name as the key (`name: value`); a list or mapping belongs after the colon",
        "请以字段名为键（`name: 值`）；列表或映射应写在冒号之后"
    ))
}

fn parse_error(file: &Arc<SourceFile>, err: &serde_saphyr::Error, limits: &Limits) -> Finding {
    let message = err.to_string();
    let message = message.lines().next().unwrap_or("").trim().to_owned();
    let mut failure = Failure::of(err);
    // Well-formed YAML the format cannot hold, unless the parser stops further on: a
    // document is first of all YAML.
    let mut syntax = None;
    if matches!(failure, Failure::Documents | Failure::NullKey | Failure::Tag | Failure::Binary) {
        syntax = granit_parser::Parser::new_from_str(&file.text).find_map(Result::err);
    }
    if let Some(e) = syntax {
        failure = Failure::Syntax;
        let m = e.marker();
        let span = m.byte_offset().map_or_else(Span::default, |o| whole_chars(&file.text, o, o + 1));
        let (message, _) = describe(&e.info(), failure, limits);
        return Finding::error(YAML, message).in_file(file.clone()).label(span, crate::tr!("here", "此处"));
    }
    let code = match failure {
        Failure::Limit(_) => LIMIT,
        // Well-formed YAML the format cannot hold.
        Failure::Documents | Failure::NullKey | Failure::Tag | Failure::Binary => FORMAT,
        _ => YAML,
    };
    let (message, help) = describe(&message, failure, limits);
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
    /// A resource limit.
    Limit(Limit),
    /// A key that is null or empty (`~: x`, `? : x`).
    NullKey,
    /// An alias inside the anchor it names (`&a [*a]`).
    Recursive,
    /// A tag the format has no use for (`!foo`, `!!set`).
    Tag,
    /// A `!!binary` value that is not text.
    Binary,
    /// Malformed YAML, as the parser itself words it (no quoted content).
    Syntax,
    /// Anything else (unknown anchor, unsupported tag, ...).
    Other,
}

/// Which resource limit stopped the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Limit {
    /// Too many values, aliases expanded (nodes, events, replayed events).
    Values,
    Depth,
    /// Too many aliases in the file.
    Aliases,
    /// Too many aliases for the anchors defined.
    AliasRatio,
    Anchors,
    /// Too much text in scalars.
    Text,
    MergeKeys,
    /// Any other budget of the parser.
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
            E::Budget { breach, .. } => Failure::Limit(match breach {
                B::Events { .. } | B::Nodes { .. } | B::RecordedAnchorEvents { .. } | B::RecordedAnchorBytes { .. } => Limit::Values,
                B::Depth { .. } => Limit::Depth,
                B::Aliases { .. } => Limit::Aliases,
                B::AliasAnchorRatio { .. } => Limit::AliasRatio,
                B::Anchors { .. } => Limit::Anchors,
                B::ScalarBytes { .. } | B::InputBytes { .. } => Limit::Text,
                B::MergeKeys { .. } => Limit::MergeKeys,
                _ => Limit::Other,
            }),
            E::AliasReplayCounterOverflow { .. } | E::AliasReplayLimitExceeded { .. } | E::AliasExpansionLimitExceeded { .. } => {
                Failure::Limit(Limit::Values)
            }
            E::AliasReplayStackDepthExceeded { .. } => Failure::Limit(Limit::Depth),
            E::NullIntoString { .. } => Failure::NullKey,
            E::RecursiveReferencesRequireWeakTypes { .. } => Failure::Recursive,
            E::UnsupportedTag { .. } | E::TaggedScalarCannotDeserializeIntoString { .. } => Failure::Tag,
            E::BinaryNotUtf8 { .. } => Failure::Binary,
            // The YAML parser's own nesting guard.
            E::ExternalMessage { source, msg, .. } if matches!(**source, serde_saphyr::ExternalMessageSource::Parser(_)) => {
                if msg.contains("recursion limit") { Failure::Limit(Limit::Depth) } else { Failure::Syntax }
            }
            _ => Failure::Other,
        }
    }
}

/// The message and fix hint for what stopped the parser: our own words for every limit
/// and for the parser's messages that speak of its internals; its own wording (English,
/// inside the Chinese message) for syntax errors.
fn describe(message: &str, failure: Failure, limits: &Limits) -> (crate::i18n::Text, Option<crate::i18n::Text>) {
    use crate::tr;
    let m = message.to_owned();
    let limit_help = || {
        tr!(
            "real specs and drafts stay far below the limits (README, Resource limits)",
            "正常的规范和申报书远低于这些上限（见 README“资源上限”）"
        )
    };
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
        Failure::NullKey => (
            tr!(
                "a key is empty or null (`~:` or `? :`); every key must be a name",
                "有键为空或为 null（`~:` 或 `? :`）；每个键都必须是名称"
            ),
            Some(tr!("write the key's name, or remove the entry", "请写出键名，或删除该项")),
        ),
        Failure::Recursive => (
            tr!(
                "an alias is used inside the anchor it names (`&a [*a]`): a value cannot contain itself",
                "别名出现在它所引用的锚点内部（`&a [*a]`）：值不能包含自身"
            ),
            Some(tr!("write the value out instead of the alias", "请直接写出该值，不要使用别名")),
        ),
        Failure::Tag => (
            tr!("{m}: the format uses no tags", "{m}：本格式不使用标签"),
            Some(tr!(
                "remove the tag; write the value as plain text, a number, a list or a mapping",
                "请删除该标签，直接写出文本、数字、列表或映射"
            )),
        ),
        Failure::Binary => (
            tr!(
                "a binary value (`!!binary`) is not text; values of a spec or an application are text, numbers, true/false, lists and mappings",
                "二进制值（`!!binary`）不是文本；规范文件和申报书的值为文本、数字、true/false、列表和映射"
            ),
            Some(tr!("write the value as text instead of binary data", "请把该值写成文本，不要用二进制数据")),
        ),
        Failure::Syntax if m.contains("tab") => {
            (tr!("{m}", "YAML 错误：{m}"), Some(tr!("indent with spaces, not tabs", "请用空格缩进，不要用制表符")))
        }
        Failure::Limit(Limit::Values) => {
            let max = limits.max_nodes;
            (
                tr!(
                    "the file expands to more than {max} values (aliases included): parsing stopped at the node limit",
                    "文件展开后超过 {max} 个值（含别名）：解析在节点上限处停止"
                ),
                Some(tr!(
                    "an alias bomb or a runaway file; real specs and drafts stay far below the limit (`--max-nodes` changes it)",
                    "可能是别名炸弹或失控的文件；正常的规范和申报书远低于上限（可用 `--max-nodes` 调整）"
                )),
            )
        }
        Failure::Limit(Limit::Depth) => {
            let max = limits.max_depth;
            (
                tr!(
                    "the file nests deeper than {max} levels: parsing stopped at the depth limit",
                    "文件嵌套超过 {max} 层：解析在深度上限处停止"
                ),
                Some(tr!(
                    "real specs and drafts nest a few levels; `--max-depth` changes the limit",
                    "正常的规范和申报书只嵌套几层；可用 `--max-depth` 调整上限"
                )),
            )
        }
        Failure::Limit(Limit::Aliases) => {
            let max = limits.max_aliases;
            (tr!("the file uses more than {max} aliases (`*name`)", "文件使用的别名（`*name`）超过 {max} 个"), Some(limit_help()))
        }
        Failure::Limit(Limit::AliasRatio) => (
            tr!(
                "the file uses more than 10 aliases (`*name`) per anchor (`&name`) it defines",
                "文件中别名（`*name`）的数量超过所定义锚点（`&name`）的 10 倍"
            ),
            Some(tr!(
                "an alias bomb, or aliases overused; write the values out (from 100 aliases on, at most 10 per anchor)",
                "可能是别名炸弹或别名用得过多；请直接写出这些值（别名达到 100 个起，每个锚点最多 10 个）"
            )),
        ),
        Failure::Limit(Limit::Anchors) => {
            (tr!("the file defines too many anchors (`&name`)", "文件定义的锚点（`&name`）过多"), Some(limit_help()))
        }
        Failure::Limit(Limit::Text) => (tr!("the file holds too much text to parse", "文件中的文字过多，无法解析"), Some(limit_help())),
        Failure::Limit(Limit::MergeKeys) => {
            (tr!("the file uses too many merge keys (`<<`)", "文件使用的合并键（`<<`）过多"), Some(limit_help()))
        }
        Failure::Limit(Limit::Other) => (
            tr!("the file is too large or complex to parse (a resource limit)", "文件过大或过于复杂，无法解析（超出资源上限）"),
            Some(limit_help()),
        ),
        _ => (tr!("{m}", "YAML 错误：{m}"), None),
    }
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
    Map(Vec<(Spanned<Key>, Spanned<Node>)>),
}

/// A mapping key as YAML wrote it: text (what the format's keys are), another scalar (`1`,
/// `true`, read as the text written), or what no field name can be.
enum Key {
    Text(String),
    /// A number or boolean: the key is its text in the file.
    Scalar,
    Null,
    List,
    Mapping,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_unit<E>(self) -> Result<Key, E> {
        Ok(Key::Null)
    }
    fn visit_none<E>(self) -> Result<Key, E> {
        Ok(Key::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        Key::deserialize(d)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Key, E> {
        Ok(Key::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Key, E> {
        Ok(Key::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Key, E> {
        Ok(Key::Scalar)
    }
    fn visit_i128<E>(self, _: i128) -> Result<Key, E> {
        Ok(Key::Scalar)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Key, E> {
        Ok(Key::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Key, E> {
        Ok(Key::Scalar)
    }
    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(Key::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Key, E> {
        Ok(Key::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Key, A::Error> {
        while s.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Key::List)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Key, A::Error> {
        while m.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
        Ok(Key::Mapping)
    }
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
        // YAML 1.2 numbers as an editor reads them (`+3`, `0x3`, `3.0` are 3; `4.8e0` is
        // 4.8, kept exact), from the text as written (where the scalar is defined, for
        // aliases); other radix or signed forms (`0b11`, `-0x1F`) stay the text written.
        Node::Int(_) | Node::UInt(_) | Node::Other
            if super::yaml_number(file.slice(span_of(file, &node.defined)).unwrap_or("")).is_some() =>
        {
            super::yaml_number(file.slice(span_of(file, &node.defined)).unwrap_or("")).unwrap_or(Value::Null)
        }
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
        // A number too large for a float (`1e400`) reaches us as the parser's `.inf`: keep
        // what the file wrote.
        Node::Str(s)
            if matches!(s.as_str(), ".inf" | "-.inf" | "+.inf" | ".nan") && {
                let written = file.slice(span_of(file, &node.defined)).unwrap_or("").trim();
                written != s && written.parse::<f64>().is_ok()
            } =>
        {
            Value::String(file.slice(span_of(file, &node.defined)).unwrap_or("").trim().to_owned())
        }
        Node::Str(s) => {
            if out.control.is_none()
                && let Some(c) = control_char(s)
            {
                out.control = Some((span, c));
            }
            // Lines folded between Chinese characters are joined without a space.
            let written = file.slice(span_of(file, &node.defined)).unwrap_or("");
            Value::String(super::unfold_cjk(written, s).unwrap_or_else(|| s.clone()))
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
                let kspan = span_of(file, &k.referenced);
                let name = match &k.value {
                    Key::Text(t) => t.clone(),
                    Key::Scalar => file.slice(span_of(file, &k.defined)).unwrap_or("").trim().to_owned(),
                    other => {
                        let kind = match other {
                            Key::List => "list",
                            Key::Mapping => "mapping",
                            _ => "null",
                        };
                        match &mut out.not_text_key {
                            Some((_, _, n)) => *n += 1,
                            None => out.not_text_key = Some((kspan, kind, 1)),
                        }
                        continue;
                    }
                };
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&escape(&name));
                if out.control.is_none()
                    && let Some(c) = control_char(&name)
                {
                    out.control = Some((kspan, c));
                }
                obj.insert(name, index(file, v, ptr, Some(kspan), out));
                ptr.truncate(len);
            }
            Value::Object(obj)
        }
    }
}
