//! `callspec test`: example drafts that declare the findings they expect (`expect:`), checked
//! against their calls; any difference fails. A funder's CI runs this over its spec's examples.

use std::path::PathBuf;

use callspec::batch::{self, Calls, Options};
use callspec::diagnostics::{Finding, Severity};
use callspec::i18n::Lang;
use callspec::load;

use super::Exit;
use super::args::{TestArgs, TestFormat};

/// One file's result.
struct Outcome {
    path: PathBuf,
    /// `None`: the file declares no expectations.
    difference: Option<callspec::expect::Difference>,
    unusable: bool,
}

pub fn run(args: &TestArgs) -> Exit {
    let limits = args.limits.limits();
    let lang = super::args::lang(args.lang);
    let specs = load::Specs { builtin: true, paths: args.specs.iter().cloned().collect() };
    let bundle = load::load_specs(&specs, &limits, None);
    super::specs::note_overrides(&bundle.overridden);
    if !bundle.failed.is_empty() {
        let findings = bundle.findings;
        let text = callspec::render::human_all(&findings, callspec::render::Style { lang, ..Default::default() });
        super::out(&match (lang, &args.specs) {
            (Lang::En, None) => format!("{text}\nthe built-in specs have errors; run `callspec check`\n"),
            (Lang::En, Some(dir)) => format!("{text}\nthe specs under {} have errors; run `callspec check`\n", dir.display()),
            (Lang::Zh, None) => format!("{text}\n内置的规范文件有错误；请运行 `callspec check`\n"),
            (Lang::Zh, Some(dir)) => format!("{text}\n{} 下的规范文件有错误；请运行 `callspec check`\n", dir.display()),
        });
        return Exit::Unusable;
    }
    let calls = Calls::ById(bundle.calls.into_iter().map(|(_, c)| (c.id.clone(), c)).collect());
    let opts = Options { limits, complete: args.complete, ..Options::default() };
    // Without --batch every file is one group: no rules across files.
    let groups: Vec<Vec<PathBuf>> = if args.batch {
        args.paths.iter().map(|p| load::expand(std::slice::from_ref(p))).collect()
    } else {
        vec![load::expand(&args.paths)]
    };
    let mut outcomes = Vec::new();
    for files in &groups {
        let mut found: Vec<Vec<Finding>> = Vec::with_capacity(files.len());
        let mut records = batch::run(
            files,
            &calls,
            &opts,
            |_, findings| {
                let unusable = findings.iter().any(Finding::is_unusable_input);
                (findings, callspec::diagnostics::Tally::default(), unusable)
            },
            |_, findings| found.push(findings),
        );
        if args.batch {
            for (i, f) in batch::across(&mut records, files, &calls, &opts) {
                found[i].push(f);
            }
        }
        for ((record, mut findings), path) in records.into_iter().zip(found).zip(files) {
            findings.extend(record.held.unwrap_or_default());
            let difference = record.expect.as_ref().map(|e| callspec::expect::compare(e, &findings));
            outcomes.push(Outcome { path: path.clone(), difference, unusable: record.unusable && record.expect.is_none() });
        }
    }
    report(args, &outcomes, lang)
}

fn report(args: &TestArgs, outcomes: &[Outcome], lang: Lang) -> Exit {
    let failed = outcomes.iter().filter(|o| o.difference.as_ref().is_some_and(|d| !d.is_empty())).count();
    let skipped = outcomes.iter().filter(|o| o.difference.is_none()).count();
    let passed = outcomes.len() - failed - skipped;
    let unusable = outcomes.iter().any(|o| o.unusable);
    let exit = if failed > 0 {
        Exit::Findings
    } else if unusable || passed == 0 {
        Exit::Unusable
    } else {
        Exit::Clean
    };
    let pairs = |v: &[(String, Severity)]| v.iter().map(|(c, s)| format!("{c} ({})", s.as_str())).collect::<Vec<_>>().join(", ");
    match args.format {
        TestFormat::Human => {
            let w = Words::of(lang);
            let mut out = String::new();
            for o in outcomes {
                let name = o.path.display();
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
                    }
                }
            }
            out.push_str(&match (lang, exit == Exit::Clean) {
                (Lang::En, clean) => {
                    format!("{}: {passed} passed, {failed} failed, {skipped} skipped\n", if clean { "ok" } else { "failed" })
                }
                (Lang::Zh, clean) => {
                    format!("{}：{passed} 个通过，{failed} 个失败，{skipped} 个跳过\n", if clean { "通过" } else { "未通过" })
                }
            });
            super::out(&out);
        }
        TestFormat::Json => {
            let files: Vec<serde_json::Value> = outcomes
                .iter()
                .map(|o| {
                    let status = match &o.difference {
                        None => "skipped",
                        Some(d) if d.is_empty() => "passed",
                        Some(_) => "failed",
                    };
                    let list = |v: &[(String, Severity)]| -> Vec<serde_json::Value> {
                        v.iter().map(|(c, s)| serde_json::json!({ "code": c, "severity": s })).collect()
                    };
                    let (missing, unexpected) = o.difference.as_ref().map_or((vec![], vec![]), |d| (list(&d.missing), list(&d.unexpected)));
                    serde_json::json!({ "file": o.path.display().to_string(), "status": status, "missing": missing, "unexpected": unexpected })
                })
                .collect();
            let doc = serde_json::json!({
                "version": 1, "exit_code": exit as i32,
                "summary": { "passed": passed, "failed": failed, "skipped": skipped },
                "files": files,
            });
            super::out(&format!("{}\n", serde_json::to_string_pretty(&doc).expect("JSON serialises")));
        }
    }
    exit
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
            },
            Lang::Zh => Words {
                skip: "跳过",
                ok: "通过",
                fail: "失败",
                unusable: "（无法使用：请对其运行 `callspec validate`）",
                no_expect: "（未声明 `expect:`）",
                missing: "预期但未报告：",
                unexpected: "报告但未预期：",
            },
        }
    }
}
