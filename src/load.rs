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
        Ok(file) => {
            let note = source::note(&file);
            let mut out = spec_source(file, limits);
            out.findings.extend(note);
            out
        }
        Err(f) => SpecOutcome { file: None, call: None, findings: vec![f] },
    }
}

/// Checks and compiles a spec held in memory, on its own: a plan it names is not resolved.
pub fn spec_source(file: Arc<SourceFile>, limits: &Limits) -> SpecOutcome {
    match typed::<SpecFile>(file.clone(), Kind::Spec, limits) {
        Err(findings) => SpecOutcome { file: Some(file), call: None, findings },
        Ok((doc, spec)) => {
            let (call, findings) = crate::compile::compile(&doc, &spec, None);
            SpecOutcome { file: Some(file), call, findings }
        }
    }
}

/// Everything in a set of spec folders and files: calls and the plans they may name.
#[derive(Debug, Default)]
pub struct Bundle {
    /// Compiled calls with the file each came from; a call id defined by more than one spec
    /// is in none of them (see `duplicates`).
    pub calls: Vec<(std::path::PathBuf, Call)>,
    pub plans: std::collections::BTreeMap<String, crate::model::Plan>,
    /// Every finding of every file, in file order (unless a sink took them: [`bundle_with`]).
    pub findings: Vec<Finding>,
    /// How many files were read.
    pub files: usize,
    /// Files that yielded neither a call nor a plan (their findings say why).
    pub failed: Vec<std::path::PathBuf>,
    /// Call ids defined by more than one spec, with the files that define them: no command
    /// picks one of them; each reports them the same way ([`crate::batch::duplicated`]).
    pub duplicates: std::collections::BTreeMap<String, Vec<std::path::PathBuf>>,
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
    let mut findings = Vec::new();
    let mut bundle = bundle_with(paths, limits, wanted, &mut |f| findings.extend(f));
    bundle.findings = findings;
    bundle
}

/// How a file of a specs folder was classed in the first pass.
enum Pass {
    Plan(Arc<SourceFile>),
    /// A spec, parsed already when the run is for named calls (they are few).
    Spec(Option<Box<Document>>),
}

