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
    spec_file(path, limits, false)
}

/// [`spec_path`], with every quote checked against the notice text the spec names beside it.
pub fn spec_path_checked(path: &Path, limits: &Limits) -> SpecOutcome {
    spec_file(path, limits, true)
}

fn spec_file(path: &Path, limits: &Limits, quotes: bool) -> SpecOutcome {
    let file = match source::read(path, limits) {
        Ok(file) => file,
        Err(f) => return SpecOutcome { file: None, call: None, findings: vec![f] },
    };
    let note = source::note(&file);
    let mut out = match document::parse(file.clone(), limits) {
        Err(f) => SpecOutcome { file: Some(file), call: None, findings: vec![f] },
        Ok(doc) => {
            let notice = quotes.then(|| Input::Disk(path.to_path_buf()).notice(&doc, limits));
            let (call, findings) = compile_spec(&doc, None, notice.as_ref());
            SpecOutcome { file: Some(file), call, findings }
        }
    };
    out.findings.extend(note);
    out
}

/// Checks and compiles a spec held in memory, on its own: a plan it names is not resolved, nor
/// the notice text it names read (its quotes are said to be unchecked).
pub fn spec_source(file: Arc<SourceFile>, limits: &Limits) -> SpecOutcome {
    match document::parse(file.clone(), limits) {
        Err(f) => SpecOutcome { file: Some(file), call: None, findings: vec![f] },
        Ok(doc) => {
            let (call, findings) = compile_spec(&doc, None, Some(&crate::notice::Input::NotRead));
            SpecOutcome { file: Some(file), call, findings }
        }
    }
}

/// Schema check, tolerant typed read and compilation of a spec: every finding of both stages.
/// The compiler sees what the read could use and stays silent about the rest; no call is
/// returned when any finding is an error.
fn compile_spec(
    doc: &Document,
    plans: Option<&std::collections::BTreeMap<String, crate::model::Plan>>,
    notice: Option<&crate::notice::Input>,
) -> (Option<Call>, Vec<Finding>) {
    let (call, findings, _) = compile_spec_keeping(doc, plans, notice);
    (call, findings)
}

/// [`compile_spec`], handing back the spec as read too (an amendment compiles in its vocabulary).
fn compile_spec_keeping(
    doc: &Document,
    plans: Option<&std::collections::BTreeMap<String, crate::model::Plan>>,
    notice: Option<&crate::notice::Input>,
) -> (Option<Call>, Vec<Finding>, Option<SpecFile>) {
    if let Some(f) = version_1(doc).or_else(|| not_a_call(doc)) {
        return (None, vec![f], None);
    }
    let (spec, mut findings) = read::<SpecFile>(doc, Kind::Spec);
    let Some(spec) = spec else { return (None, findings, None) };
    let (call, more) = crate::compile::compile(doc, &spec, plans, notice);
    findings.extend(more);
    crate::diagnostics::sort(&mut findings);
    let ok = findings.iter().all(|f| f.severity != crate::diagnostics::Severity::Error);
    (call.filter(|_| ok), findings, Some(spec))
}

/// A supplementary notice given where a call spec is wanted (`validate --spec`): one finding
/// saying how to use it, not the schema's complaint about every key.
fn not_a_call(doc: &Document) -> Option<Finding> {
    let base = doc.value.get("amends")?.as_str().unwrap_or_default().to_owned();
    Some(
        Finding::error(
            crate::amend::codes::BASE,
            crate::tr!(
                "this is a supplementary notice (it amends `{base}`), not a call spec",
                "这是补充通知（修订 `{base}`），不是通知规范文件"
            ),
        )
        .in_file(doc.file.clone())
        .at_pointer("/amends")
        .label(doc.spans().value("/amends"), crate::tr!("an amendment", "补充通知"))
        .with_help(crate::tr!(
            "put it in a folder with (or beside) the spec of `{base}` and pass the folder with `--specs`",
            "请将其与 `{base}` 的规范文件放在同一文件夹中（或放在其旁边），并用 `--specs` 指定该文件夹"
        )),
    )
}

