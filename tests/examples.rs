//! The example drafts under examples/<call>/: every file in `valid/` must pass (no errors; the
//! warnings it declares, if any, as under the soft wording 原则上), every file in `invalid/` must
//! fail; each produces exactly the findings (code and severity) its `expect:` block declares,
//! as `callspec test` checks them. The rendered findings of each are snapshotted.

mod common;

use std::collections::BTreeMap;

use callspec::diagnostics::{Finding, Severity};
use callspec::load;
use callspec::model::Call;
use callspec::source::Limits;

fn calls() -> BTreeMap<String, Call> {
    load::bundle(&[common::root().join("specs")], &Limits::default()).calls.into_iter().map(|(_, c)| (c.id.clone(), c)).collect()
}

/// Far after every deadline: examples must declare their submissions, or they fail.
fn as_of() -> chrono::NaiveDateTime {
    "2030-01-01T00:00:00".parse().unwrap()
}

fn validate(calls: &BTreeMap<String, Call>, path: &std::path::Path) -> Vec<Finding> {
    // Relative to the crate root (the tests' working directory), so snapshots name files the same everywhere.
    let path = path.strip_prefix(common::root()).unwrap_or(path);
    let read = callspec::source::read(path, &Limits::default()).and_then(|f| callspec::document::parse(f, &Limits::default()));
    let mut doc = match read {
        Ok(doc) => doc,
        Err(f) => return vec![f],
    };
    let named = doc.value.get("call").and_then(|c| c.as_str()).and_then(|id| calls.get(id));
    // Strict, as the examples were written: schema findings alone, or the rules on a clean read.
    match load::application_for(&mut doc, named) {
        (Some(app), findings) if findings.is_empty() => {
            let id = app.call.clone().unwrap_or_default();
            let call = calls.get(&id).unwrap_or_else(|| panic!("{}: no call `{id}`", path.display()));
            callspec::validate::validate(call, &doc, &app, as_of())
        }
        (_, findings) => findings,
    }
}

#[test]
fn examples_behave_as_named() {
    let calls = calls();
    let root = common::root().join("examples");
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    let mut seen = 0;
    for dir in dirs {
        let call = dir.file_name().unwrap().to_string_lossy().into_owned();
        for kind in ["valid", "invalid"] {
            let sub = dir.join(kind);
            if !sub.is_dir() {
                continue;
            }
            for path in common::yaml_files(&sub) {
                seen += 1;
                let name = format!("{call}/{kind}/{}", path.file_name().unwrap().to_string_lossy());
                let findings = validate(&calls, &path);
                let file = callspec::source::read(&path, &Limits::default()).unwrap();
                let doc =
                    callspec::document::parse(file, &Limits::default()).unwrap_or_else(|f| panic!("{name}: {}", common::render(&[f])));
                let expect = callspec::expect::declared(&doc).unwrap_or_else(|| panic!("{name}: an example declares `expect:`"));
                let rendered = common::render(&findings);
                let difference = callspec::expect::compare(&expect, &findings);
                assert!(difference.is_empty(), "{name}: {difference:?}\n{rendered}");
                if kind == "valid" {
                    assert!(findings.iter().all(|f| f.severity != Severity::Error), "{name}: a valid example has an error");
                } else {
                    assert!(findings.iter().any(|f| f.severity == Severity::Error), "{name}: an invalid example must have an error");
                }
                let snap = name.trim_end_matches(".yaml").replace('/', "__");
                insta::assert_snapshot!(snap, rendered);
            }
        }
    }
    assert!(seen > 0);
}

#[test]
fn every_leaf_category_has_a_valid_example() {
    let calls = calls();
    for (id, call) in &calls {
        let dir = common::root().join("examples").join(id).join("valid");
        if !dir.is_dir() {
            continue;
        }
        let mut covered = std::collections::BTreeSet::new();
        for path in common::yaml_files(&dir) {
            let (_, app) =
                load::application_path(&path, &Limits::default()).unwrap_or_else(|f| panic!("{}: {}", path.display(), common::render(&f)));
            covered.extend(app.category.map(|c| c.0).unwrap_or_default());
        }
        let missing: Vec<&str> = call.leaf_paths().filter(|p| !covered.contains(*p)).collect();
        assert!(missing.is_empty(), "{id}: no valid example for {missing:?}");
    }
}
