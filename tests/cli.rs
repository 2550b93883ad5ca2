//! The `callspec` binary: exit codes and output of each subcommand.

mod common;

use common::callspec;

use common::stdout;

#[test]
fn check_bundled_specs_is_clean() {
    let o = callspec(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn check_broken_spec_exits_1_with_summary() {
    let o = callspec(&["check", "tests/fixtures/specs/tranches-not-100.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn check_unusable_inputs_exit_2() {
    let o = callspec(&["check", "tests/fixtures/specs/tab-indentation.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let o = callspec(&["check", "no/such/file.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("does not exist"), "{}", stdout(&o));
}

#[test]
fn usage_errors_exit_2() {
    let o = callspec(&["check", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    let o = callspec(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_json_output_is_machine_readable() {
    let o = callspec(&["check", "--format", "json", "tests/fixtures/specs/unknown-clause.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["exit_code"], 1);
    let unknown = v["findings"].as_array().unwrap().iter().find(|f| f["code"] == "spec.unknown-ref").expect("the unknown clause");
    assert_eq!(unknown["labels"][0]["value"], "c-kip");
    insta::assert_json_snapshot!(v);
}

#[test]
fn explain_documents_codes() {
    let o = callspec(&["explain", "spec.tranches"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("100"));
    let o = callspec(&["explain", "spec.tranche"]);
    assert_eq!(o.status.code(), Some(2));
    let o = callspec(&["explain", "--list"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn validate_valid_examples_exits_0() {
    let o = callspec(&["validate", "examples/hangzhou-2025/valid"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("14 application files checked (13 valid, 1 with warnings, 0 invalid); 0 errors, 1 warning"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn validate_invalid_example_exits_1_and_cites_the_notice() {
    let o = callspec(&["validate", "--call", "hangzhou-2025", "examples/hangzhou-2025/invalid/budget-items-sum.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn validate_with_a_spec_file_and_deny_warnings() {
    let args = ["validate", "--spec", "specs/hangzhou-2025.yaml", "examples/hangzhou-2025/valid/warning-period-after-completion.yaml"];
    assert_eq!(callspec(&args).status.code(), Some(0));
    let mut strict = args.to_vec();
    strict.extend(["--deny", "warnings"]);
    assert_eq!(callspec(&strict).status.code(), Some(1));
}

#[test]
fn validate_unknown_call_is_unusable_input() {
    let o = callspec(&["validate", "--call", "hangzhou-2052", "examples/hangzhou-2025/valid/unfunded.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("did you mean `hangzhou-2025`?"), "{}", stdout(&o));
}

#[test]
fn validate_accepts_json_drafts() {
    // A portal's JSON export of examples/hangzhou-2025/valid/key-international.yaml.
    let o = callspec(&["validate", "tests/fixtures/applications/hangzhou-key-international.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn two_specs_with_one_call_id_are_reported_on_the_second() {
    let o = callspec(&["check", "tests/fixtures/duplicate-calls"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("spec.duplicate-call"), "{}", stdout(&o));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn test_reports_differences_from_declared_expectations() {
    let o = callspec(&["test", "examples/hangzhou-2025"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(", 0 failed, 0 skipped"), "{}", stdout(&o));
    // A draft whose expectation is wrong fails, naming both sides.
    let dir = std::env::temp_dir().join(format!("callspec-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(common::root().join("examples/hangzhou-2025/invalid/budget-items-sum.yaml")).unwrap();
    let wrong = text.replace("{ code: budget.items-sum, severity: error }", "{ code: budget.items-sum, severity: warning }");
    assert_ne!(text, wrong);
    let path = dir.join("wrong.yaml");
    std::fs::write(&path, wrong).unwrap();
    let o = callspec(&["test", path.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o).replace(&path.display().to_string(), "wrong.yaml");
    insta::assert_snapshot!(out);
}
