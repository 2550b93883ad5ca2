//! `callspec check`: compile every spec and report every problem, file by file as each is done.

use std::collections::BTreeMap;

use callspec::diagnostics::Tally;
use callspec::{load, tr};

use super::Exit;
use super::args::CheckArgs;
use super::output::{Printer, Summary, What};

pub fn run(args: &CheckArgs) -> Exit {
    let printer = Printer::new(&args.output);
    // No path: the built-in specs.
    let specs = load::Specs { builtin: args.paths.is_empty(), paths: args.paths.clone(), quotes: true };
    let mut stream = printer.begin();
    let mut by_file: BTreeMap<String, (Tally, bool)> = BTreeMap::new();
    let bundle = load::load_specs_with(&specs, &args.limits.limits(), None, &mut |findings| {
        for f in findings.iter().filter(|f| printer.shows(f)) {
            if let Some(file) = &f.file {
                let entry = by_file.entry(file.name.clone()).or_default();
                entry.0.count(f.severity);
                entry.1 |= f.is_unusable_input();
            }
        }
        let (pieces, tally, unusable) = printer.pieces(findings);
        stream.add(tally, unusable);
        stream.write(&printer, pieces);
    });
    super::specs::note_overrides(&bundle.overridden);
    if bundle.files == 0 && !bundle.drafts.is_empty() {
        // Nothing but drafts: nothing was checked, which is not a pass.
        let (pieces, tally, unusable) = printer.pieces(vec![load::only_drafts(&bundle.drafts)]);
        stream.add(tally, unusable);
        stream.write(&printer, pieces);
    } else if !bundle.drafts.is_empty() {
        let n = bundle.drafts.len();
        let (names, more) = load::some_names(&bundle.drafts);
        let note = match more {
            0 => tr!(
                "note: {n} application draft(s) left out, not specs (first key `application:`): {names}; check them with `callspec validate`",
                "注意：{n} 份申报书草稿未计入，它们不是规范文件（首个键为 `application:`）：{names}；请用 `callspec validate` 检查"
            ),
            _ => tr!(
                "note: {n} application draft(s) left out, not specs (first key `application:`): {names} and {more} more; check them with `callspec validate`",
                "注意：{n} 份申报书草稿未计入，它们不是规范文件（首个键为 `application:`）：{names} 等；请用 `callspec validate` 检查"
            ),
        };
        eprintln!("{}", super::say(note));
    }
    let verdicts_by_file = bundle
        .paths
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            let (tally, unusable) = by_file.get(&name).cloned().unwrap_or_default();
            (name, tally, unusable)
        })
        .collect();
    printer.end(
        &mut stream,
        Vec::new(),
        &Summary { files: bundle.files, verdicts_by_file, what: What::Spec, verdicts: None, categories: None },
    )
}
