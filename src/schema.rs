//! JSON Schemas generated from the Rust types, and structural validation of documents against
//! them with every error mapped back to a YAML span.
//!
//! The schemas are committed under `schemas/` (kept current by `tests/schemas.rs`) so editors
//! can autocomplete spec and application files through their `$schema` modeline. The loader
//! validates with the same schema, compiled into the binary at build time, with no `$ref` retrieval of any
//! kind: the jsonschema crate is built without its HTTP and file resolvers.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind as K};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::application::Application;
use crate::diagnostics::{CodeInfo, Finding};
use crate::document::{Document, escape};
use crate::i18n::Text;
use crate::spec::SpecFile;
use crate::tr;

pub mod call;

pub use call::{for_call, for_call_in};

// The schemas a run checks against are the committed files under `schemas/`, read from the
// binary: reading JSON costs a tenth of generating the schema from the types with schemars,
// which matters to a single-file run. `tests/schemas.rs` keeps the committed files equal to
// what the types generate ([`all`]), so the two never differ in a build that passes its tests.

/// The schema of call-spec files.
pub fn spec_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    embedded(&S, include_str!("../schemas/callspec.schema.json"))
}

/// The schema of application files.
pub fn application_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    embedded(&S, include_str!("../schemas/application.schema.json"))
}

fn embedded(cell: &'static OnceLock<Value>, text: &str) -> &'static Value {
    cell.get_or_init(|| serde_json::from_str(text).expect("the committed schema is JSON (tests/schemas.rs)"))
}

/// Generates a type's schema. Optional keys are expressed by leaving them out of `required`,
/// not by also accepting `null`: schemars' `anyOf [T, null]` is stripped so that a value of
/// the wrong type gets a precise error instead of "not valid under any of the schemas".
///
/// Keys the format requires but the typed model reads as `Option` (so that a draft missing one
/// is still read, [`read`]) carry `extend("x-required" = true)`; they are listed in the
/// object's `required` here, so the schema still says they are required.
fn generate<T: schemars::JsonSchema>() -> Value {
    let mut v = serde_json::to_value(schemars::schema_for!(T)).expect("schema serialises");
    strip_null(&mut v);
    mark_required(&mut v);
    v
}

fn mark_required(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let mut required: Vec<String> = Vec::new();
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (key, prop) in props.iter_mut() {
                    if let Value::Object(p) = prop
                        && p.remove("x-required").is_some()
                    {
                        required.push(key.clone());
                    }
                }
            }
            if !required.is_empty() {
                let list = map.entry("required").or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(list) = list {
                    list.extend(required.into_iter().map(Value::String));
                }
            }
            map.values_mut().for_each(mark_required);
        }
        Value::Array(items) => items.iter_mut().for_each(mark_required),
        _ => {}
    }
}

fn strip_null(v: &mut Value) {
    match v {
        Value::Object(map) => {
            // schemars' `uint32` and the like are not JSON Schema formats; `minimum` says enough.
            if map.get("format").and_then(Value::as_str).is_some_and(|f| f.starts_with("int") || f.starts_with("uint")) {
                map.remove("format");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            let is_null = |s: &Value| s.get("type").is_some_and(|t| t == "null");
            if let Some(Value::Array(any)) = map.get("anyOf")
                && any.len() == 2
                && any.iter().any(is_null)
            {
                let keep = any.iter().find(|s| !is_null(s)).cloned().unwrap_or(Value::Null);
                map.remove("anyOf");
                if let Value::Object(inner) = keep {
                    for (k, val) in inner {
                        map.entry(k).or_insert(val);
                    }
                }
            }
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            map.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// The schema of plan documents.
pub fn plan_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    embedded(&S, include_str!("../schemas/plan.schema.json"))
}

/// The schema of supplementary notices ([`crate::amend`]).
pub fn amendment_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    embedded(&S, include_str!("../schemas/amendment.schema.json"))
}

/// Every schema as the types generate it, with its file stem under `schemas/`; the committed
/// files, which runs use, must equal these.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("callspec", generate::<SpecFile>()),
        ("application", generate::<Application>()),
        ("plan", generate::<crate::spec::plan::PlanFile>()),
        ("amendment", generate::<crate::amend::spec::AmendmentFile>()),
    ]
}

// The validators of the committed schemas, compiled into the binary at build time (jsonschema's
// `validator` macro), so that a run does not compile them, nor check them against the JSON
// Schema meta-schema: most of a single-file run's time before.
// Their patterns are plain (no look-around, no back-references), so they use the `regex`
// engine, whose matching is linear in the text, not fancy-regex's backtracking.
#[jsonschema::validator(path = "schemas/callspec.schema.json", draft = Draft202012, validate_formats = true, pattern_options = { engine = regex })]
struct SpecValidator;

