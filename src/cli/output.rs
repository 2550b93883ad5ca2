//! Printing findings and summaries in the chosen format, and the exit code they imply.
//!
//! Output is streamed: [`Printer::begin`], then one [`Printer::piece`] list per file (made on
//! worker threads) written with [`Stream::write`] in input order, then [`Printer::end`] with
//! the findings across files and the closing summary. Every format is valid at every size
//! without holding the whole report in memory.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use callspec::batch::CategoryCount;
use callspec::diagnostics::{Finding, Severity, Tally};
use callspec::i18n::Lang;
use callspec::render::{self, Style};

use super::Exit;
use super::args::{self, Color, Deny, Format, OutputArgs};

pub struct Printer<'a> {
    args: &'a OutputArgs,
    style: Style,
}

/// What the closing summary says.
pub struct Summary {
    pub files: usize,
    /// Each file with its tally and whether it was unusable, for the JSON report's `files`.
    pub verdicts_by_file: Vec<(String, Tally, bool)>,
    /// What a file is called in the summary line.
    pub what: What,
    /// Files by verdict, when each file is judged on its own (validate).
    pub verdicts: Option<(usize, usize, usize)>,
    pub categories: Option<BTreeMap<String, CategoryCount>>,
}

/// The kind of files a run checks.
#[derive(Debug, Clone, Copy)]
pub enum What {
    Spec,
    Application,
}

impl What {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (What::Spec, Lang::En) => "spec file",
            (What::Application, Lang::En) => "application file",
            (What::Spec, Lang::Zh) => "规范文件",
            (What::Application, Lang::Zh) => "申报文件",
        }
    }
}

/// The state of one run's output.
pub struct Stream {
    first: bool,
    pub tally: Tally,
    pub unusable: bool,
}

impl<'a> Printer<'a> {
    pub fn new(args: &'a OutputArgs) -> Self {
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        };
        Self { args, style: Style { color, width: 100, lang: args::lang(args.lang) } }
    }

    /// Starts the output.
    pub fn begin(&self) -> Stream {
        match self.args.format {
            Format::Json => super::out("{\"version\":1,\"findings\":[\n"),
            Format::Sarif => super::out(&render::sarif_begin()),
            Format::Human | Format::Github => {}
        }
        Stream { first: true, tally: Tally::default(), unusable: false }
    }

    /// One file's findings, rendered (callable from any thread), with their tally and whether
    /// they make the input unusable. What the options hide is dropped first.
    pub fn pieces(&self, mut findings: Vec<Finding>) -> (Vec<String>, Tally, bool) {
        findings.retain(|f| self.shows(f));
        let tally = Tally::of(&findings);
        let unusable = findings.iter().any(Finding::is_unusable_input);
        let pieces = findings
            .iter()
            .map(|f| match self.args.format {
                Format::Human => render::human(f, self.style),
                Format::Json => render::json_text(f, self.style.lang),
                Format::Sarif => render::to_json(&render::sarif_result(f, self.style.lang)),
                Format::Github => render::github(f, self.style.lang),
            })
            .collect();
        (pieces, tally, unusable)
    }

    /// Whether the options let a finding through (`--no-advice` hides advice).
    pub fn shows(&self, f: &Finding) -> bool {
        !(self.args.no_advice && f.severity == Severity::Advice)
    }

    /// The heading before `n` findings across applications (human output only).
    pub fn across_header(&self, stream: &mut Stream, n: usize) {
        if n > 0 && self.args.format == Format::Human {
            let header = match self.style.lang {
                Lang::En => format!("across applications: {n} finding(s)\n"),
                Lang::Zh => format!("跨申报书检查：{n} 项\n"),
            };
            stream.write(self, vec![header]);
        }
    }

    /// Ends the output: findings across files, the summary; returns the exit code.
    pub fn end(&self, stream: &mut Stream, across: Vec<Finding>, summary: &Summary) -> Exit {
        let (pieces, _, unusable) = self.pieces(across);
        stream.unusable |= unusable;
        self.across_header(stream, pieces.len());
        stream.write(self, pieces);
        let exit = self.exit(stream);
        let t = &stream.tally;
        match self.args.format {
            Format::Human | Format::Github => {
                let mut text = String::new();
                if self.args.format == Format::Human && !stream.first {
                    text.push('\n');
                }
                if let Some(cats) = summary.categories.as_ref().filter(|_| summary.files > 1) {
                    text.push_str(&categories_table(cats, self.style.lang));
                }
                text.push_str(&summary_line(t, summary, exit, self.style.lang));
                text.push('\n');
                super::out(&text);
            }
            Format::Json => {
                let mut s = serde_json::json!({ "errors": t.errors, "warnings": t.warnings, "advice": t.advice });
                if let Some((valid, warned, invalid)) = summary.verdicts {
                    s["valid"] = valid.into();
                    s["with_warnings"] = warned.into();
                    s["invalid"] = invalid.into();
                }
                if let Some(cats) = &summary.categories {
                    s["categories"] = cats
                        .iter()
                        .map(|(k, c)| {
                            (k.clone(), serde_json::json!({ "valid": c.valid, "with_warnings": c.warnings, "invalid": c.invalid }))
                        })
                        .collect::<serde_json::Map<_, _>>()
                        .into();
                }
                let deny = self.args.deny == Some(Deny::Warnings);
                let files: Vec<serde_json::Value> = summary
                    .verdicts_by_file
                    .iter()
                    .map(|(file, t, unusable)| {
                        let verdict = if *unusable {
                            "unusable"
                        } else if t.errors > 0 || (deny && t.warnings > 0) {
                            "invalid"
                        } else if t.warnings > 0 {
                            "with_warnings"
                        } else {
                            "valid"
                        };
                        serde_json::json!({ "file": file, "verdict": verdict, "errors": t.errors, "warnings": t.warnings, "advice": t.advice })
                    })
                    .collect();
                let files = render::to_json(&serde_json::Value::from(files));
                let s = render::to_json(&s);
                super::out(&format!("\n],\"files\":{files},\"exit_code\":{},\"summary\":{s}}}\n", exit as i32));
            }
            Format::Sarif => super::out(&format!("{}\n", render::sarif_end(exit as i32, self.style.lang, &callspec::registry::all()))),
        }
        exit
    }

    fn exit(&self, stream: &Stream) -> Exit {
        let t = &stream.tally;
        if stream.unusable {
            Exit::Unusable
        } else if t.errors > 0 || (self.args.deny == Some(Deny::Warnings) && t.warnings > 0) {
            Exit::Findings
        } else {
            Exit::Clean
        }
    }

    /// Prints a whole set of findings at once (what `check` does).
    /// `files` are the files checked, in order; each finding is counted on the file it names.
    pub fn all(&self, findings: Vec<Finding>, files: &[String], what: What) -> Exit {
        let mut stream = self.begin();
        let mut by_file: Vec<(String, Tally, bool)> = files.iter().map(|f| (f.clone(), Tally::default(), false)).collect();
        for f in findings.iter().filter(|f| self.shows(f)) {
            let name = f.file.as_deref().map(|s| s.name.as_str());
            if let Some(entry) = by_file.iter_mut().find(|(n, _, _)| Some(n.as_str()) == name) {
                entry.1.count(f.severity);
                entry.2 |= f.is_unusable_input();
            }
        }
        let (pieces, tally, unusable) = self.pieces(findings);
        stream.add(tally, unusable);
        stream.write(self, pieces);
        let summary = Summary { files: files.len(), verdicts_by_file: by_file, what, verdicts: None, categories: None };
        self.end(&mut stream, Vec::new(), &summary)
    }
}

