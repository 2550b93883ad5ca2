//! `callspec form`, `callspec fill` and `callspec export`: the 申报书 as a Word document,
//! generated empty for a category, filled from a draft, and read back as a draft.

use std::io::Write;
use std::path::Path;

use callspec::source::printable;
use callspec::tr;

use super::Exit;
use super::args::{ExportArgs, ExportFormat, FillArgs, FormArgs};

fn say(t: callspec::i18n::Text) {
    eprintln!("{}", t.get(super::lang()));
}

pub fn run_form(args: &FormArgs) -> Exit {
    let loaded = super::specs::load_for(args.specs.as_deref(), Some(&std::collections::BTreeSet::from([args.call.clone()])));
    let call = match super::specs::call(&loaded, &args.call) {
        Ok(call) => call,
        Err(exit) => return exit,
    };
    let Some(cat) = call.find_category(&args.category).filter(|c| c.leaf) else {
        eprint!("{}", super::new::no_category(call, &args.category));
        return Exit::Unusable;
    };
    let bytes = callspec::form::empty(call, cat);
    let (file, id, path) = (args.output.display(), &call.id, &cat.path);
    match write(&args.output, &bytes, args.force, None) {
        Ok(()) => {
            say(tr!(
                "wrote {file}: the form for {path} of {id}; fill it in Word (or WPS, LibreOffice), then run `callspec validate {file}`",
                "已生成 {file}：{id} 的 {path} 类申报书；请用 Word（或 WPS、LibreOffice）填写，然后运行 `callspec validate {file}`"
            ));
            Exit::Clean
        }
        Err(exit) => exit,
    }
}

pub fn run_fill(args: &FillArgs) -> Exit {
    let limits = args.limits.limits();
    let doc = match callspec::load::application_document(&args.draft, &limits) {
        Ok((doc, _)) => doc,
        Err(f) => return super::specs::report(&[f]),
    };
    let Some(id) = args.call.clone().or_else(|| doc.value.get("call").and_then(|c| c.as_str()).map(str::to_owned)) else {
        let name = args.draft.display();
        say(tr!(
            "error: {name} names no call (`call:`); pass `--call ID`",
            "错误：{name} 没有写明通知（`call:`）；请用 `--call 通知编号` 指定"
        ));
        return Exit::Unusable;
    };
    let loaded = super::specs::load_for(args.specs.as_deref(), Some(&std::collections::BTreeSet::from([id.clone()])));
    let call = match super::specs::call(&loaded, &id) {
        Ok(call) => call,
        Err(exit) => return exit,
    };
    let bytes = callspec::form::fill(call, &doc.value);
    match write(&args.output, &bytes, args.force, Some(&args.draft)) {
        Ok(()) => {
            let (file, draft) = (args.output.display(), args.draft.display());
            say(tr!(
                "wrote {file}: the form of {id} filled from {draft}; `callspec validate {file}` checks it",
                "已生成 {file}：由 {draft} 填好的 {id} 申报书；可用 `callspec validate {file}` 检查"
            ));
            Exit::Clean
        }
        Err(exit) => exit,
    }
}

pub fn run_export(args: &ExportArgs) -> Exit {
    let limits = args.limits.limits();
    let name = args.form.display().to_string();
    let read = match callspec::source::read_or_zip(&args.form, &limits) {
        Ok(callspec::source::Read::Zip { name, bytes }) => callspec::form::from_bytes(&name, &bytes, &limits),
        Ok(callspec::source::Read::Text(_)) => None,
        // A PDF, a spreadsheet: the reader's advice is for drafts, export's is below.
        Err(f) if f.code.code == callspec::source::codes::NOT_TEXT.code => None,
        Err(f) => return super::specs::report(&[f]),
    };
    let (doc, own) = match read {
        Some(Ok(read)) => read,
        Some(Err(f)) => return super::specs::report(&[f]),
        None => {
            say(tr!(
                "error: {name} is not a Word file (.docx); `callspec export` reads forms made by `callspec form` or `callspec fill`",
                "错误：{name} 不是 Word 文件（.docx）；`callspec export` 只读取由 `callspec form` 或 `callspec fill` 生成的申报书"
            ));
            return Exit::Unusable;
        }
    };
    if !own.is_empty() {
        // The draft is still written; what the form itself got wrong is said on standard error.
        super::specs::report(&own);
    }
    let text = match args.format {
        ExportFormat::Yaml => callspec::form::to_yaml(&doc.value, &format!("exported from {name} by callspec export")),
        ExportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&doc.value).expect("JSON serialises");
            s.push('\n');
            s
        }
    };
    match &args.output {
        None => {
            super::out(&text);
            Exit::Clean
        }
        Some(file) => match write(file, text.as_bytes(), args.force, Some(&args.form)) {
            Ok(()) => Exit::Clean,
            Err(exit) => exit,
        },
    }
}

/// Writes a new file; without `force` never over an existing one, and never over the input.
fn write(file: &Path, bytes: &[u8], force: bool, input: Option<&Path>) -> Result<(), Exit> {
    let name = printable(&file.display().to_string()).into_owned();
    if let Some(input) = input
        && let (Ok(a), Ok(b)) = (file.canonicalize(), input.canonicalize())
        && a == b
    {
        say(tr!("error: {name} is the input file; name another output", "错误：{name} 是输入文件；请另选输出文件"));
        return Err(Exit::Unusable);
    }
    let opened = if force { std::fs::File::create(file) } else { std::fs::OpenOptions::new().write(true).create_new(true).open(file) };
    match opened.and_then(|mut f| f.write_all(bytes)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            say(tr!("error: {name} already exists; pass --force to overwrite it", "错误：{name} 已存在；如需覆盖请加 --force"));
            Err(Exit::Unusable)
        }
        Err(e) => {
            let e = printable(&e.to_string()).into_owned();
            say(tr!("error: cannot write {name}: {e}", "错误：无法写入 {name}：{e}"));
            Err(Exit::Unusable)
        }
    }
}
