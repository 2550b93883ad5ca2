//! Supplementary notices (补充通知) through the binary: `check` of amendments (the example of
//! `amendments/hangzhou-2025-supplement-1/` and the broken ones of `tests/fixtures/amendments/`),
//! `diff` (text in both languages, JSON, `--drafts`, exit codes), `validate --as-of` before and
//! after an amendment takes effect, `show` and `calendar` with the history; and the properties
//! that a spec diffed with itself, or with a rewrite of the same meaning, has no difference.

mod common;

use std::collections::BTreeMap;

use callspec::source::Limits;
use common::{callspec, stdout};
use proptest::prelude::*;
use serde_json::Value;

const AMENDMENT: &str = "amendments/hangzhou-2025-supplement-1";
const DRAFTS: &str = "amendments/hangzhou-2025-supplement-1-drafts";

fn zh(args: &[&str]) -> std::process::Output {
    let mut all = vec!["--lang", "zh"];
    all.extend_from_slice(args);
    callspec(&all)
}

#[test]
fn the_example_amendment_checks_cleanly_and_its_drafts_behave() {
    let o = callspec(&["check", AMENDMENT]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("0 errors, 0 warnings, 0 advice"), "{}", stdout(&o));
    // Each draft's `expect:` is for the amended call.
    let o = callspec(&["test", "--specs", AMENDMENT, DRAFTS]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn broken_amendments_report_their_codes() {
    let dir = common::root().join("tests/fixtures/amendments");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let first = if path.is_dir() { path.join("first.yaml") } else { path.clone() };
        let expected = common::expected_codes(&std::fs::read_to_string(&first).unwrap());
        let name = path.strip_prefix(common::root()).unwrap().display().to_string();
        let o = callspec(&["check", "--format", "json", &name]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut codes: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect();
        codes.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(codes, expected, "{name}");
        assert_eq!(o.status.code(), Some(1), "{name}");
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn diff_lists_the_changes_in_both_languages() {
    let o = callspec(&["diff", "hangzhou-2025", AMENDMENT, "--drafts", DRAFTS]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("diff_en", stdout(&o));
    let o = zh(&["diff", "hangzhou-2025", AMENDMENT, "--drafts", DRAFTS]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("diff_zh", stdout(&o));
    // A published spec file against a folder holding only the supplementary notice: the same.
    let o = callspec(&["diff", "specs/hangzhou-2025.yaml", AMENDMENT]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).ends_with("5 difference(s)\n"), "{}", stdout(&o));
}

#[test]
fn diff_json_names_each_change_and_the_drafts_that_change() {
    let o = callspec(&["diff", "hangzhou-2025", AMENDMENT, "--drafts", DRAFTS, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["differences"], 5);
    let diffs = v["calls"][0]["differences"].as_array().unwrap();
    let keys: Vec<(&str, &str)> = diffs.iter().map(|d| (d["key"].as_str().unwrap(), d["change"].as_str().unwrap())).collect();
    assert!(keys.contains(&("deadline/online/closes", "changed")), "{keys:?}");
    assert!(keys.contains(&("exclusion/unfinished-2024", "added")), "{keys:?}");
    assert!(keys.contains(&("category/regular/service-station", "removed")), "{keys:?}");
    let closes = diffs.iter().find(|d| d["key"] == "deadline/online/closes").unwrap();
    assert_eq!(closes["old"]["cite"]["document"], "杭科协〔2025〕6号");
    assert_eq!(closes["new"]["cite"]["document"], "杭科协〔2025〕9号");
    assert_eq!(closes["new"]["words"], "2025-04-30 17:00");
    assert_eq!(v["calls"][0]["new"]["amendments"][0]["effective"], "2025-04-18");
    let drafts: BTreeMap<String, String> = v["drafts"]["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap().rsplit('/').next().unwrap().to_owned(), d["change"].as_str().unwrap().to_owned()))
        .collect();
    let expected: BTreeMap<String, String> = [
        ("late-within-extension.yaml", "newly-valid"),
        ("new-amount.yaml", "newly-valid"),
        ("old-amount-after-change.yaml", "newly-invalid"),
        ("withdrawn-category.yaml", "newly-invalid"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    // `submitted-before.yaml` predates the notice, which does not reach back: unchanged.
    assert_eq!(drafts, expected);
    assert_eq!(v["drafts"]["checked"], 5);
}

#[test]
fn diff_exit_codes_follow_diff() {
    // The same spec: no difference, exit 0.
    let o = callspec(&["diff", "specs/hangzhou-2025.yaml", "hangzhou-2025"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "no differences\n");
    let o = zh(&["diff", "specs", "specs"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "没有不同\n");
    // Unusable input: exit 2, and why on standard error.
    let o = callspec(&["diff", "no-such-thing", "specs"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-thing"));
    let o = callspec(&["diff", "hangzhou-2025", "tests/fixtures/amendments/target.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("amend.target"));
    let o = callspec(&["diff", "hangzhou-2025", AMENDMENT, "--drafts", "no-such-folder"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn validate_as_of_judges_by_the_version_in_force() {
    // A draft without a submission line is judged at --as-of: before the notice took effect
    // the published amount (2万元) applies, after it the amended one (2.5万元).
    let src = std::fs::read_to_string(common::root().join(DRAFTS).join("new-amount.yaml")).unwrap();
    let body = src.split("\nsubmission:").next().unwrap();
    let dir = common::root().join("target/amend-as-of");
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("draft.yaml");
    std::fs::write(&draft, format!("{body}\nattestations:\n  unfinished-2024: not-applicable\n")).unwrap();
    let draft = draft.display().to_string();
    let codes = |as_of: &str| -> (Option<i32>, Vec<String>) {
        let o = callspec(&["validate", "--specs", AMENDMENT, "--as-of", as_of, "--format", "json", &draft]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let codes = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect();
        (o.status.code(), codes)
    };
    assert_eq!(codes("2025-04-17"), (Some(1), vec!["budget.amount-mismatch".to_owned(), "exclusion.unknown".to_owned()]));
    assert_eq!(codes("2025-04-18"), (Some(0), vec![]));
    assert_eq!(codes("2025-04-30 17:00"), (Some(0), vec![]));
    // After the extended deadline.
    assert_eq!(codes("2025-04-30 17:01"), (Some(1), vec!["deadline.missed".to_owned()]));
    // A submission on 25 April is late under the published call, in time under the amended one.
    let late = common::root().join(DRAFTS).join("late-within-extension.yaml").display().to_string();
    let o = callspec(&["validate", "--specs", AMENDMENT, &late]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = callspec(&["validate", &late]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn show_and_calendar_tell_the_history() {
    let o = callspec(&["show", "hangzhou-2025", "--specs", AMENDMENT]);
    assert_eq!(o.status.code(), Some(0));
    let guide = stdout(&o);
    let history: String = guide.split("## 补充通知").nth(1).unwrap().split("\n## ").next().unwrap().to_owned();
    insta::assert_snapshot!("show_history", history);
    let o = callspec(&["calendar", "--specs", AMENDMENT]);
    assert_eq!(o.status.code(), Some(0));
    let line = stdout(&o).lines().find(|l| l.contains("hangzhou-2025") && l.contains("申报截止")).unwrap().to_owned();
    assert!(line.starts_with("2025-04-30 17:00"), "{line}");
    assert!(line.contains("经 杭科协〔2025〕9号 由 2025-04-21 改为 2025-04-30 17:00"), "{line}");
    // Without the notice, the published guide has no history.
    assert!(!stdout(&callspec(&["show", "hangzhou-2025"])).contains("## 补充通知"));
}

// --- Properties -------------------------------------------------------------------------

fn compile(name: &str, text: String) -> callspec::model::Call {
    let limits = Limits::default();
    let file = callspec::source::decode(name.to_owned(), text.into_bytes(), &limits).unwrap();
    let out = callspec::load::spec_source(file, &limits);
    out.call.unwrap_or_else(|| panic!("{name} compiles: {}", common::render(&out.findings)))
}

fn spec_value(path: &str) -> Value {
    let limits = Limits::default();
    let file = callspec::source::read(&common::root().join(path), &limits).unwrap();
    callspec::document::parse(file, &limits).unwrap().value
}

#[test]
fn every_bundled_spec_diffed_with_itself_is_empty() {
    for name in ["hangzhou-2025", "cast-2021", "jiangsu-2024", "ningxia-2025"] {
        let path = common::root().join(format!("specs/{name}.yaml"));
        let call = callspec::load::spec_path(&path, &Limits::default()).call.unwrap();
        assert!(callspec::diff::calls(&call, &call).is_empty(), "{name}");
        let o = callspec(&["diff", name, &format!("specs/{name}.yaml")]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stdout(&o));
    }
}

/// Writes a JSON value as YAML: each mapping's keys in an order given by `seed`, each
/// collection in flow or block style as `seed` says, clause ids renamed through `rename`.
struct Writer<'a> {
    seed: u64,
    rename: &'a dyn Fn(&str) -> String,
}

impl Writer<'_> {
    fn hash(&self, s: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.seed, s).hash(&mut h);
        h.finish()
    }

    fn members<'v>(&self, m: &'v serde_json::Map<String, Value>) -> Vec<(&'v String, &'v Value)> {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by_key(|(k, _)| self.hash(k));
        v
    }

    /// A value with clause references renamed (`source:` values and the keys of `clauses:`).
    fn renamed(&self, v: &Value, key: &str) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, x)| {
                        let k2 = if key == "clauses" { (self.rename)(k) } else { k.clone() };
                        (k2, self.renamed(x, k))
                    })
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(|x| self.renamed(x, key)).collect()),
            Value::String(s) if key == "source" => Value::String((self.rename)(s)),
            x => x.clone(),
        }
    }

    fn flow(&self, v: &Value) -> String {
        match v {
            Value::Object(m) => {
                let parts: Vec<String> =
                    self.members(m).iter().map(|(k, x)| format!("{}: {}", Value::String((*k).clone()), self.flow(x))).collect();
                format!("{{{}}}", parts.join(", "))
            }
            Value::Array(a) => format!("[{}]", a.iter().map(|x| self.flow(x)).collect::<Vec<_>>().join(", ")),
            x => x.to_string(),
        }
    }

    fn block(&self, v: &Value, indent: usize, path: &str, out: &mut String) {
        let pad = " ".repeat(indent);
        let nested = |x: &Value| matches!(x, Value::Object(m) if !m.is_empty()) || matches!(x, Value::Array(a) if !a.is_empty());
        let item = |lead: String, x: &Value, p: String, out: &mut String| {
            if nested(x) && !self.hash(&p).is_multiple_of(3) {
                out.push_str(&format!("{pad}{lead}\n"));
                self.block(x, indent + 2, &p, out);
            } else {
                out.push_str(&format!("{pad}{lead} {}\n", self.flow(x)));
            }
        };
        match v {
            Value::Object(m) => {
                for (k, x) in self.members(m) {
                    item(format!("{}:", Value::String(k.clone())), x, format!("{path}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    item("-".to_owned(), x, format!("{path}/{i}"), out);
                }
            }
            x => out.push_str(&format!("{pad}{x}\n")),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A rewrite of a bundled spec that keeps its meaning (mappings' keys in another order,
    /// flow and block collections mixed, clause ids renamed consistently, as YAML or JSON)
    /// diffs empty against the spec; so does the amended call built on the rewrite.
    #[test]
    fn a_rewrite_of_the_same_meaning_diffs_empty(seed in any::<u64>(), prefix in "[a-z]{1,4}", json in any::<bool>()) {
        for name in ["hangzhou-2025", "jiangsu-2024"] {
            let value = spec_value(&format!("specs/{name}.yaml"));
            let original = compile(&format!("{name}.yaml"), std::fs::read_to_string(common::root().join(format!("specs/{name}.yaml"))).unwrap());
            let rename = |id: &str| format!("{prefix}-{id}");
            let w = Writer { seed, rename: &rename };
            let value = w.renamed(&value, "");
            let (file, text) = if json {
                (format!("{name}.json"), w.flow(&value))
            } else {
                let mut out = String::new();
                w.block(&value, 0, "", &mut out);
                (format!("{name}.yaml"), out)
            };
            let rewritten = compile(&file, text);
            let d = callspec::diff::calls(&original, &rewritten);
            prop_assert!(d.is_empty(), "{name}: {:?}", d.iter().map(|d| &d.key).collect::<Vec<_>>());
            // And the comparison is not blind: a changed title is one difference.
            let mut changed = value.clone();
            changed["call"]["title"] = Value::String(format!("{prefix}（修订）"));
            let d = callspec::diff::calls(&original, &compile(&format!("{name}.json"), w.flow(&changed)));
            prop_assert_eq!(d.iter().map(|d| d.key.as_str()).collect::<Vec<_>>(), vec!["title"]);
        }
    }
}
