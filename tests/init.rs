//! `callspec init` on the five bundled notices: every clause a bundled spec cites is found among
//! the skeleton's clauses (in one of them, or in one with the clauses under it), the skeleton passes `callspec check` apart from what is still to
//! write, and the command never overwrites a file without `--force`.

mod common;

use std::path::{Path, PathBuf};

use callspec::diagnostics::Severity;
use callspec::load;
use callspec::notice::normal::{normal, pieces};
use callspec::source::Limits;

/// The bundled specs (and the plan) with their notices.
const BUNDLED: &[&str] = &["hangzhou-2025", "hangzhou-2026-plan", "ningxia-2025", "jiangsu-2024", "cast-2021"];

/// Pairs of strings: (clause id, text), (read, as).
type Pairs = Vec<(String, String)>;

/// The clause texts and corrections of a bundled spec or plan, read as plain YAML.
fn bundled(name: &str) -> (Pairs, Pairs) {
    let text = std::fs::read_to_string(common::root().join(format!("specs/{name}.yaml"))).unwrap();
    let file = callspec::source::SourceFile::new(name, text);
    let doc = callspec::document::parse(file, &Limits::default()).unwrap();
    let clauses =
        doc.value["clauses"].as_object().unwrap().iter().map(|(id, c)| (id.clone(), c["text"].as_str().unwrap().to_owned())).collect();
    let corrections = doc.value["notice"]["corrections"]
        .as_array()
        .map(|a| a.iter().map(|c| (c["read"].as_str().unwrap().to_owned(), c["as"].as_str().unwrap().to_owned())).collect())
        .unwrap_or_default();
    (clauses, corrections)
}

fn notice(name: &str) -> String {
    std::fs::read_to_string(common::root().join(format!("specs/{name}.notice.txt"))).unwrap()
}

#[test]
fn init_finds_every_clause_the_bundled_specs_cite() {
    let mut found = 0;
    for name in BUNDLED {
        let skeleton = callspec::init::skeleton(&notice(name), &format!("{name}.notice.txt"), name, callspec::i18n::Lang::En);
        let (clauses, corrections) = bundled(name);
        // The skeleton quotes the notice as extracted; the spec quotes it corrected.
        let texts: Vec<String> = skeleton
            .clauses
            .iter()
            .map(|c| corrections.iter().fold(normal(&c.text), |t, (read, as_)| t.replace(&normal(read), &normal(as_))))
            .collect();
        for (id, quote) in &clauses {
            let quote = normal(quote);
            for (_, piece) in pieces(&quote) {
                // In one clause of the skeleton, or in one with the clauses under it (a heading's
                // lead-in and its items: "有下列情形之一的单位，不得申报：（1）…（2）…").
                let inside = (0..texts.len()).any(|k| {
                    let under = format!("{}-", skeleton.clauses[k].id);
                    let mut joined = texts[k].clone();
                    let mut j = k + 1;
                    while j < texts.len() && skeleton.clauses[j].id.starts_with(&under) {
                        joined.push_str(&texts[j]);
                        j += 1;
                    }
                    joined.contains(piece)
                });
                assert!(inside, "{name}: clause `{id}` ({piece}) is not among the skeleton's clauses");
            }
            found += 1;
        }
    }
    assert!(found > 250, "{found} clauses compared");
}

