//! `callspec new` and `callspec schema --call` through the binary: a draft for each call, what
//! validating a fresh draft reports, the modeline's schema path, `--force`, and the errors for
//! unknown calls and categories.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use callspec::source::{Limits, SourceFile};

fn callspec_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callspec")).args(args).current_dir(dir).env("NO_COLOR", "1").output().expect("binary runs")
}

fn callspec(args: &[&str]) -> Output {
    callspec_in(&common::root(), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh, empty scratch folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("drafts").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const ACADEMIC: [&str; 5] = ["new", "--call", "hangzhou-2025", "--category", "key/academic-society"];

#[test]
fn a_draft_for_a_category_of_each_call() {
    for (call, category) in [
        ("hangzhou-2025", "key/academic-society"),
        ("cast-2021", "conference"),
        ("jiangsu-2024", "activity/expert-tour"),
        ("ningxia-2025", "platform/park-cast"),
    ] {
        let o = callspec(&["new", "--call", call, "--category", category]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        insta::assert_snapshot!(format!("new-{call}"), stdout(&o));
    }
}

/// Every category of every bundled call: the fresh draft is YAML the application schema reads,
/// and its only findings are the values still to fill, one per `~`.
#[test]
fn fresh_drafts_report_only_the_values_to_fill() {
    let bundle = callspec::load::bundle(&[common::root().join("specs")], &Limits::default());
    let mut seen = 0;
    for (_, call) in &bundle.calls {
        for cat in call.categories.iter().filter(|c| c.leaf) {
            let text = callspec::draft::yaml(call, cat, Some("schema.json"));
            let blanks: usize = text.lines().map(|l| l.split('#').next().unwrap_or("").matches('~').count()).sum();
            let doc = callspec::document::parse(SourceFile::new("draft.yaml", text.clone()), &Limits::default())
                .unwrap_or_else(|f| panic!("{} {}: {}\n{text}", call.id, cat.path, f.message));
            let findings = callspec::schema::check(&doc, callspec::schema::Kind::Application);
            let other: Vec<_> = findings.iter().filter(|f| f.code.code != "schema.unfilled").map(|f| &f.message).collect();
            assert!(other.is_empty(), "{} {}: {other:#?}\n{text}", call.id, cat.path);
            assert_eq!(findings.len(), blanks, "{} {}: one finding per `~`\n{text}", call.id, cat.path);
            seen += 1;
        }
    }
    assert!(seen >= 30, "only {seen} categories");
}

#[test]
fn validating_a_fresh_draft_lists_what_is_still_to_fill() {
    let dir = scratch("validate");
    let o = callspec(&ACADEMIC);
    std::fs::write(dir.join("draft.yaml"), &o.stdout).unwrap();
    let spec = common::root().join("specs/hangzhou-2025.yaml");
    let o = callspec_in(&dir, &["validate", "--spec", spec.to_str().unwrap(), "draft.yaml"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    insta::assert_snapshot!(stdout(&o));
    let o = callspec_in(&dir, &["validate", "--format", "json", "--spec", spec.to_str().unwrap(), "draft.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.len() > 10);
    assert!(findings.iter().all(|f| f["code"] == "schema.unfilled"), "{v:#}");
}

#[test]
fn the_modeline_points_at_the_calls_schema_relative_to_the_draft() {
    let dir = scratch("modeline");
    for (from, to) in [
        ("specs/hangzhou-2025.yaml", "specs/hangzhou-2025.yaml"),
        ("schemas/calls/hangzhou-2025.schema.json", "schemas/calls/hangzhou-2025.schema.json"),
    ] {
        std::fs::create_dir_all(dir.join(to).parent().unwrap()).unwrap();
        std::fs::copy(common::root().join(from), dir.join(to)).unwrap();
    }
    std::fs::create_dir_all(dir.join("drafts/2025")).unwrap();
    let modeline = |text: &str| text.lines().next().unwrap_or("").to_owned();

    let o = callspec_in(&dir, &[&ACADEMIC[..], &["--specs", "specs", "-o", "drafts/2025/a.yaml"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.join("drafts/2025/a.yaml")).unwrap();
    assert_eq!(modeline(&text), "# yaml-language-server: $schema=../../schemas/calls/hangzhou-2025.schema.json");
    assert!(stdout(&o).is_empty());
    // On standard output, relative to the current directory.
    let o = callspec_in(&dir.join("drafts"), &[&ACADEMIC[..], &["--specs", "../specs/hangzhou-2025.yaml"]].concat());
    assert_eq!(modeline(&stdout(&o)), "# yaml-language-server: $schema=../schemas/calls/hangzhou-2025.schema.json");
    // Without the call's schema, the generic one.
    std::fs::remove_file(dir.join("schemas/calls/hangzhou-2025.schema.json")).unwrap();
    std::fs::copy(common::root().join("schemas/application.schema.json"), dir.join("schemas/application.schema.json")).unwrap();
    let o = callspec_in(&dir, &[&ACADEMIC[..], &["--specs", "specs"]].concat());
    assert_eq!(modeline(&stdout(&o)), "# yaml-language-server: $schema=schemas/application.schema.json");
    // Without either, no modeline pointing nowhere: how to make the call's schema instead.
    std::fs::remove_file(dir.join("schemas/application.schema.json")).unwrap();
    let o = callspec_in(&dir, &[&ACADEMIC[..], &["--specs", "specs"]].concat());
    assert_eq!(
        modeline(&stdout(&o)),
        "# 编辑器补全：`callspec schema --call hangzhou-2025 > hangzhou-2025.schema.json`，再把本行换成 `# yaml-language-server: $schema=hangzhou-2025.schema.json`"
    );
}

#[test]
fn outside_a_repository_the_calls_schema_is_written_beside_the_draft() {
    let dir = scratch("beside");
    std::fs::copy(common::root().join("specs/ningxia-2025.yaml"), dir.join("my.yaml")).unwrap();
    let args = ["new", "--call", "ningxia-2025", "--category", "academic-exchange", "--specs", "my.yaml", "-o", "d.yaml", "--lang", "en"];
    let o = callspec_in(&dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.join("d.yaml")).unwrap();
    assert_eq!(text.lines().next().unwrap(), "# yaml-language-server: $schema=ningxia-2025.schema.json");
    let written = std::fs::read_to_string(dir.join("ningxia-2025.schema.json")).unwrap();
    let printed = callspec_in(&dir, &["schema", "--call", "ningxia-2025", "--specs", "my.yaml", "--lang", "en"]);
    assert_eq!(written, stdout(&printed), "the schema beside the draft is `callspec schema --call`'s");
    // Written again: the same schema is left as it is, a foreign file never replaced.
    std::fs::write(dir.join("ningxia-2025.schema.json"), "{\"mine\": true}").unwrap();
    let o = callspec_in(&dir, &[&args[..], &["--force"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("ningxia-2025.schema.json")).unwrap(), "{\"mine\": true}");
    let text = std::fs::read_to_string(dir.join("d.yaml")).unwrap();
    assert!(text.lines().next().unwrap().contains("callspec schema --call ningxia-2025"), "{text}");
    // The built-in call, from an empty folder, in a subfolder.
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let o = callspec_in(&dir, &["new", "--call", "ningxia-2025", "--category", "academic-exchange", "-o", "sub/e.yaml", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("ningxia-2025.schema.json"), "{}", stderr(&o));
    assert!(dir.join("sub/ningxia-2025.schema.json").is_file());
    let first = std::fs::read_to_string(dir.join("sub/e.yaml")).unwrap();
    assert_eq!(first.lines().next().unwrap(), "# yaml-language-server: $schema=ningxia-2025.schema.json");
}

#[test]
fn new_never_overwrites_a_file_without_force() {
    let dir = scratch("force");
    let specs = common::root().join("specs");
    let args = [&ACADEMIC[..], &["--specs", specs.to_str().unwrap(), "-o", "draft.yaml"]].concat();
    let o = callspec_in(&dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote draft.yaml"), "{}", stderr(&o));
    let fresh = std::fs::read_to_string(dir.join("draft.yaml")).unwrap();
    assert!(fresh.contains("category: key/academic-society\n"));

    std::fs::write(dir.join("draft.yaml"), "my work\n").unwrap();
    let o = callspec_in(&dir, &args);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: draft.yaml already exists; pass --force to overwrite it\n");
    assert_eq!(std::fs::read_to_string(dir.join("draft.yaml")).unwrap(), "my work\n");

    let o = callspec_in(&dir, &[&args[..], &["--force"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("draft.yaml")).unwrap(), fresh);

    // --force means nothing without a file.
    let o = callspec(&[&ACADEMIC[..], &["--force"]].concat());
    assert_eq!(o.status.code(), Some(2));

    // A folder that is not there yet is made for the draft.
    let o = callspec_in(&dir, &[&ACADEMIC[..], &["--specs", specs.to_str().unwrap(), "-o", "drafts/2025/a.yaml"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.join("drafts/2025/a.yaml")).unwrap().contains("category: key/academic-society\n"));
}

#[test]
fn unknown_calls_and_categories_exit_2_with_what_there_is() {
    let o = callspec(&["new", "--call", "hangzhou-2052", "--category", "key/academic-society"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `hangzhou-2025`?"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());

    let o = callspec(&["new", "--call", "hangzhou-2025", "--category", "key/academic"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    insta::assert_snapshot!("new-unknown-category", stderr(&o));

    let o = callspec(&["new", "--call", "hangzhou-2025", "--category", "key"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error: `key` (重点支持项目) is a group of categories of hangzhou-2025; name one of them:\n"), "{err}");
    assert!(err.contains("key/international") && !err.contains("major/"), "{err}");
}

#[test]
fn schema_for_a_call_is_the_committed_one() {
    let o = callspec(&["schema", "--call", "cast-2021"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let committed = std::fs::read_to_string(common::root().join("schemas/calls/cast-2021.schema.json")).unwrap();
    assert!(stdout(&o) == committed, "`callspec schema --call cast-2021` differs from schemas/calls/cast-2021.schema.json");

    let o = callspec(&["schema", "--call", "cast-2012"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `cast-2021`?"), "{}", stderr(&o));
    let o = callspec(&["schema", "--call", "cast-2021", "--kind", "spec"]);
    assert_eq!(o.status.code(), Some(2));
    // The generic schemas are unchanged.
    let o = callspec(&["schema", "--kind", "application"]);
    assert_eq!(o.status.code(), Some(0));
}

/// The corpus calls declare fields of their own forms: a fresh draft of each of their
/// categories has every declared field in scope, with its label and what the notice asks, and
/// validating it against its call reports only the values still to fill.
#[test]
fn fresh_drafts_of_calls_with_declared_fields_report_only_the_values_to_fill() {
    let dir = scratch("declared");
    let mut seen = 0;
    for entry in std::fs::read_dir(common::root().join("tests/corpus")).unwrap() {
        let spec = entry.unwrap().path().join("spec.yaml");
        let Some(call) = callspec::load::spec_path(&spec, &Limits::default()).call else { continue };
        if call.fields.is_empty() {
            continue;
        }
        let specs = spec.display().to_string();
        for cat in call.categories.iter().filter(|c| c.leaf) {
            let file = dir.join(format!("{}-{}.yaml", call.id, cat.path.replace('/', "-")));
            let name = file.display().to_string();
            let o = callspec(&["new", "--specs", &specs, "--call", &call.id, "--category", &cat.path, "-o", &name]);
            assert!(o.status.success(), "{}", stderr(&o));
            let text = std::fs::read_to_string(&file).unwrap();
            for f in callspec::kinds::field::form::in_scope(&call, Some(cat)) {
                let line =
                    text.lines().find(|l| l.trim_start().starts_with(&format!("{}: ~", f.id)) || l.contains(&format!(" {}: ~", f.id)));
                let line = line.unwrap_or_else(|| panic!("{} {}: no `{}`\n{text}", call.id, cat.path, f.id));
                assert!(line.contains(&f.label.zh), "{line}");
            }
            let o = callspec(&["validate", "--specs", &specs, "--format", "json", &name]);
            let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
            // A spec's own CEL check over several entries (cast-2016: "an electronic copy is due
            // together with the paper form") has no entry of the scaffold to fill: it is reported.
            let other: Vec<_> = report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["code"] != "schema.unfilled" && f["code"] != "check.failed")
                .collect();
            assert!(other.is_empty(), "{} {}: {other:#?}\n{text}", call.id, cat.path);
            seen += 1;
        }
    }
    assert!(seen >= 6, "only {seen} categories");
    std::fs::remove_dir_all(&dir).unwrap();
}
