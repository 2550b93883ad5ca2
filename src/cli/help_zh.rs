//! `--help` in Chinese. clap has no localisation, so when the run's language is Chinese
//! (`--lang zh`, or a `zh…` locale; read from the raw arguments before parsing) the command is
//! built as usual and its texts are then replaced by the ones below: each subcommand's about
//! text, each argument's help, clap's own headings, the usage line, and the texts of the
//! built-in `--help`, `--version` and `help`. Default values are appended in Chinese; the
//! possible values are named in each text instead of clap's English list.
//!
//! Usage errors are told in Chinese too ([`error`]): an unknown option or subcommand, an invalid
//! value, a missing or conflicting argument; rarer ones keep clap's English.
//!
//! What stays English: the value names (`FILE`, `ID`, `DIR`), option names and possible values,
//! clap's rarer errors, and the man pages and completion scripts (generated once and installed,
//! from the English definitions).

use clap::{Command, CommandFactory};

use callspec::i18n::Lang;

use super::args::Cli;

/// The command line in a language: the clap definitions as written (English), or with every
/// text in Chinese.
pub fn command(lang: Lang) -> Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Zh => {
            let mut cmd = Cli::command().subcommand_value_name("命令").subcommand_help_heading("命令");
            // Built first, so that clap's own `--help`, `--version` and `help` exist to be translated.
            cmd.build();
            localise(&mut cmd, "");
            cmd
        }
    }
}

/// What a subcommand does (`""`: the program).
const ABOUT: &[(&str, &str)] = &[
    ("", "让申报通知可由机器检查：编译通知的申报规范文件，并按规范校验申报书草稿。"),
    ("check", "检查申报规范文件，报告全部编写错误。"),
    ("validate", "按所属通知检查申报书草稿，报告全部问题。"),
    ("test", "运行声明了预期问题（`expect:`）的示例草稿；与预期有任何不同即失败。"),
    ("explain", "显示某个问题代码的说明，或列出全部代码。"),
    ("schema", "输出规范文件或申报书的 JSON 模式。"),
    ("show", "将通知或工作要点输出为指南（Markdown 或 HTML 页面），每项附所依据的条款。指南用中文书写；`--lang` 设定提示信息的语言。"),
    ("calendar", "按日期列出各通知的全部截止时间和完成日期（文本或 iCalendar）。"),
    ("list", "列出各通知及其类别，含资助额度和立项数，以及各工作要点。"),
    ("plan", "将通知和草稿与工作要点对照：通知的类别承接了哪些计划，草稿服务于哪些重点任务。"),
    ("coverage", "列出工作要点的各项计划与通知类别的对照表：承接每项计划的类别（`implements:`），以及未承接任何重点任务的类别。"),
    ("align", "列出每份草稿服务于工作要点的哪些重点任务，并附相符的段落和工作要点原文；无需通知（建议，退出码 0）。"),
    ("new", "为通知的某个类别生成待填写的申报书草稿。"),
    ("migrate", "将第 1 版规范文件改写为第 2 版，保留其注释和排版。"),
    ("form", "将通知某个类别的申报书写成 Word 文档。"),
    ("fill", "用 YAML 或 JSON 草稿填写 Word 申报书。"),
    ("export", "输出从 Word 申报书读出的草稿（YAML 或 JSON）。"),
    ("init", "由通知的纯文本生成规范文件框架：引用其编号条款，写出其基本信息，并将文中数字写成注释掉的规则草稿。"),
    ("diff", "比较通知的两个版本，及结论有变化的申报书；退出码同 diff(1)：0 相同，1 有不同，2 出错。"),
    ("completions", "输出命令行补全脚本。"),
    ("man", "输出手册页（roff），或在文件夹中为每个子命令各写一页。"),
    ("help", "显示本帮助，或指定子命令的帮助。"),
];

/// The program's long description (`callspec --help`).
const LONG_ABOUT: &str = "让申报通知可由机器检查：编译通知的申报规范文件，并按规范校验申报书草稿。\n\n\
                          退出码：0 通过（允许警告），1 发现问题，2 输入无法使用或用法错误。";

