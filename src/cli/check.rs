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
    if !bundle.drafts.is_empty() {
        let names: Vec<String> = bundle.drafts.iter().map(|p| callspec::source::display_name(p)).collect();
        let (n, names) = (names.len(), names.join(", "));
        eprintln!(
            "{}",
            super::say(tr!(
                "note: {n} application draft(s) left out, not specs (first key `application:`): {names}; check them with `callspec validate`",
                "注意：{n} 份申报书草稿未计入，它们不是规范文件（首个键为 `application:`）：{names}；请用 `callspec validate` 检查"
            ))
        );
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
