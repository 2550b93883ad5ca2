//! Every requirement kind through every view. For each kind of `callspec::kinds::ALL`, an
//! example draft (of a bundled call or a corpus call) that one of its rules fails is validated,
//! and the requirement behind the finding must show in each view of its call:
//!
//! - **finding**: the draft produces the code, at a key of the draft, with the clause quoted;
//! - **guide**: the applicant's guide of the call quotes that clause (or names its section);
//! - **scaffold**: the draft `callspec new` writes for the category has the key;
//! - **schema**: the call's schema has the key as a property.
//!
//! A kind added to `kinds::ALL` without an example that fails it makes this test fail: adding a
//! requirement kind means giving it its views and an example.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use callspec::diagnostics::Finding;
use callspec::model::Call;
use callspec::source::Limits;
use serde_json::Value;

/// Example drafts with the calls they are for: the bundled calls and the corpus calls.
fn drafts() -> Vec<(PathBuf, Call)> {
    let builtin: BTreeMap<String, Call> = callspec::load::bundle(&[common::root().join("specs")], &Limits::default())
        .calls
        .into_iter()
        .map(|(_, c)| (c.id.clone(), c))
        .collect();
    let mut out = Vec::new();
    for call in builtin.values() {
        for kind in ["invalid", "valid"] {
            out.extend(
                common::yaml_files(&common::root().join("examples").join(&call.id).join(kind)).into_iter().map(|p| (p, call.clone())),
            );
        }
    }
    for entry in std::fs::read_dir(common::root().join("tests/corpus")).unwrap() {
        let dir = entry.unwrap().path();
        let Some(call) = callspec::load::spec_path(&dir.join("spec.yaml"), &Limits::default()).call else { continue };
        for kind in ["invalid", "valid"] {
            out.extend(common::yaml_files(&dir.join(kind)).into_iter().map(|p| (p, call.clone())));
        }
    }
    out
}

/// The findings of a draft against its call, judged when its `expect:` says.
fn validate(path: &Path, call: &Call) -> (Value, Vec<Finding>) {
    let limits = Limits::default();
    let mut doc = callspec::document::parse(callspec::source::read(path, &limits).unwrap(), &limits).unwrap();
    let as_of = callspec::expect::declared(&doc).and_then(|e| e.as_of).map_or("2030-01-01T00:00:00".parse().unwrap(), |w| w.end());
    let (app, mut findings) = callspec::load::application_for(&mut doc, Some(call));
    if let Some(app) = app {
        findings.extend(callspec::validate::validate(call, &doc, &app, as_of));
    }
    (doc.value, findings)
}

/// The keys of a pointer, without list indices: `/team/0/title` → `team`, `title`.
fn keys(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .filter(|k| !k.is_empty() && !k.bytes().all(|b| b.is_ascii_digit()))
        .map(|k| k.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Whether a JSON schema names `key` as a property anywhere.
fn has_property(schema: &Value, key: &str) -> bool {
    match schema {
        Value::Object(m) => {
            m.get("properties").and_then(Value::as_object).is_some_and(|p| p.contains_key(key)) || m.values().any(|v| has_property(v, key))
        }
        Value::Array(a) => a.iter().any(|v| has_property(v, key)),
        _ => false,
    }
}

/// Rules of the application format itself, not of a notice's clause: their findings quote
/// nothing, and the guide has no clause to show for them.
const FORMAT_RULES: &[&str] = &["category.count", "category.unknown", "call.mismatch", "period.order"];

#[test]
fn every_kind_shows_in_every_view() {
    let drafts = drafts();
    let validated: Vec<(&PathBuf, &Call, Value, Vec<Finding>)> = drafts
        .iter()
        .map(|(path, call)| {
            let (value, findings) = validate(path, call);
            (path, call, value, findings)
        })
        .collect();
    let mut results = Vec::new();
    let mut failures = Vec::new();
    for kind in callspec::kinds::ALL {
        let mut shown = 0;
        for rule in kind.rules {
            let code = rule.info.code;
            // The first example that the rule fails, with a finding at a key of the draft.
            let hit = validated.iter().find_map(|(path, call, value, findings)| {
                let f = findings.iter().find(|f| f.code.code == code && f.pointer.as_deref().is_some_and(|p| !keys(p).is_empty()))?;
                Some((path, call, value, f))
            });
            let Some((path, call, value, finding)) = hit else { continue };
            shown += 1;
            let name = path.strip_prefix(common::root()).unwrap_or(path).display().to_string();
            let pointer = finding.pointer.clone().unwrap_or_default();
            let keys = keys(&pointer);
            let mut fail =
                |view: &str, why: String| failures.push(format!("{} ({code} in {name}, at {pointer}): {view}: {why}", kind.name));
            match &finding.citation {
                None if FORMAT_RULES.contains(&code) => {}
                None => fail("finding", "no clause quoted".into()),
                Some(cite) => {
                    let guide = callspec::guide::markdown(call);
                    let quoted: String = cite.text.chars().take(12).collect();
                    if !guide.contains(&quoted) && !guide.contains(&cite.section) {
                        fail("guide", format!("neither the clause `{quoted}…` nor its section {} is in the guide", cite.section));
                    }
                }
            }
            let category = value["category"].as_str().and_then(|p| call.category(p)).filter(|c| c.leaf);
            match category {
                Some(cat) => {
                    let scaffold = callspec::draft::yaml(call, cat, None);
                    let missing: Vec<&String> = keys.iter().filter(|k| !scaffold.contains(&format!("{k}:"))).collect();
                    if !missing.is_empty() {
                        fail("scaffold", format!("`callspec new` for {} lacks {missing:?}", cat.path));
                    }
                }
                None if FORMAT_RULES.contains(&code) => {}
                None => fail("scaffold", "the draft names no category of its call".into()),
            }
            let schema = callspec::schema::call::for_call(call);
            let missing: Vec<&String> = keys.iter().filter(|k| !has_property(&schema, k)).collect();
            if !missing.is_empty() {
                fail("schema", format!("the call's schema has no property {missing:?}"));
            }
            results.push(format!("{:<12} {code:<28} {pointer:<36} {name}", kind.name));
        }
        if shown == 0 {
            let codes: Vec<&str> = kind.rules.iter().map(|r| r.info.code).collect();
            failures.push(format!("{}: no example draft fails any of {codes:?}", kind.name));
        }
    }
    assert!(failures.is_empty(), "{}\n\nchecked:\n{}", failures.join("\n"), results.join("\n"));
    insta::assert_snapshot!(results.join("\n"));
}
