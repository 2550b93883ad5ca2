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
