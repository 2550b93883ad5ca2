//! `callspec explain`: the documentation of finding codes.

use callspec::{registry, tr};

use super::Exit;
use super::args::ExplainArgs;

pub fn run(args: &ExplainArgs) -> Exit {
    let lang = super::lang();
    if args.list {
        for c in registry::all() {
            super::out(&format!("{:<28} {}\n", c.code, c.summary_in(lang)));
        }
        return Exit::Clean;
    }
    let code = args.code.as_deref().unwrap_or_default();
    match registry::find(code) {
        Some(c) => {
            super::out(&format!("{}\n\n{}\n\n{}\n", c.code, c.summary_in(lang), c.doc_in(lang)));
            Exit::Clean
        }
        None => {
            let near = callspec::schema::suggest(code, registry::all().into_iter().map(|c| c.code));
            let shown = callspec::source::printable(code);
            let near = near.map(|n| tr!("; did you mean `{n}`?", "；是否应为 `{n}`？")).unwrap_or_default();
            let (near, near_zh) = (&near.en, &near.zh);
            eprintln!("{}", super::say(tr!("error: no finding code `{shown}`{near}", "错误：没有问题代码 `{shown}`{near_zh}")));
            eprintln!("{}", super::say(tr!("`callspec explain --list` lists every code", "`callspec explain --list` 会列出全部代码")));
            Exit::Unusable
        }
    }
}