#[jsonschema::validator(path = "schemas/application.schema.json", draft = Draft202012, validate_formats = true, pattern_options = { engine = regex })]
struct ApplicationValidator;

#[jsonschema::validator(path = "schemas/plan.schema.json", draft = Draft202012, validate_formats = true, pattern_options = { engine = regex })]
struct PlanValidator;

#[jsonschema::validator(path = "schemas/amendment.schema.json", draft = Draft202012, validate_formats = true, pattern_options = { engine = regex })]
struct AmendmentValidator;

/// Which schema a document is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Spec,
    Application,
    Plan,
    Amendment,
}

impl Kind {
    fn schema(self) -> &'static Value {
        match self {
            Kind::Spec => spec_schema(),
            Kind::Application => application_schema(),
            Kind::Plan => plan_schema(),
            Kind::Amendment => amendment_schema(),
        }
    }
    fn is_valid(self, instance: &Value) -> bool {
        match self {
            Kind::Spec => SpecValidator::is_valid(instance),
            Kind::Application => ApplicationValidator::is_valid(instance),
            Kind::Plan => PlanValidator::is_valid(instance),
            Kind::Amendment => AmendmentValidator::is_valid(instance),
        }
    }

    fn iter_errors(self, instance: &Value) -> jsonschema::ErrorIterator<'_> {
        match self {
            Kind::Spec => SpecValidator::iter_errors(instance),
            Kind::Application => ApplicationValidator::iter_errors(instance),
            Kind::Plan => PlanValidator::iter_errors(instance),
            Kind::Amendment => AmendmentValidator::iter_errors(instance),
        }
    }
}

pub const UNKNOWN_KEY: &CodeInfo = &CodeInfo {
    code: "schema.unknown-key",
    summary: "a key the format does not have (often a typo)",
    doc: "Every mapping accepts a fixed set of keys. An unknown key is usually a typo or a key \
          placed at the wrong level; the finding suggests the closest allowed key and lists the \
          others. Unknown keys are errors so that a misspelt rule is never silently ignored.",
    summary_zh: "格式中没有的键（常为拼写错误）",
    doc_zh: "每个映射只接受一组固定的键。未知的键通常是拼写错误或放错了层级；该问题会给出最接近的允许键，\
             并列出其余可用的键。未知键一律报错，以免拼错的规则被悄悄忽略。",
};
pub const MISSING_KEY: &CodeInfo = &CodeInfo {
    code: "schema.missing-key",
    summary: "a required key is missing",
    doc: "The mapping lacks a key the format requires. The label is on the mapping's own key.",
    summary_zh: "缺少必填的键",
    doc_zh: "该映射缺少格式要求的键。标注位于该映射自身的键上。",
};
pub const WRONG_TYPE: &CodeInfo = &CodeInfo {
    code: "schema.type",
    summary: "a value has the wrong type (text where a number is needed, a list where a mapping is needed, ...)",
    doc: "The value's YAML type does not match what the format expects at that place. Quote \
          text that looks like a number, write numbers without units, and check the indentation \
          of nested mappings and lists.",
    summary_zh: "值的类型不对（需要数字处写了文本、需要映射处写了列表等）",
    doc_zh: "该值的 YAML 类型与格式在此处要求的不符。看起来像数字的文本请加引号，数字不要带单位，\
             并检查嵌套映射和列表的缩进。",
};
pub const UNFILLED: &CodeInfo = &CodeInfo {
    code: "schema.unfilled",
    summary: "a value is still to fill: the key is there, its value is empty (`~`)",
    doc: "An empty value (`~`, `null` or nothing after the colon) where the format needs one. \
          `callspec new` writes drafts with every value still to fill left as `~`; validating such \
          a draft lists exactly these. The finding says what kind of value goes there (text, a \
          date, an amount, one of a list of choices); fill it in, or delete the key when the \
          finding says it is optional.",
    summary_zh: "值尚未填写：键已存在，值为空（`~`）",
    doc_zh: "格式需要值的地方为空（`~`、`null` 或冒号后什么也没有）。`callspec new` 生成的草稿中，\
             每个待填的值都写作 `~`；校验这样的草稿会正好列出这些值。该问题会说明此处应填哪类值（文本、\
             日期、金额、列表中的某个选项）；请填写，或在问题说明该项可选时删除该键。",
};
pub const BAD_VALUE: &CodeInfo = &CodeInfo {
    code: "schema.value",
    summary: "a value is outside what the format allows (not one of the listed choices, a malformed date, id or amount, out of range)",
    doc: "The value has the right type but is not allowed: a choice not in the list, an id with \
          characters other than a-z, 0-9 and '-', a date that does not exist, an amount with a unit \
          or full-width digits, or a number out of range. The finding names what is allowed.",
    summary_zh: "值超出格式允许的范围（不在所列选项中，日期、编号或金额格式有误，超出范围）",
    doc_zh: "值的类型正确但不被允许：不在列表中的选项，含有 a-z、0-9 和 '-' 以外字符的编号，\
             不存在的日期，带单位或全角数字的金额，或超出范围的数字。该问题会说明允许的取值。",
};

