//! Batch validation: many application files against compiled calls, in parallel, streamed in
//! input order, followed by the rules that look across applications.
//!
//! Data flow: [`run`] hands the files to worker threads a few at a time (a chunk); a worker
//! reads, parses (once), checks and validates each file, lets the caller turn the findings
//! into output (`prepare`, e.g. rendered text) and keeps a few [`Facts`] (applicant,
//! category, project name, deadline status). The caller's `emit` receives prepared output in
//! input order while later files are still being worked on, so memory does not grow with the
//! findings of earlier files. After the last file, the cross-application rules (`rules/`) run
//! over the facts alone and report findings on the files involved, which are re-read only to
//! label them.

mod facts;
mod ordered;
pub mod rules;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::diagnostics::{Finding, Tally};
use crate::load;
use crate::model::Call;
use crate::source::Limits;
use crate::values::When;

pub use facts::{DeadlineStatus, Facts};
pub use ordered::{STACK_BYTES, for_each_ordered};

/// The calls available to a run, compiled once.
#[derive(Debug)]
pub enum Calls {
    /// Every application is checked against this one (`--spec`, `--call`).
    One(Box<Call>),
    /// Looked up by each application's `call:`; an id defined by several specs names none.
    ById(BTreeMap<String, Call>, BTreeMap<String, Vec<PathBuf>>),
}

impl Calls {
    /// The call an application names; with [`Calls::One`], that call whatever it names.
    pub fn pick(&self, id: &str) -> Result<&Call, Finding> {
        match self {
            Calls::One(c) => Ok(c),
            Calls::ById(m, twice) => match twice.get(id) {
                Some(files) => Err(duplicated(id, files)),
                None => m.get(id).ok_or_else(|| unavailable(id, m.keys(), &[])),
            },
        }
    }

    /// The call with this id.
    pub fn get(&self, id: &str) -> Option<&Call> {
        match self {
            Calls::One(c) => Some(c.as_ref()).filter(|c| c.id == id),
            Calls::ById(m, _) => m.get(id),
        }
    }

    /// The `i`-th call (in id order), as numbered in [`Facts::call`].
    pub fn nth(&self, i: usize) -> Option<&Call> {
        match self {
            Calls::One(c) => Some(c.as_ref()).filter(|_| i == 0),
            Calls::ById(m, _) => m.values().nth(i),
        }
    }

    fn index_of(&self, call: &Call) -> usize {
        match self {
            Calls::One(_) => 0,
            Calls::ById(m, _) => m.keys().position(|k| *k == call.id).unwrap_or(usize::MAX),
        }
    }
}

/// The `input.call` finding for a call id that is not available, listing those that are.
pub fn unavailable<'a>(id: &str, known: impl Iterator<Item = &'a String>, broken: &[PathBuf]) -> Finding {
    let known: Vec<&str> = known.map(String::as_str).collect();
    let near = crate::schema::suggest(id, known.iter().copied());
    let known = known.join(", ");
    let mut help = match near {
        Some(n) => crate::tr!("did you mean `{n}`? available calls: {known}", "是否应为 `{n}`？可用的通知：{known}"),
        None => crate::tr!("available calls: {known}", "可用的通知：{known}"),
    };
    if !broken.is_empty() {
        let names = some_names(broken);
        help.en.push_str(&format!("; specs with errors (see `callspec check`): {names}"));
        help.zh.push_str(&format!("；有错误的规范文件（见 `callspec check`）：{names}"));
    }
    Finding::error(load::CALL_UNAVAILABLE, crate::tr!("no call `{id}` is available", "没有可用的通知 `{id}`")).with_help(help)
}

/// The `input.call` finding for a call id that more than one spec defines: none is used.
pub fn duplicated(id: &str, files: &[PathBuf]) -> Finding {
    let names = some_names(files);
    Finding::error(
        load::CALL_UNAVAILABLE,
        crate::tr!(
            "the call `{id}` is defined by more than one spec ({names}); none of them is used",
            "通知 `{id}` 由多份规范文件定义（{names}），均不使用"
        ),
    )
    .with_help(crate::tr!(
        "give each spec its own `call.id`; `callspec check` reports them",
        "请为每份规范文件使用不同的 `call.id`；`callspec check` 会报告它们"
    ))
}

/// Up to ten file names, and how many more there are.
fn some_names(files: &[PathBuf]) -> String {
    let mut names: Vec<String> = files.iter().take(10).map(|p| p.display().to_string()).collect();
    if files.len() > 10 {
        names.push(format!("… ({} in all)", files.len()));
    }
    names.join(", ")
}

