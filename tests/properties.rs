//! Property tests (proptest) of the whole pipeline on hostile and mutated input: decode, parse,
//! schema, typed read, then compile (specs) or validate against the bundled Hangzhou call
//! (drafts), then every renderer (human, JSON, SARIF, GitHub).
//!
//! What must hold for every input:
//! - nothing panics;
//! - every label lies inside its finding's file, on character boundaries;
//! - the same input gives byte-identical output when loaded and rendered a second time;
//! - a valid draft stays valid (same error and warning codes) under edits that do not change
//!   its meaning: quoting, flow or block layout, key order, comments, `4.8` written `4.80`.
//!
//! Inputs: arbitrary bytes; near-YAML text built from the real spec and application
//! vocabulary (indentation, quotes, anchors and aliases, tags, flow collections, Chinese text,
//! numbers in odd forms); real files with text spliced in; structured mutations of the valid
//! example drafts and of the Hangzhou spec (a scalar replaced by another type, a huge number, a
//! decimal string or Chinese text; a key deleted; a key duplicated), as YAML and as JSON.
//!
//! 256 cases per property by default; `PROPTEST_CASES=N` sets the count (TESTING.md records the
//! million-case run).

mod common;

use std::sync::OnceLock;

use callspec::diagnostics::{Finding, Severity};
use callspec::i18n::Lang;
use callspec::model::Call;
use callspec::render::{self, Style};
use callspec::source::{self, Limits};
use callspec::{document, load, validate};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// Cases per property: `PROPTEST_CASES`, else 256.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// The pipeline and what must hold of its output

/// The bundled Hangzhou call, compiled once.
fn hangzhou() -> &'static Call {
    static CALL: OnceLock<Call> = OnceLock::new();
    CALL.get_or_init(|| {
        let path = common::root().join("specs/hangzhou-2025.yaml");
        load::spec_path(&path, &Limits::default()).call.expect("the Hangzhou spec compiles")
    })
}

/// After every deadline: the valid drafts pass only through the submissions they declare.
fn as_of() -> chrono::NaiveDateTime {
    "2030-01-01T00:00:00".parse().expect("valid")
}

/// Bytes as a spec file of this name: every finding of decode, parse, schema and compile.
fn spec_findings(name: &str, bytes: &[u8]) -> Vec<Finding> {
    let limits = Limits::default();
    match source::decode(name.to_owned(), bytes.to_vec(), &limits) {
        Err(f) => vec![f],
        Ok(file) => load::spec_source(file, &limits).findings,
    }
}

/// Bytes as an application draft of this name, validated against the Hangzhou call.
fn app_findings(name: &str, bytes: &[u8]) -> Vec<Finding> {
    let limits = Limits::default();
    match source::decode(name.to_owned(), bytes.to_vec(), &limits) {
        Err(f) => vec![f],
        // As `validate` does: the tolerant read, then the rules on what could be read.
        Ok(file) => match callspec::document::parse(file, &limits) {
            Err(f) => vec![f],
            Ok(doc) => {
                let (app, mut findings) = load::application_of(&doc);
                if let Some(app) = app {
                    findings.extend(validate::validate(hangzhou(), &doc, &app, as_of()));
                }
                findings
            }
        },
    }
}

/// Every finding through every renderer.
fn rendered(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&render::human(f, Style::default()));
        out.push_str(&render::human(f, Style { color: true, width: 40, lang: Lang::Zh }));
        out.push_str(&render::json_finding(f, Lang::En).to_string());
        out.push_str(&render::sarif_result(f, Lang::Zh).to_string());
        out.push_str(&render::github(f, Lang::En));
    }
    out
}

/// Every label lies inside the finding's file, on character boundaries.
fn labels_in_bounds(findings: &[Finding]) -> Result<(), TestCaseError> {
    for f in findings {
        if f.labels.is_empty() {
            continue;
        }
        let Some(file) = f.file.as_deref() else {
            return Err(TestCaseError::fail(format!("{} has labels but no file", f.code.code)));
        };
        for l in &f.labels {
            let end = l.span.offset.checked_add(l.span.len);
            prop_assert!(
                end.is_some_and(|e| e <= file.text.len()),
                "{}: label `{}` at {:?} is outside the file ({} bytes)",
                f.code.code,
                l.text,
                l.span,
                file.text.len()
            );
            let end = end.unwrap_or_default();
            prop_assert!(
                file.text.is_char_boundary(l.span.offset) && file.text.is_char_boundary(end),
                "{}: label `{}` at {:?} splits a character",
                f.code.code,
                l.text,
                l.span
            );
        }
    }
    Ok(())
}

/// Runs a pipeline twice: labels in bounds, identical output. Returns the first run's findings.
/// The YAML fast path either leaves the text to the full path or builds exactly what the full
/// path builds.
fn fast_path_agrees(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Err(e) = document::fast_path_agrees(text)
    {
        return Err(TestCaseError::fail(format!("YAML fast path disagrees: {e}\n--- input:\n{text}")));
    }
    Ok(())
}