/// A schema as committed under `schemas/`: pretty JSON with a final newline.
pub fn to_pretty(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).expect("schema serialises") + "\n"
}

/// Validates a document against its schema; every error, in document order.
pub fn check(doc: &Document, kind: Kind) -> Vec<Finding> {
    if kind.is_valid(&doc.value) {
        return Vec::new();
    }
    problems(doc, kind).findings
}

/// JSON pointers of the values a typed read could not use: values the schema check rejected
/// (pruned before the read), keys that are missing, and the keys a misspelt key stands for
/// (`requsted` → `/budget/requested`). Rules and the compiler stay silent about them, so that
/// one mistake gets one finding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unusable(Vec<String>);

impl Unusable {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn insert(&mut self, pointer: impl Into<String>) {
        let p = pointer.into();
        if let Err(i) = self.0.binary_search(&p) {
            self.0.insert(i, p);
        }
    }

    /// The pointers, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// Whether the value at `pointer` is unusable, lies inside an unusable value, or holds one.
    pub fn touches(&self, pointer: &str) -> bool {
        self.0.iter().any(|u| within(pointer, u) || within(u, pointer))
    }

    /// Whether the value at `pointer` is unusable or lies inside an unusable value.
    pub fn covers(&self, pointer: &str) -> bool {
        self.0.iter().any(|u| within(pointer, u))
    }
}

/// `inner` is `outer` or lies inside it.
fn within(inner: &str, outer: &str) -> bool {
    inner.strip_prefix(outer).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A typed value that keeps what its read could not use ([`read`]).
pub trait Tolerant {
    fn set_unusable(&mut self, unusable: Unusable);
}

/// What a schema check found: the findings, the values to prune before the typed read, the
/// pointers the read cannot use.
struct Problems {
    findings: Vec<Finding>,
    prune: Vec<String>,
    unusable: Unusable,
}

fn problems(doc: &Document, kind: Kind) -> Problems {
    let errors: Vec<_> = kind.iter_errors(&doc.value).collect();
    // A misspelt key and the required key it stands for are one mistake: the unknown key's
    // finding says "did you mean", the missing key gets none.
    let mut meant: Vec<(String, String)> = Vec::new();
    for err in &errors {
        if let K::AdditionalProperties { unexpected } = err.kind() {
            let allowed = allowed_keys(kind.schema(), err.schema_path().as_str());
            for name in unexpected {
                if let Some(s) = suggest(name, allowed.iter().map(String::as_str)) {
                    meant.push((err.instance_path().as_str().to_owned(), s.to_owned()));
                }
            }
        }
    }
    let mut out = Problems { findings: Vec::new(), prune: Vec::new(), unusable: Unusable::default() };
    for err in &errors {
        let ptr = err.instance_path().as_str();
        match err.kind() {
            K::AdditionalProperties { unexpected } => {
                for name in unexpected {
                    out.prune.push(format!("{ptr}/{}", escape(name)));
                }
            }
            K::Required { property } => {
                let name = property.as_str().unwrap_or("?");
                out.unusable.insert(format!("{ptr}/{}", escape(name)));
                if meant.iter().any(|(p, s)| p == ptr && s == name) {
                    continue;
                }
            }
            _ => out.prune.push(ptr.to_owned()),
        }
        let mut f = to_finding(doc, kind, err);
        if f.pointer.is_none() {
            f.pointer = Some(ptr.to_owned());
        }
        out.findings.push(f);
    }
    for (ptr, key) in meant {
        out.unusable.insert(format!("{ptr}/{}", escape(&key)));
    }
    for p in &out.prune {
        out.unusable.insert(p.clone());
    }
    crate::diagnostics::sort(&mut out.findings);
    out.findings.dedup_by(|a, b| a.code.code == b.code.code && a.primary_span() == b.primary_span() && a.message == b.message);
    out
}

/// Reads a document's typed form, tolerantly: every structural problem is reported, the
/// values the schema check rejected are pruned from what the typed read sees (a rejected list
/// item becomes an empty one, so the others keep their indices), and errors the schema could
/// not express (an impossible date, an amount with a unit) are reported and pruned too. The
/// value is `None` only when the document's top level is unusable.
pub fn read<T: DeserializeOwned + Tolerant>(doc: &Document, kind: Kind) -> (Option<T>, Vec<Finding>) {
    if kind.is_valid(&doc.value)
        && let Ok(v) = T::deserialize(&doc.value)
    {
        return (Some(v), Vec::new());
    }
    let Problems { mut findings, prune, mut unusable } = if kind.is_valid(&doc.value) {
        Problems { findings: Vec::new(), prune: Vec::new(), unusable: Unusable::default() }
    } else {
        problems(doc, kind)
    };
    if prune.iter().any(String::is_empty) || !doc.value.is_object() {
        unusable.insert("");
        return (None, findings);
    }
    let mut value = doc.value.clone();
    for p in &prune {
        remove(&mut value, kind.schema(), p);
    }
    // Each round prunes the value the read failed on; a document holds finitely many.
    for _ in 0..64 {
        match typed_at::<T>(doc, &value) {
            Ok(mut v) => {
                v.set_unusable(unusable);
                return (Some(v), findings);
            }
            Err((pointer, finding)) => {
                findings.push(finding);
                if pointer.is_empty() {
                    break;
                }
                let mut at = pointer.as_str();
                // A value already pruned that still fails: prune what holds it.
                while !remove(&mut value, kind.schema(), at) {
                    match at.rsplit_once('/') {
                        Some((parent, _)) if !parent.is_empty() => at = parent,
                        _ => break,
                    }
                }
                unusable.insert(at);
            }
        }
    }
    crate::diagnostics::sort(&mut findings);
    (None, findings)
}

/// Prunes the value at `pointer`: a key is removed; a list item is replaced by an empty one
/// of its schema's type (`{}`, `""`, or null), so that later items keep their indices.
/// Returns false when there was nothing left to prune.
fn remove(value: &mut Value, schema: &Value, pointer: &str) -> bool {
    let Some((parent, last)) = pointer.rsplit_once('/') else { return false };
    let key = last.replace("~1", "/").replace("~0", "~");
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => map.remove(&key).is_some(),
        Some(Value::Array(items)) => {
            let Some(item) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) else { return false };
            let empty = match schema_at(schema, pointer).map(|s| resolve(schema, s)).and_then(|s| s.get("type")) {
                Some(t) if t == "object" => Value::Object(Default::default()),
                Some(t) if t == "string" || t.as_array().is_some_and(|ts| ts.iter().any(|t| t == "string")) => Value::String(String::new()),
                _ => Value::Null,
            };
            if *item == empty {
                return false;
            }
            *item = empty;
            true
        }
        _ => false,
    }
}

