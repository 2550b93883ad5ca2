//! The calls of a specs folder, for the commands that present them (show, calendar, list).

use std::io::IsTerminal;
use std::path::Path;

use callspec::diagnostics::{Finding, Severity};
use callspec::model::Call;
use callspec::render::{self, Style};
use callspec::source::Limits;

use super::Exit;

/// What a specs folder yields: the calls that compiled, and the errors of those that did not
/// (the first [`KEPT`] of them, and how many more there were).
pub struct Loaded {
    pub calls: Vec<Call>,
    /// The work plans, by id.
    pub plans: std::collections::BTreeMap<String, callspec::model::Plan>,
    pub failed: Vec<std::path::PathBuf>,
    pub errors: Vec<Finding>,
    pub more_errors: usize,
    pub duplicates: std::collections::BTreeMap<String, Vec<std::path::PathBuf>>,
}

/// Errors kept to report; the rest are counted (`callspec check` lists them all).
const KEPT: usize = 100;

/// The built-in calls, and those of `extra` (a folder or a spec file) when given; a call of
/// `extra` with a built-in call's id replaces it (noted on standard error when its spec differs
/// from the built-in one).
pub fn load(extra: Option<&Path>) -> Loaded {
    load_for(extra, None)
}

/// [`load`], compiling only the calls `wanted` (and those whose id cannot be peeked).
pub fn load_for(extra: Option<&Path>, wanted: Option<&std::collections::BTreeSet<String>>) -> Loaded {
    let specs = callspec::load::Specs { builtin: true, paths: extra.map(Path::to_path_buf).into_iter().collect(), quotes: false };
    let (mut errors, mut more_errors) = (Vec::new(), 0);
    let mut bundle = callspec::load::load_specs_with(&specs, &Limits::default(), wanted, &mut |f| keep(&mut errors, &mut more_errors, f));
    if let Some(wanted) = wanted
        && wanted.iter().any(|id| !bundle.calls.iter().any(|(_, c)| &c.id == id))
    {
        // A call that is not there: every spec, to list what is and suggest the nearest.
        (errors, more_errors) = (Vec::new(), 0);
        bundle = callspec::load::load_specs_with(&specs, &Limits::default(), None, &mut |f| keep(&mut errors, &mut more_errors, f));
    }
    note_overrides(&bundle.overridden);
    Loaded {
        calls: bundle.calls.into_iter().map(|(_, c)| c).collect(),
        plans: bundle.plans,
        failed: bundle.failed,
        errors,
        more_errors,
        duplicates: bundle.duplicates,
    }
}

/// Keeps the first [`KEPT`] errors of a file's findings, counting the rest.
fn keep(errors: &mut Vec<Finding>, more: &mut usize, findings: Vec<Finding>) {
    for f in findings.into_iter().filter(|f| f.severity == Severity::Error) {
        if errors.len() < KEPT {
            errors.push(f);
        } else {
            *more += 1;
        }
    }
}

/// Says on standard error which built-in calls a user's spec replaces (unless it is the same text).
pub fn note_overrides(overridden: &[callspec::load::Override]) {
    for o in overridden.iter().filter(|o| !o.same) {
        let (by, id) = (o.by.display(), &o.id);
        eprintln!(
            "{}",
            super::say(callspec::tr!(
                "note: {by} replaces the built-in call `{id}` (same id)",
                "注意：{by} 替换了内置通知 `{id}`（编号相同）"
            ))
        );
    }
}

/// Prints findings on standard error (standard output holds the document); returns the exit
/// code they imply: 2 for unusable input, 1 for errors in specs, 0 for none.
pub fn report(findings: &[Finding]) -> Exit {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for f in findings {
        eprint!("{}", render::human(f, Style { color, width: 100, lang: super::lang() }));
    }
    if findings.iter().any(Finding::is_unusable_input) {
        Exit::Unusable
    } else if findings.is_empty() {
        Exit::Clean
    } else {
        Exit::Findings
    }
}

/// Reports the specs that could not be used, after the output made from the others.
pub fn report_broken(loaded: &Loaded) -> Exit {
    if loaded.errors.is_empty() {
        return Exit::Clean;
    }
    let exit = report(&loaded.errors);
    if loaded.more_errors > 0 {
        let n = loaded.more_errors;
        eprintln!("{}", super::say(callspec::tr!("… and {n} more errors", "……另有 {n} 处错误")));
    }
    eprintln!(
        "{}",
        super::say(callspec::tr!(
            "warning: specs with errors are left out; `callspec check` reports them",
            "警告：有错误的规范文件未计入；`callspec check` 会报告这些错误"
        ))
    );
    exit
}

/// The call with this id, or the report that it is not available (exit 2): why the folder gave
/// nothing (missing, unreadable), then the calls it does hold, with the nearest id.
pub fn call<'a>(loaded: &'a Loaded, id: &str) -> Result<&'a Call, Exit> {
    // A `--specs` folder that cannot be read is a usage error, even when the call is built in.
    let unusable: Vec<Finding> = loaded.errors.iter().filter(|f| f.is_unusable_input()).cloned().collect();
    if !unusable.is_empty() {
        return Err(report(&unusable));
    }
    if let Some(files) = loaded.duplicates.get(id) {
        return Err(report(&[callspec::batch::duplicated(id, files)]));
    }
    if let Some(call) = loaded.calls.iter().find(|c| c.id == id) {
        return Ok(call);
    }
    let mut ids: Vec<String> = loaded.calls.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    let mut findings: Vec<Finding> = loaded.errors.iter().filter(|f| f.is_unusable_input()).cloned().collect();
    findings.push(callspec::batch::unavailable(id, ids.iter(), &loaded.failed));
    Err(report(&findings))
}

/// The work plan with this id, or the report that it is not available (exit 2), naming the
/// plans there are and the nearest id.
pub fn plan<'a>(loaded: &'a Loaded, id: &str) -> Result<&'a callspec::model::Plan, Exit> {
    let unusable: Vec<Finding> = loaded.errors.iter().filter(|f| f.is_unusable_input()).cloned().collect();
    if !unusable.is_empty() {
        return Err(report(&unusable));
    }
    if let Some(p) = loaded.plans.get(id) {
        return Ok(p);
    }
    let ids: Vec<&str> = loaded.plans.keys().map(String::as_str).collect();
    let near = callspec::schema::suggest(id, ids.iter().copied());
    let hint = near.map(|n| callspec::tr!("; did you mean `{n}`?", "；是否应为 `{n}`？")).unwrap_or_default();
    let (list, hint, hint_zh) = (ids.join(", "), &hint.en, &hint.zh);
    eprintln!(
        "{}",
        super::say(callspec::tr!(
            "error: no work plan `{id}`{hint} (plans: {list}; `callspec list` lists them)",
            "错误：没有工作要点 `{id}`{hint_zh}（现有：{list}；`callspec list` 会列出）"
        ))
    );
    Err(Exit::Unusable)
}
