//! Every problem in one run: a misspelt key, a missing key or a value of the wrong type does not
//! hide the findings of the rules that do not depend on it, and one mistake gets one finding.

mod common;

use common::{callspec, stdout};

fn codes(json: &serde_json::Value) -> Vec<String> {
    let mut v: Vec<String> = json["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect();
    v.sort();
    v
}

fn json_of(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let o = callspec(&[args, &["--format", "json"]].concat());
    (o.status.code(), serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o))))
}

#[test]
fn a_typo_and_three_other_mistakes_are_four_findings() {
    let (code, v) = json_of(&["validate", "tests/fixtures/applications/four-mistakes.yaml"]);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&v), ["budget.amount-mismatch", "kpi.out-of-range", "schema.unknown-key", "text.length"], "{v:#}");
    let human = stdout(&callspec(&["validate", "tests/fixtures/applications/four-mistakes.yaml"]));
    assert!(human.contains("did you mean `postal_code`?"), "{human}");
    assert!(human.contains("4 errors"), "{human}");
}

#[test]
fn a_spec_typo_and_four_authoring_mistakes_are_five_findings() {
    let (code, v) = json_of(&["check", "tests/fixtures/specs/five-mistakes-behind-a-typo.yaml"]);
    assert_eq!(code, Some(1));
    // Five errors; the advice beside them says the fixture's quotes are unchecked (no notice text).
    assert_eq!(
        codes(&v),
        ["schema.unknown-key", "spec.date-order", "spec.min-max", "spec.notice", "spec.tranches", "spec.unknown-ref"],
        "{v:#}"
    );
}

/// Writes `text` to a fresh file and validates it as JSON output.
fn validate_text(name: &str, text: &str) -> (Option<i32>, serde_json::Value) {
    let dir = std::env::temp_dir().join(format!("callspec-all-at-once-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, text).unwrap();
    let out = json_of(&["validate", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    out
}

fn example(path: &str) -> String {
    let s = std::fs::read_to_string(common::root().join(path)).unwrap();
    s[..s.find("\nexpect:").unwrap_or(s.len())].to_owned() + "\n"
}

#[test]
fn a_misspelt_required_key_is_one_finding_and_its_rules_stay_silent() {
    // `requsted` for `requested`: "did you mean", not also "missing `requested`", and no rule
    // guesses at the amount (the fixed amount, the total, the itemised sum all need it).
    let text = example("examples/hangzhou-2025/valid/key-academic-society.yaml").replace("  requested: 4.8", "  requsted: 4.8");
    let (code, v) = validate_text("requsted", &text);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&v), ["schema.unknown-key"], "{v:#}");
    assert!(v["findings"][0]["help"].as_str().unwrap().contains("did you mean `requested`?"), "{v:#}");
}

#[test]
fn a_value_of_the_wrong_type_does_not_stop_the_other_rules() {
    // A KPI target written as text is a type error; the KPI under its minimum is still found,
    // and the KPI with the unreadable target is not also called missing.
    let text = example("examples/hangzhou-2025/valid/key-academic-society.yaml")
        .replace("  academic-events: 3", "  academic-events: 三场")
        .replace("  matched-projects: 3", "  matched-projects: 1");
    let (_, v) = validate_text("wrong-type", &text);
    assert_eq!(codes(&v), ["kpi.out-of-range", "schema.type"], "{v:#}");
}

#[test]
fn an_individual_is_told_individuals_may_not_apply_and_nothing_about_codes() {
    // A person has no 统一社会信用代码: the draft gives none, and the call asks organisations for one.
    let text = example("examples/hangzhou-2025/invalid/applicant-individual.yaml").replace("  credit_code: 51330100MJ89000020\n", "");
    let (_, v) = validate_text("individual", &text);
    let codes = codes(&v);
    assert!(codes.contains(&"applicant.individual".to_owned()), "{v:#}");
    assert!(!codes.iter().any(|c| c.starts_with("identifier.")), "{v:#}");
}

#[test]
fn an_unquoted_all_digit_credit_code_is_read_as_the_code() {
    // 91350100M000100Y43 has a letter; an all-digit code is a YAML number when unquoted.
    // 123456789012345766 is valid (its 组织机构代码 90123457-6 too); ending in 7 it is not.
    let draft = example("examples/hangzhou-2025/valid/key-academic-society.yaml");
    let (code, v) = validate_text("digits", &draft.replace("credit_code: 51330100MJ89000020", "credit_code: 123456789012345766"));
    assert_eq!((code, codes(&v)), (Some(0), vec![]), "{v:#}");
    let (_, v) = validate_text("digits-bad", &draft.replace("credit_code: 51330100MJ89000020", "credit_code: 123456789012345767"));
    assert_eq!(codes(&v), ["identifier.credit-code"], "{v:#}");
    assert!(v["findings"][0]["message"].as_str().unwrap().contains("123456789012345767"), "{v:#}");
}

#[test]
fn the_organisation_code_inside_a_credit_code_is_checked_too() {
    // 51330100MJ8900001W passes GB 32100, but its characters 9–17, the 组织机构代码 MJ890000-1,
    // fail GB 11714 (their check character is 2).
    let draft = example("examples/hangzhou-2025/valid/key-academic-society.yaml");
    let (_, v) = validate_text("embedded", &draft.replace("credit_code: 51330100MJ89000020", "credit_code: 51330100MJ8900001W"));
    assert_eq!(codes(&v), ["identifier.credit-code"], "{v:#}");
    let message = v["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("组织机构代码 `MJ890000-1`") && message.contains("give `2`"), "{message}");
}

#[test]
fn a_category_may_be_named_by_its_chinese_name() {
    let o = callspec(&["new", "--call", "hangzhou-2025", "--category", "国际交流助力产业发展行动"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("category: key/international"), "{}", stdout(&o));
    let o = callspec(&["new", "--call", "hangzhou-2025", "--category", "国际交流助力产业发展"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `国际交流助力产业发展行动`?"));
    // In a draft: its path, its full name or its own name.
    let draft = example("examples/hangzhou-2025/valid/key-international.yaml");
    for named in ["重点支持项目 / 国际交流助力产业发展行动", "国际交流助力产业发展行动"] {
        let (code, v) = validate_text("by-name", &draft.replace("category: key/international", &format!("category: {named}")));
        // Advice only: the project serves a priority of the work plan the call names.
        assert_eq!((code, codes(&v)), (Some(0), vec!["plan.priority".to_owned()]), "{named}: {v:#}");
    }
    let (_, v) = validate_text("near-name", &draft.replace("category: key/international", "category: 国际交流助力产业发展"));
    // Without a category, no priority of the plan is looked for.
    assert_eq!(codes(&v), ["category.unknown"], "{v:#}");
    assert!(v["findings"][0]["help"].as_str().unwrap().contains("国际交流助力产业发展行动"), "{v:#}");
}