/// Each argument's help: (subcommand, argument id, text); `*` stands for every subcommand that
/// has the argument, a named subcommand's own text comes first.
const ARGS: &[(&str, &str, &str)] = &[
    ("check", "paths", "规范文件或文件夹（查找其中的 .yaml、.yml 和 .json 文件；其中的申报书草稿不计入）。默认：内置的规范文件。"),
    ("validate", "files", "申报书文件或文件夹（查找其中的 .yaml、.yml 和 .json 文件）。"),
    ("validate", "spec", "按此规范文件检查全部申报书。"),
    ("validate", "call", "按此通知（内置的，或来自 `--specs`）检查全部申报书。"),
    (
        "validate",
        "as_of",
        "在通知所在时区按此时刻判断截止时间（`2025-04-21` 或 `2025-04-21 18:00`）；默认：现在。申报书中声明的提交按其各自的时间判断。",
    ),
    ("validate", "complete", "这些文件即通知收到的全部申报：同时按类别统计申报单位（最少申报单位数、附条件的截止时间延长）。"),
    ("validate", "jobs", "工作线程数（默认：每个处理器核心一个）。"),
    ("test", "paths", "申报书文件或文件夹；每个文件的 `expect:` 块声明其预期问题。"),
    ("test", "specs", "内置规范文件之外，再查找草稿所指通知的规范文件：一个文件夹或一个规范文件。"),
    ("test", "batch", "把每个路径作为一批检查，包括跨申报书的规则。"),
    ("test", "complete", "与 `--batch` 同用：每个路径包含收到的全部申报（见 `validate --complete`）。"),
    ("test", "format", "输出格式：human（每个文件一行，附差异）或 json（一个 JSON 文档）。"),
    ("explain", "code", "问题代码，如 `spec.tranches`。"),
    ("explain", "list", "列出全部代码及其一行说明。"),
    ("schema", "kind", "输出哪种模式：spec（规范文件）、application（申报书）或 plan（工作要点）。"),
    ("schema", "call", "输出此通知的申报书模式（含其类别、绩效指标和金额），在内置规范文件和 `--specs` 中查找。"),
    ("new", "call", "通知编号，如 `hangzhou-2025`（`callspec list` 会列出）。"),
    ("new", "category", "申报的类别：类别路径如 `key/academic-society`，或类别名称（`callspec list` 会列出）。"),
    ("new", "output", "将草稿写入此文件（默认：标准输出）。"),
    ("new", "force", "文件已存在时覆盖它。"),
    ("show", "id", "通知编号，如 `hangzhou-2025`，或工作要点编号（`callspec list` 会列出）。"),
    ("show", "format", "输出格式：md（Markdown，含表格）或 html（单个自包含的 HTML 页面）。"),
    ("show", "category", "只显示此类别：类别路径、全称或自身名称（`国际交流助力产业发展行动`）。"),
    ("calendar", "ics", "输出 RFC 5545 iCalendar（供日历程序使用），而不是表格。"),
    ("list", "call", "只列出此通知的类别，或此工作要点的重点任务。"),
    ("coverage", "plan", "工作要点编号，如 `hangzhou-2026-plan`（`callspec list` 会列出）。"),
    ("coverage", "call", "通知编号，如 `hangzhou-2025`；该通知须指明此工作要点（`call.plan`）。"),
    ("coverage", "format", "输出格式：text（对齐的文本表格）、md（Markdown 表格）或 json（一个 JSON 文档）。"),
    ("align", "plan", "工作要点编号，如 `hangzhou-2026-plan`（`callspec list` 会列出）。"),
    (
        "align",
        "files",
        "申报书草稿（YAML 或 JSON：读取项目名称、摘要、内容、依据和成果）、纯文本（.txt、.md），或文件夹（查找其中的 .yaml、.yml 和 .json 文件）。",
    ),
    ("diff", "old", "旧版本：规范文件、含规范文件和补充通知的文件夹，或内置通知的编号。"),
    ("diff", "new", "新版本：同 OLD（只含补充通知的文件夹修订其所指的内置通知）。"),
    ("diff", "drafts", "按两个版本分别检查此文件夹中的申报书，列出有变化的申报书。"),
    (
        "diff",
        "as_of",
        "按此时刻判断申报书的截止时间（`2025-04-21` 或 `2025-04-21 18:00`）；默认：现在。申报书的 `expect.as_of` 决定其自身的时刻。",
    ),
    ("diff", "format", "输出格式：text（分组的文本）或 json（一个 JSON 文档）。"),
    ("list", "format", "输出格式：text（对齐的文本表格）或 json（一个 JSON 文档：各通知及其类别）。"),
    ("man", "dir", "将 `callspec.1` 和每个子命令的 `callspec-<子命令>.1` 写入此文件夹（不存在则创建），而不是输出主手册页。"),
    ("completions", "shell", "补全脚本所用的 shell：bash、elvish、fish、powershell 或 zsh。"),
    ("migrate", "files", "第 1 版规范文件。"),
    ("migrate", "write", "就地改写这些文件（每个文件整体替换，绝不留下写了一半的文件）；不加此项时，输出一个文件改写后的文本。"),
    ("form", "call", "通知编号，如 `hangzhou-2025`（`callspec list` 会列出）。"),
    ("form", "category", "申报的类别路径，如 `key/academic-society`（`callspec list` 会列出）。"),
    ("form", "output", "要写入的 Word 文件（.docx）。"),
    ("form", "force", "文件已存在时覆盖它。"),
    ("fill", "draft", "用来填写申报书的草稿（YAML 或 JSON）。"),
    ("fill", "call", "草稿未写明通知（`call:`）时所属的通知。"),
    ("fill", "output", "要写入的 Word 文件（.docx）。"),
    ("fill", "force", "文件已存在时覆盖它。"),
    ("export", "form", "要读取的 Word 申报书（.docx）。"),
    ("export", "format", "输出格式：yaml（YAML 草稿）或 json（JSON 草稿）。"),
    ("export", "output", "写入此文件（默认：标准输出）。"),
    ("export", "force", "文件已存在时覆盖它。"),
    ("init", "notice", "通知的 UTF-8 纯文本，例如从其 PDF 中提取的文本。"),
    ("init", "output", "将规范文件写入此文件（默认：标准输出）。请把通知文本放在同一文件夹或其下级文件夹中，以便 `notice.file` 指明它。"),
    ("init", "id", "通知编号（默认：取自文件名或通知本身）。"),
    ("init", "force", "文件已存在时覆盖它。"),
    ("help", "subcommand", "要显示帮助的子命令。"),
    ("*", "specs", "内置规范文件之外的规范文件：一个文件夹或一个规范文件（与内置通知编号相同的通知将替换它）。"),
    (
        "*",
        "format",
        "输出格式：human（带源码片段的诊断）、json（一个 JSON 文档，结构见 README）、sarif（SARIF 2.1.0，供代码扫描工具）\
         或 github（`GitHub Actions` 工作流命令，在文件的行和列上加注释）。",
    ),
    ("*", "color", "何时使用颜色：auto（仅在终端上，且未设置 NO_COLOR 时）、always（总是）或 never（从不）。"),
    ("*", "deny", "将警告视为不通过（退出码 1）：`--deny warnings`。"),
    ("*", "no_advice", "隐藏建议（评审优先条件、未引用的条款）。"),
    ("*", "lang", "消息和帮助的语言：zh（简体中文）或 en（英文）；默认取自 LC_ALL、LC_MESSAGES 或 LANG，以 `zh` 开头为中文。"),
    ("*", "max_file_size", "读取的输入文件的最大字节数。"),
    ("*", "max_depth", "映射和列表的最大嵌套层数。"),
    ("*", "max_nodes", "每个文件最多的 YAML 节点数（含别名展开）。"),
    ("*", "help", "显示帮助。"),
    ("*", "version", "显示版本。"),
];

