//! The pipeline from a path to a typed value: read → parse (spans) → schema → typed → compile.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::Finding;
use crate::document::{self, Document};
use crate::model::Call;
use crate::schema::{self, Kind, Tolerant};
use crate::source::{self, Limits, SourceFile};
use crate::spec::SpecFile;

/// Parses a source file and reads it as `T`, after checking it against the schema of `kind`:
/// the strict form, for callers that need a complete value (tests, the test bed). The typed
/// value exists only without any finding; [`read`] is the tolerant form the commands use.
pub fn typed<T: DeserializeOwned + Tolerant>(file: Arc<SourceFile>, kind: Kind, limits: &Limits) -> Result<(Document, T), Vec<Finding>> {
    let doc = document::parse(file, limits).map_err(|f| vec![f])?;
    match schema::read::<T>(&doc, kind) {
        (Some(value), findings) if findings.is_empty() => Ok((doc, value)),
        (_, findings) => Err(findings),
    }
}

/// Checks a parsed document against the schema of `kind` and reads it tolerantly: every
/// structural problem is reported, and the typed value holds what was usable (it is `None`
/// only when the top level is not a mapping). See [`schema::read`].
pub fn read<T: DeserializeOwned + Tolerant>(doc: &Document, kind: Kind) -> (Option<T>, Vec<Finding>) {
    schema::read(doc, kind)
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
    match document::parse(file.clone(), limits) {
        Err(f) => SpecOutcome { file: Some(file), call: None, findings: vec![f] },
        Ok(doc) => {
            let (call, findings) = compile_spec(&doc, None);
            SpecOutcome { file: Some(file), call, findings }
        }
    }
}

/// Schema check, tolerant typed read and compilation of a spec: every finding of both stages.
/// The compiler sees what the read could use and stays silent about the rest; no call is
/// returned when any finding is an error.
fn compile_spec(doc: &Document, plans: Option<&std::collections::BTreeMap<String, crate::model::Plan>>) -> (Option<Call>, Vec<Finding>) {
    if let Some(f) = version_1(doc) {
        return (None, vec![f]);
    }
    let (spec, mut findings) = read::<SpecFile>(doc, Kind::Spec);
    let Some(spec) = spec else { return (None, findings) };
    let (call, more) = crate::compile::compile(doc, &spec, plans);
    findings.extend(more);
    crate::diagnostics::sort(&mut findings);
    let ok = findings.iter().all(|f| f.severity != crate::diagnostics::Severity::Error);
    (call.filter(|_| ok), findings)
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
    /// The files read (specs and plans), in order.
    pub paths: Vec<std::path::PathBuf>,
    /// Files that yielded neither a call nor a plan (their findings say why).
    pub failed: Vec<std::path::PathBuf>,
    /// Application drafts found among the spec files (first key `application:`), left out.
    pub drafts: Vec<std::path::PathBuf>,
    /// The ids of the calls that come from the binary (not overridden).
    pub builtin: Vec<String>,
    /// Built-in calls replaced by the user's specs of the same id.
    pub overridden: Vec<Override>,
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
    load_specs(&Specs { builtin: false, paths: paths.to_vec() }, limits, wanted)
}

/// Where a run's specs come from: those built into the binary ([`crate::bundled`]), and spec
/// folders or files given by the user.
#[derive(Debug, Clone, Default)]
pub struct Specs {
    pub builtin: bool,
    pub paths: Vec<std::path::PathBuf>,
}

