//! The example batches under examples/batches/: each folder is every application one call
//! received. Validated together with `--complete`, each file gets exactly the findings its
//! `expect:` block declares (cross-application codes included; checked with
//! `callspec test --batch --complete`), and the rendered output of each folder is snapshotted.

mod common;

use std::process::Command;

fn run(dir: &str, format: &str) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(["validate", "--specs", "specs", "--complete", "--as-of", "2030-01-01", "--format", format, dir])
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .output()
        .expect("binary runs");
    (o.status.code(), String::from_utf8(o.stdout).expect("UTF-8 output"))
}

#[test]
fn batches_report_what_each_file_declares() {
    let root = common::root().join("examples/batches");
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 4, "expected the example batches");
    let mut cross = std::collections::BTreeSet::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("examples/batches/{name}");
        // Each file's `expect:` block, checked by `callspec test` with the rules across files.
        let o = Command::new(env!("CARGO_BIN_EXE_callspec"))
            .args(["test", "--specs", "specs", "--batch", "--complete", &rel])
            .current_dir(common::root())
            .env("NO_COLOR", "1")
            .output()
            .expect("binary runs");
        let text = String::from_utf8(o.stdout).unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}:\n{text}");
        assert!(text.contains(", 0 failed, 0 skipped"), "{name}: every file declares `expect:`\n{text}");
        let (code, json) = run(&rel, "json");
        let report: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
        for f in report["findings"].as_array().unwrap() {
            cross.extend(f["code"].as_str().filter(|c| c.starts_with("batch.")).map(str::to_owned));
        }
        assert_eq!(code, Some(if report["summary"]["errors"] == 0 { 0 } else { 1 }), "{name}");
        let (_, human) = run(&rel, "human");
        insta::assert_snapshot!(name, human);
    }
    // Every rule across applications is shown by some batch.
    for code in [
        "batch.applicant-limit",
        "batch.exclusive-categories",
        "batch.duplicate-project",
        "batch.too-few-applicants",
        "batch.extension-not-triggered",
        "batch.extension-applies",
    ] {
        assert!(cross.contains(code), "no example batch shows {code}");
    }
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let one = Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(["validate", "--specs", "specs", "--complete", "--as-of", "2030-01-01", "-j", "1", "examples"])
        .current_dir(common::root())
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    for jobs in ["2", "7"] {
        let many = Command::new(env!("CARGO_BIN_EXE_callspec"))
            .args(["validate", "--specs", "specs", "--complete", "--as-of", "2030-01-01", "-j", jobs, "examples"])
            .current_dir(common::root())
            .env("LC_ALL", "C")
            .output()
            .unwrap();
        assert_eq!(one.stdout, many.stdout, "-j {jobs}");
        assert_eq!(one.status.code(), many.status.code());
    }
}
