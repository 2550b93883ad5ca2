//! The pipeline from a path to a typed value: read → parse (spans) → schema → typed → compile.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::Finding;
use crate::document::{self, Document};
use crate::model::Call;
use crate::schema::{self, Kind};
use crate::source::{self, Limits, SourceFile};
use crate::spec::SpecFile;

/// Parses a source file and reads it as `T`, after checking it against the schema of `kind`.
/// Every structural problem is reported at once; the typed value exists only without any.
pub fn typed<T: DeserializeOwned>(file: Arc<SourceFile>, kind: Kind, limits: &Limits) -> Result<(Document, T), Vec<Finding>> {
    let doc = document::parse(file, limits).map_err(|f| vec![f])?;
    let value = checked::<T>(&doc, kind)?;
    Ok((doc, value))
}

/// The result of loading one spec file.
#[derive(Debug)]
pub struct SpecOutcome {
    pub file: Option<Arc<SourceFile>>,
    pub call: Option<Call>,
    pub findings: Vec<Finding>,
}

/// Reads, checks and compiles a spec file from disk.
pub fn spec_path(path: &Path, limits: &Limits) -> SpecOutcome {
    match source::read(path, limits) {
        Ok(file) => spec_from(file, limits, Some(path)),
        Err(f) => SpecOutcome { file: None, call: None, findings: vec![f] },
    }
}

/// Checks and compiles a spec held in memory, on its own: a plan it names is not resolved, and
/// the notice text it names is not read (its quotes are unchecked).
pub fn spec_source(file: Arc<SourceFile>, limits: &Limits) -> SpecOutcome {
    spec_from(file, limits, None)
}

fn spec_from(file: Arc<SourceFile>, limits: &Limits, path: Option<&Path>) -> SpecOutcome {
    match typed::<SpecFile>(file.clone(), Kind::Spec, limits) {
        Err(findings) => SpecOutcome { file: Some(file), call: None, findings },
        Ok((doc, spec)) => {
            let notice = notice_of(path, spec.notice.as_ref(), limits);
            let (call, findings) = crate::compile::compile(&doc, &spec, None, &notice);
            SpecOutcome { file: Some(file), call, findings }
        }
    }
}

/// The notice text a spec or plan at `path` names, read beside it.
fn notice_of(path: Option<&Path>, notice: Option<&crate::spec::Notice>, limits: &Limits) -> crate::notice::Input {
    match path {
        Some(p) => crate::notice::read(p, notice.map(|n| n.file.as_str()), limits),
        None => crate::notice::Input::NotRead,
    }
}

/// Everything in a set of spec folders and files: calls and the plans they may name.
#[derive(Debug, Default)]
pub struct Bundle {
    /// Compiled calls with the file each came from.
    pub calls: Vec<(std::path::PathBuf, Call)>,
    pub plans: std::collections::BTreeMap<String, crate::model::Plan>,
    /// Every finding of every file, in file order.
    pub findings: Vec<Finding>,
    /// How many files were read.
    pub files: usize,
    /// Files that yielded neither a call nor a plan (their findings say why).
    pub failed: Vec<std::path::PathBuf>,
}

/// Loads every spec and plan under `paths`. Plans are compiled first so that calls can name
/// them; a file is a plan when its top level has `plan:`.
pub fn bundle(paths: &[std::path::PathBuf], limits: &Limits) -> Bundle {
    bundle_for(paths, limits, None)
}

/// Like [`bundle`], but when `wanted` names calls, a spec that plainly defines another call
/// (its `call.id`, read with [`document::peek`]) is skipped unparsed, and plans are loaded
/// only when a loaded spec names one: validating one draft then compiles one spec, not every
/// file in the folder. Specs whose id cannot be read that way are loaded as usual.
pub fn bundle_for(paths: &[std::path::PathBuf], limits: &Limits, wanted: Option<&std::collections::BTreeSet<String>>) -> Bundle {
    let files = expand(paths);
    let mut out = Bundle { files: files.len(), ..Bundle::default() };
    let mut plans = Vec::new();
    let mut specs = Vec::new();
    for path in files {
        let file = source::read(&path, limits);
        if let (Some(wanted), Ok(file)) = (wanted, &file) {
            match document::peek(&file.text, &[&["plan"], &["call", "id"]]) {
                Some((0, _)) => {
                    plans.push((path, file.clone()));
                    continue;
                }
                Some((_, id)) if !wanted.contains(&id) => continue,
                _ => {}
            }
        }
        match file.and_then(|f| document::parse(f, limits)) {
            Ok(doc) if doc.value.get("plan").is_some() => out.add_plan(path, &doc, limits),
            Ok(doc) => specs.push((path, doc)),
            Err(f) => {
                out.findings.push(f);
                out.failed.push(path);
            }
        }
    }
    // Plans set aside above, now that it is known whether a call names one.
    if specs.iter().any(|(_, doc)| doc.value.pointer("/call/plan").is_some()) {
        for (path, file) in plans {
            match document::parse(file, limits) {
                Ok(doc) => out.add_plan(path, &doc, limits),
                Err(f) => {
                    out.findings.push(f);
                    out.failed.push(path);
                }
            }
        }
    }
    let mut ids: Vec<(String, Document)> = Vec::new();
    for (path, doc) in specs {
        match checked::<SpecFile>(&doc, Kind::Spec) {
            Err(f) => {
                out.findings.extend(f);
                out.failed.push(path);
            }
            Ok(spec) => {
                let notice = notice_of(Some(&path), spec.notice.as_ref(), limits);
                let (call, findings) = crate::compile::compile(&doc, &spec, Some(&out.plans), &notice);
                out.findings.extend(findings);
                match call {
                    Some(call) => {
                        ids.push((call.id.clone(), doc));
                        out.calls.push((path, call));
                    }
                    None => out.failed.push(path),
                }
            }
        }
    }
    out.findings.extend(duplicate_calls(&ids));
    out
}

