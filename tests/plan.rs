//! The work plan at work: the alignment test set (`tests/plan/summaries.yaml`) held to the
//! bundled Hangzhou 2026 plan, and `show`, `list`, `check`, `plan coverage` and `plan align`
//! through the binary.

mod common;

use std::collections::BTreeSet;

use callspec::model::Plan;
use callspec::source::Limits;
use common::*;

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    text: String,
    serves: Vec<String>,
    /// Written after the matcher's words were settled, not tuned against.
    #[serde(default)]
    held_out: bool,
}

/// Right, missed and wrong matches of some cases, with the missed and wrong listed.
#[derive(Default)]
struct Figures {
    cases: usize,
    none: usize,
    assigned: usize,
    right: usize,
    missed: Vec<String>,
    wrong: Vec<String>,
}

impl Figures {
    fn add(&mut self, c: &Case, got: &BTreeSet<&str>) {
        let want: BTreeSet<&str> = c.serves.iter().map(String::as_str).collect();
        self.cases += 1;
        self.none += usize::from(want.is_empty());
        self.assigned += want.len();
        self.right += got.intersection(&want).count();
        self.missed.extend(want.difference(got).map(|p| format!("{}: {p}", c.id)));
        self.wrong.extend(got.difference(&want).map(|p| format!("{}: {p}", c.id)));
    }

    fn report(&self, what: &str) -> String {
        let mut out = format!(
            "{what}: {} summaries ({} serving no priority), {} priorities assigned: right {}, missed {}, wrong {}\n",
            self.cases,
            self.none,
            self.assigned,
            self.right,
            self.missed.len(),
            self.wrong.len()
        );
        for m in &self.missed {
            out.push_str(&format!("  missed {m}\n"));
        }
        for w in &self.wrong {
            out.push_str(&format!("  wrong {w}\n"));
        }
        out
    }
}

fn bundled_plan() -> Plan {
    let specs = callspec::load::Specs { builtin: true, paths: Vec::new(), quotes: false };
    let mut bundle = callspec::load::load_specs_with(&specs, &Limits::default(), None, &mut |_| {});
    bundle.plans.remove("hangzhou-2026-plan").expect("the bundled plan compiles")
}

