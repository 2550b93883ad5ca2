//! Folder expansion: the files a command checks, from the paths it was given.
//!
//! Folders are walked in sorted order, following links to folders, but every folder and
//! every file is taken once by its real identity (device and inode, or the canonical path
//! where there are none): a link loop (`x -> .`) is reported and not followed, a folder or
//! file reached a second time through a link is not checked again. Nothing met is dropped
//! silently: a folder that cannot be read, a path too long for the system and a folder with
//! nothing to check are reported. The walk keeps only the identities it has seen.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{CodeInfo, Finding};
use crate::source::codes::UNREADABLE;

/// The files found under some paths, in order, and what the walk met that is not a file to
/// check (each finding about a path, without a file).
#[derive(Debug, Default)]
pub struct Expanded {
    pub files: Vec<PathBuf>,
    pub findings: Vec<Finding>,
}

/// Extensions of the files a folder walk checks: drafts and specs.
const TEXT: &[&str] = &["yaml", "yml", "json"];

/// Extensions of files a folder walk also takes, to report them (`input.not-text`): what
/// drafts arrive as by mistake.
const DOCUMENTS: &[&str] = &["docx", "doc", "xlsx", "xls", "pdf", "zip", "wps", "et", "odt", "ods"];

/// Whether a folder walk takes a file of this name.
pub fn wanted(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|x| x.to_str()) else { return false };
    let ext = ext.to_ascii_lowercase();
    TEXT.contains(&ext.as_str()) || DOCUMENTS.contains(&ext.as_str())
}

pub const LINK_LOOP: &CodeInfo = &CodeInfo {
    code: "input.link-loop",
    summary: "a link to a folder leads back into a folder being walked; it is not followed",
    doc: "Folder walks follow links to folders, but a link that leads to the folder it is in or \
          to one above it (`x -> .`) would make the walk endless. It is reported (a warning) and \
          not followed; every file is still checked once. Remove the link, or pass the folders \
          you mean.",
    summary_zh: "指向文件夹的链接通回正在遍历的文件夹，不予跟随",
    doc_zh: "遍历文件夹时会跟随指向文件夹的链接，但指向自身所在文件夹或其上级文件夹的链接（`x -> .`）会使遍历无休止。\
             这类链接会被报告（警告）且不跟随；每个文件仍只检查一次。请删除该链接，或直接给出要检查的文件夹。",
};

pub const SAME_FILE: &CodeInfo = &CodeInfo {
    code: "input.same-file",
    summary: "a path names a file or folder already taken under another name; it is taken once",
    doc: "A file or folder reached a second time, through a link or because it was named twice, \
          is checked once, under the first name met (in sorted order), so a batch never counts \
          one application twice. A warning names both paths.",
    summary_zh: "某路径指向已用其他名称取用的文件或文件夹；只取用一次",
    doc_zh: "通过链接或因重复给出而第二次遇到的文件或文件夹只检查一次，使用（按排序）最先遇到的名称，因此批量检查不会把同一份申报书计算两次。\
             警告会列出两个路径。",
};

/// Identity of a file or folder: device and inode where the system has them.
#[cfg(unix)]
type Id = (u64, u64);
#[cfg(not(unix))]
type Id = PathBuf;

#[cfg(unix)]
fn id_of(_path: &Path, meta: &std::fs::Metadata) -> Option<Id> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn id_of(path: &Path, _meta: &std::fs::Metadata) -> Option<Id> {
    path.canonicalize().ok()
}

struct Walk {
    out: Expanded,
    /// Every folder walked and every file taken, by identity, with the name it was taken under.
    folders: std::collections::HashMap<Id, PathBuf>,
    files: HashSet<Id>,
    first_name: std::collections::HashMap<Id, PathBuf>,
}

/// Every file to check under the given paths: folders are walked (sorted, links followed,
/// each folder and file once), paths that are files are taken as given, whatever their
/// extension. A path that does not exist is taken as given too (reading it reports it).
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut w = Walk { out: Expanded::default(), folders: Default::default(), files: HashSet::new(), first_name: Default::default() };
    for p in paths {
        match std::fs::metadata(p) {
            Ok(meta) if meta.is_dir() => {
                let before = (w.out.files.len(), w.out.findings.len());
                w.folder(p, &meta);
                if w.out.files.len() == before.0 && w.out.findings.len() == before.1 {
                    w.out.findings.push(nothing_to_check(p));
                }
            }
            Ok(meta) => w.file(p, &meta),
            Err(_) => w.out.files.push(p.clone()),
        }
    }
    w.out
}

