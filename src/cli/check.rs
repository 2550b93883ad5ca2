//! `callspec check`: compile every spec and report every problem.

use callspec::load;

use super::Exit;
use super::args::CheckArgs;
use super::output::Printer;

pub fn run(args: &CheckArgs) -> Exit {
    let printer = Printer::new(&args.output);
    let limits = args.limits.limits();
    let files = load::expand(&args.paths);
    let mut findings = Vec::new();
    let mut calls: Vec<(String, String)> = Vec::new();
    for path in &files {
        let out = load::spec_path(path, &limits);
        if let Some(call) = &out.call {
            calls.push((call.id.clone(), path.display().to_string()));
        }
        findings.extend(out.findings);
    }
    findings.extend(load::duplicate_calls(&calls));
    let findings = printer.keep(findings);
    printer.finish(&findings, files.len(), "spec file")
}
