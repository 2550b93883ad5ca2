//! The spec-language guide (`docs/spec-language.md`, `docs/spec-language.zh.md`) kept true by
//! the code, in both languages:
//!
//! - **Every YAML example compiles as it says.** Each fenced block marked `yaml` carries a kind
//!   after the language, and options:
//!   - `yaml spec`: a whole spec file;
//!   - `yaml fragment`: top-level keys of a spec; the keys a spec needs that the fragment lacks
//!     are added before it: `callspec: 2`, `call:` (id `example`), `clauses: {}`,
//!     `applicant_types: {}`, `categories:` (one category `example`), and `notice:` when the
//!     block names one;
//!   - `yaml plan`: a whole plan document; every plan block of a page is written beside each spec
//!     block of that page, so that `call.plan` can name it;
//!   - `notice=PATH` (a path from the repository root): the notice's text is copied beside the
//!     block under its own file name, and every quote is checked against it, as `callspec check`
//!     does (a fragment without `notice:` gets `notice: { file: <that name> }`); a block without
//!     it is compiled as specs are loaded for validation, its quotes unchecked;
//!   - `expect=CODE[:SEVERITY],…`: the codes of exactly the findings the block must produce
//!     (advice included), each with its severity when given; without it, none at all.
//! - **Every key and value of the language is documented.** The spec and plan schemas, as the
//!   types generate them (`schema::all`), walked from their roots through every `$ref` into
//!   `$defs`: each object definition has a row in the page's key index (a table with the columns
//!   definition and keys) listing exactly its keys, each key is also named outside the index (in
//!   backticks, or as a key in an example), and each enumerated value is named in backticks.
//! - **Every finding code named exists.** Findings tables (first column `code`/`代码`) name
//!   registered codes with a severity; every code a spec author can meet (all but `input.*` and
//!   `form.*`) is in one, and both pages name the same codes.
//! - **The Chinese page is the English one in Chinese.** The same sections in the same order,
//!   each heading in Chinese, and the same examples (the same kinds and options, in order).
//! - **Every link within a page leads somewhere**: each `(#anchor)` is the anchor of a heading
//!   (as GitHub makes them), and each relative link names a file of the repository.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use callspec::diagnostics::Severity;
use callspec::load::{self, Specs};
use callspec::source::Limits;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

const PAGES: [&str; 2] = ["docs/spec-language.md", "docs/spec-language.zh.md"];

/// A fenced code block: its info string and text, and the line it starts on.
struct Block {
    info: String,
    text: String,
    line: usize,
}

/// A table: its header cells and rows, each cell as its plain text and its inline-code spans.
struct Table {
    head: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
}

#[derive(Default, Clone)]
struct Cell {
    text: String,
    code: Vec<String>,
}

/// What a page is made of, as the tests read it.
struct Page {
    name: &'static str,
    blocks: Vec<Block>,
    tables: Vec<Table>,
    /// Inline code outside the key index.
    code: BTreeSet<String>,
    /// The text of each heading of level 2 (the page's sections), in order.
    sections: Vec<String>,
    /// The text of every heading, of any level.
    headings: Vec<String>,
    /// The destinations of the page's links.
    links: Vec<String>,
}

