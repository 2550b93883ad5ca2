//! `callspec test`: example drafts that declare the findings they expect (`expect:`), checked
//! against their calls; any difference fails. A funder's CI runs this over its spec's examples.
//!
//! Each file is compared as soon as it is checked and only its (code, severity) pairs are
//! kept, so memory does not grow with the findings of a large folder. A folder holding a
//! [`MARKER`] file is one batch: its files are checked together, with the rules across
//! applications (and `--complete` when the marker says `complete`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use callspec::batch::{self, Calls, Options};
use callspec::diagnostics::{Finding, Severity};
use callspec::i18n::Lang;
use callspec::load;
use callspec::source::printable;

use super::Exit;
use super::args::{TestArgs, TestFormat};

/// The file that makes a folder one batch in a `callspec test` run.
pub const MARKER: &str = ".callspec-batch";

/// One file's result.
struct Outcome {
    path: PathBuf,
    /// `None`: the file declares no expectations.
    difference: Option<callspec::expect::Difference>,
    unusable: bool,
    /// What is wrong with the `expect:` block itself (its findings' messages and help).
    expect_problems: Vec<String>,
}

/// The messages (with their help) of the findings on a draft's `expect:` block.
fn expect_problems(findings: &[Finding], lang: Lang) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.pointer.as_deref().is_some_and(|p| p == "/expect" || p.starts_with("/expect/")))
        .map(|f| match &f.help {
            Some(h) => format!("{}{}{}", f.message.get(lang), if lang == Lang::Zh { "：" } else { ": " }, h.get(lang)),
            None => f.message.get(lang).to_owned(),
        })
        .collect()
}

/// Files checked together, or each on its own.
struct Group {
    files: Vec<PathBuf>,
    batch: bool,
    complete: bool,
}

pub fn run(args: &TestArgs) -> Exit {
    let limits = args.limits.limits();
    let lang = super::args::lang(args.lang);
    let specs = load::Specs { builtin: true, paths: args.specs.iter().cloned().collect(), quotes: false };
    let bundle = load::load_specs(&specs, &limits, None);
    super::specs::note_overrides(&bundle.overridden);
    if !bundle.failed.is_empty() {
        let findings: Vec<Finding> = bundle.findings.into_iter().filter(|f| f.severity == Severity::Error).collect();
        let text = callspec::render::human_all(&findings, callspec::render::Style { lang, ..Default::default() });
        let dir = args.specs.as_ref().map(|d| printable(&d.display().to_string()).into_owned());
        super::out(&match (lang, &dir) {
            (Lang::En, None) => format!("{text}\nthe built-in specs have errors; run `callspec check`\n"),
            (Lang::En, Some(dir)) => format!("{text}\nthe specs under {dir} have errors; run `callspec check`\n"),
            (Lang::Zh, None) => format!("{text}\n内置的规范文件有错误；请运行 `callspec check`\n"),
            (Lang::Zh, Some(dir)) => format!("{text}\n{dir} 下的规范文件有错误；请运行 `callspec check`\n"),
        });
        return Exit::Unusable;
    }
    let calls = Calls::ById(bundle.calls.into_iter().map(|(_, c)| (c.id.clone(), c)).collect(), bundle.duplicates);
    let (groups, walked) = match groups(args) {
        Ok(g) => g,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::Unusable;
        }
    };
    let mut report = Report::begin(args.format, lang, &walked);
    for group in &groups {
        let opts = Options { limits: limits.clone(), complete: group.complete, ..Options::default() };
        run_group(group, &calls, &opts, &mut report);
    }
    report.end()
}

/// The groups of files to check: with `--batch`, each PATH is one batch; otherwise each file
/// on its own, except the files of a folder holding the [`MARKER`], which are one batch.
fn groups(args: &TestArgs) -> Result<(Vec<Group>, Vec<Finding>), String> {
    let mut walked = Vec::new();
    let mut groups = Vec::new();
    if args.batch {
        for p in &args.paths {
            let e = callspec::walk::expand(std::slice::from_ref(p));
            walked.extend(e.findings);
            let complete = args.complete || marker(p)?.unwrap_or(false);
            groups.push(Group { files: e.files, batch: true, complete });
        }
        return Ok((groups, walked));
    }
    let e = callspec::walk::expand(&args.paths);
    walked.extend(e.findings);
    let mut cache: std::collections::HashMap<PathBuf, Option<(PathBuf, bool)>> = Default::default();
    let mut current: Option<(Option<PathBuf>, Group)> = None;
    for file in e.files {
        let root = batch_root(&file, &mut cache)?;
        let key = root.as_ref().map(|(r, _)| r.clone());
        match &mut current {
            Some((k, g)) if *k == key => g.files.push(file),
            _ => {
                if let Some((_, g)) = current.take() {
                    groups.push(g);
                }
                let (batch, complete) = (root.is_some(), root.is_some_and(|(_, c)| c) || args.complete);
                current = Some((key, Group { files: vec![file], batch, complete }));
            }
        }
    }
    groups.extend(current.map(|(_, g)| g));
    Ok((groups, walked))
}

