//! The clap definitions of every subcommand and option.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Make funding calls (申报通知) machine-checkable: compile call specs and validate
/// application drafts against them.
///
/// Exit codes: 0 clean (warnings allowed), 1 problems found, 2 unusable input or usage.
#[derive(Debug, Parser)]
#[command(name = "callspec", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check call specs and report every authoring mistake.
    Check(CheckArgs),
    /// Check application drafts against their call and report every problem.
    Validate(ValidateArgs),
    /// Run example drafts that declare the findings they expect (`expect:`); fail on any difference.
    Test(TestArgs),
    /// Print the documentation of a finding code, or list all codes.
    Explain(ExplainArgs),
    /// Print the JSON Schema of spec files or application files.
    Schema(SchemaArgs),
    /// Print a call as an applicant's guide (Markdown or one HTML page), every item with its clause.
    Show(ShowArgs),
    /// Print every deadline and completion date of the calls, by date (text or iCalendar).
    Calendar(CalendarArgs),
    /// List the calls and their categories with amounts and quotas.
    List(ListArgs),
    /// Write a ready-to-fill application draft for one category of a call.
    New(NewArgs),
    /// Write a spec skeleton from a notice's plain text: its numbered clauses quoted, its
    /// metadata, the numbers it states as commented rule stubs.
    Init(InitArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Spec files or folders (searched for .yaml, .yml and .json files).
    #[arg(default_value = "specs")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Application files or folders (searched for .yaml, .yml and .json files).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Check every application against this spec file.
    #[arg(long, value_name = "FILE", conflicts_with = "call")]
    pub spec: Option<PathBuf>,
    /// Check every application against this call, looked up in the specs folder.
    #[arg(long, value_name = "ID")]
    pub call: Option<String>,
    /// Where to look up calls by id.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    pub specs: PathBuf,
    /// Judge deadlines at this moment in the call's time zone (`2025-04-21` or `2025-04-21 18:00`);
    /// default: now. Submissions declared in an application are judged at their own times.
    #[arg(long, value_name = "WHEN")]
    pub as_of: Option<callspec::values::When>,
    /// The files are every application the call received: also count applicants per
    /// category (minimum applicants, conditional deadline extensions).
    #[arg(long)]
    pub complete: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Only read and parse the files (a benchmark baseline).
    #[arg(long, hide = true)]
    pub parse_only: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Application files or folders; each file's `expect:` block declares its findings.
    #[arg(default_value = "examples")]
    pub paths: Vec<PathBuf>,
    /// Where to look up the calls the drafts name.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    pub specs: PathBuf,
    /// Check each PATH as one batch, with the rules across applications.
    #[arg(long)]
    pub batch: bool,
    /// With --batch: each PATH holds every application received (see `validate --complete`).
    #[arg(long, requires = "batch")]
    pub complete: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
    /// Language of messages (default: from LC_ALL, LC_MESSAGES or LANG; `zh…` is Chinese).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// One line per file, with the differences.
    Human,
    /// One JSON document.
    Json,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A finding code, e.g. `spec.tranches`.
    #[arg(required_unless_present = "list")]
    pub code: Option<String>,
    /// List every code with its one-line summary.
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema to print.
    #[arg(long, value_enum, default_value_t = SchemaKind::Spec)]
    pub kind: SchemaKind,
    /// Print the application schema of this call (its categories, KPIs and amounts), looked up
    /// in the specs folder.
    #[arg(long, value_name = "ID", conflicts_with = "kind")]
    pub call: Option<String>,
    /// Where to look up calls by id: a specs folder, or one spec file.
    #[arg(long, value_name = "DIR", default_value = "specs", requires = "call")]
    pub specs: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The call's id, e.g. `hangzhou-2025` (`callspec list` lists them).
    #[arg(long, value_name = "ID")]
    pub call: String,
    /// The category path applied for, e.g. `key/academic-society` (`callspec list` lists them).
    #[arg(long, value_name = "PATH")]
    pub category: String,
    /// Where to look up calls by id: a specs folder, or one spec file.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    pub specs: PathBuf,
    /// Write the draft to this file (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The notice's plain text in UTF-8, e.g. extracted from its PDF.
    pub notice: PathBuf,
    /// Write the spec to this file (default: standard output). Put the notice's text in the
    /// same folder or below it, where `notice.file` can name it.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The call's id (default: from FILE's name, or the notice's).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The call's id, e.g. `hangzhou-2025` (`callspec list` lists them).
    pub id: String,
    /// Where to look up calls by id: a specs folder, or one spec file.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    pub specs: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GuideFormat::Md)]
    pub format: GuideFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GuideFormat {
    /// Markdown (CommonMark with tables).
    Md,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The specs folder, or one spec file.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    pub specs: PathBuf,
    /// Print RFC 5545 iCalendar (for calendar programs) instead of a table.
    #[arg(long)]
    pub ics: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The specs folder, or one spec file.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    pub specs: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    Spec,
    Application,
    Plan,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Treat warnings as failures (exit 1).
    #[arg(long, value_name = "warnings")]
    pub deny: Option<Deny>,
    /// Hide advice (review preferences, unused clauses).
    #[arg(long)]
    pub no_advice: bool,
    /// Language of messages (default: from LC_ALL, LC_MESSAGES or LANG; `zh…` is Chinese).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// The language of messages; codes, `explain` and `--help` stay English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 简体中文.
    Zh,
    /// English.
    En,
}

/// The language asked for, or the environment's.
pub fn lang(arg: Option<LangArg>) -> callspec::i18n::Lang {
    match arg {
        Some(LangArg::Zh) => callspec::i18n::Lang::Zh,
        Some(LangArg::En) => callspec::i18n::Lang::En,
        None => callspec::i18n::Lang::from_env(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Rendered diagnostics with source snippets.
    Human,
    /// One JSON document (see README for its shape).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations on file, line and column).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Largest input file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 8 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Deepest nesting of mappings and lists.
    #[arg(long, value_name = "LEVELS", default_value_t = 64)]
    pub max_depth: usize,
    /// Most YAML nodes per file, aliases expanded.
    #[arg(long, value_name = "NODES", default_value_t = 50_000)]
    pub max_nodes: usize,
}

impl LimitArgs {
    pub fn limits(&self) -> callspec::source::Limits {
        callspec::source::Limits {
            max_file_bytes: self.max_file_size,
            max_depth: self.max_depth,
            max_nodes: self.max_nodes,
            ..Default::default()
        }
    }
}
