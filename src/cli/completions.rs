//! `callspec completions SHELL`: a completion script generated from the clap definitions.

use clap::CommandFactory;

use super::Exit;
use super::args::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> Exit {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "callspec", &mut script);
    super::out(&String::from_utf8_lossy(&script));
    Exit::Clean
}
