//! Command-line interface. **Invariant:** the only code that touches clap, the terminal,
//! the file system's output side, the clock and exit codes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod calendar;
mod check;
mod completions;
mod explain;
mod help_zh;
mod list;
mod man;
mod migrate;
mod new;
mod output;
mod schema;
mod show;
mod specs;
mod test;
mod validate;

use std::process::ExitCode;
use std::sync::OnceLock;

use clap::FromArgMatches;

use callspec::i18n::{Lang, Text};

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

/// The language of this run, set once its arguments are parsed.
static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run's messages: `--lang`, else the environment's.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_else(Lang::from_env)
}

/// A text in this run's language.
pub fn say(t: Text) -> String {
    match lang() {
        Lang::En => t.en,
        Lang::Zh => t.zh,
    }
}

pub fn main() -> ExitCode {
    // The language is known before parsing, so that `--help` is written in it.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = args::lang_in(&argv).unwrap_or_else(Lang::from_env);
    let mut cmd = help_zh::command(asked);
    let parsed = cmd.try_get_matches_from_mut(argv).and_then(|mut m| Cli::from_arg_matches_mut(&mut m).map_err(|e| e.format(&mut cmd)));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { Exit::Unusable } else { Exit::Clean };
            match help_zh::error(&e).filter(|_| asked == Lang::Zh && e.use_stderr()) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return code.into();
        }
    };
    let _ = LANG.set(args::lang(cli.lang));
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
        Command::Migrate(a) => migrate::run(&a),
        Command::Completions(a) => completions::run(&a),
        Command::Man(a) => man::run(&a),
    };
    exit.into()
}
