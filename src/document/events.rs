//! The fast path for YAML: the JSON value and the span index built straight from the YAML
//! parser's events (granit-parser, the parser under serde-saphyr), without serde-saphyr's
//! deserializer and its intermediate spanned tree: about half of a typical draft's parse cost.
//!
//! It covers what real drafts and specs are made of: block and flow mappings and sequences,
//! plain, quoted and block scalars. For anything else it returns `None` and [`super::parse`]
//! parses the file again on the full path, which owns every rule and every diagnostic:
//! anchors and aliases, merge keys, tags, complex or non-text keys, several documents, a
//! `%YAML` directive, duplicate keys, control characters, spellings of numbers it does not
//! settle itself (`0x1F`, `+5`, `1_000`, `010020`, `.inf`, ...), any parser error, and
//! documents near a resource limit. So the fast path never accepts a file the full path would
//! refuse, and where both accept a file they build the same value and the same spans;
//! `tests::agrees_with_the_full_path` checks this on every YAML file in the repository.

use granit_parser::{Event, Parser, ScalarStyle, Span as ParserSpan, StructureStyle};
use serde_json::Value;

use super::{NodeSpan, SpanIndex, control_char, escape, whole_chars};
use crate::diagnostics::Span;
use crate::source::Limits;

/// The value and spans of `text`, or `None` when the full path must decide.
pub(super) fn parse(text: &str, limits: &Limits) -> Option<(Value, SpanIndex)> {
    let budget = serde_saphyr::Budget::default();
    // The parser options serde-saphyr uses, so both paths see the same syntax.
    let options = granit_parser::options! {
        simple_key_max_lookahead: budget.simple_key_max_lookahead,
        flow_nesting_limit: budget.flow_nesting_limit.max(limits.max_depth.saturating_add(1)),
        block_nesting_limit: granit_parser::Options::default().block_nesting_limit.max(limits.max_depth.saturating_add(1)),
        emit_comments: false,
    };
    let mut b = Builder {
        parser: Parser::new_from_str_with_options(text, options),
        text,
        // Margins below the full path's budgets: a document near a limit is left to it.
        max_nodes: limits.max_nodes.min(budget.max_nodes).saturating_sub(2),
        max_depth: limits.max_depth.min(budget.max_depth).saturating_sub(1),
        max_events: budget.max_events / 2,
        max_scalar_bytes: budget.max_total_scalar_bytes / 2,
        nodes: 0,
        events: 0,
        scalar_bytes: 0,
        spans: SpanIndex::default(),
        ptr: String::new(),
        blocks: Vec::new(),
        in_flow: false,
        end: 0,
    };
    if !matches!(b.next()?.0, Event::StreamStart) {
        return None;
    }
    match b.next()?.0 {
        Event::DocumentStart(_, None) => {}
        _ => return None,
    }
    let (event, span) = b.next()?;
    let value = b.node(event, span, None, 0)?;
    if !matches!(b.next()?.0, Event::DocumentEnd) || !matches!(b.next()?.0, Event::StreamEnd) {
        return None;
    }
    if b.parser.next().is_some() {
        return None;
    }
    Some((value, b.spans))
}

struct Builder<'t> {
    parser: Parser<'t, granit_parser::StrInput<'t>>,
    text: &'t str,
    max_nodes: usize,
    max_depth: usize,
    max_events: usize,
    max_scalar_bytes: usize,
    nodes: usize,
    events: usize,
    scalar_bytes: usize,
    spans: SpanIndex,
    /// The JSON pointer of the node being built.
    ptr: String,
    /// The columns of the block collections the node is in.
    blocks: Vec<usize>,
    /// Whether the node is inside a flow collection.
    in_flow: bool,
    /// Where the last collection read ended (byte offset).
    end: usize,
}

impl<'t> Builder<'t> {
    fn next(&mut self) -> Option<(Event<'t>, ParserSpan)> {
        self.events += 1;
        if self.events > self.max_events {
            return None;
        }
        self.parser.next()?.ok()
    }

    fn span(&self, s: &ParserSpan) -> Option<Span> {
        let (start, end) = (s.start.byte_offset()?, s.end.byte_offset()?);
        Some(whole_chars(self.text, start, end.max(start)))
    }