/// Everything in a set of spec folders and files: calls and the plans they may name.
#[derive(Debug, Default)]
pub struct Bundle {
    /// Compiled calls with the file each came from; a call id defined by more than one of the
    /// user's specs is in none of them (see `duplicates`).
    pub calls: Vec<(std::path::PathBuf, Call)>,
    pub plans: std::collections::BTreeMap<String, crate::model::Plan>,
    /// Every finding of every file, in file order (unless a sink took them: [`load_specs_with`]).
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
    /// Call ids defined by more than one of the user's specs, with the files that define them:
    /// no command picks one of them; each reports them the same way ([`crate::batch::duplicated`]).
    pub duplicates: std::collections::BTreeMap<String, Vec<std::path::PathBuf>>,
}

/// What `callspec check` says when the files it was given are all application drafts: an error
/// (nothing was checked), naming a few of them and the command that checks drafts.
pub fn only_drafts(drafts: &[std::path::PathBuf]) -> Finding {
    let n = drafts.len();
    let (names, more) = some_names(drafts);
    let message = match more {
        0 => crate::tr!(
            "no spec to check: the {n} file(s) given are application drafts (first key `application:`): {names}",
            "没有可检查的规范文件：给出的 {n} 个文件都是申报书草稿（首个键为 `application:`）：{names}"
        ),
        _ => crate::tr!(
            "no spec to check: the {n} file(s) given are application drafts (first key `application:`): {names} and {more} more",
            "没有可检查的规范文件：给出的 {n} 个文件都是申报书草稿（首个键为 `application:`）：{names} 等"
        ),
    };
    Finding::error(source::codes::UNREADABLE, message).with_help(crate::tr!(
        "`callspec check` compiles call specs; check drafts with `callspec validate` (with `--specs FOLDER` for a call of your own)",
        "`callspec check` 检查的是申报通知的规范文件；申报书请用 `callspec validate` 检查（自己的规范文件用 `--specs 文件夹` 指定）"
    ))
}

/// Up to three of `paths` by name, joined, and how many more there are.
pub fn some_names(paths: &[std::path::PathBuf]) -> (String, usize) {
    const SHOWN: usize = 3;
    let names = paths.iter().take(SHOWN).map(|p| source::display_name(p)).collect::<Vec<_>>().join(", ");
    (names, paths.len().saturating_sub(SHOWN))
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
    load_specs(&Specs { builtin: false, paths: paths.to_vec(), quotes: false }, limits, wanted)
}

/// Where a run's specs come from: those built into the binary ([`crate::bundled`]), and spec
/// folders or files given by the user.
#[derive(Debug, Clone, Default)]
pub struct Specs {
    pub builtin: bool,
    pub paths: Vec<std::path::PathBuf>,
    /// Check every quote against the notice text each spec names (`callspec check`).
    pub quotes: bool,
}

/// Loads the specs and plans of `specs`, keeping every finding in [`Bundle::findings`].
pub fn load_specs(specs: &Specs, limits: &Limits, wanted: Option<&std::collections::BTreeSet<String>>) -> Bundle {
    let mut findings = Vec::new();
    let mut bundle = load_specs_with(specs, limits, wanted, &mut |f| findings.extend(f));
    bundle.findings = findings;
    bundle
}

/// One input of a specs run: a built-in spec (held in the binary) or a file of the user's.
enum Input {
    Builtin(Arc<SourceFile>),
    Disk(std::path::PathBuf),
}

impl Input {
    fn path(&self) -> std::path::PathBuf {
        match self {
            Input::Builtin(f) => std::path::PathBuf::from(&f.name),
            Input::Disk(p) => p.clone(),
        }
    }

    fn read(&self, limits: &Limits) -> Result<Arc<SourceFile>, Finding> {
        match self {
            Input::Builtin(f) => Ok(f.clone()),
            Input::Disk(p) => source::read(p, limits),
        }
    }