fn checked(run: impl Fn() -> Vec<Finding>) -> Result<Vec<Finding>, TestCaseError> {
    let first = run();
    labels_in_bounds(&first)?;
    let a = rendered(&first);
    let b = rendered(&run());
    prop_assert!(a == b, "output differs on repeat:\n{a}\n---\n{b}");
    Ok(first)
}

fn check_spec(name: &str, bytes: &[u8]) -> Result<Vec<Finding>, TestCaseError> {
    fast_path_agrees(bytes)?;
    checked(|| spec_findings(name, bytes))
}

fn check_app(name: &str, bytes: &[u8]) -> Result<Vec<Finding>, TestCaseError> {
    fast_path_agrees(bytes)?;
    checked(|| app_findings(name, bytes))
}

/// The error and warning codes, sorted and deduplicated.
fn failing_codes(findings: &[Finding]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = findings.iter().filter(|f| f.severity != Severity::Advice).map(|f| f.code.code).collect();
    v.sort_unstable();
    v.dedup();
    v
}

// ---------------------------------------------------------------------------------------------
// The real files: the valid Hangzhou drafts and the Hangzhou spec

struct Sample {
    name: String,
    text: String,
    tree: T,
    /// What the file itself gets: error and warning codes.
    codes: Vec<&'static str>,
    spec: bool,
}

/// A failing case names the file, not its whole tree.
impl std::fmt::Debug for Sample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

fn samples() -> &'static [Sample] {
    static S: OnceLock<Vec<Sample>> = OnceLock::new();
    S.get_or_init(|| {
        let mut paths = common::yaml_files(&common::root().join("examples/hangzhou-2025/valid"));
        paths.push(common::root().join("specs/hangzhou-2025.yaml"));
        paths
            .into_iter()
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&path).unwrap();
                let spec = name == "hangzhou-2025.yaml";
                let doc = document::parse(source::SourceFile::new(name.clone(), text.clone()), &Limits::default()).unwrap();
                let findings = if spec { spec_findings(&name, text.as_bytes()) } else { app_findings(&name, text.as_bytes()) };
                assert!(findings.iter().all(|f| f.severity != Severity::Error), "{name} has errors");
                let codes = failing_codes(&findings);
                Sample { name, text, tree: T::of(&doc.value), codes, spec }
            })
            .collect()
    })
}

/// The draft files only.
fn drafts() -> Vec<&'static Sample> {
    samples().iter().filter(|s| !s.spec).collect()
}

/// A sample: the spec (one file) about a third of the time, else one of the drafts.
fn sample() -> impl Strategy<Value = &'static Sample> {
    prop_oneof![
        1 => Just(()).prop_map(|_| samples().iter().find(|s| s.spec).expect("the spec is a sample")),
        2 => any::<Index>().prop_map(|i| {
            let drafts = drafts();
            drafts[i.index(drafts.len())]
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// A document tree that can hold what serde_json cannot: duplicate keys and raw scalar text

#[derive(Debug, Clone, PartialEq)]
enum T {
    Null,
    Bool(bool),
    /// An integer, as serde_json prints it.
    Num(String),
    /// Scalar text written as is, unquoted (decimals, huge numbers, `0x1F`, `.nan`, ...).
    Raw(String),
    Str(String),
    Arr(Vec<T>),
    /// Entries in order; a key may repeat.
    Obj(Vec<(String, T)>),
}

impl T {
    fn of(v: &Value) -> T {
        match v {
            Value::Null => T::Null,
            Value::Bool(b) => T::Bool(*b),
            Value::Number(n) => T::Num(n.to_string()),
            // The YAML layer passes decimals on as their text: write them back unquoted.
            Value::String(s) if is_decimal(s) => T::Raw(s.clone()),
            Value::String(s) => T::Str(s.clone()),
            Value::Array(a) => T::Arr(a.iter().map(T::of).collect()),
            Value::Object(o) => T::Obj(o.iter().map(|(k, v)| (k.clone(), T::of(v))).collect()),
        }
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, T::Arr(_) | T::Obj(_))
    }

    fn is_nonempty_collection(&self) -> bool {
        matches!(self, T::Arr(a) if !a.is_empty()) || matches!(self, T::Obj(o) if !o.is_empty())
    }

    /// Paths (child positions) of every node below the root, depth first.
    fn paths(&self) -> Vec<Vec<usize>> {
        fn walk(t: &T, here: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
            let n = match t {
                T::Arr(a) => a.len(),
                T::Obj(o) => o.len(),
                _ => return,
            };
            for i in 0..n {
                here.push(i);
                out.push(here.clone());
                let child = match t {
                    T::Arr(a) => &a[i],
                    T::Obj(o) => &o[i].1,
                    _ => unreachable!(),
                };
                walk(child, here, out);
                here.pop();
            }
        }
        let mut out = Vec::new();
        walk(self, &mut Vec::new(), &mut out);
        out
    }

    fn get(&self, path: &[usize]) -> &T {
        path.iter().fold(self, |t, &i| match t {
            T::Arr(a) => &a[i],
            T::Obj(o) => &o[i].1,
            _ => unreachable!("a path goes through collections"),
        })
    }

    fn get_mut(&mut self, path: &[usize]) -> &mut T {
        path.iter().fold(self, |t, &i| match t {
            T::Arr(a) => &mut a[i],
            T::Obj(o) => &mut o[i].1,
            _ => unreachable!("a path goes through collections"),
        })
    }

    /// The keys along a path (`-` for list positions).
    fn keys(&self, path: &[usize]) -> Vec<&str> {
        let mut t = self;
        let mut out = Vec::new();
        for &i in path {
            match t {
                T::Arr(a) => {
                    out.push("-");
                    t = &a[i];
                }
                T::Obj(o) => {
                    out.push(o[i].0.as_str());
                    t = &o[i].1;
                }
                _ => unreachable!(),
            }
        }
        out
    }
}

fn is_decimal(s: &str) -> bool {
    s.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit())
    })
}