/// How a batch runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Judge deadlines at this moment (in each call's own time zone); `None`: now.
    pub as_of: Option<When>,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// The files are every application the call received: also run the rules that count
    /// applicants per category (minimum applicants, conditional deadline extensions).
    pub complete: bool,
    /// Only read and parse each file (a benchmark baseline); no checks, no findings but input errors.
    pub parse_only: bool,
}

/// What a batch keeps of one file after its output has been emitted.
#[derive(Debug, Clone)]
pub struct Record {
    pub tally: Tally,
    /// The file could not be used at all (unreadable, not YAML, over a limit, unknown call).
    pub unusable: bool,
    /// Present when the file was validated against a call.
    pub facts: Option<Facts>,
    /// Findings held back instead of emitted: with `--complete`, a file submitted within a
    /// conditional extension waits for the count of its category's applicants, which may
    /// settle its `deadline.missed` warning. [`across`] settles them; the caller prints them.
    pub held: Option<Vec<Finding>>,
    /// What the file declares it expects (`callspec test`), if anything.
    pub expect: Option<Box<crate::application::Expect>>,
}

/// The outcome of checking one file: its findings and what the cross-application rules need.
pub struct Checked {
    pub findings: Vec<Finding>,
    pub facts: Option<Facts>,
    pub expect: Option<crate::application::Expect>,
}

/// Reads, parses, checks and validates one application file: a Word form (told by its bytes,
/// before any text decoding; every finding on it names its form place), or a YAML or JSON
/// draft. A file decoded from GBK or UTF-16 also gets the note saying so
/// ([`crate::source::note`]).
pub fn check_file(path: &Path, calls: &Calls, opts: &Options) -> Checked {
    let failed = |f: Finding| Checked { findings: vec![f], facts: None, expect: None };
    // One open and one read of the file, whether it holds a form or text.
    let file = match crate::source::read_or_zip(path, &opts.limits) {
        Ok(crate::source::Read::Text(file)) => file,
        Ok(crate::source::Read::Zip { name, bytes }) => {
            let (doc, own) = match crate::form::from_bytes(&name, &bytes, &opts.limits) {
                Some(Ok(read)) => read,
                Some(Err(f)) => return failed(f),
                None => return failed(crate::source::refuse(&name, &bytes)),
            };
            if opts.parse_only {
                return Checked { findings: Vec::new(), facts: None, expect: None };
            }
            let (doc, mut checked) = check_document(doc, calls, opts);
            checked.findings = crate::form::finish(&doc, own, checked.findings);
            return checked;
        }
        Err(f) => return failed(f),
    };
    let note = crate::source::note(&file);
    let parsed = crate::document::parse(file, &opts.limits);
    if opts.parse_only {
        return Checked { findings: parsed.err().into_iter().collect(), facts: None, expect: None };
    }
    let mut checked = match parsed {
        Ok(doc) => check_document(doc, calls, opts).1,
        Err(f) => Checked { findings: vec![f], facts: None, expect: None },
    };
    checked.findings.extend(note);
    checked
}

/// Checks and validates a parsed draft; the document is handed back for labelling.
fn check_document(mut doc: crate::document::Document, calls: &Calls, opts: &Options) -> (crate::document::Document, Checked) {
    // Every structural problem, and the rules on what could be read: one misspelt key does not
    // hide the rest. The call is known before the schema check, so that the fields it declares
    // are its own.
    let named = doc.value.get("call").and_then(serde_json::Value::as_str).and_then(|id| calls.pick(id).ok());
    let (app, mut findings) = load::application_for(&mut doc, named);
    let Some(app) = app else {
        let expect = crate::expect::declared(&doc);
        return (doc, Checked { findings, facts: None, expect });
    };
    let call = match (calls, app.call.as_deref()) {
        (Calls::One(c), _) => c.as_ref(),
        (Calls::ById(..), None) => return (doc, Checked { findings, facts: None, expect: app.expect }),
        (Calls::ById(..), Some(id)) => match calls.pick(id) {
            Ok(call) => call,
            Err(f) => {
                findings.push(f.in_file(doc.file.clone()).label(doc.spans().value("/call"), crate::tr!("this call", "该通知")));
                return (doc, Checked { findings, facts: None, expect: app.expect });
            }
        },
    };
    // A draft's own expectations may fix the clock (`expect.as_of`), so tests do not age.
    let as_of = as_of(call, app.expect.as_ref().and_then(|e| e.as_of).or(opts.as_of));
    findings.extend(crate::validate::validate(call, &doc, &app, as_of));
    crate::diagnostics::sort(&mut findings);
    let facts = Facts::of(calls.index_of(call), call, &app, &doc.value, as_of);
    (doc, Checked { findings, facts: Some(facts), expect: app.expect })
}