/// The default help template with its `Usage:` heading in Chinese.
const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

fn about(sub: &str) -> Option<&'static str> {
    ABOUT.iter().find(|(s, _)| *s == sub).map(|(_, t)| *t)
}

fn help(sub: &str, id: &str) -> Option<&'static str> {
    let own = ARGS.iter().find(|(s, a, _)| *s == sub && *a == id);
    own.or_else(|| ARGS.iter().find(|(s, a, _)| *s == "*" && *a == id)).map(|(_, _, t)| *t)
}

/// Puts the Chinese texts into one (built) command and its subcommands; `name` is its name,
/// `""` for the program.
fn localise(cmd: &mut Command, name: &str) {
    let mut c = std::mem::take(cmd);
    if let Some(text) = about(name) {
        c = c.about(text).long_about(if name.is_empty() { Some(LONG_ABOUT) } else { None });
    }
    // In place: the built command's index of option names holds positions (`mut_arg` reorders).
    c = c.mut_args(|a| {
        let Some(text) = help(name, a.get_id().as_str()) else { return a };
        let mut text = text.to_owned();
        let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
            text.push_str(&format!("［默认：{}］", defaults.join("、")));
        }
        let heading = if a.is_positional() { "参数" } else { "选项" };
        a.help(text.clone()).long_help(text).help_heading(heading).hide_possible_values(true).hide_default_value(true)
    });
    if !name.is_empty() && c.has_subcommands() {
        c = c.subcommand_value_name("命令").subcommand_help_heading("命令");
    }
    let usage = c.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).replace("[OPTIONS]", "[选项]").replace("<COMMAND>", "<命令>");
    c = c.override_usage(usage).help_template(TEMPLATE);
    for sub in c.get_subcommands_mut() {
        let sub_name = sub.get_name().to_owned();
        localise(sub, &sub_name);
    }
    *cmd = c;
}