/// The typed read of `value` (the document's, or a pruned copy), with the pointer and the
/// finding of the first value it fails on.
fn typed_at<T: DeserializeOwned>(doc: &Document, value: &Value) -> Result<T, (String, Finding)> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let mut pointer = String::new();
        for seg in err.path().iter() {
            match seg {
                serde_path_to_error::Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => {
                    pointer.push('/');
                    pointer.push_str(&escape(key));
                }
                _ => {}
            }
        }
        let inner = Text::from_wire(&err.into_inner().to_string());
        let at = field_name(&pointer);
        let (en, zh, at_en, at_zh) = (&inner.en, &inner.zh, &at.en, &at.zh);
        let f = Finding::error(BAD_VALUE, crate::tr!("{at_en}: {en}", "{at_zh}：{zh}"))
            .in_file(doc.file.clone())
            .at_pointer(pointer.clone())
            .label(doc.spans().value(&pointer), inner.map(first_sentence));
        (pointer, f)
    })
}

fn first_sentence(s: &str) -> String {
    s.split([';', '；']).next().unwrap_or(s).trim().to_owned()
}

/// A field as findings name it: its form label, then its key path (`项目主要内容摘要（project.summary）`,
/// `project summary (project.summary)`); a field without a label by its path alone.
pub fn field_name(pointer: &str) -> Text {
    let path = display_path(pointer);
    if pointer.is_empty() {
        return Text::new("(top level)", "顶层");
    }
    match crate::application::field_label(pointer) {
        Some(l) if l.en == path => Text::new(path.clone(), format!("{}（{path}）", l.zh)),
        Some(l) => Text::new(format!("{} ({path})", l.en), format!("{}（{path}）", l.zh)),
        None => Text::from(path),
    }
}

