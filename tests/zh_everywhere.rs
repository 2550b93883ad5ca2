//! `--lang zh` output has no English sentence: every finding of every invalid example (which
//! between them cover every rule), the draft with four mistakes, the hostile drafts and broken
//! specs, rendered in Chinese. Codes, keys, ids, paths, quoted values and text in backticks or
//! quotes are the user's or the format's own and may be Latin; two English words in a row
//! elsewhere are a text that was never translated.

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