impl Bundle {
    fn add_plan(&mut self, path: std::path::PathBuf, doc: &Document, limits: &Limits) {
        match checked::<crate::spec::plan::PlanFile>(doc, Kind::Plan) {
            Err(f) => {
                self.findings.extend(f);
                self.failed.push(path);
            }
            Ok(plan) => {
                let notice = notice_of(Some(&path), plan.notice.as_ref(), limits);
                let (compiled, findings) = crate::compile::compile_plan(doc, &plan, &notice);
                self.findings.extend(findings);
                match compiled {
                    Some(p) => {
                        self.plans.insert(p.id.clone(), p);
                    }
                    None => self.failed.push(path),
                }
            }
        }
    }
}

/// Schema check and typed read of a parsed document.
fn checked<T: DeserializeOwned>(doc: &Document, kind: Kind) -> Result<T, Vec<Finding>> {
    let problems = schema::check(doc, kind);
    if !problems.is_empty() {
        return Err(problems);
    }
    schema::typed::<T>(doc).map_err(|f| vec![f])
}

pub const CALL_UNAVAILABLE: &crate::diagnostics::CodeInfo = &crate::diagnostics::CodeInfo {
    code: "input.call",
    summary: "the call an application names cannot be found, or its spec does not compile",
    doc: "`validate` needs the compiled call: from `--spec FILE`, from `--call ID` looked up in the \
          specs folder, or from the application's own `call:` field. The finding lists the calls \
          that are available. A spec with errors cannot be used; run `callspec check` on it. Exit code 2.",
};

/// Checks a parsed document against the application schema and reads it.
pub fn application_of(doc: &Document) -> Result<crate::application::Application, Vec<Finding>> {
    checked(doc, Kind::Application)
}

/// Loads an application file: read, parse, schema, typed.
pub fn application_path(path: &Path, limits: &Limits) -> Result<(Document, crate::application::Application), Vec<Finding>> {
    let file = source::read(path, limits).map_err(|f| vec![f])?;
    typed(file, Kind::Application, limits)
}

/// Every `.yaml`, `.yml` and `.json` file under the given paths (folders walked recursively,
/// in sorted order). Paths that are files are taken as given, whatever their extension.
pub fn expand(paths: &[std::path::PathBuf]) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out);
        } else if matches!(e.extension().and_then(|x| x.to_str()), Some("yaml" | "yml" | "json")) {
            out.push(e);
        }
    }
}

/// Two spec files may not define the same call id: `--call ID` and applications' `call:` must
/// name exactly one spec. The second definition is labelled.
fn duplicate_calls(calls: &[(String, Document)]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, (id, doc)) in calls.iter().enumerate() {
        if let Some((_, first)) = calls[..i].iter().find(|(other, _)| other == id) {
            out.push(
                Finding::error(
                    crate::compile::codes::DUPLICATE_CALL,
                    crate::tr!("call id `{id}` is also defined by `{}`", "通知编号 `{id}` 也由 `{}` 定义", first.file.name),
                )
                .in_file(doc.file.clone())
                .label(doc.spans().value("/call/id"), crate::tr!("defined twice", "重复定义"))
                .with_help(crate::tr!("give each spec its own `call.id`", "请为每份规范文件使用不同的 `call.id`")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_for_a_call_naming_a_plan_loads_the_plans() {
        let dir = std::env::temp_dir().join(format!("callspec-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs");
        std::fs::copy(root.join("hangzhou-2026-plan.yaml"), dir.join("plan.yaml")).unwrap();
        let spec = std::fs::read_to_string(root.join("hangzhou-2025.yaml")).unwrap();
        let spec = spec.replacen("\ncall:\n", "\ncall:\n  plan: hangzhou-2026-plan\n", 1);
        std::fs::write(dir.join("spec.yaml"), spec).unwrap();
        let wanted = std::collections::BTreeSet::from(["hangzhou-2025".to_owned()]);
        let some = bundle_for(std::slice::from_ref(&dir), &Limits::default(), Some(&wanted));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(some.plans.keys().collect::<Vec<_>>(), ["hangzhou-2026-plan"]);
        assert_eq!(some.calls.len(), 1, "{:?}", some.findings);
    }

    #[test]
    fn a_bundle_for_named_calls_compiles_only_their_specs_and_the_plans() {
        let specs = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs");
        let all = bundle(std::slice::from_ref(&specs), &Limits::default());
        assert!(all.calls.len() >= 4, "{} calls", all.calls.len());
        let wanted = std::collections::BTreeSet::from(["hangzhou-2025".to_owned()]);
        let some = bundle_for(std::slice::from_ref(&specs), &Limits::default(), Some(&wanted));
        let ids: Vec<&str> = some.calls.iter().map(|(_, c)| c.id.as_str()).collect();
        assert_eq!(ids, ["hangzhou-2025"]);
        // No bundled call names the plan beside it, so the plan is left unread.
        assert!(!all.plans.is_empty() && some.plans.is_empty());
        assert!(some.failed.is_empty() && some.findings.is_empty(), "{:?}", some.findings);
        // The call compiled the same either way.
        let full = all.calls.iter().find(|(_, c)| c.id == "hangzhou-2025").map(|(_, c)| format!("{c:?}"));
        assert_eq!(full, Some(format!("{:?}", some.calls[0].1)));
    }
}
