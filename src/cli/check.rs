//! `callspec check`: compile every spec and report every problem.

use callspec::load;

use super::Exit;
use super::args::CheckArgs;
use super::output::{Printer, What};

pub fn run(args: &CheckArgs) -> Exit {
    let printer = Printer::new(&args.output);
    // No path: the built-in specs.
    let specs = load::Specs { builtin: args.paths.is_empty(), paths: args.paths.clone() };
    let bundle = load::load_specs(&specs, &args.limits.limits(), None);
    super::specs::note_overrides(&bundle.overridden);
    if !bundle.drafts.is_empty() {
        let names: Vec<String> = bundle.drafts.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "note: {} application draft(s) left out, not specs (first key `application:`): {}; check them with `callspec validate`",
            names.len(),
            names.join(", ")
        );
    }
    let files: Vec<String> = bundle.paths.iter().map(|p| p.display().to_string()).collect();
    printer.all(bundle.findings, &files, What::Spec)
}
