//! What an editor shows, held against `callspec validate`: yaml-language-server (installed
//! under `tests/editor/node_modules` by `.ci/run` with `npm ci`; never fetched here) driven
//! over LSP by `tests/editor/lsp.mjs`, on every valid example draft with its call's schema
//! (`schemas/calls/<id>.schema.json`) and on mutations of one draft per call.
//!
//! - A valid draft gets no mark; hover on `requested` shows the category's amount rule, and
//!   hover on each KPI its target and clause (the descriptions of the call's schema).
//! - Each mistake the README says the editor marks is marked on its line (or the line of the
//!   mapping that misses a key), and `validate` reports an error on the same draft: a misspelt
//!   key, a wrong fixed amount (as a number, as text, and with `category` written as a
//!   one-element list), an amount over a hard cap (where a call has one), a missing KPI, a KPI under its minimum, a
//!   missing or misspelt attestation and a `~` left in place of an attestation or a KPI.
//! - Spellings both read alike are not marked and pass `validate`: a KPI written `3.0` or
//!   `0x3`, a fixed amount written as text. The one reading the README says differs, a
//!   decimal where text is expected (`name: 1.5`), is marked by the editor only.

mod common;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// One draft for the language server: its path and the positions to hover.
struct Probe {
    path: PathBuf,
    hovers: Vec<(usize, usize)>,
}

/// What the editor shows for one draft: the lines it marks (0-based, with the messages) and the
/// hover texts.
struct Shown {
    marks: Vec<(usize, String)>,
    hovers: Vec<Option<String>>,
}

fn server() -> Result<PathBuf, String> {
    let dir = common::root().join("tests/editor");
    if !dir.join("node_modules/yaml-language-server/bin/yaml-language-server").exists() {
        return Err("yaml-language-server is not installed (cd tests/editor && npm ci)".into());
    }
    match std::process::Command::new("node").arg("--version").output() {
        Ok(o) if o.status.success() => Ok(dir.join("lsp.mjs")),
        _ => Err("node is not installed".into()),
    }
}

fn editor(script: &Path, probes: &[Probe]) -> Vec<Shown> {
    use std::io::Write;
    let input = json!({ "files": probes.iter().map(|p| json!({
        "path": p.path,
        "hovers": p.hovers.iter().map(|(l, c)| json!({ "line": l, "character": c })).collect::<Vec<_>>(),
    })).collect::<Vec<_>>() });
    let mut child = std::process::Command::new("node")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("node runs");
    child.stdin.take().unwrap().write_all(input.to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the LSP driver failed");
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("the driver's JSON");
    results
        .iter()
        .map(|r| Shown {
            marks: r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["line"].as_u64().unwrap() as usize, d["message"].as_str().unwrap_or("").to_owned()))
                .collect(),
            // Markdown escapes aside, the text shown.
            hovers: r["hovers"].as_array().unwrap().iter().map(|h| h.as_str().map(|s| s.replace('\\', ""))).collect(),
        })
        .collect()
}

/// The draft with its modeline pointing at its call's schema (an absolute path).
fn with_call_schema(text: &str, call: &str) -> String {
    let schema = common::root().join(format!("schemas/calls/{call}.schema.json"));
    let modeline = format!("# yaml-language-server: $schema={}", schema.display());
    match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# yaml-language-server:") => format!("{modeline}\n{rest}"),
        _ => format!("{modeline}\n{text}"),
    }
}

fn top(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| l.strip_prefix(&format!("{key}: ")).map(|v| v.trim().to_owned()))
}

/// The lines (0-based) of the entries of a top-level block mapping `key:`, with key and value.
fn entries(text: &str, key: &str) -> Vec<(usize, String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| l.trim_end() == format!("{key}:") || l.starts_with(&format!("{key}:  #"))) else {
        return Vec::new();
    };
    lines[start + 1..]
        .iter()
        .enumerate()
        .take_while(|(_, l)| l.starts_with("  ") || l.trim().is_empty())
        .filter_map(|(i, l)| {
            let t = l.strip_prefix("  ")?;
            if t.starts_with(' ') || t.starts_with('#') {
                return None;
            }
            let (k, v) = t.split_once(':')?;
            Some((start + 1 + i, k.trim().to_owned(), v.split(" #").next().unwrap_or("").trim().to_owned()))
        })
        .collect()
}

