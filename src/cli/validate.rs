//! `callspec validate`: application drafts checked against their call.

use std::collections::BTreeMap;
use std::path::PathBuf;

use callspec::diagnostics::Finding;
use callspec::load::{self, SpecOutcome};
use callspec::model::Call;

use super::Exit;
use super::args::ValidateArgs;
use super::output::Printer;

pub fn run(args: &ValidateArgs) -> Exit {
    let printer = Printer::new(&args.output);
    let limits = args.limits.limits();
    let calls = match Calls::load(args, &limits) {
        Ok(c) => c,
        Err(findings) => return printer.finish(&printer.keep(findings), 0, "application file"),
    };
    let files = load::expand(&args.files);
    let mut findings = Vec::new();
    for path in &files {
        let (doc, app) = match load::application_path(path, &limits) {
            Ok(x) => x,
            Err(f) => {
                findings.extend(f);
                continue;
            }
        };
        match calls.pick(&app.call) {
            Ok(call) => {
                // `--as-of`, or now on the call's own clock.
                let as_of = args.as_of.map_or_else(|| chrono::Utc::now().with_timezone(&call.offset).naive_local(), |w| w.start());
                findings.extend(callspec::validate::validate(call, &doc, &app, as_of));
            }
            Err(f) => findings.push(f.in_file(doc.file.clone()).label(doc.spans.value("/call"), "this call")),
        }
    }
    let findings = printer.keep(findings);
    printer.finish(&findings, files.len(), "application file")
}

/// The calls available to this run, compiled once.
enum Calls {
    /// `--spec` or `--call`: every application is checked against this one.
    One(Box<Call>),
    /// Looked up by each application's `call:` among the specs folder.
    ById(BTreeMap<String, Call>),
}

impl Calls {
    fn load(args: &ValidateArgs, limits: &callspec::source::Limits) -> Result<Calls, Vec<Finding>> {
        if let Some(spec) = &args.spec {
            let out = load::spec_path(spec, limits);
            return usable(out, &spec.display().to_string()).map(|c| Calls::One(Box::new(c)));
        }
        let bundle = load::bundle(std::slice::from_ref(&args.specs), limits);
        let broken = bundle.failed;
        let mut by_id: BTreeMap<String, Call> = bundle.calls.into_iter().map(|(_, c)| (c.id.clone(), c)).collect();
        if let Some(id) = &args.call {
            return match by_id.remove(id) {
                Some(c) => Ok(Calls::One(Box::new(c))),
                None => Err(vec![unavailable(id, by_id.keys(), &broken)]),
            };
        }
        Ok(Calls::ById(by_id))
    }

    fn pick(&self, id: &str) -> Result<&Call, Finding> {
        match self {
            Calls::One(c) => Ok(c),
            Calls::ById(m) => m.get(id).ok_or_else(|| unavailable(id, m.keys(), &[])),
        }
    }
}

fn usable(out: SpecOutcome, name: &str) -> Result<Call, Vec<Finding>> {
    match out.call {
        Some(c) => Ok(c),
        None => {
            let mut f = out.findings;
            f.push(
                Finding::error(load::CALL_UNAVAILABLE, format!("the spec `{name}` cannot be used: it has errors"))
                    .with_help(format!("run `callspec check {name}`")),
            );
            Err(f)
        }
    }
}

fn unavailable<'a>(id: &str, known: impl Iterator<Item = &'a String>, broken: &[PathBuf]) -> Finding {
    let known: Vec<&str> = known.map(String::as_str).collect();
    let near = callspec::schema::suggest(id, known.iter().copied());
    let mut help = match near {
        Some(n) => format!("did you mean `{n}`? available calls: {}", known.join(", ")),
        None => format!("available calls: {}", known.join(", ")),
    };
    if !broken.is_empty() {
        let names: Vec<String> = broken.iter().map(|p| p.display().to_string()).collect();
        help.push_str(&format!("; specs with errors (see `callspec check`): {}", names.join(", ")));
    }
    Finding::error(load::CALL_UNAVAILABLE, format!("no call `{id}` is available")).with_help(help)
}
