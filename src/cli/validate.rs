//! `callspec validate`: application drafts checked against their call, many files in parallel.

use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::PathBuf;

use callspec::batch::{self, Calls, Options};
use callspec::diagnostics::Finding;
use callspec::load::{self, SpecOutcome};
use callspec::model::Call;

use super::Exit;
use super::args::ValidateArgs;
use super::output::{Printer, Summary, What};

pub fn run(args: &ValidateArgs) -> Exit {
    let printer = Printer::new(&args.output);
    let opts = Options {
        limits: args.limits.limits(),
        as_of: args.as_of,
        jobs: args.jobs.unwrap_or(0),
        complete: args.complete,
        parse_only: args.parse_only,
    };
    let expanded = callspec::walk::expand(&args.files);
    let files = expanded.files;
    let calls = match load_calls(args, &files, &opts.limits) {
        Ok(c) => c,
        Err(mut findings) => {
            findings.splice(0..0, expanded.findings);
            return printer.all(findings, &[], What::Application);
        }
    };
    let progress = progress_bar(files.len());
    let mut stream = printer.begin();
    // What the folder walk met (link loops, unreadable folders, nothing to check), first.
    let (pieces, tally, unusable) = printer.pieces(expanded.findings);
    stream.add(tally, unusable);
    stream.write(&printer, pieces);
    let mut records = batch::run(
        &files,
        &calls,
        &opts,
        |_, findings| printer.pieces(findings),
        |_, pieces| {
            progress.inc(1);
            stream.write(&printer, pieces);
        },
    );
    progress.finish_and_clear();
    let across = batch::across(&mut records, &files, &calls, &opts);
    // Files held back for the applicant count, now settled, in input order.
    for r in &mut records {
        if let Some(held) = r.held.take() {
            let (pieces, tally, unusable) = printer.pieces(held);
            r.tally = tally;
            r.unusable |= unusable;
            stream.write(&printer, pieces);
        }
    }
    let across: Vec<(usize, Finding)> = across.into_iter().filter(|(_, f)| printer.shows(f)).collect();
    for (i, f) in &across {
        records[*i].tally.count(f.severity);
    }
    for r in &records {
        stream.add(r.tally, r.unusable);
    }
    // Printed one at a time, each with its file read again: nothing of the files is kept.
    printer.across_header(&mut stream, across.len());
    for (_, f) in batch::attach(across, &files, &opts.limits) {
        let (pieces, _, unusable) = printer.pieces(vec![f]);
        stream.unusable |= unusable;
        stream.write(&printer, pieces);
    }
    let categories = batch::per_category(&records, &calls);
    let verdicts = categories.values().fold((0, 0, 0), |(v, w, i), c| (v + c.valid, w + c.warnings, i + c.invalid));
    let verdicts_by_file = files.iter().zip(&records).map(|(p, r)| (p.display().to_string(), r.tally, r.unusable)).collect();
    let summary =
        Summary { files: files.len(), verdicts_by_file, what: What::Application, verdicts: Some(verdicts), categories: Some(categories) };
    printer.end(&mut stream, Vec::new(), &summary)
}

/// A progress bar on standard error, drawn only when it is a terminal.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(len as u64), indicatif::ProgressDrawTarget::stderr());
    let template = super::say(callspec::tr!(
        "{{bar:40}} {{pos}}/{{len}} files  {{per_sec}}  eta {{eta}}",
        "{{bar:40}} {{pos}}/{{len}} 个文件  {{per_sec}}  剩余 {{eta}}"
    ));
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// The calls of this run, compiled once.
fn load_calls(args: &ValidateArgs, files: &[PathBuf], limits: &callspec::source::Limits) -> Result<Calls, Vec<Finding>> {
    if let Some(spec) = &args.spec {
        let out = load::spec_path(spec, limits);
        return usable(out, &spec.display().to_string()).map(|c| Calls::One(Box::new(c)));
    }
    let wanted = match &args.call {
        Some(id) => Some(BTreeSet::from([id.clone()])),
        None => named_calls(files, limits),
    };
    // The specs' own findings are `callspec check`'s to report; here they are let go.
    let specs = load::Specs { builtin: true, paths: args.specs.iter().cloned().collect(), quotes: false };
    let load = |wanted: Option<&BTreeSet<String>>| load::load_specs_with(&specs, limits, wanted, &mut |_| {});
    let mut bundle = load(wanted.as_ref());
    if let Some(wanted) = &wanted
        && wanted.iter().any(|id| !bundle.calls.iter().any(|(_, c)| &c.id == id) && !bundle.duplicates.contains_key(id))
    {
        // A call that is not there: every spec, to list what is and suggest the nearest.
        bundle = load(None);
    }
    super::specs::note_overrides(&bundle.overridden);
    let broken = bundle.failed;
    let mut by_id: BTreeMap<String, Call> = bundle.calls.into_iter().map(|(_, c)| (c.id.clone(), c)).collect();
    if let Some(id) = &args.call {
        return match (by_id.remove(id), bundle.duplicates.get(id)) {
            (_, Some(files)) => Err(vec![batch::duplicated(id, files)]),
            (Some(c), None) => Ok(Calls::One(Box::new(c))),
            (None, None) => Err(vec![batch::unavailable(id, by_id.keys(), &broken)]),
        };
    }
    Ok(Calls::ById(by_id, bundle.duplicates))
}

/// For a few drafts, the calls they name, so that only those specs are compiled (most of a
/// single-file run's time is compiling specs). `None`, meaning every spec, for larger runs
/// (compiling them all is then a small share) and when a draft's call cannot be read cheaply.
fn named_calls(files: &[PathBuf], limits: &callspec::source::Limits) -> Option<BTreeSet<String>> {
    const FEW: usize = 16;
    if files.len() > FEW {
        return None;
    }
    files
        .iter()
        .map(|f| match callspec::source::read_or_zip(f, limits).ok()? {
            callspec::source::Read::Zip { name, bytes } => {
                let (doc, _) = callspec::form::from_bytes(&name, &bytes, limits)?.ok()?;
                doc.value.get("call").and_then(|c| c.as_str()).map(str::to_owned)
            }
            callspec::source::Read::Text(file) => callspec::document::peek(&file.text, &[&["call"]]).map(|(_, id)| id),
        })
        .collect()
}

fn usable(out: SpecOutcome, name: &str) -> Result<Call, Vec<Finding>> {
    match out.call {
        Some(c) => Ok(c),
        None => {
            let mut f = out.findings;
            f.push(
                Finding::error(
                    load::CALL_UNAVAILABLE,
                    callspec::tr!("the spec `{name}` cannot be used: it has errors", "规范文件 `{name}` 有错误，无法使用"),
                )
                .with_help(callspec::tr!("run `callspec check {name}`", "请运行 `callspec check {name}` 查看")),
            );
            Err(f)
        }
    }
}