/// Whether a path names an amount of money in a draft.
fn is_money(keys: &[&str]) -> bool {
    matches!(keys, ["budget", "total" | "requested" | "other"] | ["budget", "items" | "phases", "-", "amount"])
}

// ---------------------------------------------------------------------------------------------
// Writing a tree as YAML or JSON, the layout picked by a stream of style bytes

struct Writer<'a> {
    style: &'a [u8],
    at: usize,
    out: String,
}

impl<'a> Writer<'a> {
    fn new(style: &'a [u8]) -> Self {
        Writer { style, at: 0, out: String::new() }
    }

    fn pick(&mut self, n: u8) -> u8 {
        let b = self.style.get(self.at % self.style.len().max(1)).copied().unwrap_or(0);
        self.at += 1;
        b.rotate_left((self.at % 8) as u32) % n
    }

    fn yaml(mut self, t: &T) -> String {
        if self.pick(4) == 0 {
            self.out.push_str("# written by the property tests\n");
        }
        if self.pick(6) == 0 {
            self.out.push_str("---\n");
        }
        match t {
            t if t.is_nonempty_collection() => self.block(t, 0),
            t => {
                let s = self.flow(t);
                self.out.push_str(&s);
                self.out.push('\n');
            }
        }
        self.out
    }

    /// A non-empty mapping or list in block style, every line indented by `indent`.
    fn block(&mut self, t: &T, indent: usize) {
        let pad = " ".repeat(indent);
        match t {
            T::Obj(entries) => {
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 && self.pick(12) == 0 {
                        self.out.push_str(&format!("{pad}# a comment\n\n"));
                    }
                    let key = self.key(k);
                    self.out.push_str(&format!("{pad}{key}:"));
                    self.after_key(v, indent);
                }
            }
            T::Arr(items) => {
                for v in items {
                    if v.is_nonempty_collection() && self.pick(3) != 0 {
                        // `- key: value` with the rest of the mapping aligned under it.
                        let mut inner = Writer { style: self.style, at: self.at, out: String::new() };
                        inner.block(v, indent + 2);
                        self.at = inner.at;
                        self.out.push_str(&format!("{pad}- {}", &inner.out[indent + 2..]));
                    } else {
                        self.out.push_str(&format!("{pad}-"));
                        self.after_key(v, indent);
                    }
                }
            }
            _ => unreachable!("block of a scalar"),
        }
    }

    fn after_key(&mut self, v: &T, indent: usize) {
        if v.is_nonempty_collection() && self.pick(4) != 0 {
            self.out.push('\n');
            let step = 1 + self.pick(4) as usize;
            self.block(v, indent + step);
        } else {
            let s = self.flow(v);
            self.out.push(' ');
            self.out.push_str(&s);
            self.out.push('\n');
        }
    }

    fn flow(&mut self, t: &T) -> String {
        match t {
            T::Null => ["null", "~"][self.pick(2) as usize].to_owned(),
            T::Bool(b) => b.to_string(),
            T::Num(n) | T::Raw(n) => n.clone(),
            T::Str(s) => self.string(s),
            T::Arr(items) => {
                let parts: Vec<String> = items.iter().map(|v| self.flow(v)).collect();
                format!("[{}]", parts.join(", "))
            }
            T::Obj(entries) => {
                let parts: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| {
                        let key = self.key(k);
                        format!("{key}: {}", self.flow(v))
                    })
                    .collect();
                format!("{{ {} }}", parts.join(", "))
            }
        }
    }

    fn key(&mut self, k: &str) -> String {
        if plain_ok(k) && self.pick(5) != 0 { k.to_owned() } else { double_quoted(k) }
    }

    /// A string in one of the quoting styles that read back as the same string.
    fn string(&mut self, s: &str) -> String {
        match self.pick(3) {
            0 if plain_ok(s) => s.to_owned(),
            1 if !s.chars().any(char::is_control) => format!("'{}'", s.replace('\'', "''")),
            _ => double_quoted(s),
        }
    }

    fn json(mut self, t: &T) -> String {
        let pretty = self.pick(2) == 0;
        self.json_value(t, 0, pretty);
        self.out.push('\n');
        self.out
    }

    fn json_value(&mut self, t: &T, depth: usize, pretty: bool) {
        let (nl, pad, inner) = if pretty { ("\n", "  ".repeat(depth), "  ".repeat(depth + 1)) } else { ("", String::new(), String::new()) };
        match t {
            T::Null => self.out.push_str("null"),
            T::Bool(b) => self.out.push_str(&b.to_string()),
            T::Num(n) | T::Raw(n) => self.out.push_str(n),
            T::Str(s) => self.out.push_str(&double_quoted(s)),
            T::Arr(items) => {
                self.out.push('[');
                for (i, v) in items.iter().enumerate() {
                    self.out.push_str(if i > 0 { "," } else { "" });
                    self.out.push_str(nl);
                    self.out.push_str(&inner);
                    self.json_value(v, depth + 1, pretty);
                }
                if !items.is_empty() {
                    self.out.push_str(nl);
                    self.out.push_str(&pad);
                }
                self.out.push(']');
            }
            T::Obj(entries) => {
                self.out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    self.out.push_str(if i > 0 { "," } else { "" });
                    self.out.push_str(nl);
                    self.out.push_str(&inner);
                    self.out.push_str(&double_quoted(k));
                    self.out.push_str(": ");
                    self.json_value(v, depth + 1, pretty);
                }
                if !entries.is_empty() {
                    self.out.push_str(nl);
                    self.out.push_str(&pad);
                }
                self.out.push('}');
            }
        }
    }
}

