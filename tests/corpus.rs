//! The notices of tests/corpus/ that are written as specs: each `tests/corpus/<notice>/spec.yaml`
//! compiles through `callspec check` without a single finding, its quotes checked against the
//! notice text beside it; the drafts beside it behave as their `expect:` blocks declare under
//! `callspec test` (`valid/` and `invalid/` one by one, `batch/` as one batch of every application
//! received); every draft in `valid/` is free of errors and every one in `invalid/` has one; every
//! leaf category has a valid draft; and the counts of the clause-by-clause table in each
//! ENCODING.md are those of the summary table in tests/corpus/README.md.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use callspec::diagnostics::Severity;
use callspec::source::Limits;

/// The notice folders that hold a spec, sorted.
fn notices() -> Vec<PathBuf> {
    let root = common::root().join("tests/corpus");
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("spec.yaml").is_file()).collect();
    v.sort();
    assert!(v.len() >= 3, "the corpus encodes at least three notices, found {}", v.len());
    v
}

fn name(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

fn rel(dir: &Path, sub: &str) -> String {
    format!("tests/corpus/{}/{sub}", name(dir))
}

#[test]
fn every_corpus_spec_compiles_cleanly() {
    for dir in notices() {
        let spec = rel(&dir, "spec.yaml");
        let o = common::callspec(&["check", "--format", "json", &spec]);
        let out = common::stdout(&o);
        let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{spec}: {e}\n{out}"));
        assert_eq!(o.status.code(), Some(0), "{spec}:\n{out}");
        // Not even advice: every clause is cited, nothing is left to tidy, and every quote is
        // checked against the notice's text and found in its section (a spec that names no notice
        // text, or one that cannot be read, gets `spec.notice`).
        let findings = report["findings"].as_array().unwrap();
        assert!(findings.is_empty(), "{spec}: {findings:?}");
    }
}

/// Runs `callspec test` with the notice's spec on some folders of it; returns the output.
fn test(dir: &Path, extra: &[&str], folders: &[&str]) -> String {
    let spec = rel(dir, "spec.yaml");
    let paths: Vec<String> = folders.iter().map(|f| rel(dir, f)).collect();
    let mut args = vec!["test", "--specs", spec.as_str()];
    args.extend_from_slice(extra);
    args.extend(paths.iter().map(String::as_str));
    let o = common::callspec(&args);
    let out = common::stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{}: callspec {}\n{out}", name(dir), args.join(" "));
    assert!(out.contains(" 0 failed, 0 skipped"), "{}: every file declares `expect:`\n{out}", name(dir));
    out
}

#[test]
fn corpus_drafts_report_what_they_declare() {
    for dir in notices() {
        for kind in ["valid", "invalid"] {
            let files = common::yaml_files(&dir.join(kind));
            assert!(!files.is_empty(), "{}: no drafts in {kind}/", name(&dir));
            for path in files {
                let file = callspec::source::read(&path, &Limits::default()).unwrap();
                let doc = callspec::document::parse(file, &Limits::default()).unwrap();
                let expect = callspec::expect::declared(&doc).unwrap_or_else(|| panic!("{}: no `expect:`", path.display()));
                let errors = expect.findings.iter().any(|f| f.severity == Some(Severity::Error));
                match kind {
                    "valid" => assert!(!errors, "{}: a valid draft declares an error", path.display()),
                    _ => assert!(errors, "{}: an invalid draft must declare an error", path.display()),
                }
            }
        }
        test(&dir, &[], &["valid", "invalid"]);
        if dir.join("batch").is_dir() {
            // Rules across applications (limits per recommender, per person ...): the folder
            // is every application received.
            let batch = common::yaml_files(&dir.join("batch"));
            let texts: Vec<String> = batch.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
            assert!(texts.iter().any(|t| t.contains("code: batch.")), "{}: the batch shows no rule across applications", name(&dir));
            test(&dir, &["--batch", "--complete"], &["batch"]);
        }
    }
}

#[test]
fn every_leaf_category_has_a_valid_draft() {
    for dir in notices() {
        let bundle = callspec::load::bundle(&[dir.join("spec.yaml")], &Limits::default());
        let [(_, call)] = bundle.calls.as_slice() else { panic!("{}: one call expected", name(&dir)) };
        let mut covered = std::collections::BTreeSet::new();
        for path in common::yaml_files(&dir.join("valid")) {
            // Read as a document: the call's declared fields are not keys of the generic format.
            let file = callspec::source::read(&path, &Limits::default()).unwrap();
            let doc = callspec::document::parse(file, &Limits::default()).unwrap();
            covered.extend(doc.value.get("category").and_then(|c| c.as_str()).map(str::to_owned));
        }
        let missing: Vec<&str> = call.leaf_paths().filter(|p| !covered.contains(*p)).collect();
        assert!(missing.is_empty(), "{}: no valid draft for {missing:?}", name(&dir));
    }
}

/// The encodings a clause may get, as ENCODING.md and README.md spell them.
const ENCODINGS: [&str; 4] = ["direct", "bent", "prose only", "impossible"];

/// The rows of the first Markdown table whose header starts with `header`, as cells.
fn table(text: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with(header));
    assert!(lines.next().is_some(), "no table headed `{header}`");
    lines
        .skip(1) // the |---| line
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim().trim_matches('|').split(" | ").map(|c| c.trim().to_owned()).collect())
        .collect()
}

#[test]
fn encoding_tables_match_the_readme() {
    let readme = std::fs::read_to_string(common::root().join("tests/corpus/README.md")).unwrap();
    let summary: BTreeMap<String, Vec<String>> = table(&readme, "| notice | level | kind | clauses |")
        .into_iter()
        .map(|row| {
            let id = row[0].trim_start_matches('[').split(']').next().unwrap().to_owned();
            (id, row)
        })
        .collect();
    for dir in notices() {
        let id = name(&dir);
        let text = std::fs::read_to_string(dir.join("ENCODING.md")).unwrap_or_else(|e| panic!("{id}: ENCODING.md: {e}"));
        let rows = table(&text, "| § | clause | encoding |");
        let mut counts = [0usize; 4];
        for row in &rows {
            let cell = &row[2];
            let i = ENCODINGS
                .iter()
                .position(|e| cell == e || cell.starts_with(&format!("{e} ")))
                .unwrap_or_else(|| panic!("{id}: `{cell}` is not one of {ENCODINGS:?}"));
            counts[i] += 1;
        }
        let row = summary.get(&id).unwrap_or_else(|| panic!("{id}: no row in the README's summary table"));
        let stated: Vec<usize> = row[3..8].iter().map(|c| c.parse().unwrap_or_else(|_| panic!("{id}: `{c}` is not a count"))).collect();
        assert_eq!(stated[0], rows.len(), "{id}: clauses");
        assert_eq!(&stated[1..], &counts, "{id}: direct / bent / prose only / impossible");
    }
    assert_eq!(summary.len(), notices().len(), "the README's summary table has a row per encoded notice");
}