/// `/categories/0/amount` → `categories[0].amount`; the root is `(top level)`.
pub fn display_path(pointer: &str) -> String {
    if pointer.is_empty() {
        return "(top level)".to_owned();
    }
    let mut out = String::new();
    for tok in pointer.split('/').skip(1) {
        let tok = tok.replace("~1", "/").replace("~0", "~");
        if tok.bytes().all(|b| b.is_ascii_digit()) && !tok.is_empty() {
            out.push_str(&format!("[{tok}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&tok);
        }
    }
    out
}

fn to_finding(doc: &Document, kind: Kind, err: &jsonschema::ValidationError<'_>) -> Finding {
    let ptr = err.instance_path().as_str();
    let named = if matches!(kind, Kind::Application) { field_name(ptr) } else { Text::new(display_path(ptr), display_path(ptr)) };
    let named = if ptr.is_empty() { Text::new("(top level)", "顶层") } else { named };
    let (at, at_zh) = (&named.en, &named.zh);
    let file = doc.file.clone();
    if err.instance().is_null() {
        return unfilled(doc, kind, ptr);
    }
    match err.kind() {
        K::AdditionalProperties { unexpected } => {
            let allowed = allowed_keys(kind.schema(), err.schema_path().as_str());
            let name = unexpected.first().map(String::as_str).unwrap_or("");
            let key_ptr = format!("{ptr}/{}", escape(name));
            if name == "$ref" {
                return Finding::error(
                    UNKNOWN_KEY,
                    tr!(
                        "`$ref` in {at} is not supported: callspec reads only the file it is given",
                        "{at_zh} 中的 `$ref` 不受支持：callspec 只读取所给的文件"
                    ),
                )
                .in_file(file)
                .at_pointer(key_ptr.clone())
                .label(doc.spans().key(&key_ptr), tr!("never fetched or resolved", "不会读取或解析"))
                .with_help(tr!(
                    "write the values into this file; references (local or remote) are never followed",
                    "请把取值直接写入本文件；引用（本地或远程）一概不予跟随"
                ));
            }
            let mut f = Finding::error(UNKNOWN_KEY, tr!("unknown key `{name}` in {at}", "{at_zh} 中有未知的键 `{name}`"))
                .in_file(file)
                .at_pointer(key_ptr.clone())
                .label(doc.spans().key(&key_ptr), tr!("not a key here", "此处没有这个键"));
            for other in unexpected.iter().skip(1) {
                f = f.also(doc.spans().key(&format!("{ptr}/{}", escape(other))), tr!("also unknown", "同为未知"));
            }
            let list = allowed.join(", ");
            let help = match suggest(name, allowed.iter().map(String::as_str)) {
                Some(s) => tr!("did you mean `{s}`? allowed keys: {list}", "是否应为 `{s}`？可用的键：{list}"),
                None => tr!("allowed keys: {list}", "可用的键：{list}"),
            };
            f.with_help(help)
        }
        K::Required { property } => {
            let name = property.as_str().unwrap_or("?");
            let label = doc.spans().anchor(ptr);
            Finding::error(MISSING_KEY, tr!("missing required key `{name}` in {at}", "{at_zh} 缺少必填的键 `{name}`"))
                .in_file(file)
                .at_pointer(format!("{ptr}/{}", escape(name)))
                .label(label, tr!("`{name}` is required here", "此处须有 `{name}`"))
                .with_help(tr!("add `{name}:` to this mapping", "请在此映射中添加 `{name}:`"))
        }
        K::Type { kind: expected } => {
            let (want, want_zh) = match expected {
                TypeKind::Single(t) => (type_name(&t.to_string()).to_owned(), type_name_zh(&t.to_string()).to_owned()),
                TypeKind::Multiple(ts) => {
                    let v: Vec<_> = ts.iter().map(|t| type_name(&t.to_string()).to_owned()).collect();
                    let z: Vec<_> = ts.iter().map(|t| type_name_zh(&t.to_string()).to_owned()).collect();
                    (v.join(" or "), z.join("或"))
                }
            };
            let got = describe_value(err.instance());
            let got_zh = describe_value_zh(err.instance());
            let f = Finding::error(WRONG_TYPE, tr!("{at} should be {want}, not {got}", "{at_zh} 应为{want_zh}，而不是{got_zh}"))
                .in_file(file)
                .label(doc.spans().value(ptr), tr!("expected {want}", "应为{want_zh}"));
            // An expected finding written as its bare code (`- budget.over-cap`).
            match (ptr.strip_prefix("/expect/findings/"), err.instance().as_str()) {
                (Some(i), Some(code)) if i.bytes().all(|b| b.is_ascii_digit()) => f.with_help(tr!(
                    "an expected finding names its code and severity: `- {{ code: {code}, severity: error }}` (or `warning`, `advice`)",
                    "预期的问题须写明代码和严重程度：`- {{ code: {code}, severity: error }}`（或 `warning`、`advice`）"
                )),
                _ => f,
            }
        }
        K::Enum { options } => {
            let opts: Vec<String> = options.as_array().map(|a| a.iter().map(const_text).collect()).unwrap_or_default();
            not_allowed(doc, err, &named, &opts)
        }
        // A closed list written as alternatives, each a documented `const` (the channels, the
        // attestations): the same finding as for `enum`, not the validator's words on `oneOf`.
        K::OneOfNotValid { .. } | K::AnyOf { .. }
            if schema_at(kind.schema(), ptr).is_some_and(|s| !choices(kind.schema(), s).is_empty()) =>
        {
            let opts = schema_at(kind.schema(), ptr).map(|s| choices(kind.schema(), s)).unwrap_or_default();
            not_allowed(doc, err, &named, &opts)
        }
        K::Pattern { pattern } => {
            let got = err.instance().as_str().unwrap_or("");
            let (msg, help) = describe_pattern(pattern, got);
            let (en, zh) = (&msg.en, &msg.zh);
            Finding::error(BAD_VALUE, tr!("{at}: {en}", "{at_zh}：{zh}"))
                .in_file(file)
                .label(doc.spans().value(ptr), msg.clone())
                .with_help(help)
        }
        K::Format { format } => {
            let got = err.instance().as_str().unwrap_or("");
            Finding::error(BAD_VALUE, tr!("{at}: `{got}` is not a valid {format}", "{at_zh}：`{got}` 不是有效的 {format}"))
                .in_file(file)
                .label(doc.spans().value(ptr), tr!("not a valid {format}", "不是有效的 {format}"))
                .with_help(if format == "date" {
                    tr!("write an existing date as YYYY-MM-DD", "请按 YYYY-MM-DD 填写真实存在的日期")
                } else {
                    tr!("write a valid {format}", "请填写有效的 {format}")
                })
        }
        K::Minimum { limit } | K::ExclusiveMinimum { limit } => {
            let got = err.instance().to_string();
            Finding::error(BAD_VALUE, tr!("{at}: {got} is below the least allowed, {limit}", "{at_zh}：{got} 小于允许的最小值 {limit}"))
                .in_file(file)
                .label(doc.spans().value(ptr), tr!("at least {limit}", "不小于 {limit}"))
        }
        K::Maximum { limit } => {
            let got = err.instance().to_string();
            Finding::error(BAD_VALUE, tr!("{at}: {got} is above the most allowed, {limit}", "{at_zh}：{got} 大于允许的最大值 {limit}"))
                .in_file(file)
                .label(doc.spans().value(ptr), tr!("at most {limit}", "不大于 {limit}"))
        }
        K::MinItems { limit } | K::MinLength { limit } => {
            Finding::error(BAD_VALUE, tr!("{at}: fewer than {limit} entries or characters", "{at_zh}：少于 {limit} 项（或字符）"))
                .in_file(file)
                .label(doc.spans().value(ptr), tr!("at least {limit}", "至少 {limit}"))
        }
        _ => {
            let msg = err.to_string();
            Finding::error(BAD_VALUE, tr!("{at}: {msg}", "{at_zh}：取值不符合格式要求（{msg}）"))
                .in_file(file)
                .label(doc.spans().value(ptr), tr!("{msg}", "不符合格式要求"))
        }
    }
}

/// A value outside a closed list of `opts`, labelled on it, with the nearest allowed one.
fn not_allowed(doc: &Document, err: &jsonschema::ValidationError<'_>, named: &Text, opts: &[String]) -> Finding {
    let ptr = err.instance_path().as_str();
    let (at, at_zh) = (&named.en, &named.zh);
    let got = err.instance().as_str().map_or(err.instance().to_string(), str::to_owned);
    let f = Finding::error(BAD_VALUE, tr!("{at}: `{got}` is not one of the allowed values", "{at_zh}：`{got}` 不是允许的取值"))
        .in_file(doc.file.clone())
        .label(doc.spans().value(ptr), tr!("not an allowed value", "不允许的取值"));
    let allowed = opts.join(", ");
    match suggest(&got, opts.iter().map(String::as_str)) {
        Some(s) => f.with_help(tr!("did you mean `{s}`? allowed: {allowed}", "是否应为 `{s}`？可选：{allowed}")),
        None => f.with_help(tr!("allowed: {allowed}", "可选：{allowed}")),
    }
}

/// A constant as text: a string as it is, anything else as JSON.
fn const_text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// The values a schema allows when it is a closed list: its `enum`, or alternatives that are
/// every one a `const`; empty otherwise.
fn choices(root: &Value, s: &Value) -> Vec<String> {
    let s = resolve(root, s);
    match (s.get("enum"), s.get("oneOf").or_else(|| s.get("anyOf"))) {
        (Some(Value::Array(e)), _) => e.iter().map(const_text).collect(),
        (_, Some(Value::Array(alts))) if alts.iter().all(|a| a.get("const").is_some()) => {
            alts.iter().filter_map(|a| a.get("const")).map(const_text).collect()
        }
        _ => Vec::new(),
    }
}

/// An empty value where one is needed: what goes there, and whether the key may go instead.
fn unfilled(doc: &Document, kind: Kind, ptr: &str) -> Finding {
    let root = kind.schema();
    let at = if matches!(kind, Kind::Application) { field_name(ptr) } else { Text::from(display_path(ptr)) };
    let (parent, key) = ptr.rsplit_once('/').unwrap_or(("", ptr));
    let key = key.replace("~1", "/").replace("~0", "~");
    let node = schema_at(root, ptr);
    let want = node.map_or_else(|| Text::new("a value", "一个值"), |s| expected(root, s));
    let optional = schema_at(root, parent).map(|s| resolve(root, s)).is_some_and(|s| {
        s.get("properties").is_some_and(|p| p.get(&key).is_some())
            && !s.get("required").and_then(Value::as_array).is_some_and(|r| r.iter().any(|k| k == key.as_str()))
    });
    let (w, wz) = (&want.en, &want.zh);
    let help = if optional {
        tr!(
            "write {w} after `{key}:`, or delete `{key}` (optional in the format, though the call may ask for it)",
            "请在 `{key}:` 后填写{wz}，或删除 `{key}`（格式上可省略，但通知可能要求填写）"
        )
    } else {
        tr!("write {w} after `{key}:`", "请在 `{key}:` 后填写{wz}")
    };
    let (a, az) = (&at.en, &at.zh);
    Finding::error(UNFILLED, tr!("{a} is still to fill: {w}", "{az} 尚未填写：应为{wz}"))
        .in_file(doc.file.clone())
        .at_pointer(ptr)
        .label(doc.spans().value(ptr), tr!("still to fill", "尚未填写"))
        .with_help(help)
}

/// Follows local `$ref`s (`#/$defs/Name`) to the schema they name.
fn resolve<'a>(root: &'a Value, mut s: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')).and_then(|p| root.pointer(p)) {
            Some(target) => s = target,
            None => break,
        }
    }
    s
}

