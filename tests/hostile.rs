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

/// No character that could drive a terminal or hide text (control characters other than
/// tab and line feed, CR, DEL, C1, bidirectional and invisible characters) in an output.
pub fn assert_printable(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|&c| callspec::source::is_unsafe(c)) {
        panic!("{what}: raw U+{:04X} in the output:\n{text}", c as u32);
    }
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
        assert_printable(&json.stdout, &path);
        assert_printable(&json.stderr, &path);
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
        assert_printable(&human.stdout, &path);
        assert_printable(&human.stderr, &path);
        let sarif = callspec(&args_for(kind, &path, "sarif"));
        assert_printable(&sarif.stdout, &path);
        let github = callspec(&args_for(kind, &path, "github"));
        assert_printable(&github.stdout, &path);
        let text = String::from_utf8(human.stdout).expect("UTF-8 output");
        // Messages speak of the file, never of the parser's internals.
        for internal in [
            "Option<",
            "weak recursion",
            "budget breached",
            "AliasAnchorRatio",
            "{ aliases:",
            "{ events:",
            "{ nodes:",
            "{ depth:",
            "not valid JSON: Maximum",
        ] {
            assert!(!text.contains(internal), "{path}: `{internal}` in\n{text}");
        }
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
    // An empty folder of applications: nothing to check is an error, and said so.
    for args in [vec!["validate", "--spec", "specs/hangzhou-2025.yaml"], vec!["check"], vec!["test"]] {
        let mut args = args.clone();
        args.push(dir.0.to_str().unwrap());
        let o = callspec(&args);
        no_panic(&o, "empty folder");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&o.stdout));
        assert!(String::from_utf8_lossy(&o.stdout).contains("holds no file to check"), "{args:?}");
    }
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

/// Runs the binary, killing it after `secs` seconds: a hang fails the test instead of
/// stalling the suite.
fn bounded(args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn report(o: &Output, what: &str) -> serde_json::Value {
    no_panic(o, what);
    assert_printable(&o.stdout, what);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{what}: {e}\n{}", String::from_utf8_lossy(&o.stdout)))
}

fn codes_of(report: &serde_json::Value) -> Vec<String> {
    report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect()
}

/// Folder links that loop (`x -> .`, `y -> .`, `up -> ..`) made the walk endless (800 MB and
/// growing); now each folder and file is taken once by its identity and each loop reported,
/// by every command that walks folders, the specs folder included.
#[cfg(unix)]
#[test]
fn folder_link_loops_are_walked_once_by_every_command() {
    use std::os::unix::fs::symlink;
    let dir = Scratch::new("loops");
    let drafts = dir.0.join("drafts");
    let specs = dir.0.join("specs");
    std::fs::create_dir_all(drafts.join("sub")).unwrap();
    std::fs::create_dir_all(&specs).unwrap();
    std::fs::copy(common::root().join("examples/hangzhou-2025/invalid/budget-items-sum.yaml"), drafts.join("a.yaml")).unwrap();
    std::fs::copy(common::root().join("specs/hangzhou-2025.yaml"), specs.join("hangzhou-2025.yaml")).unwrap();
    symlink(".", drafts.join("x")).unwrap();
    symlink(".", drafts.join("y")).unwrap();
    symlink("..", drafts.join("sub/up")).unwrap();
    symlink(".", specs.join("again")).unwrap();
    let (d, s) = (drafts.to_str().unwrap(), specs.to_str().unwrap());

    let o = bounded(&["validate", "--specs", s, "--complete", "--format", "json", d], 60);
    let r = report(&o, "validate");
    assert_eq!(o.status.code(), Some(1), "{r}");
    assert_eq!(r["files"].as_array().map(Vec::len), Some(1), "one file, checked once");
    let mut codes = codes_of(&r);
    codes.sort();
    assert_eq!(codes, ["budget.items-sum", "input.link-loop", "input.link-loop", "input.link-loop"], "no duplicate-project: {r}");

    let o = bounded(&["check", "--format", "json", s], 60);
    let r = report(&o, "check");
    assert_eq!((o.status.code(), r["files"].as_array().map(Vec::len)), (Some(0), Some(1)), "{r}");
    // The spec's quotes are unchecked (it names no notice text): advice beside the loop, and
    // the advice on the built-in work plan it names.
    let codes: Vec<String> = codes_of(&r).into_iter().filter(|c| !c.starts_with("spec.plan-")).collect();
    assert_eq!(codes, ["input.link-loop", "spec.notice"]);

    let o = bounded(&["test", "--specs", s, d], 60);
    no_panic(&o, "test");
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.ends_with("ok: 1 passed, 0 failed, 0 skipped\n"), "{out}");
    assert_eq!(out.matches("input.link-loop").count(), 3, "{out}");

    for cmd in [vec!["list", "--specs", s], vec!["show", "hangzhou-2025", "--specs", s], vec!["calendar", "--specs", s]] {
        let o = bounded(&cmd, 60);
        assert_eq!(o.status.code(), Some(0), "{cmd:?}");
    }
}