/// A fresh folder under the system's temporary folder.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("callspec-init-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn each_skeleton_passes_check_apart_from_what_is_still_to_write() {
    for name in BUNDLED {
        let dir = folder(name);
        std::fs::write(dir.join(format!("{name}.notice.txt")), notice(name)).unwrap();
        let skeleton = callspec::init::skeleton(&notice(name), &format!("{name}.notice.txt"), name, callspec::i18n::Lang::En);
        let spec = dir.join("spec.yaml");
        std::fs::write(&spec, &skeleton.yaml).unwrap();
        let out = load::spec_path_checked(&spec, &Limits::default());
        let codes = common::codes(&out.findings);
        // Metadata the notice does not state is left to fill (schema.unfilled); every clause is
        // still to be cited by a rule (advice).
        let unknown = skeleton.yaml.matches("~  # unknown").count();
        if unknown == 0 {
            assert_eq!(codes, ["spec.unused-clause"], "{name}:\n{}", common::render(&out.findings));
            assert_eq!(out.findings.len(), skeleton.clauses.len(), "{name}");
            assert!(out.findings.iter().all(|f| f.severity == Severity::Advice));
        } else {
            assert_eq!(codes, ["schema.unfilled"], "{name}:\n{}", common::render(&out.findings));
            assert_eq!(out.findings.len(), unknown, "{name}");
            // Filled in, the quotes are checked as well.
            let filled =
                skeleton.yaml.replace("issued: ~  # unknown", "issued: 2026-01-01  # unknown").replace("~  # unknown", "待填  # unknown");
            std::fs::write(&spec, filled).unwrap();
            let out = load::spec_path_checked(&spec, &Limits::default());
            assert_eq!(common::codes(&out.findings), ["spec.unused-clause"], "{name}:\n{}", common::render(&out.findings));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn metadata_is_taken_from_the_text_or_left_unknown() {
    let meta = |name: &str| callspec::init::skeleton(&notice(name), "n.txt", "x", callspec::i18n::Lang::En).meta;
    let m = meta("hangzhou-2025");
    assert_eq!(m.document.as_deref(), Some("杭科协〔2025〕6号"));
    assert_eq!(m.title.as_deref(), Some("杭州市科协关于2025年度学术交流（科技创新）活动项目申报工作的通知"));
    assert_eq!((m.issuer.as_deref(), m.issued.map(|d| d.to_string())), (Some("杭州市科学技术协会"), Some("2025-03-27".into())));
    let m = meta("cast-2021");
    assert_eq!(m.document.as_deref(), Some("科协学函企字〔2021〕44号"));
    assert_eq!((m.issuer.as_deref(), m.issued.map(|d| d.to_string())), (Some("中国科协学会学术部"), Some("2021-05-10".into())));
    let m = meta("ningxia-2025");
    // The extraction lost the issuer's abbreviation before the number: kept as printed.
    assert_eq!(m.document.as_deref(), Some("〔2025〕61号"));
    assert_eq!(m.title.as_deref(), Some("自治区科协关于组织申报2025年学术交流及学会能力提升项目的通知"));
    let m = meta("jiangsu-2024");
    // The number as extracted (its brackets garbled); the title page is lost: unknown.
    assert_eq!(m.document.as_deref(), Some("苏科协发„2024‟40号"));
    assert_eq!(m.title, None);
    assert_eq!((m.issuer.as_deref(), m.issued.map(|d| d.to_string())), (Some("江苏省科学技术协会"), Some("2024-03-06".into())));
    let m = meta("hangzhou-2026-plan");
    assert_eq!(m, callspec::init::Meta::default());
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .output()
        .expect("binary runs")
}

#[test]
fn a_skeleton_of_the_hangzhou_notice() {
    let o = common::callspec(&["init", "specs/hangzhou-2025.notice.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    insta::assert_snapshot!(common::stdout(&o));
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = folder("cli");
    std::fs::write(dir.join("notice.txt"), notice("hangzhou-2025")).unwrap();
    let o = run(&dir, &["init", "notice.txt", "-o", "hz.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let first = std::fs::read_to_string(dir.join("hz.yaml")).unwrap();
    assert!(first.contains("  id: hz\n") && first.contains("  file: notice.txt\n"), "{first}");
    std::fs::write(dir.join("hz.yaml"), "mine").unwrap();
    let o = run(&dir, &["init", "notice.txt", "-o", "hz.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists; pass --force"));
    assert_eq!(std::fs::read_to_string(dir.join("hz.yaml")).unwrap(), "mine");
    let o = run(&dir, &["init", "notice.txt", "-o", "hz.yaml", "--force", "--id", "hangzhou-2025"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(dir.join("hz.yaml")).unwrap().contains("  id: hangzhou-2025\n"));
    // The notice itself is never the output, not even with --force.
    let o = run(&dir, &["init", "notice.txt", "-o", "./notice.txt", "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("notice.txt")).unwrap(), notice("hangzhou-2025"));
    // A notice outside the spec's folder: named by its file name, with a note to copy it.
    std::fs::create_dir_all(dir.join("specs")).unwrap();
    let o = run(&dir, &["init", "notice.txt", "-o", "specs/hz.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("copy it there as notice.txt"));
    // Unusable input: a missing file, a PDF, a bad id.
    assert_eq!(run(&dir, &["init", "missing.txt"]).status.code(), Some(2));
    std::fs::write(dir.join("notice.pdf"), b"%PDF-1.7\n\0\0binary").unwrap();
    assert_eq!(run(&dir, &["init", "notice.pdf"]).status.code(), Some(2));
    assert_eq!(run(&dir, &["init", "notice.txt", "--id", "Bad Id"]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn init_speaks_the_language_of_the_run() {
    let dir = folder("lang");
    std::fs::write(dir.join("notice.txt"), notice("hangzhou-2025")).unwrap();
    // `--lang zh` wins over the environment (`run` sets LANG=C).
    let o = run(&dir, &["init", "--lang", "zh", "notice.txt", "-o", "hz.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("已写入 hz.yaml") && !said.contains("wrote"), "{said}");
    let o = run(&dir, &["init", "--lang", "zh", "notice.txt", "-o", "hz.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&dir, &["init", "notice.txt", "-o", "hz2.yaml"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("wrote hz2.yaml"));
}

/// A notice saved in GB18030 (as many are, from a Chinese desktop): read, said to be, and its
/// numbers become stubs as from its UTF-8 twin.
#[test]
fn a_gb18030_notice_is_read_and_said_to_be() {
    let dir = folder("gbk");
    let text = std::fs::read_to_string(common::root().join("tests/corpus/shanghai-2023-academic/notice.txt")).unwrap();
    let (bytes, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    std::fs::write(dir.join("notice.txt"), &bytes).unwrap();
    let o = run(&dir, &["init", "notice.txt", "-o", "spec.yaml", "--lang", "zh"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("注意：`notice.txt` 不是 UTF-8 编码，已按 GBK/GB18030 读取"), "{err}");
    let spec = std::fs::read_to_string(dir.join("spec.yaml")).unwrap();
    assert!(spec.contains("# amount: { kind: range, min: 4, max: 5,"), "{spec}");
    assert!(spec.starts_with("# 由 `callspec init` 根据通知原文写出"), "{spec}");
}
