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
        Ok(file) => spec_source(file, limits),
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
    let files = expand(paths);
    let mut out = Bundle { files: files.len(), ..Bundle::default() };
    let mut specs = Vec::new();
    for path in files {
        let doc = match source::read(&path, limits).and_then(|f| document::parse(f, limits)) {
            Ok(doc) => doc,
            Err(f) => {
                out.findings.push(f);
                out.failed.push(path);
                continue;
            }
        };
        if doc.value.get("plan").is_some() {
            match checked::<crate::spec::plan::PlanFile>(&doc, Kind::Plan) {
                Err(f) => {
                    out.findings.extend(f);
                    out.failed.push(path);
                }
                Ok(plan) => {
                    let (compiled, findings) = crate::compile::compile_plan(&doc, &plan);
                    out.findings.extend(findings);
                    match compiled {
                        Some(p) => {
                            out.plans.insert(p.id.clone(), p);
                        }
                        None => out.failed.push(path),
                    }
                }
            }
        } else {
            specs.push((path, doc));
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
                let (call, findings) = crate::compile::compile(&doc, &spec, Some(&out.plans));
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