/// Word, PDF, spreadsheet and zip files met in a folder are reported, not skipped; a folder
/// of nothing but such files is not "ok: 0 files".
#[test]
fn documents_in_a_folder_are_reported_not_skipped() {
    let dir = Scratch::new("documents");
    for f in ["word.docx", "notice.pdf", "sheet.xlsx", "old-word.doc", "drafts.zip"] {
        std::fs::copy(common::root().join("tests/hostile/applications").join(f), dir.0.join(f)).unwrap();
    }
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--format", "json", dir.0.to_str().unwrap()]);
    let r = report(&o, "documents");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(r["files"].as_array().map(Vec::len), Some(5));
    // A Word document is read as a form; without callspec's controls it says so (and how to
    // make one); the other documents are named for what they are.
    let mut codes = codes_of(&r);
    codes.sort();
    assert_eq!(codes, ["input.docx-form", "input.not-text", "input.not-text", "input.not-text", "input.not-text"]);
    let word = dir.0.join("word.docx");
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--format", "json", word.to_str().unwrap()]);
    let f = &report(&o, "word")["findings"][0];
    assert!(f["message"].as_str().unwrap().contains("is a Word document without callspec's form controls"), "{f}");
    assert!(f["help"].as_str().unwrap().contains("callspec form --call"), "{f}");
    let o = callspec(&["validate", "--lang", "zh", "--spec", "specs/hangzhou-2025.yaml", "--format", "json", word.to_str().unwrap()]);
    assert!(report(&o, "word")["findings"][0]["message"].as_str().unwrap().contains("是 Word 文档，但没有 callspec 表单的填写控件"));
}

/// A folder this user cannot read is reported as such (it was called "a folder, not a
/// file"); a root user is dropped to `nobody` with setpriv, where it exists.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new("locked-folder");
    let locked = dir.0.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(common::root().join("examples/hangzhou-2025/valid/key-academic-society.yaml"), locked.join("a.yaml")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&dir.0, std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = env!("CARGO_BIN_EXE_callspec");
    let spec = common::root().join("specs/hangzhou-2025.yaml");
    let args = ["validate", "--spec", spec.to_str().unwrap(), "--format", "json", dir.0.to_str().unwrap()];
    let o = if std::fs::read_dir(&locked).is_err() {
        Command::new(bin).args(args).output().unwrap()
    } else if Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success()) {
        Command::new("setpriv").args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]).args(args).output().unwrap()
    } else {
        eprintln!("skipped: this user reads mode-000 folders and setpriv is missing");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    };
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = report(&o, "locked folder");
    assert_eq!(o.status.code(), Some(2), "{r}");
    assert_eq!(codes_of(&r), ["input.unreadable"]);
    assert!(r["findings"][0]["message"].as_str().unwrap().contains("cannot be read (permission denied)"), "{r}");
}

/// A draft whose path is longer than the system allows (4,096 bytes) was dropped silently
/// ("ok: 0 files"); now the folder it is in is reported.
#[cfg(unix)]
#[test]
fn a_path_longer_than_the_system_allows_is_reported() {
    let dir = Scratch::new("long-path");
    let segment = "d".repeat(200);
    let draft = common::root().join("examples/hangzhou-2025/valid/key-academic-society.yaml");
    let script = format!("for i in $(seq 22); do mkdir {segment} && cd {segment} || exit 1; done; cp '{}' a.yaml", draft.display());
    let made = Command::new("bash").arg("-c").arg(&script).current_dir(&dir.0).status().unwrap();
    assert!(made.success());
    let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--format", "json", dir.0.to_str().unwrap()]);
    let r = report(&o, "long path");
    assert_eq!(o.status.code(), Some(2), "{r}");
    assert_eq!(codes_of(&r), ["input.unreadable"], "{r}");
    assert!(r["findings"][0]["message"].as_str().unwrap().contains("its path is longer than the system allows"), "{r}");
}

