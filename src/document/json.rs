//! JSON application files (a portal's export): strict JSON read by serde_json without
//! positions; the positions read from jsonc-parser's tokens when a finding needs them; a file
//! the fast read refused parsed into jsonc-parser's syntax tree, for the precise diagnostic.

use std::sync::Arc;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Document, LIMIT, NodeSpan, SpanIndex, YAML, control_char, control_finding, escape, whole_chars};
use crate::diagnostics::{Finding, Span};
use crate::source::{Limits, SourceFile};

/// Strict JSON (RFC 8259: no comments, no trailing commas, no duplicate keys), parsed by
/// jsonc-parser, whose syntax tree keeps each value's byte range and each number's text:
/// about an order of magnitude fewer instructions per byte than the YAML parser. The path of
/// a file the fast read refused, for its precise diagnostic.
pub(super) fn parse_json(file: Arc<SourceFile>, limits: &Limits) -> Result<Document, Finding> {
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
            let here = whole_chars(&file.text, r.start, r.end.max(r.start + 1));
            if matches!(e.kind(), jsonc_parser::errors::ParseErrorKind::NestingDepthExceeded) {
                // The JSON reader stops at 512 levels, whatever the depth limit.
                return Err(too_deep(&file, here, limits.max_depth.min(JSON_MAX_DEPTH)));
            }
            let kind = e.kind();
            return Err(Finding::error(YAML, crate::tr!("not valid JSON: {kind}", "不是有效的 JSON：{kind}"))
                .in_file(file.clone())
                .label(here, crate::tr!("here", "此处"))
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
    let mut walk = JsonWalk { file: &file, limits, nodes: 0, spans: &mut spans };
    let value = walk.value(&root, &mut String::new(), None, 0)?;
    Ok(Document::new(file, value, Some(spans)))
}

/// Strict JSON straight into a value with serde_json, without positions: `None` for anything
/// it does not accept as is (a syntax error, a duplicate key, a control character, a limit,
/// and any number but a plain integer), which [`parse_json`] then reads with positions:
/// decimals as the text written (`4.80` stays `"4.80"`), as the YAML layer passes them on.
pub(super) fn fast_json(text: &str, limits: &Limits) -> Option<Value> {
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
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        // A number that is not a plain integer reaches serde only as an `f64`, which may not
        // be what the file wrote (`4.800000000000000001` is 4.8, `3.0` is 3): the precise
        // path reads it from its text, as YAML does. Money never passes through `f64`.
        Err(E::custom("number"))
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

/// Where each node of a JSON file the fast read accepted is, from jsonc-parser's token
/// scanner: the same index [`parse_json`] builds from the syntax tree (a test holds the
/// two equal), without building the tree. `None` if the scanner stops (it does not on a file
/// the fast read took).
pub(super) fn spans_of(text: &str) -> Option<SpanIndex> {
    use jsonc_parser::tokens::Token;
    /// An open container: the length of the pointer before its own step, where its node is in
    /// the index, and for an array the next item's index; for an object the key just read.
    enum Open {
        Array { base: usize, node: usize, next: usize },
        Object { base: usize, node: usize, key: Option<(String, Span)> },
    }
    let options = jsonc_parser::ScannerOptions {
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
    };
    let mut scanner = jsonc_parser::Scanner::new(text, &options);
    let mut spans = SpanIndex::default();
    let mut ptr = String::new();
    let mut open: Vec<Open> = Vec::new();
    while let Some(token) = scanner.scan().ok()? {
        let span = Span::new(scanner.token_start(), scanner.token_end() - scanner.token_start());
        if matches!(token, Token::CloseBrace | Token::CloseBracket) {
            let (Open::Array { base, node, .. } | Open::Object { base, node, .. }) = open.pop()?;
            let value = &mut spans.nodes[node].1.value;
            value.len = scanner.token_end() - value.offset;
            ptr.truncate(base);
            continue;
        }
        match (&token, open.last_mut()) {
            // A string where an object wants a key is the key.
            (Token::String(name), Some(Open::Object { key: key @ None, .. })) => {
                *key = Some((name.clone().into_owned(), span));
                continue;
            }
            (Token::Comma, Some(Open::Array { next, .. })) => {
                *next += 1;
                continue;
            }
            (Token::Colon | Token::Comma | Token::CommentLine(_) | Token::CommentBlock(_), _) => continue,
            _ => {}
        }
        // A value: its pointer is the parent's and one step more, the item's index or the key.
        let base = ptr.len();
        let key = match open.last_mut() {
            Some(Open::Array { next, .. }) => {
                let _ = std::fmt::Write::write_fmt(&mut ptr, format_args!("/{next}"));
                None
            }
            Some(Open::Object { key, .. }) => {
                let (name, kspan) = key.take()?;
                ptr.push('/');
                ptr.push_str(&escape(&name));
                Some(kspan)
            }
            None => None,
        };
        spans.insert(&ptr, NodeSpan { key, value: span });
        let node = spans.nodes.len() - 1;
        match token {
            Token::OpenBrace => open.push(Open::Object { base, node, key: None }),
            Token::OpenBracket => open.push(Open::Array { base, node, next: 0 }),
            _ => ptr.truncate(base),
        }
    }
    open.is_empty().then_some(spans)
}

/// The deepest nesting the JSON reader (jsonc-parser) takes, whatever `--max-depth` says.
pub(super) const JSON_MAX_DEPTH: usize = 512;

fn too_deep(file: &Arc<SourceFile>, here: Span, max: usize) -> Finding {
    Finding::error(
        LIMIT,
        crate::tr!(
            "the file nests deeper than {max} levels: parsing stopped at the depth limit",
            "文件嵌套超过 {max} 层：解析在深度上限处停止"
        ),
    )
    .in_file(file.clone())
    .label(here, crate::tr!("here", "此处"))
    .with_help(crate::tr!(
        "real specs and drafts nest a few levels; `--max-depth` changes the limit (JSON files: at most 512)",
        "正常的规范和申报书只嵌套几层；可用 `--max-depth` 调整上限（JSON 文件最多 512 层）"
    ))
}

struct JsonWalk<'a> {
    file: &'a Arc<SourceFile>,
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
        if depth > self.limits.max_depth {
            return Err(too_deep(self.file, Span::new(span.offset, span.len.min(1)), self.limits.max_depth));
        }
        if self.nodes > self.limits.max_nodes {
            let max = self.limits.max_nodes;
            return Err(Finding::error(
                LIMIT,
                crate::tr!(
                    "the file has more than {max} values: parsing stopped at the node limit",
                    "文件中的值超过 {max} 个：解析在节点上限处停止"
                ),
            )
            .in_file(self.file.clone())
            .label(Span::new(span.offset, span.len.min(1)), crate::tr!("here", "此处"))
            .with_help(crate::tr!(
                "real specs and drafts stay far below the limit; `--max-nodes` changes it",
                "正常的规范和申报书远低于上限；可用 `--max-nodes` 调整"
            )));
        }
        self.spans.insert(ptr, NodeSpan { key, value: span });
        Ok(match node {
            J::NullKeyword(_) => Value::Null,
            J::BooleanLit(b) => Value::Bool(b.value),
            J::NumberLit(n) => match (n.value.parse::<i64>(), n.value.parse::<u64>()) {
                (Ok(i), _) => Value::from(i),
                (_, Ok(u)) => Value::from(u),
                // Decimals and big numbers as from YAML: a whole value (`3.0`, `1e2`) is that
                // integer, any other its exact digits as text.
                _ => super::yaml_number(n.value).unwrap_or_else(|| Value::String(n.value.to_owned())),
            },
            J::StringLit(s) => {
                if let Some(c) = control_char(&s.value) {
                    return Err(control_finding(self.file, span, c));
                }
                Value::String(s.value.clone().into_owned())
            }
            J::Array(a) => {
                let mut arr = Vec::with_capacity(a.elements.len());
                for (i, item) in a.elements.iter().enumerate() {
                    let len = ptr.len();
                    ptr.push('/');
                    let _ = std::fmt::Write::write_fmt(ptr, format_args!("{i}"));
                    arr.push(self.value(item, ptr, None, depth + 1)?);
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
                    if obj.contains_key(name) {
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
                    obj.insert(name.to_owned(), v);
                    ptr.truncate(len);
                }
                Value::Object(obj)
            }
        })
    }
}
