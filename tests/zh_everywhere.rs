//! `--lang zh` output has no English sentence: every finding of every invalid example (which
//! between them cover every rule), the draft with four mistakes, the hostile drafts and broken
//! specs, rendered in Chinese; `explain` of every code; `list`, `show` and `calendar` of every
//! built-in call; the per-call schema's own descriptions; `--help` of every subcommand; the notes
//! and errors the commands write on standard error. Codes, keys, ids, paths, quoted values and
//! text in backticks or quotes are the user's or the format's own and may be Latin; two English
//! words in a row elsewhere are a text that was never translated.

mod common;

use common::callspec;

/// Text with what may stay Latin removed: `code`, “quotes”, "quotes", ids in parentheses.
fn translatable(text: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '`') => quote = Some('`'),
            (None, '“') => quote = Some('”'),
            (None, '"') => quote = Some('"'),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out
}

/// The first two English words in a row, if any (YYYY-MM-DD and HH:MM are formats, not words).
fn english_phrase(text: &str) -> Option<String> {
    let words: Vec<&str> = translatable(text)
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == ' '))
        .flat_map(|run| run.split(' ').collect::<Vec<_>>().windows(2).map(|w| format!("{} {}", w[0], w[1])).collect::<Vec<_>>())
        .filter(|pair| {
            let mut it = pair.split(' ');
            let (a, b) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
            a.len() > 1 && b.len() > 1 && a.chars().all(|c| c.is_ascii_alphabetic()) && b.chars().all(|c| c.is_ascii_alphabetic())
        })
        .map(|s| s.to_owned())
        .collect::<Vec<_>>()
        .into_iter()
        .map(|s| Box::leak(s.into_boxed_str()) as &str)
        .collect();
    words.first().map(|s| (*s).to_owned())
}