/// The nearest folder above `file` holding the marker, and whether it says `complete`.
fn batch_root(
    file: &Path,
    cache: &mut std::collections::HashMap<PathBuf, Option<(PathBuf, bool)>>,
) -> Result<Option<(PathBuf, bool)>, String> {
    let Some(dir) = file.parent() else { return Ok(None) };
    if let Some(hit) = cache.get(dir) {
        return Ok(hit.clone());
    }
    let found = match marker(dir)? {
        Some(complete) => Some((dir.to_path_buf(), complete)),
        None if dir.as_os_str().is_empty() => None,
        None => batch_root(dir, cache)?,
    };
    cache.insert(dir.to_path_buf(), found.clone());
    Ok(found)
}

/// Whether `dir` holds the marker (`Some`), and whether it says `complete`.
fn marker(dir: &Path) -> Result<Option<bool>, String> {
    let path = if dir.as_os_str().is_empty() { PathBuf::from(MARKER) } else { dir.join(MARKER) };
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(None) };
    let mut complete = false;
    for word in text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
        match word {
            "complete" => complete = true,
            other => {
                return Err(format!(
                    "{}: unknown word `{}` (a batch marker may say `complete`, or nothing)",
                    printable(&path.display().to_string()),
                    printable(other)
                ));
            }
        }
    }
    Ok(Some(complete))
}

fn run_group(group: &Group, calls: &Calls, opts: &Options, report: &mut Report) {
    let files = &group.files;
    // Per file, the (code, severity) pairs found; compared now unless rules across files follow.
    let mut found: Vec<BTreeSet<(String, Severity)>> = Vec::new();
    // Per file, what is wrong with its `expect:` block itself, in the run's language.
    let mut expect_problems_of: Vec<Vec<String>> = Vec::new();
    let mut records = batch::run(
        files,
        calls,
        opts,
        |_, findings| {
            let unusable = findings.iter().any(Finding::is_unusable_input);
            let codes: BTreeSet<(String, Severity)> = findings.iter().map(|f| (f.code.code.to_owned(), f.severity)).collect();
            ((codes, expect_problems(&findings, report.lang)), callspec::diagnostics::Tally::default(), unusable)
        },
        |_, (codes, problems)| {
            found.push(codes);
            expect_problems_of.push(problems);
        },
    );
    if group.batch {
        for (i, f) in batch::across(&mut records, files, calls, opts) {
            found[i].insert((f.code.code.to_owned(), f.severity));
        }
    }
    for (((record, mut codes), path), expect_problems) in records.into_iter().zip(found).zip(files).zip(expect_problems_of) {
        codes.extend(record.held.unwrap_or_default().iter().map(|f| (f.code.code.to_owned(), f.severity)));
        let difference = record.expect.as_ref().map(|e| callspec::expect::compare_codes(e, &codes));
        report.file(Outcome { path: path.clone(), difference, unusable: record.unusable && record.expect.is_none(), expect_problems });
    }
}

/// The report, written as files are settled.
struct Report {
    format: TestFormat,
    lang: Lang,
    passed: usize,
    failed: usize,
    skipped: usize,
    unusable: bool,
    first: bool,
}

impl Report {
    fn begin(format: TestFormat, lang: Lang, walked: &[Finding]) -> Report {
        let unusable = walked.iter().any(Finding::is_unusable_input);
        match format {
            TestFormat::Human => {
                if !walked.is_empty() {
                    let style = callspec::render::Style { lang, ..Default::default() };
                    super::out(&format!("{}\n", callspec::render::human_all(walked, style)));
                }
            }
            TestFormat::Json => {
                let items: Vec<String> = walked.iter().map(|f| callspec::render::json_text(f, lang)).collect();
                super::out(&format!("{{\"version\":1,\"findings\":[{}],\"files\":[\n", items.join(",\n")));
            }
        }
        Report { format, lang, passed: 0, failed: 0, skipped: 0, unusable, first: true }
    }

