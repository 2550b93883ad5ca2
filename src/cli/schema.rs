//! `callspec schema`: print a generated JSON Schema.

use super::Exit;
use super::args::{SchemaArgs, SchemaKind};

pub fn run(args: &SchemaArgs) -> Exit {
    let schema = match args.kind {
        SchemaKind::Spec => callspec::schema::spec_schema(),
        SchemaKind::Application => callspec::schema::application_schema(),
        SchemaKind::Plan => callspec::schema::plan_schema(),
    };
    super::out(&callspec::schema::to_pretty(schema));
    Exit::Clean
}
