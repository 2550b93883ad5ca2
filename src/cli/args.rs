//! The clap definitions of every subcommand and option.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Make funding calls (申报通知) machine-checkable: compile call specs and validate
/// application drafts against them.
///
/// Exit codes: 0 clean (warnings allowed), 1 problems found, 2 unusable input or usage.
#[derive(Debug, Parser)]
#[command(name = "callspec", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Language of messages and help (default: from LC_ALL, LC_MESSAGES or LANG; `zh…` is Chinese).
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub lang: Option<LangArg>,
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
    /// Print a call as an applicant's guide, or a work plan as a page (Markdown or one HTML
    /// page), every item with its clause. The guide is in Chinese, as the notice is; the
    /// language of messages follows `--lang`, and so does a plan's page when it is given.
    Show(ShowArgs),
    /// Print every deadline and completion date of the calls, by date (text or iCalendar).
    Calendar(CalendarArgs),
    /// List the calls and their categories with amounts and quotas, and the work plans.
    List(ListArgs),
    /// Hold calls and drafts against a work plan (工作要点): which programmes a call's
    /// categories implement, which priorities a draft serves.
    Plan(PlanArgs),
    /// Write a ready-to-fill application draft for one category of a call.
    New(NewArgs),
    /// Rewrite a version 1 spec as version 2, keeping its comments and layout.
    Migrate(MigrateArgs),
    /// Write the call's application form (申报书) for one category as a Word document.
    Form(FormArgs),
    /// Write the Word form filled from a YAML or JSON draft.
    Fill(FillArgs),
    /// Print the draft read from a Word form, as YAML or JSON.
    Export(ExportArgs),
    /// Write a spec skeleton from a notice's plain text: its numbered clauses quoted, its
    /// metadata, the numbers it states as commented rule stubs.
    Init(InitArgs),
    /// Compare two versions of calls, and which drafts change verdict.
    ///
    /// OLD and NEW are spec files, folders (with supplementary notices) or built-in call ids.
    /// Every rule that differs is listed with the clause before and after; with `--drafts`, the
    /// drafts whose verdict or findings change. Exit codes as diff(1): 0 no difference, 1
    /// differences, 2 trouble.
    Diff(DiffArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand into a folder.
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Spec files or folders (searched for .yaml, .yml and .json files; application drafts
    /// among them are left out). Default: the built-in specs.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Application files or folders (searched for .yaml, .yml, .json and .docx files).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Check every application against this spec file.
    #[arg(long, value_name = "FILE", conflicts_with = "call")]
    pub spec: Option<PathBuf>,
    /// Check every application against this call (built in, or from `--specs`).
    #[arg(long, value_name = "ID")]
    pub call: Option<String>,
    /// More specs to look up calls in, beside the built-in ones: a folder or one spec file (a
    /// call with a built-in call's id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// Judge deadlines at this moment in the call's time zone (`2025-04-21` or `2025-04-21 18:00`);
    /// default: now. Submissions declared in an application are judged at their own times.
    #[arg(long, value_name = "WHEN")]
    pub as_of: Option<callspec::values::When>,
    /// The files are every application the call received: also count applicants per
    /// category (minimum applicants, conditional deadline extensions).
    #[arg(long)]
    pub complete: bool,
    /// Worker threads (default: one per core; at most 256).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256).map(|v| v as usize))]
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
pub struct DiffArgs {
    /// The old version: a spec file, a folder of specs and supplementary notices, or the id of a
    /// built-in call.
    pub old: String,
    /// The new version: as OLD (a folder holding only a supplementary notice amends the built-in
    /// call it names).
    pub new: String,
    /// Validate the drafts of this folder against both versions and list those that change.
    #[arg(long, value_name = "DIR")]
    pub drafts: Option<PathBuf>,
    /// Judge the drafts' deadlines at this moment (`2025-04-21` or `2025-04-21 18:00`); default:
    /// now. A draft's `expect.as_of` fixes its own.
    #[arg(long, value_name = "WHEN", requires = "drafts")]
    pub as_of: Option<callspec::values::When>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Grouped text, one change a few lines.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Application files or folders; each file's `expect:` block declares its findings.
    #[arg(default_value = "examples")]
    pub paths: Vec<PathBuf>,
    /// More specs to look up the calls the drafts name in, beside the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// Check each PATH as one batch, with the rules across applications.
    #[arg(long)]
    pub batch: bool,
    /// With --batch: each PATH holds every application received (see `validate --complete`).
    #[arg(long, requires = "batch")]
    pub complete: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
    /// Language of messages and help (default: from LC_ALL, LC_MESSAGES or LANG; `zh…` is Chinese).
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
    /// among the built-in specs and `--specs`.
    #[arg(long, value_name = "ID", conflicts_with = "kind")]
    pub call: Option<String>,
    /// More specs beside the built-in ones: a folder or one spec file (a call with a built-in
    /// call's id replaces it).
    #[arg(long, value_name = "DIR", requires = "call")]
    pub specs: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The call's id, e.g. `hangzhou-2025` (`callspec list` lists them).
    #[arg(long, value_name = "ID")]
    pub call: String,
    /// The category path applied for, e.g. `key/academic-society` (`callspec list` lists them).
    #[arg(long, value_name = "PATH")]
    pub category: String,
    /// More specs beside the built-in ones: a folder or one spec file (a call with a built-in
    /// call's id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// Write the draft to this file (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct FormArgs {
    /// The call's id, e.g. `hangzhou-2025` (`callspec list` lists them).
    #[arg(long, value_name = "ID")]
    pub call: String,
    /// The category path applied for, e.g. `key/academic-society` (`callspec list` lists them).
    #[arg(long, value_name = "PATH")]
    pub category: String,
    /// A specs folder or spec file to use besides the built-in calls (a call with the id of a
    /// built-in one replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// The Word file to write (.docx).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct FillArgs {
    /// The draft (YAML or JSON) to fill the form from.
    pub draft: PathBuf,
    /// The call, when the draft does not name it (`call:`).
    #[arg(long, value_name = "ID")]
    pub call: Option<String>,
    /// A specs folder or spec file to use besides the built-in calls (a call with the id of a
    /// built-in one replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// The Word file to write (.docx).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The Word form (.docx) to read.
    pub form: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Yaml)]
    pub format: ExportFormat,
    /// Write to this file (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A YAML draft.
    Yaml,
    /// A JSON draft.
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The call's id, e.g. `hangzhou-2025`, or a work plan's (`callspec list` lists them).
    pub id: String,
    /// More specs beside the built-in ones: a folder or one spec file (a call with a built-in
    /// call's id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GuideFormat::Md)]
    pub format: GuideFormat,
    /// Show only this category: its path, full name or own name (`国际交流助力产业发展行动`).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned text table.
    Text,
    /// One JSON document: the calls, each with its categories.
    Json,
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
    /// More specs beside the built-in ones: a folder or one spec file (a call with a built-in
    /// call's id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// Print RFC 5545 iCalendar (for calendar programs) instead of a table.
    #[arg(long)]
    pub ics: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// List only this call's categories, or this work plan's priorities.
    #[arg(long, value_name = "ID")]
    pub call: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// More specs beside the built-in ones: a folder or one spec file (a call with a built-in
    /// call's id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub command: PlanCommand,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// A table of the plan's programmes against a call's categories: the categories that
    /// implement each (`implements:`), and those that implement none.
    Coverage(CoverageArgs),
    /// The priorities of a plan each draft serves, each with the passage that matched and the
    /// plan's clause; no call is needed (advice, exit 0).
    Align(AlignArgs),
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The plan's id, e.g. `hangzhou-2026-plan` (`callspec list` lists them).
    #[arg(long, value_name = "ID")]
    pub plan: String,
    /// The call's id, e.g. `hangzhou-2025`; it must name the plan (`call.plan`).
    #[arg(long, value_name = "ID")]
    pub call: String,
    /// More specs and plans beside the built-in ones: a folder or one file (one with a
    /// built-in id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
    pub format: CoverageFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    /// An aligned text table.
    Text,
    /// A Markdown table.
    Md,
    /// One JSON document.
    Json,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The plan's id, e.g. `hangzhou-2026-plan` (`callspec list` lists them).
    #[arg(long, value_name = "ID")]
    pub plan: String,
    /// Drafts (YAML or JSON: the project's name, summary, content, basis and outcomes are read),
    /// plain texts (.txt, .md), or folders (searched for .yaml, .yml and .json files).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// More specs and plans beside the built-in ones: a folder or one file (one with a
    /// built-in id replaces it).
    #[arg(long, value_name = "DIR")]
    pub specs: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `callspec.1` and one `callspec-<subcommand>.1` per subcommand into this folder
    /// (created if missing) instead of printing the main page.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
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
    /// Language of messages and help (default: from LC_ALL, LC_MESSAGES or LANG; `zh…` is Chinese).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// The language of messages and help; codes, keys and ids stay as they are.
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

/// The language `--lang` asks for in the raw arguments (`--lang zh`, `--lang=zh`), read before
/// parsing so that `--help` and usage errors come in it; `None` when it is not given (or not
/// `zh`/`en`, which the parser then reports).
pub fn lang_in(argv: &[std::ffi::OsString]) -> Option<callspec::i18n::Lang> {
    let mut it = argv.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(a) = it.next() {
        let value = match a {
            "--" => return None,
            "--lang" => it.next()?,
            _ => match a.strip_prefix("--lang=") {
                Some(v) => v,
                None => continue,
            },
        };
        return match value {
            "zh" => Some(callspec::i18n::Lang::Zh),
            "en" => Some(callspec::i18n::Lang::En),
            _ => None,
        };
    }
    None
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
pub struct MigrateArgs {
    /// Version 1 spec files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Rewrite the files in place (each is replaced whole, never left half-written); without
    /// it, the migrated text of one file is printed.
    #[arg(long)]
    pub write: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Largest input file read, in bytes (at most 268435456, 256 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = 8 * 1024 * 1024,
          value_parser = clap::value_parser!(u64).range(1..=callspec::source::MAX_FILE_BYTES_CEILING))]
    pub max_file_size: u64,
    /// Deepest nesting of mappings and lists (at most 1000).
    #[arg(long, value_name = "LEVELS", default_value_t = 64,
          value_parser = clap::value_parser!(u64).range(1..=callspec::source::MAX_DEPTH_CEILING as u64).map(|v| v as usize))]
    pub max_depth: usize,
    /// Most YAML nodes per file, aliases expanded (at most 1000000).
    #[arg(long, value_name = "NODES", default_value_t = 50_000,
          value_parser = clap::value_parser!(u64).range(1..=callspec::source::MAX_NODES_CEILING as u64).map(|v| v as usize))]
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