    /// The notice text the document names (`notice.file`): beside a file of the user's, or
    /// built in with a built-in spec.
    fn notice(&self, doc: &Document, limits: &Limits) -> crate::notice::Input {
        let file = doc.value.pointer("/notice/file").and_then(serde_json::Value::as_str);
        match (self, file) {
            (_, None) => crate::notice::Input::NotRead,
            (Input::Builtin(_), Some(f)) => crate::bundled::notice(f).map_or(crate::notice::Input::NotRead, crate::notice::Input::Read),
            (Input::Disk(p), Some(f)) => crate::notice::read(p, Some(f), limits),
        }
    }
}

/// How a file of a specs folder was classed in the first pass.
enum Pass {
    Plan(Arc<SourceFile>),
    /// A spec, parsed already when the run is for named calls (they are few).
    Spec(Option<Box<Document>>),
    /// A supplementary notice, parsed already when its id could not be peeked.
    Amendment(Option<Box<Document>>),
}

/// Loads the specs and plans of `specs` (the built-in ones first, then the user's), handing each
/// file's findings to `sink` as soon as they are final instead of keeping them: a folder of any
/// size is loaded in memory that does not grow with its findings. Two passes: the first reads
/// every file's first events to find the plans (compiled then, so calls can name them), the
/// second reads, checks and compiles each spec and lets it go; only the compiled calls (one per
/// id) stay.
///
/// When `wanted` names calls, a spec that plainly defines another call is skipped unparsed and
/// plans are read only when a loaded call names one. A call (or plan) of the user's with the id
/// of a built-in one replaces it ([`Bundle::overridden`]); two of the user's files with one id
/// are `spec.duplicate-call` and neither is used.
pub fn load_specs_with(
    specs: &Specs,
    limits: &Limits,
    wanted: Option<&std::collections::BTreeSet<String>>,
    sink: &mut dyn FnMut(Vec<Finding>),
) -> Bundle {
    let mut inputs: Vec<(Input, bool)> = Vec::new();
    if specs.builtin {
        inputs.extend(crate::bundled::sources().into_iter().map(|f| (Input::Builtin(f), true)));
    }
    let expanded = crate::walk::expand(&specs.paths);
    sink(expanded.findings);
    inputs.extend(expanded.files.into_iter().map(|p| (Input::Disk(p), false)));
    let mut out = Bundle::default();
    let mut plans = Vec::new();
    let mut found = Vec::new();
    let mut amendments: Vec<(Input, Option<Box<Document>>)> = Vec::new();
    for (input, builtin) in inputs {
        let path = input.path();
        let file = match input.read(limits) {
            Ok(file) => file,
            Err(f) => {
                out.files += 1;
                out.paths.push(path.clone());
                sink(vec![f]);
                out.failed.push(path);
                continue;
            }
        };
        // Application drafts that sit beside the specs are not specs: told apart by their first key.
        if first_key(&file.text) == Some("application") {
            out.drafts.push(path);
            continue;
        }
        out.files += 1;
        out.paths.push(path.clone());
        // A supplementary notice names its call under `amends:` (2).
        let peeked = document::peek(&file.text, &[&["plan"], &["call", "id"], &["amends"]]);
        let class = match (&peeked, wanted) {
            (Some((0, _)), _) => Pass::Plan(file),
            (Some((_, id)), Some(wanted)) if !wanted.contains(id) => continue,
            (Some((2, _)), _) => Pass::Amendment(None),
            (Some(_), None) => Pass::Spec(None),
            // Not plain enough to peek, and without the words `plan` and `amends`: neither a plan
            // nor an amendment, and read in the second pass only (most files a specs folder should not hold are drafts).
            (None, None) if !file.text.contains("plan") && !file.text.contains("amends") => Pass::Spec(None),
            // A spec a run for named calls needs, or a file to tell apart: parsed now.
            _ => match document::parse(file.clone(), limits) {
                Ok(doc) if doc.value.get("plan").is_some() => Pass::Plan(file),
                Ok(doc) if doc.value.get("amends").is_some() => {
                    let amends = doc.value.get("amends").and_then(serde_json::Value::as_str).map(str::to_owned);
                    if let (Some(wanted), Some(id)) = (wanted, &amends)
                        && !wanted.contains(id)
                    {
                        continue;
                    }
                    Pass::Amendment(Some(Box::new(doc)))
                }
                Ok(doc) if wanted.is_some() => match doc.value.pointer("/call/id").and_then(|v| v.as_str()) {
                    Some(id) if wanted.is_some_and(|w| w.contains(id)) => Pass::Spec(Some(Box::new(doc))),
                    Some(_) => continue,
                    // No call id: not a usable spec; compiled (and reported) with the others,
                    // from the document parsed here.
                    None => Pass::Spec(Some(Box::new(doc))),
                },
                _ => Pass::Spec(None),
            },
        };
        match class {
            Pass::Plan(file) => plans.push((path, file, builtin)),
            Pass::Spec(doc) => found.push((input, doc, builtin)),
            Pass::Amendment(doc) => amendments.push((input, doc)),
        }
    }
    // Plans are few; a run for named calls reads them only when one of its calls names one.
    let wants_plans =
        wanted.is_none() || found.iter().any(|(_, doc, _)| doc.as_ref().is_none_or(|d| d.value.pointer("/call/plan").is_some()));
    let mut plan_ids: std::collections::BTreeMap<String, Vec<std::path::PathBuf>> = Default::default();
    if wants_plans {
        for (path, file, builtin) in plans {
            let note = source::note(&file);
            let mut findings = Vec::new();
            match document::parse(file, limits) {
                Ok(doc) => {
                    let input = if builtin { Input::Builtin(doc.file.clone()) } else { Input::Disk(path.clone()) };
                    let notice = specs.quotes.then(|| input.notice(&doc, limits));
                    if let Some(id) = out.add_plan(&path, &doc, builtin, notice.as_ref(), &mut findings)
                        && !builtin
                    {
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
    // A call of the user's may name a built-in plan (the specs folder checked file by file):
    // the built-in plans stand behind the user's, quietly (they are not among the files read).
    if wants_plans && !specs.builtin {
        for file in crate::bundled::sources() {
            if document::peek(&file.text, &[&["plan"]]).is_some_and(|(i, _)| i == 0)
                && let Ok(doc) = document::parse(file, limits)
            {
                let path = std::path::PathBuf::from(doc.file.name.clone());
                let failed = out.failed.len();
                out.add_plan(&path, &doc, true, None, &mut Vec::new());
                out.failed.truncate(failed);
            }
        }
    }
    // A plan id two of the user's files define names no plan: calls naming it do not compile.
    for (id, files) in plan_ids.iter().filter(|(_, f)| f.len() > 1) {
        out.plans.remove(id);
        for path in &files[1..] {
            sink(vec![duplicate(path, "/id", &files[0], limits, id, DUPLICATE_PLAN)]);
            out.failed.push(path.clone());
        }
        out.failed.push(files[0].clone());
    }
    // Supplementary notices, read now: the specs of the calls they amend are kept once compiled.
    let amendments = read_amendments(amendments, specs.quotes, limits, sink, &mut out.failed);
    let amended: std::collections::BTreeSet<String> = amendments.iter().map(|(base, _, _)| base.clone()).collect();
    let mut kept: std::collections::HashMap<std::path::PathBuf, SpecFile> = Default::default();
    // Call ids: the files defining each, and its call; built-in calls apart, to be replaced.
    let mut by_id: std::collections::BTreeMap<String, (Vec<std::path::PathBuf>, Option<Call>)> = Default::default();
    let mut builtin_calls: Vec<(std::path::PathBuf, Call)> = Vec::new();
    for (input, parsed, builtin) in found {
        let path = input.path();
        let mut findings = Vec::new();
        let doc = match parsed {
            Some(doc) => {
                findings.extend(source::note(&doc.file));
                Ok(*doc)
            }
            None => input.read(limits).and_then(|file| {
                findings.extend(source::note(&file));
                document::parse(file, limits)
            }),
        };
        let call = match doc {
            Err(f) => {
                findings.push(f);
                None
            }
            Ok(doc) => {
                let notice = specs.quotes.then(|| input.notice(&doc, limits));
                let (call, f, spec) = compile_spec_keeping(&doc, Some(&out.plans), notice.as_ref());
                findings.extend(f);
                if let (Some(c), Some(spec)) = (&call, spec)
                    && amended.contains(&c.id)
                {
                    kept.insert(path.clone(), spec);
                }
                call
            }
        };
        match call {
            Some(call) if builtin => builtin_calls.push((path, call)),
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
    // A built-in call stands unless a spec of the user's has its id.
    for (path, call) in builtin_calls {
        let user = out
            .calls
            .iter()
            .map(|(p, c)| (p, &c.id))
            .chain(out.duplicates.iter().flat_map(|(id, files)| files.iter().map(move |p| (p, id))));
        match user.into_iter().find(|(_, id)| **id == call.id).map(|(p, _)| p.clone()) {
            Some(by) => {
                let same = crate::bundled::FILES
                    .iter()
                    .find(|(name, _)| path.to_string_lossy().ends_with(name))
                    .is_some_and(|(_, text)| std::fs::read_to_string(&by).is_ok_and(|t| t == *text));
                out.overridden.push(Override { id: call.id.clone(), by, same });
            }
            None => {
                out.builtin.push(call.id.clone());
                out.calls.push((path, call));
            }
        }
    }
    if !amendments.is_empty() {
        out.amend(amendments, &kept, specs.builtin, limits, sink);
    }
    // In file order, as the folder was walked (built-in specs by name).
    out.calls.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A supplementary notice read for a run: the call it amends, its path, and the document.
type Amendment = (String, std::path::PathBuf, crate::amend::Input);

/// Parses the supplementary notices of a run (with their notice texts when quotes are
/// checked). One that cannot be parsed, or names no call, is reported and left out.
fn read_amendments(
    found: Vec<(Input, Option<Box<Document>>)>,
    quotes: bool,
    limits: &Limits,
    sink: &mut dyn FnMut(Vec<Finding>),
    failed: &mut Vec<std::path::PathBuf>,
) -> Vec<Amendment> {
    let mut out = Vec::new();
    for (input, parsed) in found {
        let path = input.path();
        let mut findings = Vec::new();
        let doc = match parsed {
            Some(doc) => Ok(*doc),
            None => input.read(limits).and_then(|file| {
                findings.extend(source::note(&file));
                document::parse(file, limits)
            }),
        };
        let doc = match doc {
            Ok(doc) => doc,
            Err(f) => {
                findings.push(f);
                sink(findings);
                failed.push(path);
                continue;
            }
        };
        match doc.value.get("amends").and_then(serde_json::Value::as_str).map(str::to_owned) {
            Some(base) => {
                let notice = quotes.then(|| input.notice(&doc, limits));
                if !findings.is_empty() {
                    sink(findings);
                }
                out.push((base, path, crate::amend::Input { doc, notice }));
            }
            None => {
                // Its schema says what is wrong with `amends:`.
                findings.extend(read::<crate::amend::spec::AmendmentFile>(&doc, Kind::Amendment).1);
                sink(findings);
                failed.push(path);
            }
        }
    }
    out
}

impl Bundle {
    /// Applies the supplementary notices to the calls they amend: each amended call replaces
    /// its published form. A call whose amendments have errors is not used (its files are
    /// `failed`); a notice amending a call that is not there is reported. A run over the user's
    /// files alone (`check DIR`) finds the call of a notice among the built-in specs.
    fn amend(
        &mut self,
        amendments: Vec<Amendment>,
        kept: &std::collections::HashMap<std::path::PathBuf, SpecFile>,
        builtin_loaded: bool,
        limits: &Limits,
        sink: &mut dyn FnMut(Vec<Finding>),
    ) {
        let mut by_base: std::collections::BTreeMap<String, Vec<(std::path::PathBuf, crate::amend::Input)>> = Default::default();
        for (base, path, input) in amendments {
            by_base.entry(base).or_default().push((path, input));
        }
        for (id, list) in by_base {
            let (paths, inputs): (Vec<_>, Vec<_>) = list.into_iter().unzip();
            let here = self.calls.iter().position(|(_, c)| c.id == id);
            let builtin = (here.is_none() && !builtin_loaded && !self.duplicates.contains_key(&id))
                .then(|| builtin_spec(&id, &self.plans, limits))
                .flatten();
            let base = match (here, &builtin) {
                (Some(i), _) => kept.get(&self.calls[i].0).map(|spec| (self.calls[i].1.clone(), spec)),
                (None, Some((_, call, spec))) => Some((call.clone(), spec)),
                (None, None) => None,
            };
            let Some((call, spec)) = base else {
                let known: Vec<&str> = self.calls.iter().map(|(_, c)| c.id.as_str()).collect();
                let near = crate::schema::suggest(&id, known.iter().copied()).map(str::to_owned);
                for input in &inputs {
                    let doc = &input.doc;
                    let f = Finding::error(
                        crate::amend::codes::BASE,
                        crate::tr!("no call `{id}` is available to amend", "没有可供修订的通知 `{id}`"),
                    )
                    .in_file(doc.file.clone())
                    .at_pointer("/amends")
                    .label(doc.spans().value("/amends"), crate::tr!("no such call", "无此通知"))
                    .with_help(match &near {
                        Some(n) => crate::tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                        None => crate::tr!(
                            "load the call's spec with it (the same folder, or `--specs`); a spec with errors cannot be amended",
                            "请与其通知规范文件一同加载（同一文件夹，或 `--specs`）；有错误的规范文件无法修订"
                        ),
                    });
                    sink(vec![f]);
                }
                self.failed.extend(paths);
                continue;
            };
            let (amended, findings) = crate::amend::compile_all(crate::amend::Base { call: &call, spec }, &inputs);
            for f in findings {
                sink(f);
            }
            match (amended, here) {
                (Some(c), Some(i)) => self.calls[i].1 = c,
                (Some(c), None) => {
                    let name = builtin.as_ref().map(|(n, ..)| n.clone()).unwrap_or_default();
                    self.calls.push((std::path::PathBuf::from(name), c));
                }
                (None, here) => {
                    // A call whose amendments have errors is not used: its published form would judge wrongly.
                    if let Some(i) = here {
                        let (path, _) = self.calls.remove(i);
                        self.failed.push(path);
                    }
                    self.failed.extend(paths);
                }
            }
        }
    }
}

/// The built-in spec of a call: its name, the call compiled and the spec as read.
fn builtin_spec(
    id: &str,
    plans: &std::collections::BTreeMap<String, crate::model::Plan>,
    limits: &Limits,
) -> Option<(String, Call, SpecFile)> {
    let file = crate::bundled::sources().into_iter().find(|f| document::peek(&f.text, &[&["call", "id"]]).is_some_and(|(_, x)| x == id))?;
    let name = file.name.clone();
    let doc = document::parse(file, limits).ok()?;
    // With the plans of the run (the built-in ones among them), so a call naming one keeps it.
    let (call, _, spec) = compile_spec_keeping(&doc, Some(plans), None);
    Some((name, call?, spec?))
}

/// [`load_specs_with`] on the user's files alone.
pub fn bundle_with(
    paths: &[std::path::PathBuf],
    limits: &Limits,
    wanted: Option<&std::collections::BTreeSet<String>>,
    sink: &mut dyn FnMut(Vec<Finding>),
) -> Bundle {
    load_specs_with(&Specs { builtin: false, paths: paths.to_vec(), quotes: false }, limits, wanted, sink)
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
    summary_zh: "两个计划文件定义了同一个计划 id",
    doc_zh: "通知以 id 指明其所属计划（`call.plan`），因此一起加载的文件中计划 id 必须唯一。两个计划文件 id 相同时，\
             两者都不使用（指明该计划的通知无法编译）；第二处定义会被标出。",
};

impl Bundle {
    /// Compiles a plan into the bundle; its id if it compiled. A user's plan replaces a built-in
    /// one of the same id, whatever the order read.
    fn add_plan(
        &mut self,
        path: &Path,
        doc: &Document,
        builtin: bool,
        notice: Option<&crate::notice::Input>,
        findings: &mut Vec<Finding>,
    ) -> Option<String> {
        let (plan, found) = read::<crate::spec::plan::PlanFile>(doc, Kind::Plan);
        let failed = found.iter().any(|f| f.severity == crate::diagnostics::Severity::Error);
        findings.extend(found);
        let Some(plan) = plan else {
            self.failed.push(path.to_path_buf());
            return None;
        };
        let (compiled, found) = crate::compile::compile_plan(doc, &plan, notice);
        findings.extend(found);
        match compiled.filter(|_| !failed) {
            Some(p) if builtin && self.plans.contains_key(&p.id) => None,
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
    let (doc, own) = application_document(path, limits).map_err(|f| vec![f])?;
    match application_of(&doc) {
        (Some(app), found) if found.is_empty() && own.is_empty() => Ok((doc, app)),
        (_, found) => Err(crate::form::finish(&doc, own, found)),
    }
}

/// Reads and parses an application file: a Word form (told by its bytes, before any text
/// decoding), or a YAML or JSON draft. A form's own findings (an ambiguous date) come with it.
pub fn application_document(path: &Path, limits: &Limits) -> Result<(Document, Vec<Finding>), Finding> {
    match source::read_or_zip(path, limits)? {
        source::Read::Zip { name, bytes } => {
            crate::form::from_bytes(&name, &bytes, limits).unwrap_or_else(|| Err(source::refuse(&name, &bytes)))
        }
        source::Read::Text(file) => Ok((document::parse(file, limits)?, Vec::new())),
    }
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
        assert!(spec.contains("\n  plan: hangzhou-2026-plan\n"));
        // The user's copy of the plan, retitled: it replaces the built-in one.
        let plan = std::fs::read_to_string(root.join("hangzhou-2026-plan.yaml")).unwrap();
        std::fs::write(dir.join("plan.yaml"), plan.replace("\ntitle: 杭州市科协2026年工作要点\n", "\ntitle: 用户的工作要点\n")).unwrap();
        std::fs::write(dir.join("spec.yaml"), spec).unwrap();
        let wanted = std::collections::BTreeSet::from(["hangzhou-2025".to_owned()]);
        let some = bundle_for(std::slice::from_ref(&dir), &Limits::default(), Some(&wanted));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(some.plans.keys().collect::<Vec<_>>(), ["hangzhou-2026-plan"]);
        assert_eq!(some.plans["hangzhou-2026-plan"].title, "用户的工作要点");
        assert_eq!(some.calls.len(), 1, "{:?}", some.findings);
    }

    #[test]
    fn a_spec_read_alone_finds_the_built_in_plan_it_names() {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs/hangzhou-2025.yaml");
        let b = bundle(std::slice::from_ref(&path), &Limits::default());
        assert!(b.findings.iter().all(|f| f.severity != crate::diagnostics::Severity::Error), "{:?}", b.findings);
        assert_eq!(b.calls[0].1.plan.as_ref().map(|p| p.id.as_str()), Some("hangzhou-2026-plan"));
        // The built-in plan is not among the files read.
        assert_eq!((b.files, b.paths.len()), (1, 1));
    }

    #[test]
    fn a_bundle_for_named_calls_compiles_only_their_specs_and_the_plans() {
        let specs = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs");
        let all = bundle(std::slice::from_ref(&specs), &Limits::default());
        assert!(all.calls.len() >= 4, "{} calls", all.calls.len());
        let wanted = std::collections::BTreeSet::from(["ningxia-2025".to_owned()]);
        let some = bundle_for(std::slice::from_ref(&specs), &Limits::default(), Some(&wanted));
        let ids: Vec<&str> = some.calls.iter().map(|(_, c)| c.id.as_str()).collect();
        assert_eq!(ids, ["ningxia-2025"]);
        // The call names no plan, so the plan beside it is left unread.
        assert!(!all.plans.is_empty() && some.plans.is_empty());
        assert!(some.failed.is_empty() && some.findings.is_empty(), "{:?}", some.findings);
        // The call compiled the same either way.
        let full = all.calls.iter().find(|(_, c)| c.id == "ningxia-2025").map(|(_, c)| format!("{c:?}"));
        assert_eq!(full, Some(format!("{:?}", some.calls[0].1)));
    }
}
