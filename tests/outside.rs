//! The tool outside its repository: the built-in calls listed, shown, drafted and validated from
//! an empty folder with no `specs/` beside it; `--specs` adding and replacing calls; `check` on a
//! folder where drafts sit beside specs.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

/// A fresh empty folder.
fn empty(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("callspec-outside-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .output()
        .expect("binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn the_built_in_calls_work_from_an_empty_folder() {
    let dir = empty("builtin");
    let o = run_in(&dir, &["list"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let list = text(&o.stdout);
    for id in ["cast-2021", "hangzhou-2025", "jiangsu-2024", "ningxia-2025"] {
        assert!(list.contains(id), "{list}");
    }
    let o = run_in(&dir, &["show", "hangzhou-2025"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("杭科协〔2025〕6号"));
    let o = run_in(&dir, &["calendar"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = run_in(&dir, &["schema", "--call", "ningxia-2025"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let o = run_in(&dir, &["new", "--call", "hangzhou-2025", "--category", "key/academic-society", "-o", "draft.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // A fresh draft lists what is still to fill; a complete one passes.
    let o = run_in(&dir, &["validate", "draft.yaml"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("schema.unfilled"));
    std::fs::copy(common::root().join("examples/hangzhou-2025/valid/key-academic-society.yaml"), dir.join("mine.yaml")).unwrap();
    let o = run_in(&dir, &["validate", "mine.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let o = run_in(&dir, &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("5 spec files checked"), "{}", text(&o.stdout));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_spec_given_with_specs_replaces_the_built_in_call_of_its_id() {
    let dir = empty("override");
    let spec = std::fs::read_to_string(common::root().join("specs/hangzhou-2025.yaml")).unwrap();
    let changed = spec.replacen("name: 重大引领项目", "name: 重大引领项目（本地修订）", 1);
    assert_ne!(spec, changed);
    std::fs::create_dir_all(dir.join("mine")).unwrap();
    std::fs::write(dir.join("mine/hangzhou-2025.yaml"), changed).unwrap();
    let o = run_in(&dir, &["list", "--specs", "mine"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let list = text(&o.stdout);
    assert!(list.contains("重大引领项目（本地修订）") && list.contains("cast-2021"), "{list}");
    assert!(text(&o.stderr).contains("mine/hangzhou-2025.yaml replaces the built-in call `hangzhou-2025`"), "{}", text(&o.stderr));
    // The same text as the built-in spec is no clash: nothing is said.
    std::fs::write(dir.join("mine/hangzhou-2025.yaml"), &spec).unwrap();
    let o = run_in(&dir, &["list", "--specs", "mine"]);
    assert!(text(&o.stderr).is_empty(), "{}", text(&o.stderr));
    // Two of the user's own files with one id are an error.
    std::fs::write(dir.join("mine/copy.yaml"), &spec).unwrap();
    let o = run_in(&dir, &["check", "mine"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("spec.duplicate-call"), "{}", text(&o.stdout));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_leaves_out_the_drafts_beside_the_specs() {
    let dir = empty("check");
    std::fs::copy(common::root().join("specs/cast-2021.yaml"), dir.join("cast-2021.yaml")).unwrap();
    std::fs::copy(common::root().join("examples/cast-2021/valid/teams-industry.yaml"), dir.join("draft.yaml"))
        .or_else(|_| {
            let any = std::fs::read_dir(common::root().join("examples/cast-2021/valid")).unwrap().next().unwrap().unwrap().path();
            std::fs::copy(any, dir.join("draft.yaml"))
        })
        .unwrap();
    let o = run_in(&dir, &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("1 spec file checked"), "{}", text(&o.stdout));
    assert!(text(&o.stderr).contains("1 application draft(s) left out"), "{}", text(&o.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_of_a_folder_of_drafts_alone_is_an_error() {
    let dir = empty("check-drafts");
    let valid = common::yaml_files(&common::root().join("examples/hangzhou-2025/valid"));
    for (i, draft) in valid.iter().take(5).enumerate() {
        std::fs::copy(draft, dir.join(format!("draft-{i}.yaml"))).unwrap();
    }
    let o = run_in(&dir, &["check", "--lang", "zh", "."]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
    let out = text(&o.stdout);
    assert!(out.contains("没有可检查的规范文件：给出的 5 个文件都是申报书草稿"), "{out}");
    // Three names, then a count: a folder of hundreds of drafts is not listed in full.
    assert!(out.contains("draft-2.yaml 等") && !out.contains("draft-3.yaml"), "{out}");
    assert!(out.contains("callspec validate"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}
