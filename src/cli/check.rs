//! `callspec check`: compile every spec and report every problem, each file's findings
//! printed as soon as the file is done (memory does not grow with the folder).

use callspec::load;

use super::Exit;
use super::args::CheckArgs;
use super::output::{Printer, Summary, What};

pub fn run(args: &CheckArgs) -> Exit {
    let printer = Printer::new(&args.output);
    let mut stream = printer.begin();
    let bundle = load::bundle_with(&args.paths, &args.limits.limits(), None, &mut |findings| {
        let (pieces, tally, unusable) = printer.pieces(findings);
        stream.add(tally, unusable);
        stream.write(&printer, pieces);
    });
    printer.end(&mut stream, Vec::new(), &Summary { files: bundle.files, what: What::Spec, verdicts: None, categories: None })
}
