//! The rule tests' test bed: `testdata/spec.yaml` (a small call using every feature) and
//! `testdata/app.yaml` (a draft that passes it). A rule test edits the draft and checks what
//! the validator says.

use std::sync::OnceLock;

use chrono::NaiveDateTime;

use crate::application::Application;
use crate::diagnostics::Finding;
use crate::model::Call;
use crate::render::{self, Style};
use crate::schema::Kind;
use crate::source::{Limits, SourceFile};

pub const SPEC: &str = include_str!("testdata/spec.yaml");
pub const APP: &str = include_str!("testdata/app.yaml");
pub const PLAN: &str = include_str!("testdata/plan.yaml");

pub fn call() -> &'static Call {
    static CALL: OnceLock<Call> = OnceLock::new();
    CALL.get_or_init(|| {
        let out = crate::load::spec_source(SourceFile::new("spec.yaml", SPEC), &Limits::default());
        // The test spec is made up: it has no notice text, only the advice that its quotes are unchecked.
        assert!(out.findings.iter().all(|f| f.code.code == "spec.notice"), "test spec has findings: {:?}", out.findings);
        out.call.expect("test spec compiles")
    })
}

/// The test call with the test plan attached, as when the spec names a plan beside it.
pub fn call_with_plan() -> &'static Call {
    static CALL: OnceLock<Call> = OnceLock::new();
    CALL.get_or_init(|| {
        let file = SourceFile::new("plan.yaml", PLAN);
        let (doc, plan) = crate::load::typed::<crate::spec::plan::PlanFile>(file, Kind::Plan, &Limits::default()).expect("test plan loads");
        let (plan, findings) = crate::compile::compile_plan(&doc, &plan, Some(&crate::notice::Input::NotRead));
        // The test plan bundles no text of its own: only the advice that its quotes are unchecked.
        assert!(findings.iter().all(|f| f.code.code == "spec.notice"), "{findings:?}");
        let mut call = call().clone();
        call.plan = plan;
        // The test draft's category implements the plan's science café (as a spec's
        // `implements:` would say).
        for c in call.categories.iter_mut().filter(|c| c.path == "fixed/forum") {
            c.implements = vec!["science-cafe".to_owned()];
        }
        call
    })
}

/// Validates a draft against the test call with its plan.
pub fn check_with_plan(app: &str) -> Outcome {
    let file = SourceFile::new("app.yaml", app);
    let (doc, app) = crate::load::typed::<Application>(file, Kind::Application, &Limits::default()).expect("test draft loads");
    Outcome { findings: super::validate(call_with_plan(), &doc, &app, as_of()) }
}

/// The moment rule tests judge deadlines at, unless they say otherwise.
pub fn as_of() -> NaiveDateTime {
    "2025-04-01T10:00:00".parse().expect("valid")
}

/// The test draft with each `(from, to)` replacement applied once (each must match).
pub fn edit(edits: &[(&str, &str)]) -> String {
    let mut s = APP.to_owned();
    for (from, to) in edits {
        assert!(s.contains(from), "test draft has no `{from}`");
        s = s.replacen(from, to, 1);
    }
    s
}

pub struct Outcome {
    pub findings: Vec<Finding>,
}

impl Outcome {
    /// The codes reported, in output order, deduplicated.
    pub fn codes(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.findings.iter().map(|f| f.code.code).collect();
        v.dedup();
        v
    }
    /// The findings rendered as the CLI prints them without a terminal, in English.
    pub fn rendered(&self) -> String {
        self.rendered_in(crate::i18n::Lang::En)
    }
    /// The findings rendered in a language.
    pub fn rendered_in(&self, lang: crate::i18n::Lang) -> String {
        render::human_all(&self.findings, Style { color: false, width: 100, lang })
    }
}

/// Validates a draft against the test spec at [`as_of`].
pub fn check(app: &str) -> Outcome {
    check_at(app, as_of())
}

pub fn check_at(app: &str, as_of: NaiveDateTime) -> Outcome {
    check_against(call(), app, as_of)
}

/// Validates a draft against another call (the test call edited, say).
pub fn check_against(call: &Call, app: &str, as_of: NaiveDateTime) -> Outcome {
    let file = SourceFile::new("app.yaml", app);
    let mut doc = crate::document::parse(file, &Limits::default()).expect("test draft parses");
    let app = match crate::load::application_for(&mut doc, Some(call)) {
        (Some(app), f) if f.is_empty() => app,
        (_, f) => panic!("test draft does not load: {}", render::human_all(&f, Style::default())),
    };
    Outcome { findings: super::validate(call, &doc, &app, as_of) }
}

#[test]
fn the_test_draft_is_valid() {
    let out = check(APP);
    assert!(out.findings.is_empty(), "{}", out.rendered());
}
