//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use callspec::diagnostics::Finding;
use callspec::render::{self, Style};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary under test, run from the crate root in English without colour.
pub fn callspec(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_callspec"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("binary runs")
}

/// Standard output as text.
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Renders findings as plain text, the way the CLI prints them without a terminal.
pub fn render(findings: &[Finding]) -> String {
    render::human_all(findings, Style { color: false, width: 100, lang: callspec::i18n::Lang::En })
}

/// The codes a fixture declares in its leading comment lines: `# expect: code code ...`
/// (nothing after the colon: no findings).
pub fn expected_codes(text: &str) -> Vec<String> {
    let line = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# expect:"))
        .unwrap_or_else(|| panic!("fixture must declare `# expect:` in its leading comments"));
    let mut v: Vec<String> = line.split([' ', ',']).filter(|c| !c.is_empty()).map(str::to_owned).collect();
    v.sort();
    v
}

/// Every `.yaml` file directly in a folder, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    v
}

/// The set of codes of some findings, sorted and deduplicated.
pub fn codes(findings: &[Finding]) -> Vec<String> {
    let mut v: Vec<String> = findings.iter().map(|f| f.code.code.to_owned()).collect();
    v.sort();
    v.dedup();
    v
}
