//! `--lang zh|en` and the language taken from the environment: messages, labels, requirements,
//! hints and summaries in Chinese or English; codes, names and quoted clauses as written.

mod common;

use std::process::{Command, Output};

/// Runs the binary with `LANG` set to `lang` and no other locale variable.
fn callspec_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn validate_in_chinese() {
    for name in ["budget-items-sum", "deadline-missed", "kpi-missing"] {
        let path = format!("examples/hangzhou-2025/invalid/{name}.yaml");
        let o = callspec_in("C", &["validate", "--lang", "zh", &path]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        let out = stdout(&o);
        assert!(out.contains("未通过：检查了 1 个申报文件"), "{out}");
        insta::assert_snapshot!(format!("validate_zh_{name}"), out);
    }
}

#[test]
fn check_in_chinese() {
    for name in ["tranches-not-100", "three-structural-mistakes", "unknown-clause"] {
        let path = format!("tests/fixtures/specs/{name}.yaml");
        let o = callspec_in("C", &["check", "--lang", "zh", &path]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        insta::assert_snapshot!(format!("check_zh_{name}"), stdout(&o));
    }
}

#[test]
fn the_environment_picks_the_language() {
    let args = ["validate", "examples/hangzhou-2025/invalid/budget-items-sum.yaml"];
    let zh = stdout(&callspec_in("zh_CN.UTF-8", &args));
    assert!(zh.contains("支出明细合计") && zh.contains("未通过："), "{zh}");
    assert!(zh.contains("budget.items-sum"), "codes stay as they are: {zh}");
    let en = stdout(&callspec_in("C", &args));
    assert!(en.contains("budget items add up to") && en.contains("failed: 1 application file checked"), "{en}");
    // The option wins over the environment, and LC_ALL over LANG.
    let forced = stdout(&callspec_in("zh_CN.UTF-8", &["validate", "--lang", "en", args[1]]));
    assert_eq!(forced, en);
    let o = Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(stdout(&o), en);
}

#[test]
fn json_keeps_its_fields_with_chinese_texts() {
    let o = callspec_in("C", &["validate", "--lang", "zh", "--format", "json", "examples/hangzhou-2025/invalid/budget-items-sum.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["code"], "budget.items-sum");
    assert!(f["message"].as_str().unwrap().starts_with("支出明细合计"), "{f}");
    assert!(f["requirement"].as_str().unwrap().contains("各项明细之和"), "{f}");
    assert_eq!(f["labels"][0]["text"], "这些明细");
}

#[test]
fn sarif_and_github_in_chinese() {
    let path = "examples/hangzhou-2025/invalid/budget-items-sum.yaml";
    let o = callspec_in("C", &["validate", "--lang", "zh", "--format", "sarif", path]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = v["runs"][0]["results"][0]["message"]["text"].as_str().unwrap();
    assert!(text.contains("支出明细合计") && text.contains("\n要求："), "{text}");
    let o = callspec_in("C", &["validate", "--lang", "zh", "--format", "github", path]);
    let out = stdout(&o);
    assert!(out.starts_with("::error ") && out.contains("支出明细合计") && out.contains("%0A建议："), "{out}");
}

#[test]
fn test_command_in_chinese() {
    let dir = std::env::temp_dir().join(format!("callspec-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = std::fs::read_to_string(common::root().join("examples/hangzhou-2025/invalid/budget-items-sum.yaml")).unwrap();
    // Without the example's own expectations.
    let draft = draft.split("\nexpect:").next().unwrap().to_owned();
    let pass = format!("{draft}\nexpect:\n  findings:\n    - {{ code: budget.items-sum, severity: error }}\n");
    let fail = format!("{draft}\nexpect:\n  findings: []\n");
    std::fs::write(dir.join("a-pass.yaml"), pass).unwrap();
    std::fs::write(dir.join("b-fail.yaml"), fail).unwrap();
    let path = dir.display().to_string();
    let o = callspec_in("zh_CN.UTF-8", &["test", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o).replace(&path, "$DIR");
    assert_eq!(
        out,
        "通过  $DIR/a-pass.yaml\n失败  $DIR/b-fail.yaml\n      报告但未预期：budget.items-sum (error)\n未通过：1 个通过，1 个失败，0 个跳过\n"
    );
    let o = callspec_in("zh_CN.UTF-8", &["test", "--lang", "en", &path]);
    assert!(stdout(&o).ends_with("failed: 1 passed, 1 failed, 0 skipped\n"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn form_speaks_the_language_of_the_run() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lang-form");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("申报书.docx");
    let out = out.to_str().unwrap();
    let args = ["form", "--call", "hangzhou-2025", "--category", "key/academic-society", "-o", out];
    let o = callspec_in("C", &[&["--lang", "zh"], &args[..]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("已生成"), "{said}");
    let o = callspec_in("C", &[&["--lang", "zh"], &args[..]].concat());
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("已存在"), "{said}");
}
