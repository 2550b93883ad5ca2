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
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o).replace(&path.display().to_string(), "wrong.yaml");
    insta::assert_snapshot!(out);
    // An expected finding written as its bare code: the report says how to write it.
    std::fs::write(&path, text.replace("- { code: budget.items-sum, severity: error }", "- budget.items-sum")).unwrap();
    for lang in ["en", "zh"] {
        let o = callspec(&["test", "--lang", lang, path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let out = stdout(&o).replace(&path.display().to_string(), "wrong.yaml");
        insta::assert_snapshot!(format!("test_bare_code_{lang}"), out);
    }
    let o = callspec(&["test", "--format", "json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let problems = &v["files"][0]["expect_problems"];
    assert!(problems[0].as_str().is_some_and(|p| p.contains("- { code: budget.items-sum, severity: error }")), "{v:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `callspec test` with no arguments runs the repository's examples and passes: the example
/// batches hold a `.callspec-batch` marker, so each is checked as one batch with the rules
/// across applications (120 passed and 15 failed before).
#[test]
fn test_with_no_arguments_passes_on_the_repository() {
    let o = callspec(&["test"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.ends_with(" passed, 0 failed, 0 skipped\n"), "{out}");
    let passed: usize = out.lines().last().unwrap().trim_start_matches("ok: ").split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 135, "{out}");
    // The same batch without its marker is a set of single files, and its batch findings are missing.
    let dir = std::env::temp_dir().join(format!("callspec-cli-marker-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let batch = common::root().join("examples/batches/hangzhou-duplicate-and-too-few");
    for e in std::fs::read_dir(&batch).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let with = callspec(&["test", dir.to_str().unwrap()]);
    std::fs::remove_file(dir.join(".callspec-batch")).unwrap();
    let without = callspec(&["test", dir.to_str().unwrap()]);
    std::fs::write(dir.join(".callspec-batch"), "compleat\n").unwrap();
    let bad = callspec(&["test", dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(with.status.code(), Some(0), "{}", stdout(&with));
    assert_eq!(without.status.code(), Some(1), "{}", stdout(&without));
    assert!(stdout(&without).contains("expected, not reported: batch.too-few-applicants (warning)"), "{}", stdout(&without));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown word `compleat`"));
}

/// Two specs with one call id (`a.yaml` and `a.json`, or two YAML files), or two plans with
/// one id: every command reports them the same way and none picks one silently.
#[test]
fn one_id_defined_twice_is_reported_by_every_command() {
    let dir = std::env::temp_dir().join(format!("callspec-cli-twice-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let yaml = std::fs::read_to_string(common::root().join("tests/fixtures/duplicate-calls/a.yaml")).unwrap();
    let doc = callspec::document::parse(callspec::source::SourceFile::new("a.yaml", yaml.clone()), &Default::default()).unwrap();
    std::fs::write(dir.join("a.yaml"), &yaml).unwrap();
    std::fs::write(dir.join("a.json"), serde_json::to_string_pretty(&doc.value).unwrap()).unwrap();
    let plan = std::fs::read_to_string(common::root().join("specs/hangzhou-2026-plan.yaml")).unwrap();
    std::fs::write(dir.join("plan-1.yaml"), &plan).unwrap();
    std::fs::write(dir.join("plan-2.yaml"), &plan).unwrap();
    let d = dir.to_str().unwrap();
    let draft = dir.join("draft.yaml");
    let example = std::fs::read_to_string(common::root().join("examples/hangzhou-2025/valid/key-academic-society.yaml")).unwrap();
    std::fs::write(&draft, example.replace("call: hangzhou-2025", "call: demo")).unwrap();
    let run = |args: &[&str]| {
        let o = callspec(args);
        (o.status.code(), format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr)))
    };
    let (code, out) = run(&["check", d]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("spec.duplicate-call") && out.contains("call id `demo` is also defined by"), "{out}");
    assert!(out.contains("spec.duplicate-plan") && out.contains("plan id `hangzhou-2026-plan` is also defined by"), "{out}");
    let twice = "the call `demo` is defined by more than one spec";
    for args in [
        vec!["show", "demo", "--specs", d],
        vec!["schema", "--call", "demo", "--specs", d],
        vec!["new", "--call", "demo", "--category", "x", "--specs", d],
        vec!["validate", "--call", "demo", "--specs", d, draft.to_str().unwrap()],
        vec!["validate", "--specs", d, draft.to_str().unwrap()],
    ] {
        let (code, out) = run(&args);
        assert_eq!(code, Some(2), "{args:?}: {out}");
        assert!(out.contains(twice), "{args:?}: {out}");
    }
    for args in [vec!["list", "--specs", d], vec!["calendar", "--specs", d]] {
        let (code, out) = run(&args);
        assert_eq!(code, Some(1), "{args:?}: {out}");
        assert!(out.contains("spec.duplicate-call") && !out.contains("demo  "), "{args:?}: {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
