//! The Word 申报书: `form`, `fill`, `validate` and `export` through the binary. Every example
//! draft of every call is filled into a form, which must validate as the draft does and export
//! back to the same draft; forms edited through a real document library (python-docx) and saved
//! by LibreOffice are read back; LibreOffice renders a form of each call to PDF.

mod common;

use std::path::{Path, PathBuf};

use common::{callspec, root, stdout};
use serde_json::Value;

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("callspec-forms-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn examples() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for call in ["hangzhou-2025", "ningxia-2025", "jiangsu-2024", "cast-2021"] {
        for kind in ["valid", "invalid"] {
            out.extend(common::yaml_files(&root().join("examples").join(call).join(kind)));
        }
    }
    out
}

/// Findings of one file as (code, severity, message, label texts, form pointers).
type Key = (String, String, String, Vec<String>);

/// The findings of one file validated on its own, and the exit code.
fn findings(path: &Path) -> (Option<i32>, Vec<Key>) {
    let out = callspec(&["validate", "--format", "json", "--lang", "en", &path.display().to_string()]);
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let mut keys: Vec<Key> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let labels = f["labels"].as_array().unwrap().iter().map(|l| l["text"].as_str().unwrap_or("").to_owned()).collect();
            (
                f["code"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
                labels,
            )
        })
        .collect();
    keys.sort();
    (out.status.code(), keys)
}

/// The JSON value of a YAML or JSON file, as the document layer reads it.
fn value_of(path: &Path) -> Value {
    let (doc, _) = callspec::load::application_document(path, &callspec::source::Limits::default()).expect("readable");
    doc.value
}

#[test]
fn every_example_round_trips_through_a_filled_form() {
    let dir = scratch("round-trip");
    let drafts = examples();
    assert!(drafts.len() > 100, "{} examples", drafts.len());
    let mut forms = Vec::new();
    for d in &drafts {
        let name = format!(
            "{}-{}-{}.docx",
            d.parent().unwrap().parent().unwrap().file_name().unwrap().to_string_lossy(),
            d.parent().unwrap().file_name().unwrap().to_string_lossy(),
            d.file_stem().unwrap().to_string_lossy()
        );
        let form = dir.join(name);
        let out = callspec(&["fill", &d.display().to_string(), "-o", &form.display().to_string()]);
        assert!(out.status.success(), "fill {}: {}", d.display(), String::from_utf8_lossy(&out.stderr));
        forms.push(form);
    }
    // The same findings, code, severity, message and labels, for the draft and its form.
    let mut differ = Vec::new();
    for (d, f) in drafts.iter().zip(&forms) {
        let (a, b) = (findings(d), findings(f));
        if a != b {
            differ.push(format!("{}\n  draft: {a:?}\n  form:  {b:?}", d.display()));
        }
    }
    assert!(differ.is_empty(), "{} of {} differ:\n{}", differ.len(), drafts.len(), differ.join("\n"));
    // Exported back, as JSON and as YAML, the form gives the draft's value.
    for (d, f) in drafts.iter().zip(&forms) {
        let want = value_of(d);
        let json = callspec(&["export", &f.display().to_string(), "--format", "json"]);
        assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
        let got: Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert_eq!(got, want, "JSON export of {}", d.display());
        let yaml = dir.join("export.yaml");
        let _ = std::fs::remove_file(&yaml);
        let out = callspec(&["export", &f.display().to_string(), "-o", &yaml.display().to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(value_of(&yaml), want, "YAML export of {}", d.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