fn line_of(text: &str, prefix: &str) -> Option<usize> {
    text.lines().position(|l| l.starts_with(prefix))
}

fn replace_line(text: &str, n: usize, new: &str) -> String {
    text.lines().enumerate().map(|(i, l)| if i == n { format!("{new}\n") } else { format!("{l}\n") }).collect()
}

/// The `then` of the call schema's branch for `category`.
fn branch<'s>(schema: &'s Value, category: &str) -> &'s Value {
    schema["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b.pointer("/if/properties/category/enum/0").and_then(Value::as_str) == Some(category))
        .map(|b| &b["then"])
        .unwrap_or_else(|| panic!("no branch for {category}"))
}

fn examples() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(common::root().join("examples")).unwrap() {
        let dir = dir.unwrap().path();
        let valid = dir.join("valid");
        if !valid.is_dir()
            || !common::root().join(format!("schemas/calls/{}.schema.json", dir.file_name().unwrap().to_str().unwrap())).exists()
        {
            continue;
        }
        for f in common::yaml_files(&valid) {
            out.push((dir.file_name().unwrap().to_str().unwrap().to_owned(), f));
        }
    }
    out.sort();
    out
}

/// `callspec validate` on a draft, at the draft's own `expect.as_of`: whether it reports an error.
fn validate_errs(path: &Path, text: &str) -> bool {
    let as_of = text.lines().find_map(|l| l.trim().strip_prefix("as_of: ").map(|v| v.trim().trim_matches('"').to_owned()));
    let mut args = vec!["validate".to_owned(), "--format".into(), "json".into()];
    if let Some(d) = as_of {
        args.extend(["--as-of".into(), d]);
    }
    args.push(path.to_str().unwrap().into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::callspec(&args);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    report["summary"]["errors"].as_u64().unwrap_or(1) > 0
}

struct Mutation {
    what: String,
    text: String,
    /// The lines where the mark may be; empty: no mark at all.
    lines: Vec<usize>,
    /// Whether `validate` reports an error too (false only for the one reading the README
    /// says differs).
    validate: bool,
}

fn mutations(text: &str, schema: &Value) -> Vec<Mutation> {
    let category = top(text, "category").unwrap();
    let then = branch(schema, &category);
    let mut out = Vec::new();
    let m = |what: &str, text: String, lines: Vec<usize>| {
        let validate = !lines.is_empty();
        Mutation { what: what.to_owned(), text, lines, validate }
    };

    let project = line_of(text, "project:").unwrap();
    let summary = line_of(text, "  summary:").unwrap();
    out.push(m(
        "a misspelt key",
        replace_line(text, summary, &text.lines().nth(summary).unwrap().replacen("summary", "sumary", 1)),
        vec![summary, project],
    ));

    // The README's one differing reading: a decimal where text is expected.
    let name = line_of(text, "  name:").unwrap();
    out.push(Mutation { validate: false, ..m("a decimal as the project name", replace_line(text, name, "  name: 1.5"), vec![name]) });

    let rule = &then["properties"]["budget"]["properties"]["requested"];
    let requested = line_of(text, "  requested:").unwrap();
    if rule["minimum"].is_number() && rule["minimum"] == rule["maximum"] {
        let v = rule["maximum"].as_f64().unwrap();
        let wrong = format!("{}", v + 1.0);
        out.push(m("a wrong fixed amount", replace_line(text, requested, &format!("  requested: {wrong}")), vec![requested]));
        out.push(m("a wrong fixed amount as text", replace_line(text, requested, &format!("  requested: \"{wrong}\"")), vec![requested]));
        let as_list = replace_line(text, line_of(text, "category:").unwrap(), &format!("category: [{category}]"));
        out.push(m(
            "a wrong fixed amount, category as a list",
            replace_line(&as_list, requested, &format!("  requested: {wrong}")),
            vec![requested],
        ));
        out.push(m("the fixed amount as text", replace_line(text, requested, &format!("  requested: \"{}\"", rule["maximum"])), vec![]));
    } else if let Some(max) = rule["maximum"].as_f64() {
        out.push(m("an amount over the cap", replace_line(text, requested, &format!("  requested: {}", max + 1.0)), vec![requested]));
    }

    let kpis = entries(text, "kpis");
    let required: Vec<&str> =
        then["properties"]["kpis"]["required"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    if let Some((line, id, value)) = kpis.iter().find(|(_, id, _)| required.contains(&id.as_str())) {
        let kpis_line = line_of(text, "kpis:").unwrap();
        let without: String = text.lines().enumerate().filter(|(i, _)| i != line).map(|(_, l)| format!("{l}\n")).collect();
        out.push(m("a missing KPI", without, vec![kpis_line]));
        out.push(m("`~` left in place of a KPI", replace_line(text, *line, &format!("  {id}: ~")), vec![*line]));
        if let Some(min) = then["properties"]["kpis"]["properties"][id]["minimum"].as_u64().filter(|n| *n > 0) {
            out.push(m("a KPI under its minimum", replace_line(text, *line, &format!("  {id}: {}", min - 1)), vec![*line]));
        }
        if let Ok(n) = value.parse::<u64>() {
            out.push(m("a KPI written with `.0`", replace_line(text, *line, &format!("  {id}: {value}.0")), vec![]));
            out.push(m("a KPI written in hex", replace_line(text, *line, &format!("  {id}: {n:#x}")), vec![]));
        }
    }
    let attestations = entries(text, "attestations");
    if let Some((line, _, _)) = attestations.iter().find(|(_, id, _)| {
        schema["allOf"].as_array().unwrap().iter().any(|b| {
            b.pointer("/properties/attestations/required").and_then(Value::as_array).is_some_and(|r| r.iter().any(|x| x == id.as_str()))
        })
    }) {
        let without: String = text.lines().enumerate().filter(|(i, _)| i != line).map(|(_, l)| format!("{l}\n")).collect();
        out.push(m("a missing attestation", without, vec![line_of(text, "attestations:").unwrap()]));
    }
    if let Some((line, id, _)) = attestations.first() {
        out.push(m("a misspelt attestation", replace_line(text, *line, &format!("  {id}: not-aplicable")), vec![*line]));
        out.push(m("`~` left in place of an attestation", replace_line(text, *line, &format!("  {id}: ~")), vec![*line]));
    }
    out
}

#[test]
#[allow(clippy::print_stderr, reason = "a skipped check and the counts say so where `cargo test` shows it")]
fn the_editor_marks_what_validate_reports_and_hover_shows_the_rules() {
    let script = match server() {
        Ok(s) => s,
        Err(why) => {
            // CI (`CI` set, as `.ci/run` runs) must run this test, not pass it silently.
            assert!(std::env::var_os("CI").is_none(), "{why}: CI must run the editor test (.ci/run installs it)");
            eprintln!("skipped: {why}");
            return;
        }
    };
    let dir = std::env::temp_dir().join(format!("callspec-editor-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut probes = Vec::new();
    /// What a probe is, the lines a mark may be on and whether `validate` reports an error
    /// (`None`: a valid draft, no mark), the expected hover texts.
    type Expected = (String, Option<(Vec<usize>, bool)>, Vec<String>);
    let mut expected: Vec<Expected> = Vec::new();
    let mut mutated_calls = std::collections::BTreeSet::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (call, path) in examples() {
        let text = with_call_schema(&std::fs::read_to_string(&path).unwrap(), &call);
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(common::root().join(format!("schemas/calls/{call}.schema.json"))).unwrap())
                .unwrap();
        let category = top(&text, "category").unwrap();
        let then = branch(&schema, &category);
        let name = format!("{call}/{}", path.file_name().unwrap().to_str().unwrap());
        let out = dir.join(name.replace('/', "__"));
        std::fs::write(&out, &text).unwrap();
        let mut hovers = Vec::new();
        let mut want = Vec::new();
        if let Some(l) = line_of(&text, "  requested:") {
            hovers.push((l, 4));
            want.push(then["properties"]["budget"]["properties"]["requested"]["description"].as_str().unwrap().to_owned());
        }
        for (l, id, _) in entries(&text, "kpis") {
            hovers.push((l, 3));
            let d = then["properties"]["kpis"]["properties"][&id]["description"].as_str();
            want.push(d.unwrap_or_else(|| panic!("{name}: KPI {id} has no description in the call's schema")).to_owned());
        }
        probes.push(Probe { path: out, hovers });
        expected.push((name.clone(), None, want));
        // One draft per call and kind of amount (fixed, capped, other) with KPIs is mutated.
        let rule = &then["properties"]["budget"]["properties"]["requested"];
        let kind = if rule["minimum"].is_number() && rule["minimum"] == rule["maximum"] {
            "fixed"
        } else if rule["maximum"].is_number() {
            "cap"
        } else {
            "other"
        };
        if !entries(&text, "kpis").is_empty() && mutated_calls.insert((call.clone(), kind)) {
            for (i, mu) in mutations(&text, &schema).into_iter().enumerate() {
                let out = dir.join(format!("{}__m{i}.yaml", name.replace('/', "__")));
                std::fs::write(&out, &mu.text).unwrap();
                probes.push(Probe { path: out, hovers: Vec::new() });
                kinds.insert(mu.what.clone());
                expected.push((format!("{name}: {}", mu.what), Some((mu.lines, mu.validate)), Vec::new()));
            }
        }
    }
    assert!(
        mutated_calls.iter().map(|(c, _)| c).collect::<std::collections::BTreeSet<_>>().len() >= 4,
        "mutated drafts of {mutated_calls:?}"
    );
    // Every mistake the README says the editor marks is tried at least once.
    for kind in [
        "a misspelt key",
        "a wrong fixed amount",
        "a wrong fixed amount as text",
        "a wrong fixed amount, category as a list",
        "a missing KPI",
        "a KPI under its minimum",
        "a missing attestation",
        "a misspelt attestation",
        "`~` left in place of a KPI",
        "`~` left in place of an attestation",
        "a KPI written with `.0`",
        "a KPI written in hex",
        "a decimal as the project name",
        "the fixed amount as text",
    ] {
        assert!(kinds.contains(kind), "no draft tried {kind}: {kinds:?}");
    }
    let shown = editor(&script, &probes);
    let mut wrong = Vec::new();
    let (mut drafts, mut hovered, mut mutations) = (0, 0, 0);
    for ((what, lines, want), (probe, seen)) in expected.iter().zip(probes.iter().zip(&shown)) {
        let text = std::fs::read_to_string(&probe.path).unwrap();
        let errs = validate_errs(&probe.path, &text);
        match lines {
            None => {
                drafts += 1;
                if !seen.marks.is_empty() {
                    wrong.push(format!("{what}: a valid draft is marked: {:?}", seen.marks));
                }
                for (w, h) in want.iter().zip(&seen.hovers) {
                    hovered += 1;
                    if !h.as_deref().is_some_and(|h| h.contains(w.as_str())) {
                        wrong.push(format!("{what}: hover shows {h:?}, not the rule {w:?}"));
                    }
                }
            }
            Some((lines, _)) if lines.is_empty() => {
                mutations += 1;
                if !seen.marks.is_empty() || errs {
                    wrong.push(format!("{what}: marked {:?}, validate reports an error: {errs} (neither should)", seen.marks));
                }
            }
            Some((lines, validate)) => {
                mutations += 1;
                if seen.marks.is_empty() || seen.marks.iter().any(|(l, _)| !lines.contains(l)) {
                    wrong.push(format!("{what}: marked {:?}, expected a mark on line(s) {lines:?} only", seen.marks));
                }
                if errs != *validate {
                    wrong.push(format!("{what}: the editor marks it, validate reports an error: {errs} (expected {validate})"));
                }
            }
        }
    }
    eprintln!(
        "yaml-language-server: {drafts} valid drafts unmarked, {hovered} hovers, {mutations} mutations checked; {} wrong",
        wrong.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// YAML 1.1 readers (PyYAML, ruamel) make a plain `2025-05-01` a date object, which fails the
/// published schemas (dates are text): every example writes its dates quoted.
#[test]
fn example_dates_are_quoted_for_yaml_1_1_readers() {
    let plain = regex::Regex::new(r#"(^|[\s{,\[])([\w-]+: |- )\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?\s*([,}\]]|#|$)"#).unwrap();
    let mut found = Vec::new();
    let mut dir = vec![common::root().join("examples")];
    while let Some(d) = dir.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dir.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                for (i, line) in std::fs::read_to_string(&p).unwrap().lines().enumerate() {
                    let code = line.split(" #").next().unwrap();
                    if !code.trim_start().starts_with('#') && plain.is_match(code) {
                        found.push(format!("{}:{}: {line}", p.display(), i + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "plain dates:\n{}", found.join("\n"));
}