/// Loads the specs and plans of `specs`, as [`bundle_for`] does. A call (or plan) the user's
/// files define with the id of a built-in one replaces it: the built-in one is left out, and
/// [`Bundle::overridden`] says so. Two of the user's files with one id are `spec.duplicate-call`.
pub fn load_specs(specs: &Specs, limits: &Limits, wanted: Option<&std::collections::BTreeSet<String>>) -> Bundle {
    let mut inputs: Vec<(std::path::PathBuf, Result<Arc<SourceFile>, Finding>, bool)> = Vec::new();
    if specs.builtin {
        inputs.extend(crate::bundled::sources().into_iter().map(|f| (std::path::PathBuf::from(&f.name), Ok(f), true)));
    }
    for path in expand(&specs.paths) {
        let file = source::read(&path, limits);
        inputs.push((path, file, false));
    }
    let mut out = Bundle::default();
    let mut plans = Vec::new();
    let mut parsed = Vec::new();
    for (path, file, builtin) in inputs {
        // Application drafts that sit beside the specs are not specs: told apart by their first key.
        if let Ok(f) = &file
            && first_key(&f.text) == Some("application")
        {
            out.drafts.push(path);
            continue;
        }
        out.files += 1;
        out.paths.push(path.clone());
        if let (Some(wanted), Ok(file)) = (wanted, &file) {
            match document::peek(&file.text, &[&["plan"], &["call", "id"]]) {
                Some((0, _)) => {
                    plans.push((path, file.clone(), builtin));
                    continue;
                }
                Some((_, id)) if !wanted.contains(&id) => continue,
                _ => {}
            }
        }
        match file.and_then(|f| document::parse(f, limits)) {
            Ok(doc) if doc.value.get("plan").is_some() => out.add_plan(path, &doc, builtin),
            Ok(doc) => parsed.push((path, doc, builtin)),
            Err(f) => {
                out.findings.push(f);
                out.failed.push(path);
            }
        }
    }
    // Plans set aside above, now that it is known whether a call names one.
    if parsed.iter().any(|(_, doc, _)| doc.value.pointer("/call/plan").is_some()) {
        for (path, file, builtin) in plans {
            match document::parse(file, limits) {
                Ok(doc) => out.add_plan(path, &doc, builtin),
                Err(f) => {
                    out.findings.push(f);
                    out.failed.push(path);
                }
            }
        }
    }
    let mut ids: Vec<(String, Document)> = Vec::new();
    let mut builtin_calls: Vec<(std::path::PathBuf, Call)> = Vec::new();
    for (path, doc, builtin) in parsed {
        let (call, findings) = compile_spec(&doc, Some(&out.plans));
        out.findings.extend(findings);
        match call {
            Some(call) if builtin => builtin_calls.push((path, call)),
            Some(call) => {
                ids.push((call.id.clone(), doc));
                out.calls.push((path, call));
            }
            None => out.failed.push(path),
        }
    }
    for (path, call) in builtin_calls {
        match out.calls.iter().find(|(_, c)| c.id == call.id) {
            Some((user, _)) => {
                let same = crate::bundled::FILES
                    .iter()
                    .find(|(name, _)| path.to_string_lossy().ends_with(name))
                    .is_some_and(|(_, text)| std::fs::read_to_string(user).is_ok_and(|t| t == *text));
                out.overridden.push(Override { id: call.id.clone(), by: user.clone(), same });
            }
            None => out.builtin.push(call.id.clone()),
        }
        if !out.calls.iter().any(|(_, c)| c.id == call.id) {
            out.calls.push((path, call));
        }
    }
    out.findings.extend(duplicate_calls(&ids));
    out
}

/// A built-in call replaced by a user's spec with the same id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub id: String,
    /// The user's spec file.
    pub by: std::path::PathBuf,
    /// True when that file is the built-in spec unchanged.
    pub same: bool,
}

/// The first top-level key of a YAML or JSON document, read from its first lines (comments,
/// directives and `---` skipped): `application` for drafts, `callspec` or `plan` for specs.
pub fn first_key(text: &str) -> Option<&str> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if let Some(rest) = t.strip_prefix('{') {
        let rest = rest.trim_start().strip_prefix('"')?;
        return rest.split('"').next();
    }
    let line = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}'))
        .find(|l| !(l.trim().is_empty() || l.starts_with('#') || l.starts_with('%') || l.starts_with("---")))?;
    if line.starts_with([' ', '\t', '-']) {
        return None;
    }
    let key = line.split(':').next()?.trim();
    Some(key.trim_matches(['"', '\'']))
}

