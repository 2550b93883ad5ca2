//! Printing findings and summaries in the chosen format, and the exit code they imply.

use std::io::IsTerminal;

use callspec::diagnostics::{Finding, Severity, Tally};
use callspec::render::{self, Style};

use super::Exit;
use super::args::{Color, Deny, Format, OutputArgs};

pub struct Printer<'a> {
    args: &'a OutputArgs,
    style: Style,
}

impl<'a> Printer<'a> {
    pub fn new(args: &'a OutputArgs) -> Self {
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        };
        Self { args, style: Style { color, width: 100 } }
    }

    /// Drops what the options hide.
    pub fn keep(&self, findings: Vec<Finding>) -> Vec<Finding> {
        if self.args.no_advice { findings.into_iter().filter(|f| f.severity != Severity::Advice).collect() } else { findings }
    }

    /// Prints the findings and a closing summary line; returns the exit code.
    pub fn finish(&self, findings: &[Finding], files: usize, what: &str) -> Exit {
        let tally = Tally::of(findings);
        let unusable = findings.iter().any(Finding::is_unusable_input);
        let failed = tally.errors > 0 || (self.args.deny == Some(Deny::Warnings) && tally.warnings > 0);
        let exit = if unusable {
            Exit::Unusable
        } else if failed {
            Exit::Findings
        } else {
            Exit::Clean
        };
        match self.args.format {
            Format::Human => {
                let text = render::human_all(findings, self.style);
                if !text.is_empty() {
                    super::out(&format!("{text}\n"));
                }
                super::out(&format!("{}\n", summary(&tally, files, what, exit)));
            }
            Format::Json => {
                let doc = render::json(findings, files, exit as i32);
                super::out(&format!("{}\n", serde_json::to_string_pretty(&doc).expect("JSON serialises")));
            }
        }
        exit
    }
}

fn summary(t: &Tally, files: usize, what: &str, exit: Exit) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let verdict = match exit {
        Exit::Clean => "ok",
        Exit::Findings => "failed",
        Exit::Unusable => "failed (unusable input)",
    };
    format!(
        "{verdict}: {} checked; {}, {}, {}",
        plural(files, what, &format!("{what}s")),
        plural(t.errors, "error", "errors"),
        plural(t.warnings, "warning", "warnings"),
        plural(t.advice, "advice", "advice"),
    )
}