/// The schema that describes the instance at a JSON pointer, through `properties`, `items`
/// and `additionalProperties` (not through combinators).
fn schema_at<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut s = root;
    for tok in pointer.split('/').skip(1) {
        let tok = tok.replace("~1", "/").replace("~0", "~");
        let here = resolve(root, s);
        s = here
            .get("properties")
            .and_then(|p| p.get(&tok))
            .or_else(|| here.get("items").filter(|_| tok.bytes().all(|b| b.is_ascii_digit())))
            .or_else(|| here.get("additionalProperties").filter(|a| a.is_object()))?;
    }
    Some(s)
}

/// What a schema expects, in words: `text`, `a date such as 2025-04-21`, `one of `a`, `b``.
fn expected(root: &Value, s: &Value) -> Text {
    match s.get("$ref").and_then(Value::as_str) {
        Some("#/$defs/When") => {
            return Text::new("a date such as 2025-04-21 (or `2025-04-21 18:00`)", "日期，如 2025-04-21（或 `2025-04-21 18:00`）");
        }
        Some("#/$defs/Money") => {
            return Text::new("an amount such as 19.8 (a plain number, no unit)", "金额，如 19.8（只填数字，不带单位）");
        }
        Some("#/$defs/Digits") => return Text::new("digits or text", "数字或文本"),
        _ => {}
    }
    let choices = choices(root, s);
    let s = resolve(root, s);
    if !choices.is_empty() {
        let list: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
        let (en, zh) = (list.join(", "), list.join("、"));
        return tr!("one of {en}", "以下之一：{zh}");
    }
    match s.get("type") {
        Some(Value::String(t)) => Text::new(type_name(t), type_name_zh(t)),
        Some(Value::Array(ts)) => {
            let ts: Vec<&str> = ts.iter().filter_map(Value::as_str).collect();
            Text::new(
                ts.iter().map(|t| type_name(t)).collect::<Vec<_>>().join(" or "),
                ts.iter().map(|t| type_name_zh(t)).collect::<Vec<_>>().join("或"),
            )
        }
        _ => Text::new("a value", "一个值"),
    }
}