/// Drafts saved by Chinese Windows editors, as GBK/GB18030 and as UTF-16 with a byte-order
/// mark, validate exactly like their UTF-8 copies: the same findings, lines, columns and
/// labelled values, the same exit code, and one note naming the encoding assumed.
#[test]
fn gbk_and_utf16_drafts_validate_like_their_utf8_copies() {
    let dir = Scratch::new("encodings");
    let mut checked = 0;
    for name in
        ["valid/key-academic-society.yaml", "invalid/budget-items-sum.yaml", "invalid/text-length.yaml", "invalid/kpi-out-of-range.yaml"]
    {
        let text = std::fs::read_to_string(common::root().join("examples/hangzhou-2025").join(name)).unwrap();
        let base = name.replace('/', "-");
        let utf8 = dir.0.join(format!("utf8-{base}"));
        std::fs::write(&utf8, &text).unwrap();
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let run = |p: &Path| {
            let o = callspec(&["validate", "--specs", "specs", "--as-of", "2030-01-01", "--format", "json", p.to_str().unwrap()]);
            let r = report(&o, &p.display().to_string());
            let mut notes = Vec::new();
            let findings: Vec<serde_json::Value> = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| {
                    let note = f["code"] == "input.decoded";
                    if note {
                        notes.push(f["message"].as_str().unwrap().to_owned());
                    }
                    !note
                })
                .map(|f| {
                    let mut f = f.clone();
                    f["file"] = serde_json::Value::Null;
                    f
                })
                .collect();
            (o.status.code(), findings, notes)
        };
        let (exit, want, notes) = run(&utf8);
        assert!(notes.is_empty());
        for (tag, bytes, enc) in [("gbk", gbk.into_owned(), "GBK/GB18030"), ("utf16le", le, "UTF-16 LE"), ("utf16be", be, "UTF-16 BE")] {
            let path = dir.0.join(format!("{tag}-{base}"));
            std::fs::write(&path, &bytes).unwrap();
            let (e, got, notes) = run(&path);
            assert_eq!(e, exit, "{tag} {name}");
            assert_eq!(got, want, "{tag} {name}");
            assert_eq!(notes.len(), 1, "{tag} {name}");
            assert!(notes[0].ends_with(&format!("it was read as {enc}")), "{}", notes[0]);
            checked += 1;
        }
    }
    assert_eq!(checked, 12);
}