    fn file(&mut self, o: Outcome) {
        match &o.difference {
            None => self.skipped += 1,
            Some(d) if d.is_empty() => self.passed += 1,
            Some(_) => self.failed += 1,
        }
        self.unusable |= o.unusable;
        let pairs = |v: &[(String, Severity)]| v.iter().map(|(c, s)| format!("{c} ({})", s.as_str())).collect::<Vec<_>>().join(", ");
        let name = o.path.display().to_string();
        match self.format {
            TestFormat::Human => {
                let w = Words::of(self.lang);
                let name = printable(&name);
                let mut out = String::new();
                match &o.difference {
                    None if o.unusable => out.push_str(&format!("{}  {name} {}\n", w.skip, w.unusable)),
                    None => out.push_str(&format!("{}  {name} {}\n", w.skip, w.no_expect)),
                    Some(d) if d.is_empty() => out.push_str(&format!("{}  {name}\n", w.ok)),
                    Some(d) => {
                        out.push_str(&format!("{}  {name}\n", w.fail));
                        if !d.missing.is_empty() {
                            out.push_str(&format!("      {}{}\n", w.missing, pairs(&d.missing)));
                        }
                        if !d.unexpected.is_empty() {
                            out.push_str(&format!("      {}{}\n", w.unexpected, pairs(&d.unexpected)));
                        }
                        for p in &o.expect_problems {
                            out.push_str(&format!("      {}{}\n", w.expect_block, printable(p)));
                        }
                    }
                }
                super::out(&out);
            }
            TestFormat::Json => {
                let status = match &o.difference {
                    None => "skipped",
                    Some(d) if d.is_empty() => "passed",
                    Some(_) => "failed",
                };
                let list = |v: &[(String, Severity)]| -> Vec<serde_json::Value> {
                    v.iter().map(|(c, s)| serde_json::json!({ "code": c, "severity": s })).collect()
                };
                let (missing, unexpected) = o.difference.as_ref().map_or((vec![], vec![]), |d| (list(&d.missing), list(&d.unexpected)));
                let mut entry = serde_json::json!({ "file": name, "status": status, "missing": missing, "unexpected": unexpected });
                // What is wrong with the `expect:` block itself, when something is.
                if !o.expect_problems.is_empty() {
                    entry["expect_problems"] = serde_json::json!(o.expect_problems);
                }
                let sep = if self.first { "" } else { ",\n" };
                super::out(&format!("{sep}{}", callspec::render::to_json(&entry)));
            }
        }
        self.first = false;
    }

    fn end(self) -> Exit {
        let (passed, failed, skipped) = (self.passed, self.failed, self.skipped);
        let exit = if failed > 0 {
            Exit::Findings
        } else if self.unusable || passed == 0 {
            Exit::Unusable
        } else {
            Exit::Clean
        };
        match self.format {
            TestFormat::Human => super::out(&match (self.lang, exit == Exit::Clean) {
                (Lang::En, clean) => {
                    format!("{}: {passed} passed, {failed} failed, {skipped} skipped\n", if clean { "ok" } else { "failed" })
                }
                (Lang::Zh, clean) => {
                    format!("{}：{passed} 个通过，{failed} 个失败，{skipped} 个跳过\n", if clean { "通过" } else { "未通过" })
                }
            }),
            TestFormat::Json => super::out(&format!(
                "\n],\"exit_code\":{},\"summary\":{{\"passed\":{passed},\"failed\":{failed},\"skipped\":{skipped}}}}}\n",
                exit as i32
            )),
        }
        exit
    }
}

/// The fixed words of the human report, in a language (the status words keep their width).
struct Words {
    skip: &'static str,
    ok: &'static str,
    fail: &'static str,
    unusable: &'static str,
    no_expect: &'static str,
    missing: &'static str,
    unexpected: &'static str,
    expect_block: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Self {
        match lang {
            Lang::En => Words {
                skip: "skip",
                ok: "ok  ",
                fail: "FAIL",
                unusable: "(unusable: run `callspec validate` on it)",
                no_expect: "(declares no `expect:`)",
                missing: "expected, not reported: ",
                unexpected: "reported, not expected: ",
                expect_block: "the `expect:` block: ",
            },
            Lang::Zh => Words {
                skip: "跳过",
                ok: "通过",
                fail: "失败",
                unusable: "（无法使用：请对其运行 `callspec validate`）",
                no_expect: "（未声明 `expect:`）",
                missing: "预期但未报告：",
                unexpected: "报告但未预期：",
                expect_block: "`expect:` 块本身：",
            },
        }
    }
}
