//! Spec authors' tests as data: a draft declares the findings it must produce (`expect:` in
//! the application format) and [`compare`] says how the actual findings differ.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::application::{Expect, ExpectedFinding};
use crate::diagnostics::{Finding, Severity};

/// The expectations a parsed draft declares, read from the raw document so that drafts with
/// structural mistakes (which never become an `Application`) can declare them too.
pub fn declared(doc: &crate::document::Document) -> Option<Expect> {
    doc.value.get("expect").and_then(|v| Expect::deserialize(v).ok())
}

/// How a file's findings differ from what it expects; empty when they agree.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Expected but not produced.
    pub missing: Vec<(String, Severity)>,
    /// Produced but not expected.
    pub unexpected: Vec<(String, Severity)>,
}

impl Difference {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Compares the (code, severity) pairs produced with those expected; how many times a pair
/// occurs does not matter.
pub fn compare(expect: &Expect, findings: &[Finding]) -> Difference {
    let want: BTreeSet<(String, Severity)> =
        expect.findings.iter().filter_map(|ExpectedFinding { code, severity }| Some((code.clone()?, (*severity)?))).collect();
    let got: BTreeSet<(String, Severity)> = findings.iter().map(|f| (f.code.code.to_owned(), f.severity)).collect();
    Difference { missing: want.difference(&got).cloned().collect(), unexpected: got.difference(&want).cloned().collect() }
}

/// [`compare`] on the (code, severity) pairs a file produced, kept instead of its findings.
pub fn compare_codes(expect: &Expect, got: &BTreeSet<(String, Severity)>) -> Difference {
    let want: BTreeSet<(String, Severity)> =
        expect.findings.iter().filter_map(|ExpectedFinding { code, severity }| Some((code.clone()?, (*severity)?))).collect();
    Difference { missing: want.difference(got).cloned().collect(), unexpected: got.difference(&want).cloned().collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::CodeInfo;

    static A: CodeInfo = CodeInfo { code: "budget.over-cap", summary: "s", doc: "d", summary_zh: "s", doc_zh: "d" };
    static B: CodeInfo = CodeInfo { code: "kpi.missing", summary: "s", doc: "d", summary_zh: "s", doc_zh: "d" };

    fn expect(pairs: &[(&str, Severity)]) -> Expect {
        Expect {
            as_of: None,
            findings: pairs.iter().map(|(c, s)| ExpectedFinding { code: Some((*c).to_owned()), severity: Some(*s) }).collect(),
        }
    }

    #[test]
    fn agreement_ignores_order_and_repeats() {
        let found = [Finding::error(&B, "x"), Finding::error(&A, "y"), Finding::error(&A, "z")];
        assert!(compare(&expect(&[("budget.over-cap", Severity::Error), ("kpi.missing", Severity::Error)]), &found).is_empty());
    }

    #[test]
    fn a_severity_is_part_of_the_expectation() {
        let d = compare(&expect(&[("budget.over-cap", Severity::Warning)]), &[Finding::error(&A, "y")]);
        assert_eq!(d.missing, [("budget.over-cap".to_owned(), Severity::Warning)]);
        assert_eq!(d.unexpected, [("budget.over-cap".to_owned(), Severity::Error)]);
    }
}