fn double_quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// Text that YAML reads back as the same string when written unquoted, in block or flow
/// context: starts with a letter, holds only letters, digits and `-_/@.`, is no keyword.
fn plain_ok(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars().all(|c| c.is_alphanumeric() || "-_/@.".contains(c))
        && !["true", "false", "True", "False", "TRUE", "FALSE", "null", "Null", "NULL"].contains(&s)
}

// ---------------------------------------------------------------------------------------------
// Strategies: scalars, keys and near-YAML documents

const SPEC_KEYS: &[&str] = &[
    "callspec",
    "call",
    "id",
    "title",
    "issuer",
    "document",
    "issued",
    "timezone",
    "money_unit",
    "completion",
    "by",
    "soft",
    "source",
    "clauses",
    "section",
    "text",
    "applicant_types",
    "name",
    "individual",
    "categories",
    "children",
    "amount",
    "kind",
    "value",
    "quota",
    "kpis",
    "leads",
    "eligibility",
    "exclusions",
    "deadlines",
    "opens",
    "closes",
    "channel",
    "extensions",
    "form",
    "text_limits",
    "tranches",
    "share",
    "remainder",
    "approx",
    "when",
    "min_applicants",
    "partner_types",
    "letters",
    "deliverables",
    "limits",
    "references",
    "entries",
    "aliases",
    "plan",
    "unit",
    "min",
    "max",
    "max_chars",
    "min_chars",
    "field",
    "applies_to",
    "until",
    "count",
    "preferences",
    "category_scope",
    "one_project_per_form",
    "unique_projects",
    "budget",
    "rule",
    "identifier",
    "commitments",
    "contract",
    "attribution",
];

const APP_KEYS: &[&str] = &[
    "$schema",
    "application",
    "call",
    "category",
    "project",
    "summary",
    "content",
    "basis",
    "conditions",
    "outcomes",
    "start",
    "end",
    "pilot_city",
    "industry",
    "lead",
    "type",
    "credit_code",
    "org_code",
    "address",
    "postal_code",
    "phone",
    "profile",
    "bank",
    "account",
    "account_name",
    "joint",
    "partners",
    "contact",
    "leader",
    "mobile",
    "email",
    "position",
    "budget",
    "total",
    "requested",
    "other",
    "items",
    "amount",
    "phases",
    "goal",
    "kpis",
    "academic-events",
    "matched-projects",
    "events",
    "attendance",
    "deliverables",
    "chars",
    "team",
    "organisation",
    "role",
    "letters",
    "issuer",
    "sent",
    "attestations",
    "submission",
    "channel",
    "at",
    "date",
    "kpi",
    "name",
];

const WORDS: &[&str] = &[
    "hangzhou-2025",
    "key/academic-society",
    "major/startup-growth",
    "regular/service-station",
    "unfunded",
    "municipal-society",
    "district-cast",
    "enterprise-cast",
    "haizhi",
    "university-cast",
    "online",
    "paper",
    "fixed",
    "cap",
    "soft-cap",
    "unstated",
    "exact",
    "either",
    "Asia/Shanghai",
    "万元",
    "元",
    "杭科协〔2025〕6号",
    "一、（二）",
    "杭州市人工智能学会",
    "51330100MJ89000020",
    "13906510002",
    "zhouming@hzai.org.cn",
    "310012",
];