/// [`bundle_for`], handing each file's findings to `sink` as soon as they are final instead
/// of keeping them (`Bundle::findings` stays empty): a folder of any size is loaded in memory
/// that does not grow with its findings. Two passes: the first reads every file's first
/// events to find the plans (compiled then, so calls can name them), the second reads,
/// checks and compiles each spec and lets it go; only the compiled calls (one per id) stay.
pub fn bundle_with(
    paths: &[std::path::PathBuf],
    limits: &Limits,
    wanted: Option<&std::collections::BTreeSet<String>>,
    sink: &mut dyn FnMut(Vec<Finding>),
) -> Bundle {
    let expanded = crate::walk::expand(paths);
    sink(expanded.findings);
    let mut out = Bundle { files: expanded.files.len(), ..Bundle::default() };
    let mut plans = Vec::new();
    let mut specs = Vec::new();
    for path in expanded.files {
        let file = match source::read(&path, limits) {
            Ok(file) => file,
            Err(f) => {
                sink(vec![f]);
                out.failed.push(path);
                continue;
            }
        };
        let peeked = document::peek(&file.text, &[&["plan"], &["call", "id"]]);
        let class = match (&peeked, wanted) {
            (Some((0, _)), _) => Pass::Plan(file),
            (Some((_, id)), Some(wanted)) if !wanted.contains(id) => continue,
            (Some(_), None) => Pass::Spec(None),
            // Not plain enough to peek, and without the word `plan`: no plan, and read in the
            // second pass only (most files a specs folder should not hold are drafts).
            (None, None) if !file.text.contains("plan") => Pass::Spec(None),
            // A spec a run for named calls needs, or a file to tell apart: parsed now.
            _ => match document::parse(file.clone(), limits) {
                Ok(doc) if doc.value.get("plan").is_some() => Pass::Plan(file),
                Ok(doc) if wanted.is_some() => match doc.value.pointer("/call/id").and_then(|v| v.as_str()) {
                    Some(id) if wanted.is_some_and(|w| w.contains(id)) => Pass::Spec(Some(Box::new(doc))),
                    Some(_) => continue,
                    // No call id: not a usable spec, told now rather than kept for later.
                    None => {
                        let mut findings: Vec<Finding> = source::note(&doc.file).into_iter().collect();
                        match checked::<SpecFile>(&doc, Kind::Spec) {
                            Err(f) => findings.extend(f),
                            Ok(_) => {
                                specs.push((path, Some(Box::new(doc))));
                                continue;
                            }
                        }
                        sink(findings);
                        out.failed.push(path);
                        continue;
                    }
                },
                _ => Pass::Spec(None),
            },
        };
        match class {
            Pass::Plan(file) => plans.push((path, file)),
            Pass::Spec(doc) => specs.push((path, doc)),
        }
    }
    // Plans are few; a run for named calls reads them only when one of its calls names one.
    let wants_plans = wanted.is_none() || specs.iter().any(|(_, doc)| doc.as_ref().is_none_or(|d| d.value.pointer("/call/plan").is_some()));
    let mut plan_ids: std::collections::BTreeMap<String, Vec<std::path::PathBuf>> = Default::default();
    if wants_plans {
        for (path, file) in plans {
            let note = source::note(&file);
            let mut findings = Vec::new();
            match document::parse(file, limits) {
                Ok(doc) => {
                    if let Some(id) = out.add_plan(&path, &doc, &mut findings) {
                        plan_ids.entry(id).or_default().push(path);
                    }
                }
                Err(f) => {
                    findings.push(f);
                    out.failed.push(path);
                }
            }
            findings.extend(note);
            sink(findings);
        }
    }
    // A plan id defined twice names no plan: calls naming it do not compile.
    for (id, files) in plan_ids.iter().filter(|(_, f)| f.len() > 1) {
        out.plans.remove(id);
        for path in &files[1..] {
            sink(vec![duplicate(path, "/id", &files[0], limits, id, DUPLICATE_PLAN)]);
            out.failed.push(path.clone());
        }
        out.failed.push(files[0].clone());
    }
    // Call ids: the first file defining each, whether another one does too, and its call.
    let mut by_id: std::collections::BTreeMap<String, (Vec<std::path::PathBuf>, Option<Call>)> = Default::default();
    for (path, parsed) in specs {
        let mut findings = Vec::new();
        let doc = match parsed {
            Some(doc) => {
                findings.extend(source::note(&doc.file));
                Ok(*doc)
            }
            None => source::read(&path, limits).and_then(|file| {
                findings.extend(source::note(&file));
                document::parse(file, limits)
            }),
        };
        let call = match doc {
            Err(f) => {
                findings.push(f);
                None
            }
            Ok(doc) => match checked::<SpecFile>(&doc, Kind::Spec) {
                Err(f) => {
                    findings.extend(f);
                    None
                }
                Ok(spec) => {
                    let (call, f) = crate::compile::compile(&doc, &spec, Some(&out.plans));
                    findings.extend(f);
                    call
                }
            },
        };
        match call {
            Some(call) => {
                let entry = by_id.entry(call.id.clone()).or_default();
                if let Some(first) = entry.0.first() {
                    findings.push(duplicate(&path, "/call/id", first, limits, &call.id, crate::compile::codes::DUPLICATE_CALL));
                    entry.1 = None;
                } else {
                    entry.1 = Some(call);
                }
                entry.0.push(path);
            }
            None => out.failed.push(path),
        }
        sink(findings);
    }
    for (id, (files, call)) in by_id {
        match call {
            Some(call) if files.len() == 1 => out.calls.push((files.into_iter().next().expect("one"), call)),
            _ => {
                out.failed.extend(files.iter().cloned());
                out.duplicates.insert(id, files);
            }
        }
    }
    // In file order, as the folder was walked.
    out.calls.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The finding on a second definition of an id, labelled on it (the file is read again).
fn duplicate(path: &Path, pointer: &str, first: &Path, limits: &Limits, id: &str, code: &'static crate::diagnostics::CodeInfo) -> Finding {
    let first = first.display().to_string();
    let what = if code.code == DUPLICATE_PLAN.code { crate::tr!("plan id", "规划编号") } else { crate::tr!("call id", "通知编号") };
    let (en, zh) = (what.en, what.zh);
    let f = Finding::error(code, crate::tr!("{en} `{id}` is also defined by `{first}`", "{zh} `{id}` 也由 `{first}` 定义")).with_help(
        crate::tr!(
            "give each file its own id; while two files share one, neither is used",
            "请为每个文件使用不同的编号；两个文件编号相同时，两者都不会被使用"
        ),
    );
    match source::read(path, limits).and_then(|f| document::parse(f, limits)) {
        Ok(doc) => f.in_file(doc.file.clone()).label(doc.spans().value(pointer), crate::tr!("defined twice", "重复定义")),
        Err(_) => f,
    }
}

pub const DUPLICATE_PLAN: &crate::diagnostics::CodeInfo = &crate::diagnostics::CodeInfo {
    code: "spec.duplicate-plan",
    summary: "two plan files define the same plan id",
    doc: "A call names its plan by id (`call.plan`), so plan ids must be unique among the files \
          loaded together. While two plan files share an id, neither is used (calls naming it \
          do not compile); the second definition is labelled.",
};

impl Bundle {
    /// Compiles a plan into the bundle; its id if it compiled.
    fn add_plan(&mut self, path: &Path, doc: &Document, findings: &mut Vec<Finding>) -> Option<String> {
        match checked::<crate::spec::plan::PlanFile>(doc, Kind::Plan) {
            Err(f) => {
                findings.extend(f);
                self.failed.push(path.to_path_buf());
                None
            }
            Ok(plan) => {
                let (compiled, f) = crate::compile::compile_plan(doc, &plan);
                findings.extend(f);
                match compiled {
                    Some(p) => {
                        let id = p.id.clone();
                        self.plans.insert(id.clone(), p);
                        Some(id)
                    }
                    None => {
                        self.failed.push(path.to_path_buf());
                        None
                    }
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
