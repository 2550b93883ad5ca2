//! Broken call specs under tests/fixtures/specs/: each declares the codes it must produce on
//! its first line, and its rendered diagnostics are snapshotted.

mod common;

use callspec::load;
use callspec::source::{Limits, SourceFile};

#[test]
fn broken_specs_report_what_they_declare() {
    let dir = common::root().join("tests/fixtures/specs");
    let files = common::yaml_files(&dir);
    assert!(files.len() >= 12, "expected at least 12 fixtures, found {}", files.len());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let out = load::spec_source(SourceFile::new(name.clone(), text.clone()), &Limits::default());
        assert_eq!(common::codes(&out.findings), common::expected_codes(&text), "{name}");
        for f in &out.findings {
            assert!(f.primary_span().is_some_and(|s| s.len > 0), "{name}: `{}` has no label on a value", f.message);
        }
        insta::assert_snapshot!(name.trim_end_matches(".yaml").to_owned(), common::render(&out.findings));
    }
}

#[test]
fn three_structural_mistakes_are_all_reported() {
    let path = common::root().join("tests/fixtures/specs/three-structural-mistakes.yaml");
    let out = load::spec_path(&path, &Limits::default());
    assert_eq!(out.findings.len(), 3, "{}", common::render(&out.findings));
    assert!(out.call.is_none());
}

#[test]
fn bundled_specs_and_plans_compile_cleanly() {
    let bundle = load::bundle(&[common::root().join("specs")], &Limits::default());
    // Nothing but the advice on the work plan hangzhou-2025 names: its programmes no category
    // implements, its categories tied to none.
    let others: Vec<_> = bundle
        .findings
        .iter()
        .filter(|f| !(f.severity == callspec::diagnostics::Severity::Advice && f.code.code.starts_with("spec.plan-")))
        .cloned()
        .collect();
    assert!(others.is_empty(), "{}", common::render(&others));
    assert!(bundle.findings.iter().any(|f| f.code.code == "spec.plan-uncovered"));
    assert_eq!(bundle.calls.len() + bundle.plans.len(), bundle.files);
    assert!(bundle.calls.len() >= 4);
}