const ODD_NUMBERS: &[&str] = &[
    "19.8",
    "4.80",
    "4.8e0",
    "0x1F",
    "0o17",
    "0b101",
    "+5",
    "-1.2",
    "-0",
    "007",
    "1_000",
    "1e400",
    "-1e400",
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "１９.８",
    "19.8万元",
    "198,000元",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "0.0000000000000000000000000001",
    "0.00000000000000000000000000001",
    "99999999999999999999999999999999999999999999999999999999999",
    "1.",
    ".5",
    "0.1e-7",
    "1e15",
    "100",
    "0",
    "2025",
    "12:30",
    "1:30:00",
];

const YAML_BITS: &[&str] = &[
    "true",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "NO",
    "~",
    "null",
    "",
    "''",
    "\"\"",
    "[]",
    "{}",
    "|\n  块文本\n",
    ">-\n  折叠\n",
    "!!binary aGVsbG8=",
    "!!str 5",
    "!!float 4.8",
    "!!int \"7\"",
    "!custom x",
    "<<: *a",
    "&a",
    "*a",
    "*missing",
    "? [a, b]",
    "- -",
    ": :",
    "\"\\e[2J\"",
    "\"\\u0000\"",
    "\"\\x41\\t\\U0001F600\"",
    "'it''s'",
    "# comment",
    "---",
    "...",
    "%YAML 1.2",
    "@at",
    "`tick`",
    "\t",
];

fn chinese() -> impl Strategy<Value = String> {
    "[\u{4e00}-\u{9fa5}，。、（）〔〕“”：；！？ 0-9a-z]{1,24}"
}

fn odd_number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(ODD_NUMBERS).prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|n| format!("{n:e}")),
        2 => "[0-9]{1,40}(\\.[0-9]{1,30})?",
    ]
}

fn date() -> impl Strategy<Value = String> {
    "(20[0-9]{2}|0000|9999)-[0-1][0-9]-[0-3][0-9]([ T][0-2][0-9]:[0-6][0-9](:[0-6][0-9])?)?"
}

/// A scalar as written in YAML (plain, quoted, or not quite).
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(str::to_owned),
        3 => odd_number(),
        2 => chinese(),
        1 => chinese().prop_map(|s| double_quoted(&s)),
        1 => chinese().prop_map(|s| format!("'{s}'")),
        2 => date(),
        2 => prop::sample::select(YAML_BITS).prop_map(str::to_owned),
        1 => "\\PC{0,16}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(APP_KEYS).prop_map(str::to_owned),
        6 => prop::sample::select(SPEC_KEYS).prop_map(str::to_owned),
        1 => chinese(),
        1 => prop::sample::select(WORDS).prop_map(str::to_owned),
        1 => prop::sample::select(&["<<", "1", "\"quoted key\"", "'single'", "? complex", "!!str 3", "&k anchored", "*k", "-", "a b", "${x}"][..])
            .prop_map(str::to_owned),
    ]
}

/// A YAML node; rendered to text by [`near_yaml`].
#[derive(Debug, Clone)]
enum Y {
    Scalar(String),
    Map(Vec<(String, Y)>, Layout),
    Seq(Vec<Y>, Layout),
    Anchor(&'static str, Box<Y>),
    Alias(&'static str),
    Tag(&'static str, Box<Y>),
}

#[derive(Debug, Clone, Copy)]
struct Layout {
    flow: bool,
    /// Extra indentation of the children (0 is wrong for mappings, fine for lists under a key).
    step: usize,
}

const ANCHORS: &[&str] = &["a", "b", "锚"];
const TAGS: &[&str] =
    &["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!map", "!!seq", "!custom", "!<tag:yaml.org,2002:str>"];

fn layout() -> impl Strategy<Value = Layout> {
    (prop::bool::weighted(0.3), prop::sample::select(&[0usize, 1, 2, 2, 2, 4][..])).prop_map(|(flow, step)| Layout { flow, step })
}

fn yaml_node() -> impl Strategy<Value = Y> {
    let leaf = prop_oneof![10 => scalar().prop_map(Y::Scalar), 1 => prop::sample::select(ANCHORS).prop_map(Y::Alias)];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            4 => (vec((key(), inner.clone()), 0..8), layout()).prop_map(|(e, l)| Y::Map(e, l)),
            2 => (vec(inner.clone(), 0..6), layout()).prop_map(|(e, l)| Y::Seq(e, l)),
            1 => (prop::sample::select(ANCHORS), inner.clone()).prop_map(|(a, y)| Y::Anchor(a, Box::new(y))),
            1 => (prop::sample::select(TAGS), inner).prop_map(|(t, y)| Y::Tag(t, Box::new(y))),
        ]
    })
}

