//! Command-line interface. **Invariant:** the only code that touches clap, the terminal,
//! the file system's output side and exit codes. The clock is read in one place,
//! `batch::as_of`, when a run gives no `--as-of`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod calendar;
mod check;
mod completions;
mod diff;
mod explain;
mod form;
mod help_zh;
mod init;
mod list;
mod man;
mod migrate;
mod new;
mod output;
mod plan;
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

/// What happened to standard output: 0 fine, 1 the reader went away (`| head`), 2 a write
/// failed (a full disk, a closed descriptor).
static OUT_STATE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);
static OUT_ERROR: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Writes to standard output. A reader that went away (`callspec … | head`) ends the output
/// quietly; any other failure (a full disk, a closed descriptor) is remembered, and the run
/// then ends with exit code 2 and a message, so a truncated report never looks complete.
pub fn out(text: &str) {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    if OUT_STATE.load(Ordering::Relaxed) != 0 {
        return;
    }
    let mut o = std::io::stdout().lock();
    if let Err(e) = o.write_all(text.as_bytes()).and_then(|()| o.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            OUT_STATE.store(1, Ordering::Relaxed);
        } else {
            OUT_STATE.store(2, Ordering::Relaxed);
            *OUT_ERROR.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = e.to_string();
        }
    }
}

/// Prints a guide, calendar or list made from spec text: escaped like every other output
/// (its own CRLF line ends, as iCalendar has, kept).
pub fn out_text(text: &str) {
    if callspec::source::unsafe_char(&text.replace("\r\n", "\n")).is_none() {
        return out(text);
    }
    let lines: Vec<_> = text.split("\r\n").map(callspec::source::printable).collect();
    out(&lines.join("\r\n"));
}

/// The language of this run, set once its arguments are parsed.
static LANG: OnceLock<Lang> = OnceLock::new();

/// The language `--lang` asked for, when given (a plan's page is Chinese unless asked).
static ASKED: OnceLock<Option<Lang>> = OnceLock::new();

/// The language `--lang` asked for on this run's command line, if any.
pub fn asked_lang() -> Option<Lang> {
    ASKED.get().copied().flatten()
}

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
                    // clap echoes the arguments it refuses: escaped like every other text.
                    let text = e.render().to_string();
                    if callspec::source::unsafe_char(&text).is_some() {
                        let text = callspec::source::printable(&text);
                        if e.use_stderr() {
                            eprint!("{text}");
                        } else {
                            out(&text);
                        }
                    } else {
                        let _ = e.print();
                    }
                }
            }
            return code.into();
        }
    };
    let _ = LANG.set(args::lang(cli.lang));
    let _ = ASKED.set(cli.lang.map(|l| args::lang(Some(l))));
    let exit = match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Validate(a) => validate::run(&a),
        Command::Test(a) => test::run(&a),
        Command::Explain(a) => explain::run(&a),
        Command::Schema(a) => schema::run(&a),
        Command::Show(a) => show::run(&a),
        Command::Calendar(a) => calendar::run(&a),
        Command::List(a) => list::run(&a),
        Command::Plan(a) => plan::run(&a),
        Command::New(a) => new::run(&a),
        Command::Migrate(a) => migrate::run(&a),
        Command::Form(a) => form::run_form(&a),
        Command::Fill(a) => form::run_fill(&a),
        Command::Export(a) => form::run_export(&a),
        Command::Init(a) => init::run(&a),
        Command::Diff(a) => diff::run(&a),
        Command::Completions(a) => completions::run(&a),
        Command::Man(a) => man::run(&a),
    };
    if OUT_STATE.load(std::sync::atomic::Ordering::Relaxed) == 2 {
        let e = OUT_ERROR.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        eprintln!("error: writing the output failed ({e}); what was written is incomplete");
        return Exit::Unusable.into();
    }
    exit.into()
}
