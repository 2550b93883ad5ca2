//! `callspec list`: the calls and their categories, as a table or JSON.

use super::Exit;
use super::args::{ListArgs, ListFormat};

pub fn run(args: &ListArgs) -> Exit {
    let loaded = super::specs::load(args.specs.as_deref());
    let lang = super::lang();
    // One plan's priorities.
    if let Some(plan) = args.call.as_ref().filter(|id| !loaded.calls.iter().any(|c| &&c.id == id)).and_then(|id| loaded.plans.get(id)) {
        super::out_text(&match args.format {
            ListFormat::Text => callspec::guide::plan::priorities_text(plan, lang),
            ListFormat::Json => serde_json::json!({ "plans": [callspec::guide::plan::json(plan)] }).to_string() + "\n",
        });
        return super::specs::report_broken(&loaded);
    }
    let calls: Vec<&callspec::model::Call> = match &args.call {
        None => loaded.calls.iter().collect(),
        Some(id) => match super::specs::call(&loaded, id) {
            Ok(call) => vec![call],
            Err(exit) => return exit,
        },
    };
    let mut calls = calls;
    calls.sort_by(|a, b| a.id.cmp(&b.id));
    // The plans too, when every call is listed.
    let plans: Vec<&callspec::model::Plan> = if args.call.is_none() { loaded.plans.values().collect() } else { Vec::new() };
    super::out_text(&match args.format {
        ListFormat::Text => {
            let mut text = callspec::guide::list::text(calls.iter().copied(), lang);
            if !plans.is_empty() {
                text.push('\n');
                text.push_str(&callspec::guide::plan::list_text(plans.iter().copied(), lang));
            }
            text
        }
        ListFormat::Json => {
            let mut v = callspec::guide::list::json(calls.iter().copied());
            if !plans.is_empty() {
                v["plans"] = plans.iter().map(|p| callspec::guide::plan::json(p)).collect();
            }
            v.to_string() + "\n"
        }
    });
    super::specs::report_broken(&loaded)
}
