//! `callspec new`: a ready-to-fill application draft for one category of a call, on standard
//! output or in a new file, its modeline pointing at the call's schema.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use callspec::model::{Call, Category};
use callspec::source::printable;
use callspec::tr;

use super::Exit;
use super::args::NewArgs;

pub fn run(args: &NewArgs) -> Exit {
    let loaded = super::specs::load_for(args.specs.as_deref(), Some(&std::collections::BTreeSet::from([args.call.clone()])));
    let call = match super::specs::call(&loaded, &args.call) {
        Ok(call) => call,
        Err(exit) => return exit,
    };
    let Some(cat) = call.find_category(&args.category).filter(|c| c.leaf) else {
        eprint!("{}", no_category(call, &args.category));
        return Exit::Unusable;
    };
    // The modeline is relative to the folder of the file that holds it.
    let folder = match &args.output {
        Some(file) => file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")),
        None => Path::new("."),
    };
    let specs = args.specs.clone().unwrap_or_else(|| PathBuf::from("specs"));
    let mut schema = schema_ref(&specs, &call.id, folder);
    // Outside a repository with schemas, a draft written to a file gets the call's schema
    // beside it, so that its modeline points at a file that is there.
    let beside = match (&schema, &args.output) {
        (None, Some(_)) => beside(call, folder),
        _ => None,
    };
    if let Some((path, _)) = &beside {
        schema = path.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    let text = callspec::draft::yaml(call, cat, schema.as_deref());
    let Some(file) = &args.output else {
        super::out(&text);
        return Exit::Clean;
    };
    let shown = printable(&file.display().to_string()).into_owned();
    match write(file, &text, args.force, args.specs.as_deref()) {
        Ok(()) => {
            if let Some((path, contents)) = &beside {
                let name = printable(&path.display().to_string()).into_owned();
                match contents.as_ref().map_or(Ok(()), |c| std::fs::write(path, c)) {
                    Ok(()) => eprintln!(
                        "{}",
                        super::say(tr!(
                            "note: the draft's modeline points at {name}, the call's schema for editors (`callspec schema --call`)",
                            "提示：草稿的首行指向 {name}，即供编辑器使用的本通知 schema（`callspec schema --call`）"
                        ))
                    ),
                    Err(e) => {
                        let e = printable(&e.to_string()).into_owned();
                        eprintln!("{}", super::say(tr!("warning: cannot write {name}: {e}", "警告：无法写入 {name}：{e}")));
                    }
                }
            }
            let (path, id) = (printable(&cat.path), printable(&call.id));
            eprintln!(
                "{}",
                super::say(tr!(
                    "wrote {shown}: a draft for {path} of {id}; fill in every `~`, then run `callspec validate {shown}`",
                    "已写入 {shown}：{id} 的 {path} 类别的草稿；请填写每个 `~`，然后运行 `callspec validate {shown}`"
                ))
            );
            Exit::Clean
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "{}",
                super::say(tr!("error: {shown} already exists; pass --force to overwrite it", "错误：{shown} 已存在；加 --force 可覆盖"))
            );
            Exit::Unusable
        }
        Err(e) => {
            eprintln!("{}", {
                let e = printable(&e.to_string()).into_owned();
                super::say(tr!("error: cannot write {shown}: {e}", "错误：无法写入 {shown}：{e}"))
            });
            Exit::Unusable
        }
    }
}

/// Writes the draft; without `force`, only as a new file (an existing one is never touched).
/// With `force` an existing regular file is replaced whole (written beside it, then renamed
/// over it), never truncated first; a pipe, device or folder, and any spec the draft was made
/// from, are refused even with `force`.
pub(super) fn write(file: &Path, text: &str, force: bool, specs: Option<&Path>) -> std::io::Result<()> {
    use std::io::{Error, ErrorKind};
    let Ok(meta) = std::fs::metadata(file) else {
        // A folder named for the draft that is not there yet is made (`-o drafts/a.yaml`).
        if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(file)?;
        return f.write_all(text.as_bytes());
    };
    if !meta.is_file() {
        return Err(Error::other("it is not a regular file (a folder, pipe, socket or device)"));
    }
    if let Some(specs) = specs
        && callspec::walk::expand(&[specs.to_path_buf()]).files.iter().any(|s| same_file(s, file))
    {
        return Err(Error::other("it is a spec this draft is made from"));
    }
    if !force {
        return Err(Error::from(ErrorKind::AlreadyExists));
    }
    let target = file.canonicalize()?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.callspec-{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, meta.permissions())?;
        std::fs::rename(&tmp, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
    }
}

/// Why a category cannot be drafted, with the nearest path and the categories there are.
pub(super) fn no_category(call: &Call, path: &str) -> String {
    printable(&no_category_raw(call, path)).into_owned()
}

