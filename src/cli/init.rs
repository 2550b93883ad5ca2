//! `callspec init`: a spec skeleton from a notice's plain text, on standard output or in a new
//! file (an existing one is left alone unless `--force`, and the notice itself never).

use std::path::Path;

use callspec::i18n::Text;
use callspec::tr;

use super::Exit;
use super::args::InitArgs;
use super::new::{relative, resolve, write};

pub fn run(args: &InitArgs) -> Exit {
    // In the run's language (`--lang`, else the environment's), as findings are.
    let lang = super::lang();
    let say = |t: Text| eprintln!("{}", t.get(lang));
    let file = match callspec::source::read(&args.notice, &args.limits.limits()) {
        Ok(f) => f,
        Err(f) => {
            let (en, zh) = (&f.message.en, &f.message.zh);
            say(tr!("error: {en}", "错误：{zh}"));
            return Exit::Unusable;
        }
    };
    // A notice in GB18030 or UTF-16 is read, and said to be, as drafts are.
    if let Some(n) = callspec::source::note(&file) {
        let (en, zh) = (&n.message.en, &n.message.zh);
        say(tr!("note: {en}", "注意：{zh}"));
    }
    if let Some(out) = &args.output
        && resolve(out) == resolve(&args.notice)
    {
        let out = out.display();
        say(tr!("error: {out} is the notice itself; write the spec to another file", "错误：{out} 就是通知原文；请将规范写入另一个文件"));
        return Exit::Unusable;
    }
    let id = match &args.id {
        Some(id) if is_id(id) => id.clone(),
        Some(id) => {
            say(tr!(
                "error: `{id}` is not a call id: use a-z, 0-9 and '-', starting with a letter or digit",
                "错误：`{id}` 不是有效的通知编号：只能用 a-z、0-9 和 '-'，以字母或数字开头"
            ));
            return Exit::Unusable;
        }
        None => {
            let from = args.output.as_deref().unwrap_or(&args.notice);
            let stem = from.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            callspec::init::call_id(stem.trim_end_matches(".notice"))
        }
    };
    // `notice.file` is relative to the spec's folder, and must stay inside it.
    let folder = match &args.output {
        Some(out) => out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")),
        None => Path::new("."),
    };
    let rel = relative(&resolve(folder), &resolve(&args.notice));
    let name = args.notice.file_name().map_or_else(|| rel.clone(), |n| n.to_string_lossy().into_owned());
    let inside = !rel.split('/').any(|p| p == "..") && !Path::new(&rel).is_absolute();
    let notice_file = if inside { rel } else { name.clone() };
    let mut text = String::new();
    let schema = Path::new("schemas/callspec.schema.json");
    if schema.is_file() {
        text.push_str(&format!("# yaml-language-server: $schema={}\n#\n", relative(&resolve(folder), &resolve(schema))));
    }
    let skeleton = callspec::init::skeleton(&file.text, &notice_file, &id, super::lang());
    text.push_str(&skeleton.yaml);
    let Some(out) = &args.output else {
        super::out(&text);
        return Exit::Clean;
    };
    let stubs: usize = skeleton.clauses.iter().map(|c| c.stubs.len()).sum();
    let (file_name, notice, clauses) = (out.display(), args.notice.display(), skeleton.clauses.len());
    match write(out, &text, args.force, Some(&args.notice)) {
        Ok(()) => {
            say(tr!(
                "wrote {file_name}: {clauses} clauses quoted from {notice}, {stubs} rule stubs; write the categories and rules, then run `callspec check {file_name}`",
                "已写入 {file_name}：从 {notice} 引用 {clauses} 条条款，{stubs} 条规则草稿；请补写类别和规则，再运行 `callspec check {file_name}`"
            ));
            if !inside {
                say(tr!(
                    "note: {notice} is not in the spec's folder: copy it there as {name}, which `notice.file` names",
                    "注意：{notice} 不在规范文件所在的文件夹中：请复制到该文件夹，命名为 {name}（即 `notice.file` 所指）"
                ));
            }
            Exit::Clean
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            say(tr!("error: {file_name} already exists; pass --force to overwrite it", "错误：{file_name} 已存在；如要覆盖请加 --force"));
            Exit::Unusable
        }
        Err(e) => {
            say(tr!("error: cannot write {file_name}: {e}", "错误：无法写入 {file_name}：{e}"));
            Exit::Unusable
        }
    }
}

/// A call id: a-z, 0-9 and '-', starting with a letter or digit.
fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