/// The moment deadlines are judged at: `--as-of`, or now on the call's own clock.
pub fn as_of(call: &Call, given: Option<When>) -> NaiveDateTime {
    given.map_or_else(|| chrono::Utc::now().with_timezone(&call.offset).naive_local(), |w| w.start())
}

/// Checks every file on `opts.jobs` threads. `prepare` turns one file's findings into output
/// on the worker thread; `emit` receives it in input order. Returns what the cross-application
/// rules need, one record per file in input order.
pub fn run<R: Send>(
    paths: &[PathBuf],
    calls: &Calls,
    opts: &Options,
    prepare: impl Fn(&Path, Vec<Finding>) -> (R, Tally, bool) + Sync,
    mut emit: impl FnMut(&Path, R),
) -> Vec<Record> {
    let jobs = if opts.jobs == 0 { std::thread::available_parallelism().map_or(1, usize::from) } else { opts.jobs };
    let mut records = Vec::with_capacity(paths.len());
    // Workers take files a few at a time: one hand-over per chunk, not per file (a tenth of a
    // run's time went to waking the consumer for every file). Small batches still give every
    // worker several chunks.
    let chunk = (paths.len() / (jobs * 8)).clamp(1, CHUNK);
    let chunks: Vec<&[PathBuf]> = paths.chunks(chunk).collect();
    for_each_ordered(
        &chunks,
        jobs,
        (jobs * 64).div_ceil(chunk),
        |files| {
            files
                .iter()
                .map(|path| {
                    let checked = check_file(path, calls, opts);
                    let pending = opts.complete
                        && checked
                            .facts
                            .as_ref()
                            .is_some_and(|f| f.extensions.iter().any(|(_, s)| matches!(s, DeadlineStatus::InExtension(..))));
                    let (findings, held) = if pending { (Vec::new(), Some(checked.findings)) } else { (checked.findings, None) };
                    let (out, tally, unusable) = prepare(path, findings);
                    (out, Record { tally, unusable, facts: checked.facts, held, expect: checked.expect.map(Box::new) })
                })
                .collect::<Vec<_>>()
        },
        |i, outs| {
            for (k, (out, record)) in outs.into_iter().enumerate() {
                emit(&paths[i * chunk + k], out);
                records.push(record);
            }
        },
    );
    records
}

/// The most files a worker takes at a time.
const CHUNK: usize = 16;

/// The cross-application findings over a batch's records, each with the index of its file,
/// in deterministic order; each holds its labels' spans but not its file ([`attach`] adds it
/// back when the finding is printed). A rule may settle a warning of a file whose findings were held
/// (it is removed from [`Record::held`]); the caller prints held findings and counts them.
pub fn across(records: &mut [Record], paths: &[PathBuf], calls: &Calls, opts: &Options) -> Vec<(usize, Finding)> {
    rules::run(records, paths, calls, opts)
}

pub use rules::attach;

/// Counts per category, for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryCount {
    pub valid: usize,
    pub warnings: usize,
    pub invalid: usize,
}

/// Valid / with warnings / invalid per `call-id/category-path` (`?` for files whose call or
/// category is unknown), in sorted order.
pub fn per_category(records: &[Record], calls: &Calls) -> BTreeMap<String, CategoryCount> {
    let mut out: BTreeMap<String, CategoryCount> = BTreeMap::new();
    for r in records {
        let key = match &r.facts {
            Some(f) => {
                let call = calls.nth(f.call);
                let cat = f.category.and_then(|i| call.map(|c| c.categories[i].path.clone())).unwrap_or_else(|| "?".into());
                format!("{}/{cat}", call.map_or("?", |c| c.id.as_str()))
            }
            None => "?".into(),
        };
        let c = out.entry(key).or_default();
        if r.unusable || r.tally.errors > 0 {
            c.invalid += 1;
        } else if r.tally.warnings > 0 {
            c.warnings += 1;
        } else {
            c.valid += 1;
        }
    }
    out
}
