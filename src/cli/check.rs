//! `callspec check`: compile every spec and report every problem.

use callspec::load;

use super::Exit;
use super::args::CheckArgs;
use super::output::{Printer, What};

pub fn run(args: &CheckArgs) -> Exit {
    let printer = Printer::new(&args.output);
    let bundle = load::bundle(&args.paths, &args.limits.limits());
    printer.all(bundle.findings, bundle.files, What::Spec)
}