/// Every summary's matches against what a careful reader assigns: no priority matched that the
/// reader did not assign (asserted), and the ones the matcher misses listed with the figures
/// (snapshot: a change in what is found shows there).
#[test]
fn the_alignment_test_set_has_no_wrong_match() {
    let text = std::fs::read_to_string(root().join("tests/plan/summaries.yaml")).unwrap();
    let cases: Vec<Case> = serde_saphyr::from_str(&text).unwrap();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let plan = bundled_plan();
    let (mut all, mut tuned, mut held_out) = (Figures::default(), Figures::default(), Figures::default());
    let mut ids = BTreeSet::new();
    for c in &cases {
        assert!(ids.insert(&c.id), "case id {} twice", c.id);
        for id in &c.serves {
            assert!(plan.priority(id).is_some(), "{}: `{id}` is not a priority of the plan", c.id);
        }
        let got: BTreeSet<&str> = callspec::plan::align(&plan, &[&c.text]).iter().map(|m| m.priority.id.as_str()).collect();
        all.add(c, &got);
        if c.held_out { held_out.add(c, &got) } else { tuned.add(c, &got) }
    }
    let report = [all.report("all"), tuned.report("written with the matcher"), held_out.report("held out")].concat();
    assert!(all.wrong.is_empty(), "{report}");
    insta::assert_snapshot!(report);
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = callspec(args);
    (o.status.code(), stdout(&o), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn show_prints_the_plan_as_a_guide_page_in_chinese_and_english() {
    let (code, zh, err) = run(&["show", "hangzhou-2026-plan"]);
    assert_eq!(code, Some(0), "{err}");
    // Every priority and part, each with its quoted clause.
    let plan = bundled_plan();
    for p in &plan.priorities {
        assert!(zh.contains(&format!("`{}`", p.id)), "{} missing", p.id);
    }
    assert_eq!(zh.matches("*依据 ").count(), plan.priorities.len() + plan.parts.len());
    insta::assert_snapshot!("show-plan-zh", zh);
    let (code, en, _) = run(&["show", "hangzhou-2026-plan", "--lang", "en"]);
    assert_eq!(code, Some(0));
    assert!(en.contains("## Programmes a call may fund") && en.contains("*Source 三、精准实施创新驱动助力工程: “"), "{en}");
    insta::assert_snapshot!("show-plan-en", en);
    let (code, html, _) = run(&["show", "hangzhou-2026-plan", "--format", "html"]);
    assert_eq!(code, Some(0));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"zh-CN\">") && html.contains("<table>"), "{html}");
    assert!(!html.contains("<script") && !html.contains("href=\"http"), "self-contained");
    // A plan has no categories; an unknown id suggests the plan.
    let (code, _, err) = run(&["show", "hangzhou-2026-plan", "--category", "x"]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, err) = run(&["show", "hangzhou-2026-plam"]);
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn list_knows_plans() {
    let (code, out, err) = run(&["list"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("hangzhou-2026-plan  杭州市科协2026年工作要点  2026  24"), "{out}");
    let (code, out, _) = run(&["list", "--call", "hangzhou-2026-plan", "--lang", "zh"]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("list-plan-zh", out);
    let (code, out, _) = run(&["list", "--format", "json"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plans"][0]["id"], "hangzhou-2026-plan");
    assert_eq!(v["plans"][0]["priorities"].as_array().map(Vec::len), Some(42));
    assert_eq!(v["plans"][0]["priorities"][0]["kind"], "task");
}

#[test]
fn check_advises_on_programmes_and_categories_the_ties_leave_out() {
    let o = callspec(&["check", "specs/hangzhou-2025.yaml", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    let plan = bundled_plan();
    // 24 programmes, 6 implemented: the other 18 named in one finding; 4 categories tied to
    // none; nothing else.
    assert_eq!(plan.programmes().count(), 24);
    assert_eq!(codes.iter().filter(|c| **c == "spec.plan-uncovered").count(), 1, "{codes:?}");
    let uncovered = v["findings"].as_array().unwrap().iter().find(|f| f["code"] == "spec.plan-uncovered").unwrap();
    let message = uncovered["message"].as_str().unwrap();
    assert!(message.starts_with("no category implements 18 of the 24 programmes"), "{message}");
    assert!(!message.contains("科学咖啡馆") && message.contains("（cluster-296x）"), "{message}");
    assert_eq!(codes.iter().filter(|c| **c == "spec.plan-untied").count(), 4, "{codes:?}");
    assert_eq!(codes.len(), 5, "{codes:?}");
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["severity"] == "advice"));
    // A tie to a priority the plan lacks is an error, with the nearest id.
    let dir = std::env::temp_dir().join(format!("callspec-plan-ties-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = std::fs::read_to_string(root().join("specs/hangzhou-2025.yaml")).unwrap();
    std::fs::write(dir.join("spec.yaml"), spec.replace("implements: [science-cafe]", "implements: [science-caffe]")).unwrap();
    let o = callspec(&["check", dir.join("spec.yaml").to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("`science-caffe` is not a priority of 杭州市科协2026年工作要点") && out.contains("did you mean `science-cafe`?"),
        "{out}"
    );
    // Two left uncovered: each is reported on its own, with its clause.
    let ids: Vec<String> = plan.programmes().map(|p| p.id.clone()).filter(|id| id != "cluster-296x" && id != "tech-brokers").collect();
    std::fs::write(dir.join("spec.yaml"), spec.replace("implements: [science-cafe]", &format!("implements: [{}]", ids.join(", "))))
        .unwrap();
    let o = callspec(&["check", dir.join("spec.yaml").to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let uncovered: Vec<&serde_json::Value> =
        v["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "spec.plan-uncovered").collect();
    assert_eq!(uncovered.len(), 2, "{v:#}");
    assert!(uncovered.iter().all(|f| f["citation"]["text"].is_string()), "{v:#}");
    assert!(uncovered[0]["message"].as_str().unwrap().contains("296X先进制造业集群"), "{v:#}");
    // Ties without a plan named: an error too.
    std::fs::write(dir.join("spec.yaml"), spec.replace("  plan: hangzhou-2026-plan\n", "")).unwrap();
    let o = callspec(&["check", dir.join("spec.yaml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("the call names no plan"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn coverage_of_the_bundled_call_in_every_format() {
    let args = ["plan", "coverage", "--plan", "hangzhou-2026-plan", "--call", "hangzhou-2025"];
    let (code, zh, err) = run(&[&args[..], &["--lang", "zh"]].concat());
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!("coverage-zh", zh);
    let (_, en, _) = run(&args);
    insta::assert_snapshot!("coverage-en", en);
    let (_, md, _) = run(&[&args[..], &["--format", "md", "--lang", "zh"]].concat());
    insta::assert_snapshot!("coverage-md", md);
    // The README shows the Markdown table as it is.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains(&md), "README.md lacks the current coverage table:\n{md}");
    let (_, json, _) = run(&[&args[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["programmes"], serde_json::json!({ "implemented": 6, "all": 24 }));
    assert_eq!(
        v["untied"],
        serde_json::json!(["major/startup-growth", "key/academic-society", "regular/demonstration/park-haizhi", "unfunded"])
    );
    // A call that names no plan, an unknown plan: exit 2 with the reason.
    let (code, _, err) = run(&["plan", "coverage", "--plan", "hangzhou-2026-plan", "--call", "ningxia-2025"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("ningxia-2025 names no work plan"), "{err}");
    let (code, _, err) = run(&["plan", "coverage", "--plan", "hangzhou-2025-plan", "--call", "hangzhou-2025"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean `hangzhou-2026-plan`?"), "{err}");
}

#[test]
fn align_names_each_priority_a_draft_serves_with_its_passage() {
    let (code, out, err) =
        run(&["plan", "align", "--plan", "hangzhou-2026-plan", "tests/plan/drafts/intl-office.yaml", "tests/plan/drafts/none.txt"]);
    assert_eq!(code, Some(0), "{err}");
    // The paraphrase of 代表处落户 found, on its passage; 智库 and 走出去 alone match nothing.
    assert!(out.contains("“国际科技组织”“代表处”: intl-org-cluster"), "{out}");
    assert!(!out.contains("decision-consulting") && !out.contains("intl-going-out"), "{out}");
    insta::assert_snapshot!("align-en", out);
    let (_, zh, _) = run(&["plan", "align", "--plan", "hangzhou-2026-plan", "tests/plan/drafts/intl-office.yaml", "--lang", "zh"]);
    insta::assert_snapshot!("align-zh", zh);
    let (_, json, _) = run(&["plan", "align", "--plan", "hangzhou-2026-plan", "tests/plan/drafts/intl-office.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["plan.priority", "plan.priority"], "{v:#}");
    // Bad input: unusable (exit 2), never a panic; an unknown plan, a usage error.
    let dir = std::env::temp_dir().join(format!("callspec-plan-align-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.yaml"), "project: [\n").unwrap();
    std::fs::write(dir.join("gbk.txt"), [0xff, 0xfe, 0x00]).unwrap();
    let (code, out, _) = run(&["plan", "align", "--plan", "hangzhou-2026-plan", dir.join("bad.yaml").to_str().unwrap()]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("input.yaml"), "{out}");
    let (code, _, _) = run(&["plan", "align", "--plan", "hangzhou-2026-plan", dir.join("gbk.txt").to_str().unwrap()]);
    assert!(matches!(code, Some(0 | 2)));
    let (code, _, err) = run(&["plan", "align", "--plan", "nope", dir.join("bad.yaml").to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_plan_with_a_malformed_concept_or_an_unknown_part_does_not_compile() {
    let dir = std::env::temp_dir().join(format!("callspec-plan-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan = std::fs::read_to_string(root().join("specs/hangzhou-2026-plan.yaml")).unwrap();
    let plan = plan
        .replace("      - 新质生产力 + 科普\n", "      - 新质生产力 + 科普 +\n      - 科普\n")
        .replacen("    theme: 惠民\n", "    theme: 慧民\n", 1)
        .replace("  file: hangzhou-2026-plan.notice.txt\n", "  file: missing.txt\n");
    std::fs::write(dir.join("plan.yaml"), plan).unwrap();
    let o = callspec(&["check", "--format", "json", "--lang", "zh", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(o.status.code(), Some(1), "{v:#}");
    let errors: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error" && f["code"] != "spec.notice")
        .map(|f| (f["code"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            ("spec.unknown-ref", "`慧民` 不是本规划的部分"),
            ("spec.plan-concept", "`新质生产力 + 科普 +` 含有空的意思或同义词"),
            ("spec.plan-concept", "`科普` 只是一个词，不是意思的组合"),
        ],
        "{v:#}"
    );
}