fn no_category_raw(call: &Call, path: &str) -> String {
    let leaves: Vec<&Category> = call.categories.iter().filter(|c| c.leaf).collect();
    let id = &call.id;
    let (head, listed): (String, Vec<&Category>) = match call.find_category(path) {
        Some(group) => (
            super::say({
                let name = group.full_name();
                tr!(
                    "error: `{path}` ({name}) is a group of categories of {id}; name one of them:\n",
                    "错误：`{path}`（{name}）是 {id} 的类别分组；请指定其中一个类别：\n"
                )
            }),
            leaves.iter().copied().filter(|l| Call::within(&l.path, path)).collect(),
        ),
        None => {
            // Close to a path, or to a category's own Chinese name.
            let near = callspec::schema::suggest(path, leaves.iter().map(|c| c.path.as_str())).map(str::to_owned).or_else(|| {
                let names: Vec<String> = leaves.iter().filter_map(|c| c.names.last().cloned()).collect();
                callspec::schema::suggest(path, names.iter().map(String::as_str)).map(str::to_owned)
            });
            let hint = near.map(|n| tr!("; did you mean `{n}`?", "；是否应为 `{n}`？")).unwrap_or_default();
            let (hint, hint_zh) = (&hint.en, &hint.zh);
            (
                super::say(tr!(
                    "error: {id} has no category `{path}`{hint}\ncategories of {id}:\n",
                    "错误：{id} 没有类别 `{path}`{hint_zh}\n{id} 的类别：\n"
                )),
                leaves,
            )
        }
    };
    let width = listed.iter().map(|c| c.path.len()).max().unwrap_or(0);
    let mut out = head;
    for c in listed {
        out.push_str(&format!("  {:width$}  {}\n", c.path, c.full_name()));
    }
    out
}

/// The modeline's schema path, relative to `folder`: the call's own schema
/// (`<specs>/../schemas/calls/ID.schema.json`) when it exists, else the generic application schema.
/// The schema file beside the specs (`../schemas/calls/<id>.schema.json`, else the generic
/// application schema), relative to the draft's folder; `None` when neither exists (a spec of
/// the user's own, the built-in calls outside a checkout): a modeline would point nowhere.
/// `<id>.schema.json` in the draft's folder, and what to write there: the call's schema when
/// the file is new or an older copy of the same call's schema (its `$id` says so); nothing
/// when it already holds exactly that. `None` when the file is someone else's, which is never
/// overwritten (the draft then says how to make the schema).
fn beside(call: &Call, folder: &Path) -> Option<(PathBuf, Option<String>)> {
    let value = callspec::schema::for_call_in(call, super::lang());
    let contents = callspec::schema::to_pretty(&value);
    let path = folder.join(format!("{}.schema.json", call.id));
    match std::fs::read_to_string(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some((path, Some(contents))),
        Ok(old) if old == contents => Some((path, None)),
        Ok(old)
            if serde_json::from_str::<serde_json::Value>(&old)
                .is_ok_and(|v| v.get("$id").is_some() && v.get("$id") == value.get("$id")) =>
        {
            Some((path, Some(contents)))
        }
        _ => None,
    }
}

fn schema_ref(specs: &Path, id: &str, folder: &Path) -> Option<String> {
    let dir = if specs.is_file() { specs.parent().unwrap_or(Path::new("")) } else { specs };
    let schemas = dir.join("..").join("schemas");
    let own = schemas.join("calls").join(format!("{id}.schema.json"));
    let generic = schemas.join("application.schema.json");
    let target = [own, generic].into_iter().find(|p| p.is_file())?;
    Some(relative(&resolve(folder), &resolve(&target)))
}

/// An absolute path with `.` and `..` resolved; symlinks are resolved in the part that exists.
pub(super) fn resolve(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    if let Ok(real) = abs.canonicalize() {
        return real;
    }
    let lexical = normalize(&abs);
    let mut base = lexical.as_path();
    let mut rest = Vec::new();
    while let (Some(parent), Some(name)) = (base.parent(), base.file_name()) {
        rest.push(name);
        base = parent;
        if let Ok(real) = base.canonicalize() {
            return rest.iter().rev().fold(real, |acc, n| acc.join(n));
        }
    }
    lexical
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `to` relative to the folder `from` (both absolute), with `/` separators as modelines use.
pub(super) fn relative(from: &Path, to: &Path) -> String {
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    if common == 0 {
        // Different roots (another drive): only an absolute path can say where.
        return to.display().to_string();
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); f.len() - common];
    parts.extend(t[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_folder() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(relative(&p("/w/drafts"), &p("/w/schemas/calls/x.schema.json")), "../schemas/calls/x.schema.json");
        assert_eq!(relative(&p("/w"), &p("/w/schemas/calls/x.schema.json")), "schemas/calls/x.schema.json");
        assert_eq!(relative(&p("/w/a/b/c"), &p("/w/s.json")), "../../../s.json");
        assert_eq!(normalize(&p("/w/specs/../schemas/./calls")), p("/w/schemas/calls"));
    }
}
