//! `callspec init`: a spec skeleton from a notice's plain text, on standard output or in a new
//! file (an existing one is left alone unless `--force`).

use std::path::Path;

use super::Exit;
use super::args::InitArgs;
use super::new::{relative, resolve, write};

pub fn run(args: &InitArgs) -> Exit {
    let file = match callspec::source::read(&args.notice, &args.limits.limits()) {
        Ok(f) => f,
        Err(f) => {
            eprintln!("error: {}", f.message.en);
            return Exit::Unusable;
        }
    };
    if let Some(out) = &args.output
        && resolve(out) == resolve(&args.notice)
    {
        eprintln!("error: {} is the notice itself; write the spec to another file", out.display());
        return Exit::Unusable;
    }
    let id = match &args.id {
        Some(id)
            if !id.is_empty()
                && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') =>
        {
            id.clone()
        }
        Some(id) => {
            eprintln!("error: `{id}` is not a call id: use a-z, 0-9 and '-', starting with a letter or digit");
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
    let name = args.notice.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| rel.clone());
    let inside = !rel.split('/').any(|p| p == "..") && !Path::new(&rel).is_absolute();
    let notice_file = if inside { rel } else { name.clone() };
    let mut text = String::new();
    let schema = Path::new("schemas/callspec.schema.json");
    if schema.is_file() {
        text.push_str(&format!("# yaml-language-server: $schema={}\n#\n", relative(&resolve(folder), &resolve(schema))));
    }
    let skeleton = callspec::init::skeleton(&file.text, &notice_file, &id);
    text.push_str(&skeleton.yaml);
    let stubs: usize = skeleton.clauses.iter().map(|c| c.stubs.len()).sum();
    let Some(out) = &args.output else {
        super::out(&text);
        return Exit::Clean;
    };
    match write(out, &text, args.force) {
        Ok(()) => {
            eprintln!(
                "wrote {}: {} clauses quoted from {}, {stubs} rule stubs; write the categories and rules, then run `callspec check {}`",
                out.display(),
                skeleton.clauses.len(),
                args.notice.display(),
                out.display()
            );
            if !inside {
                eprintln!(
                    "note: {} is not in the spec's folder: copy it there as {name}, which `notice.file` names",
                    args.notice.display()
                );
            }
            Exit::Clean
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("error: {} already exists; pass --force to overwrite it", out.display());
            Exit::Unusable
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            Exit::Unusable
        }
    }
}