fn page(name: &'static str) -> Page {
    let text = std::fs::read_to_string(common::root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut blocks = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut code = BTreeSet::new();
    let mut block: Option<Block> = None;
    // Inside a table: the cells of the row being read, and whether it is the header.
    let mut row: Option<Vec<Cell>> = None;
    let mut in_head = false;
    let mut cell: Option<Cell> = None;
    let mut table_code: Vec<String> = Vec::new();
    let mut sections = Vec::new();
    let mut heading: Option<String> = None;
    let mut headings = Vec::new();
    let mut any_heading: Option<String> = None;
    let mut links = Vec::new();
    for (event, range) in Parser::new_ext(&text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                block = Some(Block { info, text: String::new(), line: line_of(range.start) });
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(block.take()),
            Event::Start(Tag::Heading { level, .. }) => {
                any_heading = Some(String::new());
                if level == pulldown_cmark::HeadingLevel::H2 {
                    heading = Some(String::new());
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                headings.extend(any_heading.take());
                if level == pulldown_cmark::HeadingLevel::H2 {
                    sections.extend(heading.take());
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Text(t) if block.is_some() => block.as_mut().expect("in a block").text.push_str(&t),
            Event::Start(Tag::Table(_)) => {
                tables.push(Table { head: Vec::new(), rows: Vec::new() });
                table_code.clear();
            }
            Event::End(TagEnd::Table) => {
                let t = tables.last().expect("a table");
                if !is_index(t) {
                    code.extend(table_code.drain(..));
                }
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row = Some(Vec::new());
            }
            Event::Start(Tag::TableRow) => row = Some(Vec::new()),
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                let cells = row.take().unwrap_or_default();
                let t = tables.last_mut().expect("a table");
                if in_head {
                    t.head = cells
                } else {
                    t.rows.push(cells)
                }
                in_head = false;
            }
            Event::Start(Tag::TableCell) => cell = Some(Cell::default()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                    r.push(c);
                }
            }
            Event::Text(t) if any_heading.is_some() => {
                any_heading.as_mut().expect("in a heading").push_str(&t);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Code(c) if any_heading.is_some() => {
                any_heading.as_mut().expect("in a heading").push_str(&c);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&c);
                }
                code.insert(c.to_string());
            }
            Event::Code(c) => match cell.as_mut() {
                Some(cell) => {
                    cell.text.push_str(&c);
                    cell.code.push(c.to_string());
                    table_code.push(c.to_string());
                }
                None => {
                    code.insert(c.to_string());
                }
            },
            Event::Text(t) => {
                if let Some(cell) = cell.as_mut() {
                    cell.text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    Page { name, blocks, tables, code, sections, headings, links }
}

/// The key index: a table with a definition column and a keys column.
fn is_index(t: &Table) -> bool {
    let head: Vec<&str> = t.head.iter().map(|c| c.text.trim()).collect();
    head.contains(&"definition") && head.contains(&"keys") || head.contains(&"定义") && head.contains(&"键")
}

/// A findings table: its first column is the code.
fn is_findings(t: &Table) -> bool {
    t.head.first().is_some_and(|c| matches!(c.text.trim(), "code" | "代码"))
}

fn yaml_blocks(p: &Page) -> impl Iterator<Item = &Block> {
    p.blocks.iter().filter(|b| b.info.split_whitespace().next().is_some_and(|l| l == "yaml" || l == "yml"))
}

// ── the examples ─────────────────────────────────────────────────────────────────────────────

/// How one block is to be compiled.
struct Example {
    kind: String,
    notice: Option<PathBuf>,
    expect: Option<Vec<(String, Option<Severity>)>>,
}

fn example(b: &Block) -> Result<Example, String> {
    let mut words = b.info.split_whitespace();
    let lang = words.next().unwrap_or_default();
    if lang != "yaml" {
        return Err(format!("write `yaml`, not `{lang}`"));
    }
    let kind = words.next().ok_or("a yaml block needs a kind: `yaml spec`, `yaml fragment` or `yaml plan`")?.to_owned();
    if !matches!(kind.as_str(), "spec" | "fragment" | "plan") {
        return Err(format!("unknown kind `{kind}`: `spec`, `fragment` or `plan`"));
    }
    let mut ex = Example { kind, notice: None, expect: None };
    for w in words {
        match w.split_once('=') {
            Some(("notice", path)) => {
                let path = common::root().join(path);
                if !path.is_file() {
                    return Err(format!("no notice file {}", path.display()));
                }
                ex.notice = Some(path);
            }
            Some(("expect", codes)) => {
                let mut list = Vec::new();
                for c in codes.split(',').filter(|c| !c.is_empty()) {
                    let (code, severity) = match c.split_once(':') {
                        Some((code, s)) => (code, Some(severity(s).ok_or_else(|| format!("unknown severity `{s}`"))?)),
                        None => (c, None),
                    };
                    list.push((code.to_owned(), severity));
                }
                ex.expect = Some(list);
            }
            _ => return Err(format!("unknown option `{w}`: `notice=PATH` or `expect=CODE[:SEVERITY],…`")),
        }
    }
    Ok(ex)
}

fn severity(s: &str) -> Option<Severity> {
    match s {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "advice" => Some(Severity::Advice),
        _ => None,
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "advice",
    }
}

/// The top-level keys of a YAML text (block style, at column 0).
fn top_keys(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '$'))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

/// A fragment completed into a spec: the keys it lacks, then the fragment as written.
fn completed(fragment: &str, notice: Option<&str>) -> String {
    let keys = top_keys(fragment);
    let mut out = String::new();
    let defaults = [
        ("callspec", "callspec: 2".to_owned()),
        ("call", "call: { id: example, title: 示例通知, issuer: 示例市科学技术协会 }".to_owned()),
        ("notice", notice.map(|n| format!("notice: {{ file: {n} }}")).unwrap_or_default()),
        ("clauses", "clauses: {}".to_owned()),
        ("applicant_types", "applicant_types: {}".to_owned()),
        ("categories", "categories: [{ id: example, name: 示例类别 }]".to_owned()),
    ];
    for (key, line) in defaults {
        if !keys.contains(key) && !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(fragment);
    out
}

/// A fresh folder for one block.
fn scratch(page: &str, n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spec-language-doc").join(page.replace(['/', '.'], "-")).join(n.to_string());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_notice(dir: &Path, notice: &Path) -> String {
    let name = notice.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::copy(notice, dir.join(&name)).unwrap();
    name
}

/// Compiles every YAML block of a page as its info string says; returns what differs.
fn check_examples(p: &Page) -> Vec<String> {
    let mut problems = Vec::new();
    let mut examples = Vec::new();
    for b in yaml_blocks(p) {
        match example(b) {
            Ok(ex) => examples.push((b, ex)),
            Err(e) => problems.push(format!("{}:{}: {e}", p.name, b.line)),
        }
    }
    let plans: Vec<&(&Block, Example)> = examples.iter().filter(|(_, ex)| ex.kind == "plan").collect();
    for (n, (b, ex)) in examples.iter().enumerate() {
        let dir = scratch(p.name, n);
        let notice = ex.notice.as_deref().map(|path| copy_notice(&dir, path));
        let (name, text) = match ex.kind.as_str() {
            "fragment" => ("spec.yaml", completed(&b.text, notice.as_deref())),
            "plan" => ("plan.yaml", b.text.clone()),
            _ => ("spec.yaml", b.text.clone()),
        };
        if ex.kind != "plan" {
            for (i, (pb, pex)) in plans.iter().enumerate() {
                if let Some(path) = &pex.notice {
                    copy_notice(&dir, path);
                }
                std::fs::write(dir.join(format!("plan-{i}.yaml")), &pb.text).unwrap();
            }
        }
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        // Quotes are checked where the block names its notice, as `callspec check` does; without
        // one, as a spec is loaded to validate drafts (no quote check, so no `spec.notice`).
        let quotes = ex.notice.is_some();
        let bundle = load::load_specs(&Specs { builtin: false, paths: vec![dir.clone()], quotes }, &Limits::default(), None);
        let own = path.to_string_lossy().into_owned();
        let findings: Vec<_> = bundle.findings.iter().filter(|f| f.file.as_ref().is_none_or(|file| file.name == own)).collect();
        let mut got: Vec<(String, Severity)> = findings.iter().map(|f| (f.code.code.to_owned(), f.severity)).collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let mut want = ex.expect.clone().unwrap_or_default();
        want.sort_by(|a, b| a.0.cmp(&b.0));
        let same = got.len() == want.len() && got.iter().zip(&want).all(|((gc, gs), (wc, ws))| gc == wc && ws.is_none_or(|ws| ws == *gs));
        if !same {
            let shown: Vec<String> = got.iter().map(|(c, s)| format!("{c}:{}", severity_name(*s))).collect();
            problems.push(format!(
                "{}:{}: the `{}` block gives [{}], not what it declares\n{}",
                p.name,
                b.line,
                b.info,
                shown.join(","),
                common::render(&findings.iter().map(|f| (*f).clone()).collect::<Vec<_>>())
            ));
        }
        let compiled = match ex.kind.as_str() {
            "plan" => !bundle.plans.is_empty(),
            _ => !bundle.calls.is_empty(),
        };
        let has_error = got.iter().any(|(_, s)| *s == Severity::Error);
        if compiled == has_error {
            problems.push(format!("{}:{}: compiled: {compiled}, yet errors: {has_error}", p.name, b.line));
        }
    }
    problems
}

#[test]
fn every_yaml_example_compiles_as_it_declares() {
    let mut problems = Vec::new();
    for name in PAGES {
        let p = page(name);
        let n = yaml_blocks(&p).count();
        assert!(n >= 30, "{name}: only {n} YAML examples");
        problems.extend(check_examples(&p));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_fragment_convention_completes_what_a_fragment_lacks() {
    let text = completed("clauses:\n  c: { section: 一、, text: 甲 }\n", Some("n.txt"));
    assert_eq!(top_keys(&text), ["applicant_types", "call", "callspec", "categories", "clauses", "notice"].map(String::from).into());
    assert!(text.ends_with("clauses:\n  c: { section: 一、, text: 甲 }\n"));
    // A key the fragment gives is never added again.
    let given = completed("callspec: 2\ncall: { id: x, title: t, issuer: i }\n", None);
    assert_eq!(given.matches("callspec:").count(), 1);
    assert_eq!(given.matches("call:").count(), 1);
    assert!(!given.contains("notice:"));
}

// ── the keys and values ──────────────────────────────────────────────────────────────────────

/// Every object definition reachable from a schema's root, by name, with its keys; and every
/// enumerated value.
fn walk(schema: &Value, root: &str) -> (BTreeMap<String, BTreeSet<String>>, BTreeSet<String>) {
    struct Walk<'a> {
        schema: &'a Value,
        defs: BTreeMap<String, BTreeSet<String>>,
        values: BTreeSet<String>,
        seen: BTreeSet<String>,
    }
    impl Walk<'_> {
        fn visit(&mut self, s: &Value, name: Option<&str>) {
            if let Some(r) = s.get("$ref").and_then(Value::as_str) {
                let def = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("a $ref outside $defs: {r}"));
                if self.seen.insert(def.to_owned()) {
                    let target = &self.schema["$defs"][def];
                    assert!(!target.is_null(), "no $defs/{def}");
                    self.visit(target, Some(def));
                }
            }
            if let Some(props) = s.get("properties").and_then(Value::as_object) {
                let name = name.expect("an object schema with properties is a definition or the root");
                self.defs.entry(name.to_owned()).or_default().extend(props.keys().cloned());
                for v in props.values() {
                    self.visit(v, None);
                }
            }
            for key in ["items", "additionalProperties"] {
                if let Some(v) = s.get(key).filter(|v| v.is_object()) {
                    self.visit(v, None);
                }
            }
            for key in ["oneOf", "anyOf", "allOf"] {
                for v in s.get(key).and_then(Value::as_array).into_iter().flatten() {
                    if let Some(c) = v.get("const").and_then(Value::as_str) {
                        self.values.insert(c.to_owned());
                    }
                    self.visit(v, name);
                }
            }
            for v in s.get("enum").and_then(Value::as_array).into_iter().flatten() {
                if let Some(v) = v.as_str() {
                    self.values.insert(v.to_owned());
                }
            }
        }
    }
    let mut w = Walk { schema, defs: BTreeMap::new(), values: BTreeSet::new(), seen: BTreeSet::new() };
    w.visit(schema, Some(root));
    (w.defs, w.values)
}

/// The spec and plan schemas as the types generate them: definitions and enumerated values.
fn language() -> (BTreeMap<String, BTreeSet<String>>, BTreeSet<String>) {
    let schemas: BTreeMap<&str, Value> = callspec::schema::all().into_iter().collect();
    let (mut defs, mut values) = walk(&schemas["callspec"], "SpecFile");
    let (plan_defs, plan_values) = walk(&schemas["plan"], "PlanFile");
    for (k, v) in plan_defs {
        let entry = defs.entry(k.clone()).or_default();
        assert!(entry.is_empty() || *entry == v, "`{k}` differs between the spec and plan schemas");
        *entry = v;
    }
    values.extend(plan_values);
    (defs, values)
}

#[test]
fn the_schema_walk_finds_every_definition() {
    let (defs, values) = language();
    // The root, a nested definition, one only a list reaches, one inside the tree of categories,
    // and the plan's own.
    for (def, key) in [
        ("SpecFile", "categories"),
        ("CallMeta", "money_unit"),
        ("GradeSpec", "grade"),
        ("Kpi", "options"),
        ("PlanFile", "priorities"),
        ("Priority", "keywords"),
    ] {
        assert!(defs.get(def).is_some_and(|k| k.contains(key)), "{def}.{key} not found by the walk");
    }
    for v in ["fixed", "co-applicant", "yes-no", "万元", "Asia/Shanghai", "award"] {
        assert!(values.contains(v), "value `{v}` not found by the walk");
    }
}

/// The key index of a page: definition → keys, with problems.
fn index(p: &Page) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    let tables: Vec<&Table> = p.tables.iter().filter(|t| is_index(t)).collect();
    if tables.is_empty() {
        problems.push(format!("{}: no key index (a table with the columns definition and keys)", p.name));
    }
    for t in tables {
        let col = |names: [&str; 2]| t.head.iter().position(|c| names.contains(&c.text.trim()));
        let (Some(d), Some(k)) = (col(["definition", "定义"]), col(["keys", "键"])) else { continue };
        for row in &t.rows {
            let Some(def) = row.get(d).and_then(|c| c.code.first()) else {
                problems.push(format!("{}: an index row without a definition", p.name));
                continue;
            };
            let keys: BTreeSet<String> = row.get(k).map(|c| c.code.iter().cloned().collect()).unwrap_or_default();
            if out.insert(def.clone(), keys).is_some() {
                problems.push(format!("{}: `{def}` has two rows in the key index", p.name));
            }
        }
    }
    (out, problems)
}

/// The keys written in a page's YAML examples.
fn example_keys(p: &Page) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for b in yaml_blocks(p) {
        for line in b.text.lines() {
            let line = line.split(" #").next().unwrap_or_default();
            let mut word = String::new();
            let mut prev = ' ';
            for c in line.chars() {
                if c.is_ascii_alphanumeric() || c == '_' || c == '$' {
                    if word.is_empty() && !(prev == ' ' || prev == '{' || prev == ',' || prev == '-') {
                        word.push('\u{1}');
                    }
                    word.push(c);
                } else {
                    if c == ':' && !word.is_empty() && !word.starts_with('\u{1}') {
                        keys.insert(word.clone());
                    }
                    word.clear();
                }
                prev = c;
            }
        }
    }
    keys
}

fn check_keys(p: &Page) -> Vec<String> {
    let (defs, values) = language();
    let (index, mut problems) = index(p);
    let named: BTreeSet<String> = p.code.iter().cloned().chain(example_keys(p)).collect();
    for (def, keys) in &defs {
        match index.get(def) {
            None => problems.push(format!("{}: the key index has no row for `{def}` (keys: {})", p.name, list(keys))),
            Some(given) if given != keys => {
                problems.push(format!("{}: the key index row of `{def}` lists [{}]; the schema has [{}]", p.name, list(given), list(keys)))
            }
            Some(_) => {}
        }
        for k in keys {
            if !named.contains(k) {
                problems.push(format!("{}: `{def}.{k}` is named only in the key index: explain it, or show it in an example", p.name));
            }
        }
    }
    for def in index.keys().filter(|d| !defs.contains_key(*d)) {
        problems.push(format!("{}: the key index names `{def}`, which is no definition of the language", p.name));
    }
    for v in &values {
        if !p.code.contains(v) {
            problems.push(format!("{}: the value `{v}` is not named (in backticks) on the page", p.name));
        }
    }
    problems
}

fn list(keys: &BTreeSet<String>) -> String {
    keys.iter().cloned().collect::<Vec<_>>().join(", ")
}

#[test]
fn every_key_and_value_of_the_language_is_documented() {
    let problems: Vec<String> = PAGES.iter().flat_map(|name| check_keys(&page(name))).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_undocumented_key_or_definition_is_caught() {
    // The check itself, on a page that documents one definition and misses a key of another.
    let (defs, _) = language();
    let mut p = page(PAGES[0]);
    for t in p.tables.iter_mut().filter(|t| is_index(t)) {
        for row in &mut t.rows {
            for cell in row.iter_mut() {
                cell.code.retain(|c| c != "postmark");
            }
        }
        t.rows.retain(|r| !r.iter().any(|c| c.code.first().is_some_and(|x| x == "GradeSpec")));
    }
    let problems = check_keys(&p);
    assert!(defs["Deadline"].contains("postmark"));
    assert!(problems.iter().any(|m| m.contains("row of `Deadline`") && m.contains("postmark")), "{problems:?}");
    assert!(problems.iter().any(|m| m.contains("no row for `GradeSpec`")), "{problems:?}");
}

// ── the finding codes ────────────────────────────────────────────────────────────────────────

/// The codes a page's findings tables name, with problems.
fn check_codes(p: &Page) -> (BTreeSet<String>, Vec<String>) {
    let registered: BTreeSet<&str> = callspec::registry::all().iter().map(|c| c.code).collect();
    let words = ["error", "warning", "advice", "错误", "警告", "建议"];
    let mut named = BTreeSet::new();
    let mut problems = Vec::new();
    for t in p.tables.iter().filter(|t| is_findings(t)) {
        for row in &t.rows {
            let Some(first) = row.first() else { continue };
            if first.code.is_empty() {
                problems.push(format!("{}: a findings row without a code: {}", p.name, first.text));
            }
            for c in &first.code {
                if !registered.contains(c.as_str()) {
                    problems.push(format!("{}: `{c}` is not a registered finding code (callspec explain --list)", p.name));
                }
                named.insert(c.clone());
            }
            let severity = row.get(1).map(|c| c.text.as_str()).unwrap_or_default();
            if !words.iter().any(|w| severity.contains(w)) {
                problems.push(format!("{}: `{}` has no severity in its second column: {severity:?}", p.name, first.text));
            }
        }
    }
    for c in registered.iter().filter(|c| !c.starts_with("input.") && !c.starts_with("form.")) {
        if !named.contains(*c) {
            problems.push(format!("{}: `{c}` is in no findings table", p.name));
        }
    }
    (named, problems)
}

#[test]
fn every_finding_code_named_exists_and_every_code_is_named() {
    let mut problems = Vec::new();
    let mut sets = Vec::new();
    for name in PAGES {
        let (named, p) = check_codes(&page(name));
        problems.extend(p);
        sets.push(named);
    }
    if sets[0] != sets[1] {
        let only_en: Vec<_> = sets[0].difference(&sets[1]).collect();
        let only_zh: Vec<_> = sets[1].difference(&sets[0]).collect();
        problems.push(format!("the pages name different codes: only in English {only_en:?}, only in Chinese {only_zh:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ── the two pages ────────────────────────────────────────────────────────────────────────────

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// What differs in structure between the English page and its Chinese twin.
fn check_twins(en: &Page, zh: &Page) -> Vec<String> {
    let mut problems = Vec::new();
    if en.sections.len() != zh.sections.len() {
        problems.push(format!("{} has {} sections, {} has {}", en.name, en.sections.len(), zh.name, zh.sections.len()));
    }
    for (e, z) in en.sections.iter().zip(&zh.sections) {
        if !z.chars().any(is_chinese) {
            problems.push(format!("{}: the section `{z}` (`{e}` in English) has no Chinese heading", zh.name));
        }
    }
    let infos = |p: &Page| yaml_blocks(p).map(|b| b.info.clone()).collect::<Vec<_>>();
    let (ei, zi) = (infos(en), infos(zh));
    if ei != zi {
        let n = ei.iter().zip(&zi).take_while(|(a, b)| a == b).count();
        problems.push(format!(
            "the pages' YAML examples differ from example {}: `{}` in {}, `{}` in {}",
            n + 1,
            ei.get(n).map_or("(none)", String::as_str),
            en.name,
            zi.get(n).map_or("(none)", String::as_str),
            zh.name
        ));
    }
    // The prose is Chinese: most characters outside code and examples are.
    let prose = |p: &Page| -> (usize, usize) {
        let text = std::fs::read_to_string(common::root().join(p.name)).unwrap();
        let mut in_block = false;
        let (mut cjk, mut latin) = (0, 0);
        for line in text.lines() {
            if line.starts_with("```") {
                in_block = !in_block;
                continue;
            }
            if in_block {
                continue;
            }
            for (i, part) in line.split('`').enumerate() {
                if i % 2 == 0 {
                    cjk += part.chars().filter(|c| is_chinese(*c)).count();
                    latin += part.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 2).count();
                }
            }
        }
        (cjk, latin)
    };
    let (cjk, words) = prose(zh);
    if words * 2 > cjk {
        problems.push(format!("{}: its prose is not Chinese ({cjk} Chinese characters, {words} English words)", zh.name));
    }
    problems
}

#[test]
fn the_chinese_page_follows_the_english_one() {
    let problems = check_twins(&page(PAGES[0]), &page(PAGES[1]));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_untranslated_or_diverging_page_is_caught() {
    let en = page(PAGES[0]);
    // The English page as its own twin: headings and prose not Chinese.
    let problems = check_twins(&en, &page(PAGES[0]));
    assert!(problems.iter().any(|m| m.contains("has no Chinese heading")), "{problems:?}");
    assert!(problems.iter().any(|m| m.contains("prose is not Chinese")), "{problems:?}");
    // A twin with one example fewer and one section fewer.
    let mut zh = page(PAGES[1]);
    let i = zh.blocks.iter().position(|b| b.info.starts_with("yaml")).unwrap();
    zh.blocks.remove(i);
    zh.sections.pop();
    let problems = check_twins(&en, &zh);
    assert!(problems.iter().any(|m| m.contains("YAML examples differ from example 1")), "{problems:?}");
    assert!(problems.iter().any(|m| m.contains("sections")), "{problems:?}");
}

// ── the links ────────────────────────────────────────────────────────────────────────────────

/// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn check_links(p: &Page) -> Vec<String> {
    let anchors: BTreeSet<String> = p.headings.iter().map(|h| anchor(h)).collect();
    let mut problems = Vec::new();
    for link in &p.links {
        if let Some(a) = link.strip_prefix('#') {
            if !anchors.contains(a) {
                problems.push(format!("{}: the link `{link}` leads to no heading", p.name));
            }
        } else if !link.contains("://") {
            let path = Path::new(p.name).parent().unwrap_or(Path::new("")).join(link.split('#').next().unwrap_or_default());
            if !common::root().join(&path).exists() {
                problems.push(format!("{}: the link `{link}` names no file ({})", p.name, path.display()));
            }
        }
    }
    problems
}

#[test]
fn every_link_leads_somewhere() {
    assert_eq!(anchor("Limits and `per`"), "limits-and-per");
    assert_eq!(anchor("Conditions (CEL): `when`, `checks`"), "conditions-cel-when-checks");
    assert_eq!(anchor("申报限额与 per"), "申报限额与-per");
    let mut problems = Vec::new();
    for name in PAGES {
        let p = page(name);
        assert!(p.links.iter().filter(|l| l.starts_with('#')).count() >= 20, "{name}: too few links within the page");
        problems.extend(check_links(&p));
    }
    // The check itself: a link to a heading that is not there.
    let mut p = page(PAGES[1]);
    p.links.push("#没有这一节".into());
    p.links.push("nowhere.md".into());
    assert_eq!(check_links(&p).len(), 2 + problems.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