fn findings(args: &[&str]) -> Vec<serde_json::Value> {
    let o = callspec(&[args, &["--lang", "zh", "--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["findings"].as_array().unwrap().clone()
}

fn files(dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(common::root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| p.strip_prefix(common::root()).unwrap().display().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn the_phrase_detector_detects() {
    assert_eq!(english_phrase("requested 5 万元 exceeds the cap").as_deref(), Some("exceeds the"));
    assert_eq!(english_phrase("申请经费 `is not` 超过上限（budget.requested）"), None);
    assert_eq!(english_phrase("可用的键：application, budget, call"), None);
}

#[test]
fn chinese_output_has_no_english_sentence() {
    let mut all = Vec::new();
    for dir in
        ["examples/hangzhou-2025/invalid", "examples/ningxia-2025/invalid", "examples/jiangsu-2024/invalid", "examples/cast-2021/invalid"]
    {
        let list = files(dir);
        let args: Vec<&str> = std::iter::once("validate").chain(list.iter().map(String::as_str)).collect();
        all.extend(findings(&args));
    }
    all.extend(findings(&["validate", "tests/fixtures/applications/four-mistakes.yaml"]));
    // The hostile drafts, one at a time (their input errors belong to the input layer).
    for f in files("tests/hostile/applications") {
        all.extend(findings(&["validate", &f]).into_iter().filter(|f| !f["code"].as_str().unwrap().starts_with("input.")));
    }
    let specs = files("tests/fixtures/specs");
    let args: Vec<&str> = std::iter::once("check").chain(specs.iter().map(String::as_str)).collect();
    all.extend(findings(&args));
    // Parser and OS errors keep the parser's own detail inside a Chinese sentence (`YAML 错误：…`);
    // they belong to the input layer.
    all.retain(|f| !f["code"].as_str().unwrap().starts_with("input."));
    let mut codes: Vec<&str> = all.iter().map(|f| f["code"].as_str().unwrap()).collect();
    codes.sort();
    codes.dedup();
    // Every rule of the registry that a draft can trigger is in the set.
    assert!(codes.len() >= 35, "{} codes: {codes:?}", codes.len());
    let mut english = Vec::new();
    for f in &all {
        let mut texts = vec![f["message"].as_str().unwrap_or("").to_owned()];
        texts.extend(["help", "requirement"].iter().filter_map(|k| f[*k].as_str().map(str::to_owned)));
        texts.extend(f["labels"].as_array().unwrap().iter().map(|l| l["text"].as_str().unwrap().to_owned()));
        for t in texts {
            if let Some(p) = english_phrase(&t) {
                english.push(format!("{}: “{p}” in {t}", f["code"]));
            }
        }
    }
    english.sort();
    english.dedup();
    assert!(english.is_empty(), "{} English texts:\n{}", english.len(), english.join("\n"));
}

/// Every line of `text` with an English phrase, with where it came from.
fn english_lines(what: &str, text: &str) -> Vec<String> {
    text.lines().filter_map(|l| english_phrase(l).map(|p| format!("{what}: “{p}” in {}", l.trim()))).collect()
}

fn assert_chinese(found: Vec<String>) {
    let mut found = found;
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{} English texts:\n{}", found.len(), found.join("\n"));
}

/// The binary in Chinese (`--lang zh` appended unless `args` has it), standard output and error.
fn zh(args: &[&str]) -> (String, String) {
    let mut all: Vec<&str> = args.to_vec();
    if !all.contains(&"--lang") {
        all.extend(["--lang", "zh"]);
    }
    let o = callspec(&all);
    (String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The ids of the built-in calls, from `list --format json`.
fn call_ids() -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&zh(&["list", "--format", "json"]).0).unwrap();
    v["calls"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn explain_is_chinese_for_every_code() {
    let (list, _) = zh(&["explain", "--list"]);
    let codes: Vec<&str> = list.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(codes.len() >= 80, "{list}");
    let mut found = english_lines("explain --list", &list);
    for code in &codes {
        let (doc, _) = zh(&["explain", code]);
        assert!(doc.starts_with(code) && has_chinese(&doc), "{doc}");
        found.extend(english_lines(&format!("explain {code}"), &doc));
    }
    // Unknown codes are told in Chinese too.
    let (_, err) = zh(&["explain", "budget.over-cpa"]);
    assert!(err.contains("`budget.over-cap`") && has_chinese(&err), "{err}");
    found.extend(english_lines("explain budget.over-cpa", &err));
    assert_chinese(found);
}

#[test]
fn list_show_and_calendar_are_chinese() {
    let mut found = Vec::new();
    let (list, _) = zh(&["list"]);
    assert!(list.starts_with("通知"), "{list}");
    found.extend(english_lines("list", &list));
    let json: serde_json::Value = serde_json::from_str(&zh(&["list", "--format", "json"]).0).unwrap();
    for call in json["calls"].as_array().unwrap() {
        found.extend(english_lines("list --format json", call["title"].as_str().unwrap()));
        for c in call["categories"].as_array().unwrap() {
            for key in ["name", "amount", "quota"] {
                found.extend(english_lines("list --format json", c[key].as_str().unwrap_or("")));
            }
        }
    }
    let (calendar, _) = zh(&["calendar"]);
    assert!(calendar.starts_with("日期"), "{calendar}");
    found.extend(english_lines("calendar", &calendar));
    for id in call_ids() {
        let (guide, _) = zh(&["show", &id]);
        assert!(guide.starts_with("# "), "{guide}");
        found.extend(english_lines(&format!("show {id}"), &guide));
    }
    let (_, err) = zh(&["show", "hangzhou-2025", "--category", "key/academic-societi"]);
    assert!(has_chinese(&err), "{err}");
    found.extend(english_lines("show --category", &err));
    assert_chinese(found);
}

/// Every text of a JSON value under `description` or `title`.
fn descriptions(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                match (k.as_str(), v) {
                    ("description" | "title", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => descriptions(v, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| descriptions(v, out)),
        _ => {}
    }
}

#[test]
fn a_calls_schema_describes_it_in_chinese() {
    // The generic application format's own descriptions (doc comments of the format) stay English.
    let generic: serde_json::Value = serde_json::from_str(&zh(&["schema", "--kind", "application"]).0).unwrap();
    let mut english = Vec::new();
    descriptions(&generic, &mut english);
    let mut found = Vec::new();
    for id in call_ids() {
        let schema: serde_json::Value = serde_json::from_str(&zh(&["schema", "--call", &id]).0).unwrap();
        let mut texts = Vec::new();
        descriptions(&schema, &mut texts);
        texts.retain(|t| !english.contains(t));
        assert!(texts.len() > 10 && texts.iter().all(|t| has_chinese(t)), "{id}: {texts:?}");
        for t in texts {
            found.extend(english_lines(&format!("schema --call {id}"), &t));
        }
    }
    assert_chinese(found);
}

/// `callspec <subcommand>` in a usage line is the command's name.
fn without_command_names(help: &str) -> String {
    let mut out = String::new();
    let mut rest = help;
    while let Some(i) = rest.find("callspec ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + "callspec ".len()..];
        let word = after.find(|c: char| !(c.is_ascii_lowercase() || c == '-')).unwrap_or(after.len());
        rest = &after[word..];
    }
    out.push_str(rest);
    out
}

#[test]
fn help_is_chinese_for_every_subcommand() {
    let (top, _) = zh(&["--help"]);
    let subs: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("命令"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(subs.len() >= 12 && subs.iter().any(|s| s == "validate"), "{top}");
    let mut found = english_lines("--help", &without_command_names(&top));
    found.extend(english_lines("-h", &without_command_names(&zh(&["-h"]).0)));
    for sub in subs.iter().filter(|s| *s != "help") {
        for flag in ["--help", "-h"] {
            let (help, _) = zh(&[sub, flag]);
            assert!(help.contains("用法：") && has_chinese(&help), "{sub} {flag}: {help}");
            found.extend(english_lines(&format!("{sub} {flag}"), &without_command_names(&help)));
        }
    }
    // `help SUBCOMMAND`, and a Chinese locale without `--lang`.
    found.extend(english_lines("help check", &without_command_names(&zh(&["help", "check"]).0)));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(["validate", "--help"])
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let help = String::from_utf8(o.stdout).unwrap();
    assert!(help.contains("用法：callspec validate"), "{help}");
    assert_chinese(found);
}

#[test]
fn notes_and_errors_on_standard_error_are_chinese() {
    let mut found = Vec::new();
    // `check` on a spec and a folder that holds drafts leaves the drafts out with a note (drafts
    // alone are an error, `cli::check`).
    let (_, err) = zh(&["check", "specs/hangzhou-2025.yaml", "examples/hangzhou-2025/valid"]);
    assert!(err.contains("注意：") && has_chinese(&err), "{err}");
    found.extend(english_lines("check", &err));
    // `migrate` on a version 2 spec leaves it alone; several files need --write.
    let (_, err) = zh(&["migrate", "specs/hangzhou-2025.yaml"]);
    assert!(has_chinese(&err), "{err}");
    found.extend(english_lines("migrate", &err));
    let (_, err) = zh(&["migrate", "specs/hangzhou-2025.yaml", "specs/cast-2021.yaml"]);
    assert!(err.starts_with("错误："), "{err}");
    found.extend(english_lines("migrate", &err));
    // `new` with a category the call does not have; `validate` and `check` summaries.
    let (_, err) = zh(&["new", "--call", "hangzhou-2025", "--category", "key"]);
    assert!(err.starts_with("错误："), "{err}");
    found.extend(english_lines("new", &err));
    let (out, _) = zh(&["validate", "examples/hangzhou-2025/invalid/budget-items-sum.yaml"]);
    assert!(out.contains("未通过："), "{out}");
    found.extend(english_lines("validate", &out));
    assert_chinese(found);
}

#[test]
fn usage_errors_are_chinese() {
    let mut found = Vec::new();
    for args in [
        &["chec"][..],
        &["validate"],
        &["validate", "--bogus", "x.yaml"],
        &["validate", "--as-of", "2025-13-01", "x.yaml"],
        &["validate", "--spec", "a.yaml", "--call", "b", "x.yaml"],
        &["list", "--format", "xml"],
        &["list", "--formt", "json"],
        &["test", "--complete"],
        &["--lang", "zh", "--lang", "zh", "list"],
    ] {
        let o = callspec(&[&["--lang", "zh"][..], args].concat());
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("错误："), "{args:?}: {err}");
        found.extend(english_lines(&format!("{args:?}"), &without_command_names(&err)));
    }
    assert_chinese(found);
}