/// A document: a top-level mapping of vocabulary keys, with a header and a few glitches (a
/// character inserted or a byte range removed).
fn near_yaml() -> impl Strategy<Value = String> {
    let header =
        prop::sample::select(&["", "", "callspec: 2\n", "application: 1\ncall: hangzhou-2025\n", "---\n", "%YAML 1.2\n---\n", "# c\n"][..]);
    let glitch =
        (any::<Index>(), prop::sample::select(&["", "\t", ":", " ", "\n", "\"", "'", "[", "{", "-", "#", "&", "*", "中", "\r\n"][..]));
    (header, vec((key(), yaml_node()), 1..10), vec(glitch, 0..3)).prop_map(|(header, entries, glitches)| {
        let mut out = header.to_owned();
        for (k, v) in &entries {
            out.push_str(k);
            out.push(':');
            y_after(v, 0, &mut out);
        }
        for (at, s) in glitches {
            let cuts: Vec<usize> = out.char_indices().map(|(i, _)| i).chain([out.len()]).collect();
            let at = cuts[at.index(cuts.len())];
            out.insert_str(at, s);
        }
        out
    })
}

fn y_after(y: &Y, indent: usize, out: &mut String) {
    match y {
        Y::Map(e, l) if !e.is_empty() && !l.flow => {
            out.push('\n');
            y_block(y, indent + l.step.max(1), out);
        }
        Y::Seq(e, l) if !e.is_empty() && !l.flow => {
            out.push('\n');
            y_block(y, indent + l.step, out);
        }
        Y::Anchor(a, inner) | Y::Tag(a, inner) if matches!(**inner, Y::Map(..) | Y::Seq(..)) => {
            let prefix = if matches!(y, Y::Anchor(..)) { "&" } else { "" };
            out.push_str(&format!(" {prefix}{a}"));
            y_after(inner, indent, out);
        }
        _ => {
            out.push(' ');
            out.push_str(&y_flow(y));
            out.push('\n');
        }
    }
}

fn y_block(y: &Y, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match y {
        Y::Map(entries, _) => {
            for (k, v) in entries {
                out.push_str(&format!("{pad}{k}:"));
                y_after(v, indent, out);
            }
        }
        Y::Seq(items, _) => {
            for v in items {
                out.push_str(&format!("{pad}-"));
                y_after(v, indent + 1, out);
            }
        }
        _ => y_after(y, indent, out),
    }
}

fn y_flow(y: &Y) -> String {
    match y {
        Y::Scalar(s) => s.clone(),
        Y::Map(entries, _) => {
            let parts: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {}", y_flow(v))).collect();
            format!("{{{}}}", parts.join(", "))
        }
        Y::Seq(items, _) => format!("[{}]", items.iter().map(y_flow).collect::<Vec<_>>().join(", ")),
        Y::Anchor(a, inner) => format!("&{a} {}", y_flow(inner)),
        Y::Alias(a) => format!("*{a}"),
        Y::Tag(t, inner) => format!("{t} {}", y_flow(inner)),
    }
}

fn file_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["x.yaml", "x.yaml", "x.yml", "x.json", "X.JSON", "x"][..])
}

// ---------------------------------------------------------------------------------------------
// Strategies: edits of real files

/// Text spliced into a real file.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => scalar(),
        2 => (key(), scalar()).prop_map(|(k, v)| format!("{k}: {v}")),
        1 => (key(), scalar()).prop_map(|(k, v)| format!("\n  {k}: {v}\n")),
        1 => (key(), scalar()).prop_map(|(k, v)| format!("\n- {k}: {v}")),
        2 => Just(String::new()),
    ]
}

/// A replacement value for a scalar of a real file.
fn replacement() -> impl Strategy<Value = T> {
    prop_oneof![
        1 => Just(T::Null),
        1 => any::<bool>().prop_map(T::Bool),
        1 => any::<i64>().prop_map(|n| T::Num(n.to_string())),
        1 => any::<u64>().prop_map(|n| T::Num(n.to_string())),
        1 => prop::sample::select(vec![
            T::Arr(vec![]),
            T::Obj(vec![]),
            T::Arr(vec![T::Str("x".into())]),
            T::Obj(vec![("k".into(), T::Num("1".into()))]),
        ]),
        4 => odd_number().prop_map(T::Raw),
        2 => "[0-9]{1,3}\\.[0-9]{1,4}0*".prop_map(T::Str),
        2 => chinese().prop_map(T::Str),
        1 => date().prop_map(T::Str),
        1 => prop::sample::select(WORDS).prop_map(|s| T::Str(s.to_owned())),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    /// A scalar replaced by another value.
    Replace(Index, T),
    /// A node (a key with its value, or a list item) removed.
    Delete(Index),
    /// A key repeated in its mapping, with its own value or another.
    Duplicate(Index, Option<T>, bool),
    /// A number (an amount, a quota, a KPI target, a share) replaced by one at the edge of its
    /// type: `u32::MAX`, `u64::MAX`, the largest exact decimal, ...
    Huge(Index, &'static str),
}

/// Numbers at the edges of u32, u64, i64 and the 96-bit exact decimals.
const HUGE: &[&str] = &[
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "18446744073709551615",
    "18446744073709551616",
    "79228162514264337593543950335",
    "79228162514264337593543950335.5",
    "7922816251426433759354395033.5",
    "39614081257132168796771975168",
    "0.0000000000000000000000000001",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), replacement()).prop_map(|(i, t)| Mutation::Replace(i, t)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        1 => (any::<Index>(), prop::option::of(replacement()), any::<bool>()).prop_map(|(i, t, next)| Mutation::Duplicate(i, t, next)),
        2 => (any::<Index>(), prop::sample::select(HUGE)).prop_map(|(i, n)| Mutation::Huge(i, n)),
    ]
}

