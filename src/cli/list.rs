//! `callspec list`: the calls and their categories, as a table or JSON.

use super::Exit;
use super::args::{ListArgs, ListFormat};

pub fn run(args: &ListArgs) -> Exit {
    let loaded = super::specs::load(args.specs.as_deref());
    let calls: Vec<&callspec::model::Call> = match &args.call {
        None => loaded.calls.iter().collect(),
        Some(id) => match super::specs::call(&loaded, id) {
            Ok(call) => vec![call],
            Err(exit) => return exit,
        },
    };
    let mut calls = calls;
    calls.sort_by(|a, b| a.id.cmp(&b.id));
    super::out_text(&match args.format {
        ListFormat::Text => callspec::guide::list::text(calls.iter().copied(), super::lang()),
        ListFormat::Json => callspec::guide::list::json(calls.iter().copied()).to_string() + "\n",
    });
    super::specs::report_broken(&loaded)
}