// `Id` is `Copy` on Unix only; elsewhere it is a path and must be cloned.
#[allow(clippy::clone_on_copy)]
impl Walk {
    /// Takes a file unless it was taken under another name.
    fn file(&mut self, path: &Path, meta: &std::fs::Metadata) {
        match id_of(path, meta) {
            Some(id) if !self.files.insert(id.clone()) => {
                let first = self.first_name.get(&id).cloned().unwrap_or_default();
                self.out.findings.push(same(path, &first));
            }
            Some(id) => {
                self.first_name.insert(id, path.to_path_buf());
                self.out.files.push(path.to_path_buf());
            }
            None => self.out.files.push(path.to_path_buf()),
        }
    }

    /// Walks a folder depth-first in sorted order, without recursion (deep trees cannot
    /// exhaust the stack). `chain` holds the identities of the folders above the one read.
    fn folder(&mut self, root: &Path, meta: &std::fs::Metadata) {
        let Some(id) = id_of(root, meta) else { return };
        if let Some(first) = self.folders.get(&id) {
            let first = first.clone();
            self.out.findings.push(same(root, &first));
            return;
        }
        self.folders.insert(id.clone(), root.to_path_buf());
        // (path, depth, identity) of folders still to read, the next one last.
        let mut todo: Vec<(PathBuf, usize, Id)> = vec![(root.to_path_buf(), 0, id)];
        let mut chain: Vec<Id> = Vec::new();
        while let Some((dir, depth, id)) = todo.pop() {
            chain.truncate(depth);
            chain.push(id);
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    self.out.findings.push(unreadable_folder(&dir, &e));
                    continue;
                }
            };
            let mut names = Vec::new();
            for e in entries {
                match e {
                    Ok(e) => names.push((e.path(), e.file_type().ok())),
                    Err(e) => self.out.findings.push(unreadable_folder(&dir, &e)),
                }
            }
            names.sort_by(|a, b| a.0.cmp(&b.0));
            let mut below = Vec::new();
            for (path, kind) in names {
                let is_link = kind.is_some_and(|k| k.is_symlink());
                // Links are followed; a plain entry's own metadata is enough.
                let meta = if is_link { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) };
                let meta = match meta {
                    Ok(m) => m,
                    Err(e) if kind.is_some_and(|k| k.is_dir()) || e.kind() == std::io::ErrorKind::InvalidFilename => {
                        // A folder (or anything) whose path the system refuses: say so.
                        self.out.findings.push(unreadable_folder(&path, &e));
                        continue;
                    }
                    Err(_) => {
                        // A dangling link or an entry gone since: reading it reports it.
                        if wanted(&path) {
                            self.out.files.push(path);
                        }
                        continue;
                    }
                };
                if meta.is_dir() {
                    let Some(sub) = id_of(&path, &meta) else { continue };
                    if chain.contains(&sub) {
                        self.out.findings.push(link_loop(&path, &dir));
                    } else if let Some(first) = self.folders.get(&sub) {
                        let first = first.clone();
                        self.out.findings.push(same(&path, &first));
                    } else {
                        self.folders.insert(sub.clone(), path.clone());
                        below.push((path, depth + 1, sub));
                    }
                } else if wanted(&path) {
                    self.file(&path, &meta);
                }
            }
            todo.extend(below.into_iter().rev());
        }
    }
}

fn name(p: &Path) -> String {
    p.display().to_string()
}

fn nothing_to_check(dir: &Path) -> Finding {
    let dir = name(dir);
    Finding::error(
        UNREADABLE,
        crate::tr!(
            "`{dir}` holds no file to check (no .yaml, .yml, .json or .docx file)",
            "`{dir}` 中没有可检查的文件（没有 .yaml、.yml、.json 或 .docx 文件）"
        ),
    )
    .with_help(crate::tr!("name the folder that holds the drafts, or the files themselves", "请指定存放申报书的文件夹，或直接指定文件"))
}

