//! `callspec schema`: print a generated JSON Schema, or the application schema of one call.

use super::Exit;
use super::args::{SchemaArgs, SchemaKind};

pub fn run(args: &SchemaArgs) -> Exit {
    if let Some(id) = &args.call {
        let loaded = super::specs::load_for(args.specs.as_deref(), Some(&std::collections::BTreeSet::from([id.clone()])));
        return match super::specs::call(&loaded, id) {
            Ok(call) => {
                super::out(&callspec::schema::to_pretty(&callspec::schema::for_call_in(call, super::lang())));
                Exit::Clean
            }
            Err(exit) => exit,
        };
    }
    let schema = match args.kind {
        SchemaKind::Spec => callspec::schema::spec_schema(),
        SchemaKind::Application => callspec::schema::application_schema(),
        SchemaKind::Plan => callspec::schema::plan_schema(),
    };
    super::out(&callspec::schema::to_pretty(schema));
    Exit::Clean
}