    /// One node, whose first event has been read.
    fn node(&mut self, event: Event<'t>, span: ParserSpan, key: Option<Span>, depth: usize) -> Option<Value> {
        self.nodes += 1;
        if self.nodes > self.max_nodes || depth > self.max_depth {
            return None;
        }
        let here = self.span(&span)?;
        self.spans.insert(&self.ptr, NodeSpan { key, value: here });
        match event {
            Event::Scalar(text, style, 0, None) => {
                self.scalar_bytes += text.len();
                if self.scalar_bytes > self.max_scalar_bytes {
                    return None;
                }
                // Lines folded between Chinese characters are joined without a space.
                match scalar(&text, style) {
                    Some(Value::String(s)) if style != ScalarStyle::Literal => {
                        Some(Value::String(super::unfold_cjk(&self.text[here.offset..here.offset + here.len], &s).unwrap_or(s)))
                    }
                    other => other,
                }
            }
            Event::SequenceStart(style, 0, None) | Event::MappingStart(style, 0, None) if !self.in_flow => {
                // A collection in block context: a block one gives its column to what it
                // holds; a flow one must keep its lines indented past the block it is in.
                let block = style == StructureStyle::Block;
                if block {
                    self.blocks.push(span.start.col());
                } else {
                    self.in_flow = true;
                }
                let value = self.collection(event, depth);
                if block {
                    self.blocks.pop();
                } else {
                    self.in_flow = false;
                    let required = self.blocks.last().map_or(0, |c| c + 1);
                    if under_indented(self.text, here.offset, self.end, required).is_some() {
                        return None; // malformed: the full path reports it
                    }
                }
                value
            }
            event @ (Event::SequenceStart(..) | Event::MappingStart(..)) => self.collection(event, depth),
            _ => None,
        }
    }

    /// A sequence or mapping, whose first event has been read (and its span indexed).
    fn collection(&mut self, event: Event<'t>, depth: usize) -> Option<Value> {
        match event {
            Event::SequenceStart(_, 0, None) => {
                let mut items = Vec::new();
                loop {
                    let (event, span) = self.next()?;
                    if matches!(event, Event::SequenceEnd) {
                        self.end = span.end.byte_offset()?;
                        return Some(Value::Array(items));
                    }
                    let len = self.ptr.len();
                    self.ptr.push('/');
                    self.ptr.push_str(&items.len().to_string());
                    items.push(self.node(event, span, None, depth + 1)?);
                    self.ptr.truncate(len);
                }
            }
            Event::MappingStart(_, 0, None) => {
                let mut map = serde_json::Map::new();
                loop {
                    let (event, span) = self.next()?;
                    let name = match event {
                        Event::MappingEnd => {
                            self.end = span.end.byte_offset()?;
                            return Some(Value::Object(map));
                        }
                        Event::Scalar(name, style, 0, None) if text_key(&name, style) => name,
                        _ => return None,
                    };
                    self.nodes += 1;
                    self.scalar_bytes += name.len();
                    if self.scalar_bytes > self.max_scalar_bytes {
                        return None;
                    }
                    let kspan = self.span(&span)?;
                    let len = self.ptr.len();
                    self.ptr.push('/');
                    self.ptr.push_str(&escape(&name));
                    let (event, span) = self.next()?;
                    let value = self.node(event, span, Some(kspan), depth + 1)?;
                    self.ptr.truncate(len);
                    if map.insert(name.into_owned(), value).is_some() {
                        return None; // a duplicate key: the full path reports it
                    }
                }
            }
            _ => None,
        }
    }
}

/// The offset of the first line of a flow collection (`text[start..end]`, in block context)
/// indented less than `required` columns, the block it is in: YAML 1.2 wants a flow
/// collection's lines indented past it (`flow: [a,\nb]` is malformed, yaml-test-suite 9C9N).
/// Blank and comment lines are free, and so is a line that starts with the closing bracket,
/// as the editor's parser (the `yaml` package) accepts it.
pub(super) fn under_indented(text: &str, start: usize, end: usize, required: usize) -> Option<usize> {
    if required == 0 {
        return None;
    }
    let region = text.get(start..end.min(text.len()))?;
    let mut at = start;
    for line in region.split_inclusive('\n') {
        let first = at == start;
        at += line.len();
        if first {
            continue;
        }
        let rest = line.trim_start_matches(' ');
        let rest_trimmed = rest.trim_start();
        if rest_trimmed.is_empty() || rest_trimmed.starts_with(['#', ']', '}']) {
            continue;
        }
        if line.len() - rest.len() < required {
            return Some(at - line.len());
        }
    }
    None
}