impl Mutation {
    fn apply(&self, t: &mut T) {
        let paths = t.paths();
        match self {
            Mutation::Replace(i, new) => {
                let leaves: Vec<&Vec<usize>> = paths.iter().filter(|p| t.get(p).is_scalar()).collect();
                if leaves.is_empty() {
                    return;
                }
                let p = leaves[i.index(leaves.len())].clone();
                *t.get_mut(&p) = new.clone();
            }
            Mutation::Huge(i, n) => {
                let numbers: Vec<&Vec<usize>> = paths.iter().filter(|p| matches!(t.get(p), T::Num(_) | T::Raw(_))).collect();
                if numbers.is_empty() {
                    return;
                }
                let p = numbers[i.index(numbers.len())].clone();
                *t.get_mut(&p) = T::Raw((*n).to_owned());
            }
            Mutation::Delete(i) => {
                if paths.is_empty() {
                    return;
                }
                let p = &paths[i.index(paths.len())];
                let (last, parent) = p.split_last().expect("below the root");
                match t.get_mut(parent) {
                    T::Arr(a) => {
                        a.remove(*last);
                    }
                    T::Obj(o) => {
                        o.remove(*last);
                    }
                    _ => unreachable!(),
                }
            }
            Mutation::Duplicate(i, new, next) => {
                let entries: Vec<&Vec<usize>> = paths.iter().filter(|p| matches!(t.get(&p[..p.len() - 1]), T::Obj(_))).collect();
                if entries.is_empty() {
                    return;
                }
                let p = entries[i.index(entries.len())].clone();
                let (last, parent) = p.split_last().expect("below the root");
                if let T::Obj(o) = t.get_mut(parent) {
                    let mut entry = o[*last].clone();
                    if let Some(v) = new {
                        entry.1 = v.clone();
                    }
                    let at = if *next { last + 1 } else { o.len() };
                    o.insert(at, entry);
                }
            }
        }
    }
}

/// An edit that changes how a draft is written but not what it says.
#[derive(Debug, Clone)]
enum NoOp {
    /// A scalar replaced by itself.
    Same(Index),
    /// An amount written with trailing zeros: `4.8` → `4.800`, `6` → `6.0`.
    Zeros(Index, usize),
    /// The entries of a mapping in reverse order.
    Reverse(Index),
}

fn noop() -> impl Strategy<Value = NoOp> {
    prop_oneof![
        any::<Index>().prop_map(NoOp::Same),
        (any::<Index>(), 1..4usize).prop_map(|(i, n)| NoOp::Zeros(i, n)),
        any::<Index>().prop_map(NoOp::Reverse),
    ]
}

impl NoOp {
    fn apply(&self, t: &mut T) {
        let paths = t.paths();
        match self {
            NoOp::Same(i) => {
                let leaves: Vec<&Vec<usize>> = paths.iter().filter(|p| t.get(p).is_scalar()).collect();
                if let Some(p) = leaves.get(i.index(leaves.len().max(1))).map(|p| (*p).clone()) {
                    let same = t.get(&p).clone();
                    *t.get_mut(&p) = same;
                }
            }
            NoOp::Zeros(i, n) => {
                let money: Vec<&Vec<usize>> = paths.iter().filter(|p| is_money(&t.keys(p))).collect();
                if let Some(p) = money.get(i.index(money.len().max(1))).map(|p| (*p).clone()) {
                    let zeros = "0".repeat(*n);
                    let node = t.get_mut(&p);
                    let written = match &*node {
                        T::Raw(s) => T::Raw(format!("{s}{zeros}")),
                        T::Num(s) => T::Raw(format!("{s}.{zeros}")),
                        other => other.clone(),
                    };
                    *node = written;
                }
            }
            NoOp::Reverse(i) => {
                let maps: Vec<Vec<usize>> = std::iter::once(Vec::new()).chain(paths).filter(|p| matches!(t.get(p), T::Obj(_))).collect();
                let p = &maps[i.index(maps.len())];
                if let T::Obj(o) = t.get_mut(p) {
                    o.reverse();
                }
            }
        }
    }
}

