//! The hostile-input corpus under tests/hostile/: broken and hostile specs and applications
//! (invalid YAML, wrong encodings, alias bombs, deep nesting, control characters, absurd
//! numbers, ...). `expect.tsv` declares, per file, the exit code and the error and warning
//! codes; each run's rendered output is snapshotted. Cases that cannot be committed (a 100 MB
//! file, a FIFO, a folder, a missing file) are made here. Guarantees: no panic, input files
//! never written, output byte-identical on repeat.

#![allow(clippy::print_stderr)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::callspec;

/// The command a corpus file of this kind is checked with.
fn args_for<'a>(kind: &str, path: &'a str, format: &'a str) -> Vec<&'a str> {
    match kind {
        "spec" => vec!["check", "--format", format, path],
        _ => vec!["validate", "--spec", "specs/hangzhou-2025.yaml", "--as-of", "2025-04-01", "--format", format, path],
    }
}

fn codes(json: &[u8]) -> (Vec<String>, serde_json::Value) {
    let report: serde_json::Value = serde_json::from_slice(json).expect("JSON report");
    let mut codes: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] != "advice")
        .map(|f| f["code"].as_str().expect("code").to_owned())
        .collect();
    codes.sort();
    codes.dedup();
    (codes, report)
}

fn no_panic(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{what} panicked:\n{err}");
    assert!(matches!(o.status.code(), Some(0..=2)), "{what}: exit {:?}\n{err}", o.status.code());
}

#[test]
fn every_corpus_file_gets_its_declared_diagnostic() {
    let root = common::root().join("tests/hostile");
    let table = std::fs::read_to_string(root.join("expect.tsv")).expect("expect.tsv");
    let mut seen = 0;
    for line in table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, kind, exit, want, _why] = cols[..] else { panic!("bad line: {line}") };
        let path = format!("tests/hostile/{file}");
        assert!(common::root().join(&path).is_file(), "{path} is listed but missing");
        let before = std::fs::read(common::root().join(&path)).unwrap();
        let json = callspec(&args_for(kind, &path, "json"));
        no_panic(&json, &path);
        let (got, report) = codes(&json.stdout);
        let want: Vec<String> = want.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect();
        assert_eq!(got, want, "{path}: codes");
        assert_eq!(json.status.code(), Some(exit.parse().unwrap()), "{path}: exit code");
        assert_eq!(report["exit_code"], serde_json::json!(json.status.code().unwrap()), "{path}");
        // Every finding about the file says where, unless the file could not be read at all.
        for f in report["findings"].as_array().unwrap() {
            let whole_file = ["input.unreadable", "input.too-large", "input.call"].contains(&f["code"].as_str().unwrap())
                || f["message"].as_str().unwrap().contains("is empty")
                || f["message"].as_str().unwrap().contains("UTF-16");
            if !whole_file {
                assert!(f["line"].as_u64().unwrap_or(0) > 0 || f["file"].is_null(), "{path}: {} has no line", f["code"]);
            }
        }
        let human = callspec(&args_for(kind, &path, "human"));
        let again = callspec(&args_for(kind, &path, "human"));
        assert_eq!(human.stdout, again.stdout, "{path}: output differs on repeat");
        let text = String::from_utf8(human.stdout).expect("UTF-8 output");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{path}: control character in output");
        let name = file.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, text);
        assert_eq!(std::fs::read(common::root().join(&path)).unwrap(), before, "{path} was modified");
        seen += 1;
    }
    assert!(seen >= 60, "the corpus has {seen} files");
}

/// A scratch folder under the system's temporary folder, removed afterwards.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("callspec-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Scratch(p)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_on(path: &Path) -> (Option<i32>, String) {
    let p = path.to_str().unwrap();
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--format", "json", p]);
    no_panic(&o, p);
    let (codes, _) = codes(&o.stdout);
    (o.status.code(), codes.join(","))
}

/// Thousands of findings or labels in one large file: every label's line and column come from
/// a line index, and a snippet draws at most a dozen labels, so output stays proportionate
/// (this file took 10 s in human form and 2 s as JSON when each label rescanned the file).
#[test]
fn thousands_of_labels_in_a_large_file() {
    let dir = Scratch::new("labels");
    let path = dir.0.join("many-keys.yaml");
    let mut text = std::fs::read_to_string(common::root().join("examples/hangzhou-2025/valid/unfunded.yaml")).unwrap();
    let extra: String = (0..20_000).map(|i| format!("x{i}: {i}\n")).collect();
    text.push_str(&extra);
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--format", "json", p]);
    no_panic(&o, p);
    let (codes, json) = codes(&o.stdout);
    assert_eq!(codes, ["schema.unknown-key"]);
    let labels = json.pointer("/findings/0/labels").and_then(|l| l.as_array()).map_or(0, Vec::len);
    assert_eq!(labels, 20_000, "every unknown key is labelled in JSON");
    let last = json.pointer("/findings/0/labels").and_then(|l| l.as_array()).and_then(|l| l.iter().find(|l| l["value"] == "x19999"));
    let line = text.lines().position(|l| l.starts_with("x19999:")).unwrap() + 1;
    assert_eq!(last.map(|l| (l["line"].as_u64(), l["column"].as_u64())), Some((Some(line as u64), Some(1))));
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--color", "never", p]);
    no_panic(&o, p);
    let human = String::from_utf8_lossy(&o.stdout);
    assert!(human.contains("(19988 more places not shown; `--format json` lists them all)"), "{human}");
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let dir = Scratch::new("big");
    let path = dir.0.join("huge.yaml");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    assert_eq!(run_on(&path), (Some(2), "input.too-large".to_owned()));
    let o = callspec(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn folders_missing_files_and_pipes_are_unusable_input() {
    let dir = Scratch::new("odd");
    assert_eq!(run_on(&dir.0.join("missing.yaml")), (Some(2), "input.unreadable".to_owned()));
    let o = callspec(&["check", dir.0.join("missing.yaml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    // A folder named as a spec file.
    let o = callspec(&["validate", "--spec", dir.0.to_str().unwrap(), "examples/hangzhou-2025/valid"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("is a folder"));
    // An empty folder of applications: nothing to check, and said so.
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", dir.0.to_str().unwrap()]);
    no_panic(&o, "empty folder");
    #[cfg(unix)]
    {
        let fifo = dir.0.join("pipe.yaml");
        let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        if made {
            assert_eq!(run_on(&fifo), (Some(2), "input.unreadable".to_owned()));
        } else {
            eprintln!("skipped: mkfifo is not available");
        }
    }
}

#[test]
fn an_unreadable_file_is_unusable_input() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = Scratch::new("perm");
        let path = dir.0.join("locked.yaml");
        std::fs::copy(common::root().join("examples/hangzhou-2025/valid/key-academic-society.yaml"), &path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&path).is_ok() {
            // Running as root: permissions do not stop reading.
            eprintln!("skipped: this user can read a mode-000 file (root)");
            return;
        }
        assert_eq!(run_on(&path), (Some(2), "input.unreadable".to_owned()));
    }
}
