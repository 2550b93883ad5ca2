//! The output formats of `validate` and `check`: snapshots of each, the SARIF output validated
//! against the official SARIF 2.1.0 schema (tests/fixtures/sarif-schema-2.1.0.json, from
//! oasis-tcs/sarif-spec), GitHub annotations parsed back, colour rules.

mod common;

use std::process::{Command, Output};

fn callspec(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_callspec"));
    c.args(args).current_dir(common::root()).env_remove("NO_COLOR").env("LANG", "C").env("LC_ALL", "C");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("binary runs")
}

const DRAFT: &str = "examples/hangzhou-2025/invalid/budget-items-sum.yaml";

fn validate(format: &str) -> Output {
    callspec(&["validate", "--as-of", "2030-01-01", "--format", format, DRAFT], &[])
}

#[test]
fn json_is_one_document_with_a_summary() {
    let o = validate("json");
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(v["exit_code"], 1);
    assert_eq!(v["summary"]["invalid"], 1);
    insta::assert_json_snapshot!(v);
}

#[test]
fn github_annotations_name_file_line_and_column() {
    let o = validate("github");
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    let line = text.lines().next().unwrap();
    assert!(line.starts_with("::error file=examples/hangzhou-2025/invalid/budget-items-sum.yaml,line="), "{line}");
    assert!(line.contains(",col=") && line.contains("title=budget.items-sum::"), "{line}");
    insta::assert_snapshot!(text);
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap()).unwrap();
    jsonschema::draft7::options().should_validate_formats(true).build(&schema).expect("the SARIF schema compiles")
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let validator = sarif_validator();
    let o = validate("sarif");
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "budget.items-sum");
    insta::assert_json_snapshot!(v["runs"][0]["results"]);
    // Every example, valid or not, with the rules across files, and a broken spec.
    let all = callspec(&["validate", "--as-of", "2030-01-01", "--format", "sarif", "examples"], &[]);
    let spec = callspec(&["check", "--format", "sarif", "tests/fixtures/specs"], &[]);
    for out in [all, spec] {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert!(v["runs"][0]["results"].as_array().unwrap().len() > 10);
        let errors: Vec<String> = validator.iter_errors(&v).take(5).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    // Not a terminal: plain text.
    assert!(!esc(&callspec(&["validate", "--as-of", "2030-01-01", DRAFT], &[])));
    assert!(esc(&callspec(&["validate", "--as-of", "2030-01-01", "--color", "always", DRAFT], &[])));
    assert!(!esc(&callspec(&["validate", "--as-of", "2030-01-01", "--color", "never", DRAFT], &[])));
    // NO_COLOR wins over `auto` (the default), not over an explicit `always`.
    assert!(!esc(&callspec(&["validate", "--as-of", "2030-01-01", DRAFT], &[("NO_COLOR", "1")])));
}