/// A usage error in Chinese, for the kinds a user meets (`None`: print clap's own).
pub fn error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| {
        e.get(k).map(|v| match v {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join("、"),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::StyledStrs(v) => v.iter().map(ToString::to_string).collect::<Vec<_>>().join("、"),
            ContextValue::Number(n) => n.to_string(),
            _ => String::new(),
        })
    };
    // Suggestions: `a` or `b`.
    let suggest = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" 或 ")),
        Some(ContextValue::String(s)) => Some(format!("`{s}`")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut tips = Vec::new();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            if let Some(s) = suggest(ContextKind::SuggestedArg) {
                tips.push(format!("是否应为 {s}？"));
            } else if arg.starts_with('-') {
                tips.push(format!("如需把 `{arg}` 作为值传入，请写 `-- {arg}`"));
            }
            format!("无法识别的参数 `{arg}`")
        }
        ErrorKind::InvalidSubcommand => {
            if let Some(s) = suggest(ContextKind::SuggestedSubcommand) {
                tips.push(format!("是否应为 {s}？"));
            }
            format!("无法识别的子命令 `{}`", get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue => {
            if let Some(s) = suggest(ContextKind::SuggestedValue) {
                tips.push(format!("是否应为 {s}？"));
            }
            if let Some(v) = get(ContextKind::ValidValue) {
                tips.push(format!("可选值：{v}"));
            }
            if value.is_empty() { format!("`{arg}` 缺少值") } else { format!("`{arg}` 的值 `{value}` 无效") }
        }
        ErrorKind::ValueValidation => {
            // Our own value types explain themselves in both languages.
            let why = std::error::Error::source(e).map(|s| match s.downcast_ref::<callspec::i18n::Text>() {
                Some(t) => t.zh.clone(),
                None => s.to_string(),
            });
            match why {
                Some(why) => format!("`{arg}` 的值 `{value}` 无效：{why}"),
                None => format!("`{arg}` 的值 `{value}` 无效"),
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            Some(prior) if prior == arg => format!("`{arg}` 只能给一次"),
            Some(prior) => format!("`{arg}` 不能与 `{prior}` 同时使用"),
            None => format!("`{arg}` 不能与其他参数同时使用"),
        },
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("`{arg}` 的值个数不对")
        }
        ErrorKind::MissingSubcommand => {
            if let Some(v) = get(ContextKind::ValidSubcommand) {
                tips.push(format!("子命令：{v}"));
            }
            "缺少子命令".to_owned()
        }
        _ => return None,
    };
    let mut out = format!("错误：{message}\n");
    for t in &tips {
        out.push_str(&format!("  提示：{t}\n"));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        out.push_str(&format!("\n{}\n", usage.strip_prefix("Usage: ").map_or(usage.clone(), |u| format!("用法：{u}"))));
    }
    out.push_str("\n更多信息请使用 `--help`。\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use clap::{FromArgMatches, Parser};

    use super::*;

    /// Every subcommand and every argument a user sees has its Chinese text, naming each of
    /// the argument's possible values; a new one without fails here.
    #[test]
    fn every_subcommand_and_argument_has_a_chinese_text() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        let mut check = |name: &str, c: &Command| {
            if about(name).is_none() {
                missing.push(format!("about of `{name}`"));
            }
            for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = a.get_id().as_str();
                match help(name, id) {
                    None => missing.push(format!("`{name} {id}`")),
                    Some(text) => {
                        for v in a.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
                            if !text.contains(v.get_name()) {
                                missing.push(format!("`{name} {id}` does not name `{}`", v.get_name()));
                            }
                        }
                    }
                }
            }
        };
        check("", &cmd);
        for sub in cmd.get_subcommands() {
            check(sub.get_name(), sub);
        }
        assert!(missing.is_empty(), "no Chinese help for:\n{}", missing.join("\n"));
    }

    #[test]
    fn the_chinese_help_parses_like_the_english() {
        let mut cmd = command(Lang::Zh);
        let argv = ["callspec", "validate", "--lang", "zh", "--format", "json", "-j", "2", "--no-advice", "x.yaml"];
        let m = cmd.try_get_matches_from_mut(argv).expect("parses");
        let cli = Cli::from_arg_matches(&m).expect("the arguments");
        let english = Cli::try_parse_from(argv).expect("parses in English");
        assert_eq!(format!("{cli:?}"), format!("{english:?}"));
        let help = cmd.find_subcommand_mut("validate").expect("validate").render_long_help().to_string();
        assert!(help.contains("用法：callspec validate [选项]") && help.contains("选项:") && help.contains("参数:"), "{help}");
        assert!(!help.contains("Options") && !help.contains("Usage") && !help.contains("Print help"), "{help}");
    }
}