fn type_name(t: &str) -> &str {
    match t {
        "object" => "a mapping",
        "array" => "a list",
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "null" => "empty",
        other => other,
    }
}

fn type_name_zh(t: &str) -> &str {
    match t {
        "object" => "映射",
        "array" => "列表",
        "string" => "文本",
        "integer" => "整数",
        "number" => "数字",
        "boolean" => "布尔值（true 或 false）",
        "null" => "空值",
        other => other,
    }
}

fn describe_value_zh(v: &Value) -> String {
    match v {
        Value::Null => "空值".to_owned(),
        Value::Bool(b) => format!("布尔值 `{b}`"),
        Value::Number(n) => format!("数字 {n}"),
        Value::String(s) => format!("文本 `{}`", truncate(s, 40)),
        Value::Array(_) => "列表".to_owned(),
        Value::Object(_) => "映射".to_owned(),
    }
}

fn describe_value(v: &Value) -> String {
    match v {
        Value::Null => "empty".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text `{}`", truncate(s, 40)),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a mapping".to_owned(),
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_owned() } else { s.chars().take(n).collect::<String>() + "…" }
}

fn describe_pattern(pattern: &str, got: &str) -> (Text, Text) {
    let got = truncate(got, 40);
    if pattern.contains("a-z0-9") {
        (
            tr!("`{got}` is not a valid id", "`{got}` 不是有效的编号"),
            tr!(
                "ids use lower-case ASCII letters, digits and hyphens, e.g. `major-plan`",
                "编号只能使用小写英文字母、数字和连字符，如 `major-plan`"
            ),
        )
    } else if pattern.starts_with("^[0-9]+(") {
        (
            tr!("`{got}` is not a plain decimal amount", "`{got}` 不是普通的十进制金额"),
            got.parse::<crate::values::Money>()
                .err()
                .unwrap_or_else(|| tr!("write the amount as a plain number such as 19.8", "请把金额写成普通数字，如 19.8")),
        )
    } else if pattern.starts_with("^[0-9]{4}") {
        (
            tr!("`{got}` is not a date (YYYY-MM-DD, optionally with HH:MM)", "`{got}` 不是日期（YYYY-MM-DD，可带 HH:MM）"),
            got.parse::<crate::values::When>()
                .err()
                .unwrap_or_else(|| tr!("write e.g. 2025-04-21 or 2021-05-28 12:00", "请写成如 2025-04-21 或 2021-05-28 12:00")),
        )
    } else {
        (
            tr!("`{got}` does not have the expected form", "`{got}` 格式不符"),
            tr!("expected text matching {pattern}", "应为符合 {pattern} 的文本"),
        )
    }
}

