//! `callspec diff OLD NEW [--drafts DIR]`: what changed between two versions of calls, and
//! which drafts change verdict. Exit codes as diff(1): 0 no difference, 1 differences, 2 trouble.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use callspec::batch::{Calls, Options};
use callspec::diagnostics::{Finding, Severity};
use callspec::model::Call;

use super::Exit;
use super::args::{DiffArgs, DiffFormat};

pub fn run(args: &DiffArgs) -> Exit {
    let limits = args.limits.limits();
    let (old, new) = match (side(&args.old, &limits), side(&args.new, &limits)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let mut findings: Vec<Finding> = Vec::new();
            findings.extend(a.err().unwrap_or_default());
            findings.extend(b.err().unwrap_or_default());
            super::specs::report(&findings);
            return Exit::Unusable;
        }
    };
    let diffs = callspec::diff::sets(&old, &new);
    let drafts = match &args.drafts {
        None => None,
        Some(dir) => {
            let expanded = callspec::walk::expand(std::slice::from_ref(dir));
            if !expanded.findings.is_empty() {
                super::specs::report(&expanded.findings);
                return Exit::Unusable;
            }
            let opts = Options { limits: limits.clone(), as_of: args.as_of, jobs: 1, complete: false, parse_only: false };
            Some(callspec::diff::drafts::compare(&expanded.files, &calls(old.clone()), &calls(new.clone()), &opts))
        }
    };
    let lang = super::lang();
    match args.format {
        DiffFormat::Text => super::out_text(&callspec::diff::text(&diffs, drafts.as_ref(), lang)),
        DiffFormat::Json => {
            let v = callspec::diff::json(&diffs, drafts.as_ref(), lang);
            super::out(&format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()));
        }
    }
    if let Some(r) = drafts.as_ref().filter(|r| !r.unusable.is_empty()) {
        super::specs::report(&r.unusable);
        return Exit::Unusable;
    }
    let differ = diffs.iter().any(|c| !c.differences.is_empty() || c.old.is_none() || c.new.is_none());
    let drafts_differ = drafts.as_ref().is_some_and(|r| !r.changed.is_empty());
    if differ || drafts_differ { Exit::Findings } else { Exit::Clean }
}

/// The calls of one side: the specs and supplementary notices of a file or folder (a notice
/// amending a built-in call finds it), or a built-in call by id. Any spec that does not compile
/// is trouble: a diff against a part of the calls would mislead.
fn side(named: &str, limits: &callspec::source::Limits) -> Result<Vec<Call>, Vec<Finding>> {
    let path = Path::new(named);
    let mut errors = Vec::new();
    let mut sink = |found: Vec<Finding>| errors.extend(found.into_iter().filter(|f| f.severity == Severity::Error));
    if !path.exists()
        && callspec::bundled::sources()
            .iter()
            .any(|f| callspec::document::peek(&f.text, &[&["call", "id"]]).is_some_and(|(_, id)| id == named))
    {
        let specs = callspec::load::Specs { builtin: true, paths: Vec::new(), quotes: false };
        let bundle = callspec::load::load_specs_with(&specs, limits, Some(&BTreeSet::from([named.to_owned()])), &mut sink);
        let calls: Vec<Call> = bundle.calls.into_iter().map(|(_, c)| c).filter(|c| c.id == named).collect();
        return if errors.is_empty() && !calls.is_empty() { Ok(calls) } else { Err(errors) };
    }
    let bundle = callspec::load::bundle_with(&[PathBuf::from(named)], limits, None, &mut sink);
    for (id, files) in &bundle.duplicates {
        errors.push(callspec::batch::duplicated(id, files));
    }
    if errors.is_empty() && bundle.calls.is_empty() {
        let n = named.to_owned();
        errors.push(
            Finding::error(
                callspec::source::codes::UNREADABLE,
                callspec::tr!(
                    "`{n}` holds no call spec, and is not the id of a built-in call",
                    "`{n}` 中没有通知规范文件，也不是内置通知的编号"
                ),
            )
            .with_help(callspec::tr!(
                "give a spec file, a folder of specs, or a built-in call's id (`callspec list`)",
                "请给出规范文件、规范文件夹或内置通知的编号（`callspec list`）"
            )),
        );
    }
    if errors.is_empty() { Ok(bundle.calls.into_iter().map(|(_, c)| c).collect()) } else { Err(errors) }
}

fn calls(list: Vec<Call>) -> Calls {
    let by_id: BTreeMap<String, Call> = list.into_iter().map(|c| (c.id.clone(), c)).collect();
    Calls::ById(by_id, BTreeMap::new())
}
