//! Inputs that once broke a guarantee, found by the property tests (tests/properties.rs) and
//! the fuzz targets (fuzz/); TESTING.md records each. Every file under tests/regressions/ is
//! loaded as the kind its name starts with (`spec-` or `application-`, the latter validated
//! against the bundled Hangzhou call) and must get exactly the codes listed here, with every
//! label inside its file on character boundaries, and render the same way twice.

mod common;

use callspec::application::Application;
use callspec::diagnostics::Finding;
use callspec::render::{self, Style};
use callspec::schema::Kind;
use callspec::source::{self, Limits};
use callspec::{load, validate};

/// File → the codes it must get (sorted, deduplicated).
const CASES: &[(&str, &[&str])] = &[
    // Found by `mutated_real_files`: a duplicate `budget:` key was reported as input.limit.
    ("application-duplicate-budget-key.yaml", &["input.yaml"]),
    // The same mistake for a key named `aliases`, and for an unknown alias (`*missing`).
    ("spec-duplicate-aliases-key.yaml", &["input.yaml"]),
    ("application-unknown-alias.yaml", &["input.yaml"]),
    // Found by `arbitrary_bytes`: the label on a byte that is not UTF-8 covered one byte of the
    // three-byte U+FFFD that stands for it in the text.
    ("application-lone-continuation-byte.yaml", &["input.encoding"]),
    // Found by `mutated_real_files`: jsonc-parser pointed at the first byte of the `万` after a
    // number on its own line; the label split the character.
    ("application-json-unit-after-number.json", &["input.yaml"]),
    // Found by `mutated_real_files` (a `Huge` mutation): an itemised amount at the largest exact
    // decimal overflowed the sum of the items, a panic in rust_decimal. Amounts stay under 10^15.
    ("application-amount-max-decimal.yaml", &["schema.value"]),
    // Found by reading the compiler after the overflow above, then by `mutated_real_files` once
    // the spec was drawn more often: quotas near u32::MAX overflowed their sum.
    ("spec-quota-sum-overflow.yaml", &["spec.notice", "spec.quota"]),
];

fn findings(name: &str, bytes: Vec<u8>) -> Vec<Finding> {
    let limits = Limits::default();
    let file = match source::decode(name.to_owned(), bytes, &limits) {
        Ok(file) => file,
        Err(f) => return vec![f],
    };
    if name.starts_with("spec-") {
        return load::spec_source(file, &limits).findings;
    }
    match load::typed::<Application>(file, Kind::Application, &limits) {
        Err(f) => f,
        Ok((doc, app)) => {
            let call = load::spec_path(&common::root().join("specs/hangzhou-2025.yaml"), &limits).call.expect("the Hangzhou spec compiles");
            validate::validate(&call, &doc, &app, "2025-04-01T10:00:00".parse().unwrap())
        }
    }
}

fn rendered(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}{}{}{}",
                render::human(f, Style::default()),
                render::json_finding(f, callspec::i18n::Lang::En),
                render::sarif_result(f, callspec::i18n::Lang::Zh),
                render::github(f, callspec::i18n::Lang::En)
            )
        })
        .collect()
}

#[test]
fn every_regression_input_gets_its_codes() {
    let dir = common::root().join("tests/regressions");
    let mut files: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    let mut listed: Vec<&str> = CASES.iter().map(|(f, _)| *f).collect();
    listed.sort_unstable();
    assert_eq!(files, listed, "every file under tests/regressions/ is listed in CASES, and only those");
    for (name, want) in CASES {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let got = findings(name, bytes.clone());
        assert_eq!(common::codes(&got), want.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "{name}:\n{}", common::render(&got));
        for f in &got {
            let file = f.file.as_deref().unwrap_or_else(|| panic!("{name}: {} has no file", f.code.code));
            for l in &f.labels {
                let end = l.span.offset + l.span.len;
                assert!(end <= file.text.len(), "{name}: {:?} outside the file", l.span);
                assert!(
                    file.text.is_char_boundary(l.span.offset) && file.text.is_char_boundary(end),
                    "{name}: {:?} splits a character",
                    l.span
                );
            }
        }
        assert_eq!(rendered(&got), rendered(&findings(name, bytes)), "{name}: output differs on repeat");
    }
}