/// Arguments echoed back (`explain`, `new --category`, `new -o`, `show`) and file names with
/// terminal escapes (ESC, C1 CSI: clear-screen and set-title sequences), CR, bidirectional
/// overrides and zero-width characters reach no output raw, in any format.
#[cfg(unix)]
#[test]
fn echoed_arguments_and_file_names_are_escaped() {
    let hostile = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\r\u{202e}\u{2066}\u{200b}\u{2060}";
    let dir = Scratch::new("escapes");
    let all = |o: &Output, what: &str| {
        no_panic(o, what);
        assert_printable(&o.stdout, what);
        assert_printable(&o.stderr, what);
    };
    let o = callspec(&["explain", hostile]);
    assert_eq!(o.status.code(), Some(2));
    all(&o, "explain");
    assert!(String::from_utf8_lossy(&o.stderr).contains("\\u{1b}[2J"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = callspec(&["new", "--call", "hangzhou-2025", "--category", hostile]);
    assert_eq!(o.status.code(), Some(2));
    all(&o, "new --category");
    let o = callspec(&["show", hostile]);
    assert_eq!(o.status.code(), Some(2));
    all(&o, "show");
    let o = callspec(&["schema", "--call", hostile]);
    assert_eq!(o.status.code(), Some(2));
    all(&o, "schema --call");
    let out = dir.0.join(format!("{hostile}.yaml"));
    let o = callspec(&["new", "--call", "hangzhou-2025", "--category", "key/academic-society", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    all(&o, "new -o");
    // The draft written there, validated under its hostile name, in every format.
    for format in ["human", "json", "sarif", "github"] {
        let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--format", format, out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        all(&o, format);
    }
    let o = callspec(&["test", out.to_str().unwrap()]);
    all(&o, "test");
    let o = callspec(&["validate", "--format", hostile, "x.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    all(&o, "clap");
}

/// Many findings on one long line: every label's column comes from the line index and a
/// character checkpoint, never from a scan of the line (23,000 unknown KPI ids in one 8 MB
/// flow mapping took 33 s human and 66 s as JSON, a minified 8 MB JSON draft 44 s as JSON or
/// SARIF). Here 3,000 on a 1 MB line, as YAML and as minified JSON: every finding is there,
/// columns are exact, and no human output line is longer than a snippet excerpt.
#[test]
fn many_findings_on_one_long_line() {
    let dir = Scratch::new("long-line");
    let draft: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/fixtures/applications/hangzhou-key-international.json")).unwrap(),
    )
    .unwrap();
    let mut kpis = draft["kpis"].as_object().unwrap().clone();
    let key = |n: usize| format!("x{n}-{}", "k".repeat(330));
    for n in 0..3000 {
        kpis.insert(key(n), 1.into());
    }
    let mut json = draft.clone();
    json["kpis"] = kpis.clone().into();
    let json_text = serde_json::to_string(&json).unwrap();
    let entries: Vec<String> = kpis.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    let mut yaml_text = String::new();
    for (k, v) in draft.as_object().unwrap() {
        if k == "kpis" {
            yaml_text.push_str(&format!("kpis: {{{}}}\n", entries.join(", ")));
        } else {
            yaml_text.push_str(&format!("{k}: {}\n", serde_json::to_string(v).unwrap()));
        }
    }
    for (name, text) in [("draft.json", json_text), ("draft.yaml", yaml_text)] {
        let path = dir.0.join(name);
        std::fs::write(&path, &text).unwrap();
        let p = path.to_str().unwrap();
        let line_of = |needle: &str| {
            let at = text.find(needle).unwrap();
            (text[..at].matches('\n').count() + 1, text[..at].rsplit('\n').next().unwrap().chars().count() + 1)
        };
        let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--max-file-size", "20000000", "--format", "json", p]);
        let r = report(&o, name);
        assert_eq!(o.status.code(), Some(0), "{name}: unknown KPIs are warnings");
        let unknown: Vec<&serde_json::Value> = r["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "kpi.unknown").collect();
        assert_eq!(unknown.len(), 3000, "{name}");
        let last = unknown.iter().find(|f| f["labels"][0]["value"].as_str().is_some_and(|v| v.contains(&key(2999)))).expect("the last key");
        let (line, column) = line_of(&key(2999));
        assert_eq!(
            (last["line"].as_u64(), last["column"].as_u64()),
            (Some(line as u64), Some(column as u64 - u64::from(name.ends_with(".json")))),
            "{name}"
        );
        let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--max-file-size", "20000000", "--format", "sarif", p]);
        let sarif = report(&o, name);
        assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r["ruleId"] == "kpi.unknown").count(), 3000);
        let o = callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--max-file-size", "20000000", "--color", "never", p]);
        no_panic(&o, name);
        let human = String::from_utf8(o.stdout).unwrap();
        assert_eq!(human.matches("\nkpi.unknown\n").count() + usize::from(human.starts_with("kpi.unknown\n")), 3000, "{name}");
        let widest = human.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest < 1200, "{name}: a line of {widest} characters");
        // The snippet is cut around the key, with its place in the file.
        assert!(human.contains(&format!("{p}:{line}:")), "{name}");
        assert!(human.contains("…"), "{name}");
    }
}

/// Every limit flag has a ceiling: past it, a usage error (exit 2) with a message, never a
/// stack overflow (`--max-depth 5000` on `'- '*4000` aborted), a huge allocation
/// (`--max-file-size 200000000000` on a sparse 100 GiB file) or a wrap
/// (`--max-file-size 18446744073709551615` called a valid draft empty). At the ceilings,
/// deep files end in `input.limit` or are checked, on one thread and on several.
#[test]
fn limits_have_ceilings_and_hold_at_them() {
    let dir = Scratch::new("ceilings");
    let draft = "examples/hangzhou-2025/valid/key-academic-society.yaml";
    for (flag, over) in [
        ("--max-depth", "5000"),
        ("--max-depth", "1001"),
        ("--max-nodes", "1000001"),
        ("--max-file-size", "200000000000"),
        ("--max-file-size", "18446744073709551615"),
        ("--max-file-size", "0"),
        ("--jobs", "257"),
    ] {
        let o = callspec(&["validate", flag, over, draft]);
        no_panic(&o, flag);
        assert_eq!(o.status.code(), Some(2), "{flag} {over}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("invalid value '{over}'")) && err.contains("is not in 1..="), "{flag} {over}: {err}");
    }
    // At the ceilings.
    let o = callspec(&["validate", "--max-file-size", "268435456", "--max-depth", "1000", "--max-nodes", "1000000", draft]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    let deep = dir.0.join("deep");
    std::fs::create_dir(&deep).unwrap();
    std::fs::write(deep.join("block-4000.yaml"), format!("{}x\n", "- ".repeat(4000))).unwrap();
    std::fs::write(deep.join("flow-1200.yaml"), format!("a: {}{}\n", "[".repeat(1200), "]".repeat(1200))).unwrap();
    std::fs::write(deep.join("json-1000.json"), format!("{{\"a\": {}{}}}", "[".repeat(1000), "]".repeat(1000))).unwrap();
    for i in 0..3 {
        std::fs::write(deep.join(format!("block-600-{i}.yaml")), format!("{}x\n", "- ".repeat(600))).unwrap();
        let nested: String = (0..600).map(|d| format!("{}k:\n", " ".repeat(d))).collect();
        std::fs::write(deep.join(format!("map-600-{i}.yaml")), format!("{nested}{}x\n", " ".repeat(600))).unwrap();
    }
    for jobs in ["1", "2"] {
        let o = callspec(&[
            "validate",
            "--spec",
            "specs/hangzhou-2025.yaml",
            "--max-depth",
            "1000",
            "-j",
            jobs,
            "--format",
            "json",
            deep.to_str().unwrap(),
        ]);
        let r = report(&o, "deep");
        assert_eq!(o.status.code(), Some(2), "{r}");
        let by_file: std::collections::BTreeMap<String, Vec<String>> =
            r["findings"].as_array().unwrap().iter().fold(Default::default(), |mut m, f| {
                let name = f["file"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
                m.entry(name).or_default().push(f["code"].as_str().unwrap().to_owned());
                m
            });
        assert_eq!(by_file.len(), 9, "every file reported: {by_file:?}");
        for (name, codes) in &by_file {
            let over = name.starts_with("block-4000") || name.starts_with("flow-1200") || name.starts_with("json-1000");
            assert_eq!(codes.iter().any(|c| c == "input.limit"), over, "{name}: {codes:?}");
            assert!(codes.iter().all(|c| c == "input.limit") || !over, "{name}: {codes:?}");
        }
    }
    // A sparse 100 GiB file at the size ceiling is refused before anything is allocated.
    let huge = dir.0.join("huge.yaml");
    std::fs::File::create(&huge).unwrap().set_len(100 << 30).unwrap();
    let o = callspec(&["validate", "--max-file-size", "268435456", "--format", "json", huge.to_str().unwrap()]);
    let r = report(&o, "sparse");
    assert_eq!((o.status.code(), codes_of(&r)), (Some(2), vec!["input.too-large".to_owned()]));
}

/// `new -o` never writes over a spec it is made from, even with `--force` (it truncated its
/// own input), never opens a FIFO (it blocked), and replaces a draft whole.
#[cfg(unix)]
#[test]
fn new_never_clobbers_its_input_or_blocks_on_a_pipe() {
    let dir = Scratch::new("new-output");
    let spec = dir.0.join("S.yaml");
    let text = std::fs::read_to_string(common::root().join("specs/hangzhou-2025.yaml")).unwrap();
    std::fs::write(&spec, &text).unwrap();
    let s = spec.to_str().unwrap();
    let new = |out: &str, force: bool| {
        let mut args = vec!["new", "--call", "hangzhou-2025", "--category", "key/academic-society", "--specs", s, "-o", out];
        if force {
            args.push("--force");
        }
        bounded(&args, 30)
    };
    let o = new(s, true);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("it is a spec this draft is made from"));
    assert_eq!(std::fs::read_to_string(&spec).unwrap(), text, "the spec is untouched");
    let fifo = dir.0.join("pipe.yaml");
    if Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        for force in [false, true] {
            let o = new(fifo.to_str().unwrap(), force);
            assert_eq!(o.status.code(), Some(2), "force {force}");
        }
        assert!(String::from_utf8_lossy(&new(fifo.to_str().unwrap(), true).stderr).contains("not a regular file"));
    }
    let draft = dir.0.join("draft.yaml");
    std::fs::write(&draft, "old\n").unwrap();
    assert_eq!(new(draft.to_str().unwrap(), false).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), "old\n");
    assert_eq!(new(draft.to_str().unwrap(), true).status.code(), Some(0));
    assert!(std::fs::read_to_string(&draft).unwrap().contains("call: hangzhou-2025"));
    let left: Vec<_> =
        std::fs::read_dir(&dir.0).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().contains(".tmp")).collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A write error on standard output (a full disk) ends the run with exit 2 and a message,
/// never a truncated report that looks complete; a reader that goes away (`| head`) is quiet.
#[cfg(target_os = "linux")]
#[test]
fn write_errors_on_standard_output_fail_the_run() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    for args in [
        vec!["validate", "--format", "json", "examples/hangzhou-2025/valid"],
        vec!["check", "specs"],
        vec!["test", "examples/hangzhou-2025"],
        vec!["show", "hangzhou-2025"],
        vec!["explain", "--list"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_callspec"))
            .args(&args)
            .current_dir(common::root())
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("writing the output failed"), "{args:?}");
    }
    // A closed pipe: quiet, with the run's own exit code.
    let mut child = Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(["validate", "--format", "json", "examples"])
        .current_dir(common::root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{:?}", o.status);
    assert!(o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Thousands of copies of one draft in a batch: every copy gets `batch.duplicate-project`,
/// naming three others and counting the rest (each finding listed all the others: 4,000
/// copies took 750 MB and 1.4 GB of JSON). The report grows with the files, not their square.
#[test]
fn a_batch_of_copies_reports_each_once_and_briefly() {
    let dir = Scratch::new("copies");
    let text = std::fs::read_to_string(
        common::root().join("examples/batches/ningxia-duplicate-project/chemical-society-coal-chemistry-exchange.yaml"),
    )
    .unwrap();
    let n = 1500;
    for i in 0..n {
        std::fs::write(dir.0.join(format!("copy-{i:05}.yaml")), &text).unwrap();
    }
    let o = callspec(&["validate", "--specs", "specs", "--complete", "--as-of", "2030-01-01", "--format", "json", dir.0.to_str().unwrap()]);
    let r = report(&o, "copies");
    assert_eq!(o.status.code(), Some(1));
    let dup: Vec<&serde_json::Value> =
        r["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "batch.duplicate-project").collect();
    assert_eq!(dup.len(), n);
    for f in &dup {
        let m = f["message"].as_str().unwrap();
        assert!(m.ends_with(&format!(" and {} more", n - 4)), "{m}");
        assert_eq!(m.matches("copy-").count(), 3, "{m}");
        assert!(f["file"].as_str().is_some() && f["line"].as_u64() > Some(0), "{f}");
    }
    assert!(o.stdout.len() < n * 4000, "{} bytes of JSON for {n} files", o.stdout.len());
    let o = callspec(&["validate", "--specs", "specs", "--complete", "--as-of", "2030-01-01", "--color", "never", dir.0.to_str().unwrap()]);
    let human = String::from_utf8(o.stdout).unwrap();
    assert_eq!(human.matches("\nbatch.duplicate-project\n").count(), n);
    assert!(human.len() < n * 4000, "{} bytes for {n} files", human.len());
}

/// JSON numbers are read from their text, exactly as YAML reads them: money never passes
/// through `f64` (`requested: 4.800000000000000001` passed as JSON, got two errors as YAML)
/// and a KPI written `3.0` is not "text `3`". Each value, in `budget.requested` and in a KPI,
/// gives the same exit code and the same findings from a `.json` draft as from its YAML copy.
#[test]
fn json_numbers_are_read_from_their_text_as_yaml_reads_them() {
    let dir = Scratch::new("json-numbers");
    let json_text = std::fs::read_to_string(common::root().join("tests/fixtures/applications/hangzhou-key-international.json")).unwrap();
    let yaml_text = std::fs::read_to_string(common::root().join("examples/hangzhou-2025/valid/key-international.yaml")).unwrap();
    let outcome = |p: &Path| {
        let o =
            callspec(&["validate", "--spec", "specs/hangzhou-2025.yaml", "--as-of", "2030-01-01", "--format", "json", p.to_str().unwrap()]);
        let r = report(&o, &p.display().to_string());
        let mut found: Vec<(String, String, String)> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let value = f["labels"][0]["value"].as_str().unwrap_or("").trim_matches('"').to_owned();
                (f["code"].as_str().unwrap().to_owned(), f["message"].as_str().unwrap().to_owned(), value)
            })
            .collect();
        found.sort();
        (o.status.code(), found)
    };
    assert_eq!(outcome(&common::root().join("tests/fixtures/applications/hangzhou-key-international.json")).0, Some(0));
    let mut differing = 0;
    for value in ["4.800000000000000001", "4.80", "4.8", "3.0", "2.0", "1e2", "4.8e0", "12345678901234567890123", "-0.0", "0.1"] {
        for (json_from, yaml_from) in [("\"requested\": 4.8", "requested: 4.8"), ("\"exchange-events\": 2", "exchange-events: 2")] {
            assert!(json_text.contains(json_from) && yaml_text.contains(yaml_from));
            let json_to = json_from.replacen(json_from.rsplit(' ').next().unwrap(), value, 1);
            let yaml_to = yaml_from.replacen(yaml_from.rsplit(' ').next().unwrap(), value, 1);
            let (j, y) = (dir.0.join("d.json"), dir.0.join("d.yaml"));
            std::fs::write(&j, json_text.replacen(json_from, &json_to, 1)).unwrap();
            std::fs::write(&y, yaml_text.replacen(yaml_from, &yaml_to, 1)).unwrap();
            let (json, yaml) = (outcome(&j), outcome(&y));
            assert_eq!(json, yaml, "{json_to} vs {yaml_to}");
            differing += usize::from(json.0 != Some(0));
        }
    }
    // Most of these values are wrong for the call, and said so the same way.
    assert!(differing >= 8, "{differing}");
}

/// A text's length (限500字) is the same whatever its YAML layout: on one line, as a `|`
/// block or as a `>` block (which no longer puts a space between Chinese characters), line
/// breaks not counted. 500 characters pass in every layout, 501 fail in every layout, each
/// counted as 501.
#[test]
fn text_lengths_count_the_same_in_every_layout() {
    let dir = Scratch::new("layouts");
    let draft = std::fs::read_to_string(common::root().join("examples/hangzhou-2025/valid/key-academic-society.yaml")).unwrap();
    let line = draft.lines().find(|l| l.starts_with("  summary: ")).unwrap().to_owned();
    let sentence = "围绕人工智能产业开展学术活动促进产学研深度融合。"; // 24 characters
    for n in [500, 501] {
        let text: String = sentence.chars().cycle().take(n).collect();
        let lines: Vec<String> = text.chars().collect::<Vec<_>>().chunks(37).map(|c| c.iter().collect()).collect();
        let layouts = [
            ("one-line", format!("  summary: {text}")),
            ("literal", format!("  summary: |\n{}", lines.iter().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n"))),
            ("folded", format!("  summary: >\n{}", lines.iter().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n"))),
            ("plain-wrapped", format!("  summary: {}", lines.join("\n    "))),
        ];
        for (name, summary) in layouts {
            let path = dir.0.join(format!("{name}-{n}.yaml"));
            std::fs::write(&path, draft.replacen(&line, &summary, 1)).unwrap();
            let o = callspec(&[
                "validate",
                "--spec",
                "specs/hangzhou-2025.yaml",
                "--as-of",
                "2030-01-01",
                "--format",
                "json",
                path.to_str().unwrap(),
            ]);
            let r = report(&o, name);
            let lengths: Vec<&str> = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["code"] == "text.length")
                .map(|f| f["message"].as_str().unwrap())
                .collect();
            if n == 500 {
                assert_eq!((o.status.code(), lengths.len()), (Some(0), 0), "{name}: {r}");
            } else {
                assert_eq!(o.status.code(), Some(1), "{name}");
                assert_eq!(lengths, ["project summary (project.summary) has 501 characters; too long (at most 500)"], "{name}");
            }
        }
    }
}
