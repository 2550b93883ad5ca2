//! Machine output: JSON pointers on JSON and SARIF findings, the JSON report's files with their
//! verdicts, `list --call` and `--format json`, man pages per subcommand, completion values.

mod common;

use common::{callspec, stdout};

#[test]
fn json_and_sarif_findings_carry_the_pointer_of_the_value() {
    let o = callspec(&["validate", "--format", "json", "tests/fixtures/applications/four-mistakes.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let pointers: Vec<(&str, &str)> =
        v["findings"].as_array().unwrap().iter().map(|f| (f["code"].as_str().unwrap(), f["pointer"].as_str().unwrap())).collect();
    for want in [
        ("budget.amount-mismatch", "/budget/requested"),
        ("kpi.out-of-range", "/kpis/academic-events"),
        ("schema.unknown-key", "/lead/postal_cod"),
        ("text.length", "/project/summary"),
    ] {
        assert!(pointers.contains(&want), "{pointers:?}");
    }
    let o = callspec(&["validate", "--format", "sarif", "tests/fixtures/applications/four-mistakes.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let result = v["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "budget.amount-mismatch").unwrap();
    assert_eq!(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "/budget/requested", "{result:#}");
    assert_eq!(result["properties"]["pointer"], "/budget/requested");
}

#[test]
fn the_json_report_lists_the_files_with_their_verdicts() {
    let o = callspec(&[
        "validate",
        "--format",
        "json",
        "examples/hangzhou-2025/valid/key-international.yaml",
        "examples/hangzhou-2025/valid/warning-period-after-completion.yaml",
        "tests/fixtures/applications/four-mistakes.yaml",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files: Vec<(&str, &str, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["verdict"].as_str().unwrap(), f["errors"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        files,
        [
            ("examples/hangzhou-2025/valid/key-international.yaml", "valid", 0),
            ("examples/hangzhou-2025/valid/warning-period-after-completion.yaml", "with_warnings", 0),
            ("tests/fixtures/applications/four-mistakes.yaml", "invalid", 4),
        ]
    );
    let o = callspec(&["check", "--format", "json", "tests/fixtures/specs/five-mistakes-behind-a-typo.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["verdict"], "invalid", "{v:#}");
    assert_eq!(v["files"][0]["errors"], 5, "{v:#}");
}

#[test]
fn list_filters_by_call_and_speaks_json() {
    let text = stdout(&callspec(&["list", "--call", "cast-2021"]));
    assert!(text.contains("teams/industry") && !text.contains("hangzhou-2025"), "{text}");
    let o = callspec(&["list", "--call", "cast-2021", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["calls"].as_array().unwrap().len(), 1);
    assert_eq!(v["calls"][0]["id"], "cast-2021");
    assert!(v["calls"][0]["categories"].as_array().unwrap().iter().any(|c| c["path"] == "teams/industry" && c["leaf"] == true));
    let o = callspec(&["list", "--call", "cast-2012"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `cast-2021`?"));
}

#[test]
fn man_writes_a_page_per_subcommand_and_names_only_those() {
    let dir = std::env::temp_dir().join(format!("callspec-man-{}", std::process::id()));
    let o = callspec(&["man", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let main = std::fs::read_to_string(dir.join("callspec.1")).unwrap();
    let mut named = 0;
    for sub in ["check", "validate", "test", "explain", "schema", "show", "calendar", "list", "new", "completions", "man"] {
        let page = dir.join(format!("callspec-{sub}.1"));
        assert!(page.is_file(), "{} missing", page.display());
        assert!(std::fs::read_to_string(&page).unwrap().contains(".TH"), "{sub}");
        if main.contains(&format!("callspec\\-{sub}(1)")) {
            named += 1;
        }
    }
    assert_eq!(named, 11, "{main}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn completion_offers_call_ids_and_category_paths() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&callspec(&["completions", shell]));
        for value in ["hangzhou-2025", "cast-2021", "key/academic-society", "teams/industry"] {
            assert!(script.contains(value), "{shell}: no `{value}`");
        }
    }
}