impl Stream {
    /// Counts one file's findings.
    pub fn add(&mut self, t: Tally, unusable: bool) {
        self.tally.errors += t.errors;
        self.tally.warnings += t.warnings;
        self.tally.advice += t.advice;
        self.unusable |= unusable;
    }

    /// Writes rendered pieces with the format's separators.
    pub fn write(&mut self, printer: &Printer, pieces: Vec<String>) {
        if pieces.is_empty() {
            return;
        }
        let mut text = String::new();
        for p in pieces {
            if !self.first {
                match printer.args.format {
                    Format::Human => text.push('\n'),
                    Format::Json => text.push_str(",\n"),
                    Format::Sarif => text.push(','),
                    Format::Github => {}
                }
            }
            self.first = false;
            text.push_str(&p);
        }
        super::out(&text);
    }
}

fn categories_table(cats: &BTreeMap<String, CategoryCount>, lang: Lang) -> String {
    let width = cats.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut out = String::from(match lang {
        Lang::En => "by category:\n",
        Lang::Zh => "按类别：\n",
    });
    for (k, c) in cats {
        let pad = " ".repeat(width - k.chars().count());
        let k = callspec::source::printable(k);
        out.push_str(&match lang {
            Lang::En => format!("  {k}{pad}  {:>6} valid  {:>6} with warnings  {:>6} invalid\n", c.valid, c.warnings, c.invalid),
            Lang::Zh => format!("  {k}{pad}  合格 {:>6}  有警告 {:>6}  不合格 {:>6}\n", c.valid, c.warnings, c.invalid),
        });
    }
    out
}

fn summary_line(t: &Tally, s: &Summary, exit: Exit, lang: Lang) -> String {
    if lang == Lang::Zh {
        return summary_line_zh(t, s, exit);
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let verdict = match exit {
        Exit::Clean => "ok",
        Exit::Findings => "failed",
        Exit::Unusable => "failed (unusable input)",
    };
    let what = s.what.name(Lang::En);
    let files = plural(s.files, what, &format!("{what}s"));
    let files = match s.verdicts {
        Some((valid, warned, invalid)) if s.files > 1 => {
            format!("{files} checked ({valid} valid, {warned} with warnings, {invalid} invalid)")
        }
        _ => format!("{files} checked"),
    };
    format!(
        "{verdict}: {files}; {}, {}, {}",
        plural(t.errors, "error", "errors"),
        plural(t.warnings, "warning", "warnings"),
        plural(t.advice, "advice", "advice"),
    )
}

fn summary_line_zh(t: &Tally, s: &Summary, exit: Exit) -> String {
    let verdict = match exit {
        Exit::Clean => "通过",
        Exit::Findings => "未通过",
        Exit::Unusable => "未通过（输入无法使用）",
    };
    let files = format!("检查了 {} 个{}", s.files, s.what.name(Lang::Zh));
    let files = match s.verdicts {
        Some((valid, warned, invalid)) if s.files > 1 => format!("{files}（{valid} 个合格，{warned} 个有警告，{invalid} 个不合格）"),
        _ => files,
    };
    format!("{verdict}：{files}；{} 个错误，{} 个警告，{} 条建议", t.errors, t.warnings, t.advice)
}