fn unreadable_folder(dir: &Path, e: &std::io::Error) -> Finding {
    let dir = name(dir);
    let (message, help) = match e.kind() {
        std::io::ErrorKind::PermissionDenied => (
            crate::tr!("the folder `{dir}` cannot be read (permission denied)", "无法读取文件夹 `{dir}`（没有权限）"),
            crate::tr!("nothing in it was checked; give this user read access", "其中的文件均未检查；请授予读取权限"),
        ),
        std::io::ErrorKind::InvalidFilename => (
            crate::tr!("`{dir}` cannot be read: its path is longer than the system allows", "无法读取 `{dir}`：路径超过系统允许的长度"),
            crate::tr!("nothing under it was checked; move the files to a shorter path", "其下的文件均未检查；请把文件移到较短的路径下"),
        ),
        _ => (
            crate::tr!("the folder `{dir}` cannot be read: {e}", "无法读取文件夹 `{dir}`：{e}"),
            crate::tr!("nothing in it was checked", "其中的文件均未检查"),
        ),
    };
    Finding::error(UNREADABLE, message).with_help(help)
}

fn link_loop(link: &Path, dir: &Path) -> Finding {
    let (link, dir) = (name(link), name(dir));
    Finding::warning(
        LINK_LOOP,
        crate::tr!(
            "`{link}` links back to a folder being walked (a link loop); it is not followed",
            "`{link}` 指回正在遍历的文件夹（链接循环），未跟随"
        ),
    )
    .with_help(crate::tr!(
        "the files of `{dir}` are checked once; remove the link if it is a mistake",
        "`{dir}` 中的文件只检查一次；如该链接有误，请删除"
    ))
}

fn same(path: &Path, first: &Path) -> Finding {
    let (path, first) = (name(path), name(first));
    Finding::warning(
        SAME_FILE,
        crate::tr!(
            "`{path}` is `{first}` again (a link, or named twice); it is taken once",
            "`{path}` 与 `{first}` 是同一个文件或文件夹（链接或重复指定），只检查一次"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dir(PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    fn scratch(name: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("callspec-walk-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_reported_and_each_file_is_taken_once() {
        let d = scratch("loop");
        std::fs::write(d.0.join("a.yaml"), "a: 1\n").unwrap();
        std::fs::create_dir(d.0.join("sub")).unwrap();
        std::fs::write(d.0.join("sub/b.yaml"), "b: 1\n").unwrap();
        std::os::unix::fs::symlink(".", d.0.join("x")).unwrap();
        std::os::unix::fs::symlink("..", d.0.join("sub/up")).unwrap();
        std::os::unix::fs::symlink("sub", d.0.join("y")).unwrap();
        std::os::unix::fs::symlink("a.yaml", d.0.join("z.yaml")).unwrap();
        let out = expand(std::slice::from_ref(&d.0));
        let names: Vec<_> = out.files.iter().map(|p| p.strip_prefix(&d.0).unwrap().display().to_string()).collect();
        assert_eq!(names, ["a.yaml", "sub/b.yaml"]);
        let codes: Vec<_> = out.findings.iter().map(|f| f.code.code).collect();
        assert_eq!(codes, ["input.link-loop", "input.same-file", "input.same-file", "input.link-loop"], "{:?}", out.findings);
        // The same file named twice is taken once.
        let twice = expand(&[d.0.join("a.yaml"), d.0.join("z.yaml")]);
        assert_eq!(twice.files.len(), 1);
        assert_eq!(twice.findings[0].code.code, "input.same-file");
    }

    #[test]
    fn an_empty_folder_is_reported() {
        let d = scratch("empty");
        std::fs::write(d.0.join("README.md"), "x").unwrap();
        let out = expand(std::slice::from_ref(&d.0));
        assert!(out.files.is_empty());
        assert_eq!(out.findings.len(), 1);
        assert!(out.findings[0].message.en.contains("holds no file to check"), "{}", out.findings[0].message);
    }

    #[test]
    fn documents_are_taken_to_be_reported() {
        let d = scratch("docs");
        for n in ["a.docx", "b.PDF", "c.yaml", "d.txt", "e.YML"] {
            std::fs::write(d.0.join(n), "x").unwrap();
        }
        let out = expand(std::slice::from_ref(&d.0));
        let names: Vec<_> = out.files.iter().map(|p| p.file_name().unwrap().to_str().unwrap().to_owned()).collect();
        assert_eq!(names, ["a.docx", "b.PDF", "c.yaml", "e.YML"]);
    }
}
