//! `callspec completions SHELL`: a completion script generated from the clap definitions, with
//! the built-in call ids and category paths as the values of `--call`, `show`'s id and
//! `--category` (the parser itself accepts any value: calls may come from `--specs`).

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;

use super::Exit;
use super::args::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> Exit {
    let loaded = super::specs::load(None);
    let mut ids: Vec<String> = loaded.calls.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    let mut paths: Vec<String> = loaded.calls.iter().flat_map(|c| c.categories.iter().map(|k| k.path.clone())).collect();
    paths.sort();
    paths.dedup();
    // clap's possible values are `&'static str` without its `string` feature; this process ends
    // right after writing the script.
    let values = |v: &[String]| {
        PossibleValuesParser::new(
            v.iter().map(|s| clap::builder::PossibleValue::new(&*Box::leak(s.clone().into_boxed_str()))).collect::<Vec<_>>(),
        )
    };
    let mut cmd = Cli::command();
    for (sub, arg, list) in [
        ("validate", "call", &ids),
        ("new", "call", &ids),
        ("new", "category", &paths),
        ("schema", "call", &ids),
        ("show", "id", &ids),
        ("show", "category", &paths),
        ("list", "call", &ids),
    ] {
        if cmd.find_subcommand(sub).is_some_and(|s| s.get_arguments().any(|a| a.get_id() == arg)) {
            let parser = values(list);
            cmd = cmd.mut_subcommand(sub, |s| s.mut_arg(arg, |a| a.value_parser(parser)));
        }
    }
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "callspec", &mut script);
    super::out(&String::from_utf8_lossy(&script));
    Exit::Clean
}
