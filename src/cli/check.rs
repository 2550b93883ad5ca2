//! `callspec check`: compile every spec and report every problem.

use callspec::{load, tr};

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
        let (n, names) = (names.len(), names.join(", "));
        eprintln!(
            "{}",
            super::say(tr!(
                "note: {n} application draft(s) left out, not specs (first key `application:`): {names}; check them with `callspec validate`",
                "注意：{n} 份申报书草稿未计入，它们不是规范文件（首个键为 `application:`）：{names}；请用 `callspec validate` 检查"
            ))
        );
    }
    let files: Vec<String> = bundle.paths.iter().map(|p| p.display().to_string()).collect();
    printer.all(bundle.findings, &files, What::Spec)
}
