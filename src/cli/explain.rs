//! `callspec explain`: the documentation of finding codes.

use callspec::registry;

use super::Exit;
use super::args::ExplainArgs;

pub fn run(args: &ExplainArgs) -> Exit {
    if args.list {
        for c in registry::all() {
            super::out(&format!("{:<28} {}\n", c.code, c.summary));
        }
        return Exit::Clean;
    }
    let code = args.code.as_deref().unwrap_or_default();
    match registry::find(code) {
        Some(c) => {
            super::out(&format!("{}\n\n{}\n\n{}\n", c.code, c.summary, c.doc));
            Exit::Clean
        }
        None => {
            let near = callspec::schema::suggest(code, registry::all().into_iter().map(|c| c.code));
            let shown = callspec::source::printable(code);
            eprintln!("error: no finding code `{shown}`{}", near.map(|n| format!("; did you mean `{n}`?")).unwrap_or_default());
            eprintln!("`callspec explain --list` lists every code");
            Exit::Unusable
        }
    }
}
