//! `callspec migrate`: version 1 specs rewritten as version 2.

use std::path::Path;

use callspec::tr;

use super::Exit;
use super::args::MigrateArgs;

pub fn run(args: &MigrateArgs) -> Exit {
    if !args.write && args.files.len() > 1 {
        eprintln!(
            "{}",
            super::say(tr!(
                "error: several files: add --write to rewrite them in place, or give one file to print it migrated",
                "错误：给了多个文件：加 --write 就地改写它们，或只给一个文件以输出其改写结果"
            ))
        );
        return Exit::Unusable;
    }
    let limits = args.limits.limits();
    let mut worst = Exit::Clean;
    for path in &args.files {
        let shown = callspec::source::printable(&path.display().to_string()).into_owned();
        let doc = match callspec::source::read(path, &limits).and_then(|f| callspec::document::parse(f, &limits)) {
            Ok(doc) => doc,
            Err(f) => {
                eprint!("{}", callspec::render::human_all(&[f], callspec::render::Style { color: false, width: 100, lang: super::lang() }));
                worst = Exit::Unusable;
                continue;
            }
        };
        let Some(text) = callspec::migrate::spec(&doc) else {
            eprintln!(
                "{}",
                super::say(tr!(
                    "{shown}: not a version 1 spec (`callspec: 1`); left as it is",
                    "{shown}：不是第 1 版规范文件（`callspec: 1`）；保持原样"
                ))
            );
            continue;
        };
        if !args.write {
            super::out(&text);
            continue;
        }
        // A file saved in GBK or UTF-16 is written back in its own encoding.
        let bytes = match doc.file.encoding {
            Some(e) => e.encode(&text),
            None => text.into_bytes(),
        };
        match replace(path, &bytes) {
            Ok(()) => eprintln!("{}", super::say(tr!("{shown}: migrated to version 2", "{shown}：已改写为第 2 版"))),
            Err(e) => {
                let e = callspec::source::printable(&e.to_string()).into_owned();
                eprintln!("{}", super::say(tr!("error: {shown}: cannot write: {e}", "错误：{shown}：无法写入：{e}")));
                worst = Exit::Unusable;
            }
        }
    }
    worst
}

/// Replaces a file's contents whole: the new text goes to a file beside it, then takes its name.
fn replace(path: &Path, text: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".callspec-migrate.tmp");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
