//! Command-line interface. **Invariant:** the only code that touches clap, the terminal,
//! the file system's output side, the clock and exit codes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod calendar;
mod check;
mod completions;
mod explain;
mod init;
mod list;
mod man;
mod new;
mod output;
mod schema;
mod show;
mod specs;
mod test;
mod validate;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Clean (warnings and advice allowed unless `--deny warnings`).
    Clean = 0,
    /// Problems found in specs or applications.
    Findings = 1,
    /// Unusable input (unreadable, not UTF-8, not YAML, over a limit) or usage error.
    Unusable = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// Writes to standard output. A reader that went away (`callspec … | head`) is not an error
/// worth a panic: the rest of the output is dropped and the exit code stands.
pub fn out(text: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(text.as_bytes()).and_then(|()| o.flush());
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { Exit::Unusable } else { Exit::Clean };
            let _ = e.print();
            return code.into();
        }
    };
    let exit = match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Validate(a) => validate::run(&a),
        Command::Test(a) => test::run(&a),
        Command::Explain(a) => explain::run(&a),
        Command::Schema(a) => schema::run(&a),
        Command::Show(a) => show::run(&a),
        Command::Calendar(a) => calendar::run(&a),
        Command::List(a) => list::run(&a),
        Command::New(a) => new::run(&a),
        Command::Init(a) => init::run(&a),
        Command::Completions(a) => completions::run(&a),
        Command::Man => man::run(),
    };
    exit.into()
}