/// The keys allowed by the object schema whose `additionalProperties` failed.
fn allowed_keys(schema: &Value, schema_path: &str) -> Vec<String> {
    let parent = schema_path.strip_suffix("/additionalProperties").unwrap_or(schema_path);
    let mut keys: Vec<String> = schema
        .pointer(parent)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

/// The closest candidate to a misspelt name, if any is close enough.
pub fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_display_as_paths() {
        assert_eq!(display_path("/categories/0/children/2/amount"), "categories[0].children[2].amount");
        assert_eq!(display_path(""), "(top level)");
    }

    #[test]
    fn suggestions_find_typos() {
        assert_eq!(suggest("nmae", ["name", "id", "source"].into_iter()), Some("name"));
        assert_eq!(suggest("zzz", ["name", "id"].into_iter()), None);
    }

    #[test]
    fn a_value_outside_a_list_of_documented_constants_names_the_list() {
        // Channels are alternatives, each a `const` with its description (`oneOf`): a typo
        // gets the allowed values and the nearest one, labelled on the value, in both
        // languages; not the validator's words on `oneOf`.
        let app = crate::validate::testing::APP.replacen("{ channel: online,", "{ channel: onlin,", 1);
        let doc = crate::document::parse(crate::source::SourceFile::new("app.yaml", app), &crate::source::Limits::default()).unwrap();
        let (_, found) = read::<Application>(&doc, Kind::Application);
        let f = found.iter().find(|f| f.code.code == "schema.value").expect("a finding on the channel");
        assert_eq!(f.message.en, "channel (submission[0].channel): `onlin` is not one of the allowed values");
        assert!(f.message.zh.ends_with("`onlin` 不是允许的取值"), "{}", f.message.zh);
        let help = f.help.as_ref().expect("help");
        assert_eq!(help.en, "did you mean `online`? allowed: online, paper, email, message, electronic");
        assert!(help.zh.starts_with("是否应为 `online`？"), "{}", help.zh);
        let label = &f.labels[0];
        assert_eq!(&doc.file.text[label.span.offset..label.span.offset + label.span.len], "onlin");
    }
}