impl Bundle {
    fn add_plan(&mut self, path: std::path::PathBuf, doc: &Document, builtin: bool) {
        let (plan, findings) = read::<crate::spec::plan::PlanFile>(doc, Kind::Plan);
        let failed = findings.iter().any(|f| f.severity == crate::diagnostics::Severity::Error);
        self.findings.extend(findings);
        let Some(plan) = plan else {
            self.failed.push(path);
            return;
        };
        let (compiled, findings) = crate::compile::compile_plan(doc, &plan);
        self.findings.extend(findings);
        match compiled.filter(|_| !failed) {
            // A user's plan replaces a built-in one of the same id, whatever the order read.
            Some(p) if builtin && self.plans.contains_key(&p.id) => {}
            Some(p) => {
                self.plans.insert(p.id.clone(), p);
            }
            None => self.failed.push(path),
        }
    }
}

/// A version 1 spec gets one finding naming the migration, not a finding for every construct
/// version 2 writes another way.
fn version_1(doc: &Document) -> Option<Finding> {
    if doc.value.get("callspec").and_then(serde_json::Value::as_u64) != Some(1) {
        return None;
    }
    let name = doc.file.name.clone();
    Some(
        Finding::error(
            crate::compile::codes::VERSION,
            crate::tr!("this spec is written in version 1 of the spec language", "此规范文件使用第 1 版规范语言"),
        )
        .in_file(doc.file.clone())
        .label(doc.spans().value("/callspec"), crate::tr!("version 1", "第 1 版"))
        .with_help(crate::tr!(
            "run `callspec migrate {name} --write` to rewrite it as version 2 (comments and layout are kept)",
            "请运行 `callspec migrate {name} --write` 将其改写为第 2 版（注释与排版保持不变）"
        )),
    )
}

pub const CALL_UNAVAILABLE: &crate::diagnostics::CodeInfo = &crate::diagnostics::CodeInfo {
    code: "input.call",
    summary: "the call an application names cannot be found, or its spec does not compile",
    doc: "`validate` needs the compiled call: from `--spec FILE`, from `--call ID` looked up in the \
          specs folder, or from the application's own `call:` field. The finding lists the calls \
          that are available. A spec with errors cannot be used; run `callspec check` on it. Exit code 2.",
    summary_zh: "找不到申报书所指的通知，或其规范文件无法编译",
    doc_zh: "`validate` 需要已编译的通知：来自 `--spec FILE`，来自按 `--call ID` 在规范文件夹中查找的结果，\
             或来自申报书自身的 `call:` 字段。该问题会列出可用的通知。有错误的规范文件无法使用；\
             请对其运行 `callspec check`。退出码 2。",
};

/// Checks a parsed document against the application schema and reads it tolerantly.
pub fn application_of(doc: &Document) -> (Option<crate::application::Application>, Vec<Finding>) {
    read(doc, Kind::Application)
}

/// Like [`application_of`], taking the fields the call declares (`fields:` of its spec) as the
/// call's own: the generic schema does not know them, and the typed draft does not hold them
/// (rules read them from `doc.value`).
pub fn application_for(doc: &mut Document, call: Option<&Call>) -> (Option<crate::application::Application>, Vec<Finding>) {
    let fields = call.map_or(&[][..], |c| c.fields.as_slice());
    let taken = crate::kinds::field::take(fields, &mut doc.value);
    let app = application_of(doc);
    crate::kinds::field::restore(&mut doc.value, taken);
    app
}

/// Loads an application file strictly: read, parse, schema, typed (see [`typed`]).
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
                .at_pointer("/call/id")
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