/// Replaces byte ranges of a text, cut at character boundaries.
fn splice(text: &str, edits: &[(Index, Index, String)]) -> String {
    let mut out = text.to_owned();
    for (at, len, with) in edits {
        let cuts: Vec<usize> = out.char_indices().map(|(i, _)| i).chain([out.len()]).collect();
        let start = at.index(cuts.len());
        let end = (start + len.index(24)).min(cuts.len() - 1);
        out.replace_range(cuts[start]..cuts[end], with);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(config())]

    /// Arbitrary bytes (raw, with a byte-order mark, or as text) as a spec and as a draft.
    #[test]
    fn arbitrary_bytes(
        bytes in prop_oneof![
            vec(any::<u8>(), 0..400),
            vec(any::<u8>(), 0..200).prop_map(|b| [&[0xEF, 0xBB, 0xBF][..], &b].concat()),
            any::<String>().prop_map(String::into_bytes),
            "\\PC{0,200}".prop_map(String::into_bytes),
        ],
        name in file_name(),
    ) {
        check_spec(name, &bytes)?;
        check_app(name, &bytes)?;
    }

    /// Near-YAML documents from the spec and application vocabulary.
    #[test]
    fn near_yaml_documents(text in near_yaml(), name in file_name()) {
        check_spec(name, text.as_bytes())?;
        check_app(name, text.as_bytes())?;
    }

    /// The real files (valid drafts, the Hangzhou spec) with text spliced in or cut out.
    #[test]
    fn spliced_real_files(sample in sample(), edits in vec((any::<Index>(), any::<Index>(), fragment()), 1..4)) {
        let text = splice(&sample.text, &edits);
        if sample.spec {
            check_spec(&sample.name, text.as_bytes())?;
        } else {
            check_app(&sample.name, text.as_bytes())?;
        }
    }

    /// Structured mutations of the valid drafts and of the Hangzhou spec, as YAML and as JSON.
    #[test]
    fn mutated_real_files(
        sample in sample(),
        mutations in vec(mutation(), 1..4),
        style in vec(any::<u8>(), 1..16),
    ) {
        let mut tree = sample.tree.clone();
        for m in &mutations {
            m.apply(&mut tree);
        }
        let yaml = Writer::new(&style).yaml(&tree);
        let json = Writer::new(&style).json(&tree);
        let check = if sample.spec { check_spec } else { check_app };
        let from_yaml = check("mutated.yaml", yaml.as_bytes())?;
        let from_json = check("mutated.json", json.as_bytes())?;
        // A key written twice is refused by the parser, whatever else is wrong.
        if has_duplicate_key(&tree) {
            prop_assert!(from_yaml.iter().any(|f| f.code.code == "input.yaml"), "a duplicate key was not reported:\n{yaml}");
            prop_assert!(from_json.iter().any(|f| f.code.code == "input.yaml"), "a duplicate key was not reported:\n{json}");
        }
    }

    /// A valid draft stays valid, with the same warnings, however it is written.
    #[test]
    fn noop_edits_keep_valid_drafts_valid(
        which in any::<Index>(),
        edits in vec(noop(), 0..4),
        style in vec(any::<u8>(), 1..16),
    ) {
        let drafts = drafts();
        let sample = drafts[which.index(drafts.len())];
        let mut tree = sample.tree.clone();
        for e in &edits {
            e.apply(&mut tree);
        }
        for (name, text) in [("same.yaml", Writer::new(&style).yaml(&tree)), ("same.json", Writer::new(&style).json(&tree))] {
            let findings = check_app(name, text.as_bytes())?;
            prop_assert_eq!(failing_codes(&findings), sample.codes.clone(), "{} written as {}:\n{}\n{}", sample.name, name, text, rendered(&findings));
        }
    }
}

fn has_duplicate_key(t: &T) -> bool {
    match t {
        T::Obj(o) => {
            o.iter().enumerate().any(|(i, (k, _))| o[..i].iter().any(|(k2, _)| k2 == k)) || o.iter().any(|(_, v)| has_duplicate_key(v))
        }
        T::Arr(a) => a.iter().any(has_duplicate_key),
        _ => false,
    }
}

/// The writer itself: an unedited draft written back reads as the same value.
#[test]
fn the_writer_round_trips_every_sample() {
    for sample in samples() {
        for style in [&[0u8][..], &[1u8, 2, 3][..], &[255u8, 7, 64, 9][..]] {
            let yaml = Writer::new(style).yaml(&sample.tree);
            let doc = document::parse(source::SourceFile::new("w.yaml", yaml.clone()), &Limits::default())
                .unwrap_or_else(|f| panic!("{}: {}\n{yaml}", sample.name, f.message));
            assert_eq!(T::of(&doc.value), sample.tree, "{}:\n{yaml}", sample.name);
        }
    }
}
