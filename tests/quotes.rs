//! Quotes checked against the notice's text (`notice.file`): the broken specs under
//! tests/fixtures/quotes/ beside their notice, each declaring its codes on its first line, and
//! every quote of the bundled specs, found in its notice and missed once one character changes.

mod common;

use callspec::load;
use callspec::notice::{Notice, Verdict};
use callspec::source::Limits;
use callspec::spec::SpecFile;

#[test]
fn quote_fixtures_report_what_they_declare() {
    let dir = common::root().join("tests/fixtures/quotes");
    let files = common::yaml_files(&dir);
    assert!(files.len() >= 10, "expected the quote fixtures, found {}", files.len());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        // Relative to the crate root, so that snapshots name the files the same everywhere.
        let rel = path.strip_prefix(common::root()).unwrap();
        let out = load::spec_path_checked(rel, &Limits::default());
        assert_eq!(common::codes(&out.findings), common::expected_codes(&text), "{name}\n{}", common::render(&out.findings));
        let errors = out.findings.iter().any(|f| f.severity == callspec::diagnostics::Severity::Error);
        assert_eq!(out.call.is_some(), !errors, "{name}: a call exactly when there is no error");
        for f in &out.findings {
            assert!(f.primary_span().is_some_and(|s| s.len > 0), "{name}: `{}` has no label on a value", f.message);
        }
        insta::assert_snapshot!(name.trim_end_matches(".yaml").to_owned(), common::render(&out.findings));
    }
}

#[test]
fn a_changed_character_in_chinese() {
    let out = load::spec_path_checked(std::path::Path::new("tests/fixtures/quotes/changed-character.yaml"), &Limits::default());
    let style = callspec::render::Style { color: false, width: 100, lang: callspec::i18n::Lang::Zh };
    insta::assert_snapshot!(callspec::render::human_all(&out.findings, style));
}

#[test]
fn a_spec_without_notice_text_compiles_with_advice() {
    let path = common::root().join("tests/fixtures/specs/unused-clause-is-advice.yaml");
    let out = load::spec_path_checked(&path, &Limits::default());
    assert!(out.call.is_some());
    let advice: Vec<_> = out.findings.iter().filter(|f| f.code.code == "spec.notice").collect();
    assert_eq!(advice.len(), 1, "{}", common::render(&out.findings));
    assert_eq!(advice[0].severity, callspec::diagnostics::Severity::Advice);
    assert!(advice[0].message.en.contains("6 quotes of this spec are unchecked"), "{}", advice[0].message.en);
}

/// Every quote of a bundled spec: (what, text, section label).
fn quotes(spec: &SpecFile) -> Vec<(String, String, Option<String>)> {
    let clauses = spec.clauses();
    let mut out: Vec<_> =
        clauses.iter().map(|(id, c)| (format!("clause {id}"), c.text.clone().unwrap_or_default(), c.section.clone())).collect();
    let section = |source: &Option<String>| source.as_ref().and_then(|s| clauses.get(s)).and_then(|c| c.section.clone());
    let text = |id: &Option<String>, t: &Option<String>| (id.clone().unwrap_or_default(), t.clone().unwrap_or_default());
    out.extend(spec.exclusions.iter().filter(|e| !e.summary).map(|e| {
        let (id, t) = text(&e.id, &e.text);
        (format!("exclusion {id}"), t, section(&e.source))
    }));
    out.extend(spec.preferences.iter().filter(|e| !e.summary).map(|e| {
        let (id, t) = text(&e.id, &e.text);
        (format!("preference {id}"), t, section(&e.source))
    }));
    out.extend(spec.commitments.iter().filter(|e| !e.summary).map(|e| {
        let (id, t) = text(&e.id, &e.text);
        (format!("commitment {id}"), t, section(&e.source))
    }));
    out
}

#[test]
fn every_bundled_quote_is_found_and_a_changed_character_is_not() {
    let mut checked = 0;
    for name in ["hangzhou-2025", "ningxia-2025", "jiangsu-2024", "cast-2021"] {
        let path = common::root().join(format!("specs/{name}.yaml"));
        let file = callspec::source::read(&path, &Limits::default()).unwrap();
        let (_, spec) = load::typed::<SpecFile>(file, callspec::schema::Kind::Spec, &Limits::default()).unwrap();
        let declared = spec.notice.as_ref().unwrap_or_else(|| panic!("{name} names its notice text"));
        let raw = std::fs::read_to_string(common::root().join("specs").join(&declared.file)).unwrap();
        let corrections: Vec<(&str, &str)> = declared.corrections.iter().map(|c| (c.read.as_str(), c.as_.as_str())).collect();
        let notice = Notice::new(&raw, &corrections);
        for (what, text, section) in quotes(&spec) {
            assert_eq!(notice.check(&text, section.as_deref()), Verdict::Found, "{name} {what}");
            // One character changed (a CJK character becomes another, anything else becomes 〇).
            let (i, c) = text.char_indices().find(|(_, c)| !c.is_whitespace() && *c != '…').unwrap();
            let other = if c == '的' {
                '之'
            } else if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                '的'
            } else {
                '〇'
            };
            let changed = format!("{}{other}{}", &text[..i], &text[i + c.len_utf8()..]);
            assert!(matches!(notice.check(&changed, section.as_deref()), Verdict::Missing { .. }), "{name} {what}: {changed}");
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} quotes checked");
}