/// The offset of the first under-indented line of a flow collection in block context
/// ([`under_indented`]), read from the parser's events; for the full path, which does not
/// see them. `None` when there is none, or the parser stops first (the full path reports that).
pub(super) fn flow_indentation(text: &str) -> Option<usize> {
    if !text.contains(['[', '{']) {
        return None;
    }
    let mut parser = Parser::new_from_str_with_options(text, granit_parser::options! { emit_comments: false });
    /// An open collection: block or flow, its column, and for the outermost flow one in block
    /// context its start and the indent its lines need.
    type Open = (bool, usize, Option<(usize, usize)>);
    let mut stack: Vec<Open> = Vec::new();
    while let Some(Ok((event, span))) = parser.next() {
        match event {
            Event::SequenceStart(style, ..) | Event::MappingStart(style, ..) => {
                let block = style == StructureStyle::Block;
                let outer_flow = !block && stack.iter().all(|(b, ..)| *b);
                let required = stack.last().map_or(0, |(_, col, _)| col + 1);
                let check = outer_flow.then(|| (span.start.byte_offset().unwrap_or(0), required));
                stack.push((block, span.start.col(), check));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((_, _, Some((start, required)))) = stack.pop()
                    && let Some(at) = under_indented(text, start, span.end.byte_offset().unwrap_or(text.len()), required)
                {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a key is text the full path reads as the same text: not the merge key, and
/// nothing that resolves to null, a boolean or a number, or holds a control character.
fn text_key(name: &str, style: ScalarStyle) -> bool {
    name != "<<" && matches!(scalar(name, style), Some(Value::String(s)) if s == name)
}

/// The value of an untagged plain scalar (see [`scalar`]).
pub(super) fn plain(text: &str) -> Option<Value> {
    scalar(text, ScalarStyle::Plain)
}

/// The value of an untagged scalar, resolved as the full path resolves it (YAML 1.2 core
/// schema, strict booleans, numbers other than plain integers kept as the text written), or
/// `None` for a spelling the fast path leaves to the full path.
fn scalar(text: &str, style: ScalarStyle) -> Option<Value> {
    if control_char(text).is_some() {
        return None;
    }
    if style != ScalarStyle::Plain {
        return Some(Value::String(text.to_owned()));
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    // Only plain decimal integers become numbers; every other number is passed on as the
    // text written (`19.80`), as is any other text (`2025-03-27`, `3场`, `1_000`, `010020`).
    // Spellings the full path normalises or reads in a radix (`1e400` becomes `.inf`, `0x1F`,
    // `+5`, `-0`) are left to it.
    if text.contains('_') {
        return Some(Value::String(text.to_owned()));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match digits {
            "0" if text == "0" => Some(Value::from(0u64)),
            "0" => None,
            _ if digits.starts_with('0') => Some(Value::String(text.to_owned())),
            // Too long for a 64-bit integer: read as a (finite) float, so kept as text.
            _ if digits.len() > 300 => None,
            _ if text.starts_with('-') => Some(text.parse::<i64>().map_or_else(|_| Value::String(text.to_owned()), Value::from)),
            _ => Some(text.parse::<u64>().map_or_else(|_| Value::String(text.to_owned()), Value::from)),
        };
    }
    if let Some((int, frac)) = digits.split_once('.')
        && (1..=18).contains(&int.len())
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
    {
        // `3.0` is 3, `4.80` the text `4.80`, as on the full path.
        return super::yaml_number(text);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let number_like = text.starts_with('+')
        || matches!(unsigned, ".nan" | ".NaN" | ".NAN" | ".inf" | ".Inf" | ".INF")
        || text.parse::<f64>().is_ok()
        || unsigned.starts_with("0x")
        || unsigned.starts_with("0X")
        || unsigned.starts_with("0o")
        || unsigned.starts_with("0O")
        || unsigned.starts_with("0b")
        || unsigned.starts_with("0B");
    if number_like { None } else { Some(Value::String(text.to_owned())) }
}

/// The first of `paths` (mapping keys from the top) found holding an untagged scalar, with
/// its index and text, read from the first events of `text` without building the document:
/// how a run learns which call a draft names, and whether a file is a plan or which call a
/// spec defines, before deciding what to load. `None` when no path plainly holds a scalar
/// before something the fast path would not read (the caller then loads everything).
pub(super) fn peek(text: &str, paths: &[&[&str]]) -> Option<(usize, String)> {
    let mut parser = Parser::new_from_str_with_options(text, granit_parser::options! { emit_comments: false });
    let mut next = || parser.next()?.ok().map(|(e, _)| e);
    if !matches!(next()?, Event::StreamStart)
        || !matches!(next()?, Event::DocumentStart(..))
        || !matches!(next()?, Event::MappingStart(_, 0, None))
    {
        return None;
    }
    // The keys of the mappings we are in, below the top.
    let mut at: Vec<String> = Vec::new();
    loop {
        let key = match next()? {
            Event::Scalar(k, _, 0, None) => k,
            Event::MappingEnd if !at.is_empty() => {
                at.pop();
                continue;
            }
            _ => return None, // the end of the document, or a key the fast path would not read
        };
        let under = |p: &&[&str]| p.len() > at.len() && p.iter().zip(&at).all(|(a, b)| a == b) && p[at.len()] == key;
        let target = paths.iter().position(|p| under(p) && p.len() == at.len() + 1);
        let inside = paths.iter().any(|p| under(p) && p.len() > at.len() + 1);
        match next()? {
            Event::Scalar(v, _, 0, None) if target.is_some() => return target.map(|i| (i, v.into_owned())),
            Event::MappingStart(_, 0, None) if inside => at.push(key.into_owned()),
            Event::Scalar(..) if target.is_none() => {}
            Event::MappingStart(..) | Event::SequenceStart(..) if target.is_none() => {
                // Skip the whole value.
                let mut depth = 1usize;
                while depth > 0 {
                    match next()? {
                        Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
                        Event::MappingEnd | Event::SequenceEnd => depth -= 1,
                        _ => {}
                    }
                }
            }
            _ => return None,
        }
    }
}

/// Whether the fast path agrees with the full path on `text`: `Ok(true)` when it took the
/// text and built the same value and spans, `Ok(false)` when it declined; `Err` says how
/// they differ. For the tests, the property tests and the fuzzer.
pub(super) fn agrees(text: &str) -> Result<bool, String> {
    let limits = Limits::default();
    let Some((value, spans)) = parse(text, &limits) else { return Ok(false) };
    let full = match super::yaml::parse_full(crate::source::SourceFile::new("t.yaml", text), &limits) {
        Ok(d) => d,
        Err(e) => return Err(format!("the fast path took what the full path refuses ({})", e.message)),
    };
    if value != full.value {
        return Err(format!("values differ:\nfast: {value}\nfull: {}", full.value));
    }
    let theirs = full.spans();
    if spans.len() != theirs.len() {
        return Err(format!("{} spans, the full path {}", spans.len(), theirs.len()));
    }
    for (p, n) in spans.iter() {
        match theirs.get(p) {
            Some(m) if m == n => {}
            other => return Err(format!("{p}: fast {n:?}, full {other:?}")),
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every YAML file under these folders: the fast path either declines or agrees with the
    /// full path exactly, value and spans.
    #[test]
    fn agrees_with_the_full_path() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["specs", "examples", "tests/corpus", "tests/hostile", "tests/regressions", "tests/fixtures"] {
            collect(&root.join(dir), &mut files);
        }
        assert!(files.len() > 200, "{} files", files.len());
        let (mut fast, mut declined) = (0, 0);
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            match agrees(&text) {
                Ok(true) => fast += 1,
                Ok(false) => declined += 1,
                Err(e) => panic!("{}: {e}", path.display()),
            }
        }
        // Real drafts and specs take the fast path; the hostile corpus mostly does not.
        assert!(fast > 150, "fast {fast}, declined {declined}");
    }

    fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }

    #[test]
    fn agrees_on_edge_cases() {
        let cases = [
            "---\n",
            "--- |\n  text\n",
            "? a\n: b\n",
            "a: !!str 1\n",
            "[1, 2]\n",
            "'a': 1\n",
            "a:\n  - b\n  -\n",
            "a: b\n...\n",
            "%YAML 1.2\n---\na: 1\n",
            "a: 1 # comment\n",
            "a: >\n  folded\n  text\n",
            "a: \"\\u00e9\\t\"\n",
            "null: 1\n",
            "a: -.5\nb: 1.\nc: .5\nd: 1e5\ne: 0o17\nf: 0b11\ng: -0x1\n",
            "k: 12345678901234567890123\nm: -99999999999999999999\n",
            "a: 2024-01-01 10:00\nb: 10:30\n",
            "a: { b: [c, {d: e}], f: }\n",
            "- a\n- - b\n  - c\n",
            "a: |+\n  keep\n\nb: x\n",
            "a:    spaced   \n",
            "\u{feff}a: 1\n",
            "a: 1\r\nb: 中文\r\n",
            "a: multi\n  line\n  plain\n",
            "a: 'it''s'\n",
            "a: ~\nb: Null\nc: TRUE\nd: False\ne: yes\n",
        ];
        let mut fast = 0;
        for text in cases {
            match agrees(text) {
                Ok(took) => fast += usize::from(took),
                Err(e) => panic!("{text:?}: {e}"),
            }
        }
        assert!(fast >= 15, "the fast path took {fast} of {} cases", cases.len());
    }

    #[test]
    fn peeks_read_the_call_a_file_names() {
        let one = |text, path: &[&str]| peek(text, &[path]).map(|(_, v)| v);
        let spec = "# comment\ncallspec: 2\ncall:\n  title: [a, {b: c}]\n  id: demo-2025\nclauses: {}\n";
        assert_eq!(one(spec, &["call", "id"]).as_deref(), Some("demo-2025"));
        assert_eq!(peek(spec, &[&["plan"], &["call", "id"]]), Some((1, "demo-2025".to_owned())));
        assert_eq!(peek("plan: 1\nid: x\n", &[&["plan"], &["call", "id"]]), Some((0, "1".to_owned())));
        assert_eq!(one("call:\n  x: {id: 1}\n  id: y\n", &["call", "id"]).as_deref(), Some("y"));
        assert_eq!(one("a: {call: {id: 1}}\ncall: {id: 2}\n", &["call", "id"]).as_deref(), Some("2"));
        assert_eq!(one("application: 1\ncall: 'hangzhou-2025'\n", &["call"]).as_deref(), Some("hangzhou-2025"));
        assert_eq!(one("{\"application\": 1, \"call\": \"x\"}", &["call"]).as_deref(), Some("x"));
        assert_eq!(one("call: &a x\n", &["call"]), None);
        assert_eq!(one("call: [x]\n", &["call"]), None);
        assert_eq!(one("- call: x\n", &["call"]), None);
        assert_eq!(one("application: 1\n", &["call"]), None);
        assert_eq!(one("call: {id: x\n", &["call", "id"]).as_deref(), Some("x"));
    }

    #[test]
    fn scalars_resolve_like_the_full_path() {
        use Value as V;
        let plain = |s| scalar(s, ScalarStyle::Plain);
        assert_eq!(plain("12"), Some(V::from(12)));
        assert_eq!(plain("-3"), Some(V::from(-3)));
        assert_eq!(plain("0"), Some(V::from(0)));
        assert_eq!(plain("19.80"), Some(V::String("19.80".into())));
        assert_eq!(plain("~"), Some(V::Null));
        assert_eq!(plain("TRUE"), Some(V::Bool(true)));
        assert_eq!(plain("yes"), Some(V::String("yes".into())));
        assert_eq!(plain("3.0"), Some(V::from(3)));
        assert_eq!(plain("-2.00"), Some(V::from(-2)));
        for text in ["2025-03-27", "3场", "-1.2", "010020", "1_000", "0.5"] {
            assert_eq!(plain(text), Some(V::String(text.into())), "{text}");
        }
        assert_eq!(plain("18446744073709551615"), Some(V::from(u64::MAX)));
        assert_eq!(plain("64050161380800000527"), Some(V::String("64050161380800000527".into())));
        assert_eq!(plain("-9223372036854775809"), Some(V::String("-9223372036854775809".into())));
        for declined in ["inf", "Infinity", "0x1F", "1e3", "1e400", ".inf", "-.Inf", "4.8e0", "+5", "-0"] {
            assert_eq!(plain(declined), None, "{declined}");
        }
        assert!(!text_key("1", ScalarStyle::Plain) && !text_key("<<", ScalarStyle::Plain) && !text_key("~", ScalarStyle::Plain));
        assert!(text_key("1", ScalarStyle::SingleQuoted) && text_key("2024年", ScalarStyle::Plain));
        assert_eq!(scalar("010020", ScalarStyle::DoubleQuoted), Some(V::String("010020".into())));
        assert_eq!(scalar("a\u{1b}b", ScalarStyle::DoubleQuoted), None);
    }
}
