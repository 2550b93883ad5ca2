//! `callspec test`: example drafts that declare the findings they expect (`expect:`), checked
//! against their calls; any difference fails. A funder's CI runs this over its spec's examples.

use std::path::PathBuf;

use callspec::batch::{self, Calls, Options};
use callspec::diagnostics::{Finding, Severity};
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
    let bundle = load::bundle(std::slice::from_ref(&args.specs), &limits);
    if !bundle.failed.is_empty() {
        let findings = bundle.findings;
        let text = callspec::render::human_all(&findings, callspec::render::Style::default());
        super::out(&format!("{text}\nthe specs under {} have errors; run `callspec check`\n", args.specs.display()));
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
    report(args, &outcomes)
}

fn report(args: &TestArgs, outcomes: &[Outcome]) -> Exit {
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
            let mut out = String::new();
            for o in outcomes {
                let name = o.path.display();
                match &o.difference {
                    None if o.unusable => out.push_str(&format!("skip  {name} (unusable: run `callspec validate` on it)\n")),
                    None => out.push_str(&format!("skip  {name} (declares no `expect:`)\n")),
                    Some(d) if d.is_empty() => out.push_str(&format!("ok    {name}\n")),
                    Some(d) => {
                        out.push_str(&format!("FAIL  {name}\n"));
                        if !d.missing.is_empty() {
                            out.push_str(&format!("      expected, not reported: {}\n", pairs(&d.missing)));
                        }
                        if !d.unexpected.is_empty() {
                            out.push_str(&format!("      reported, not expected: {}\n", pairs(&d.unexpected)));
                        }
                    }
                }
            }
            let verdict = if exit == Exit::Clean { "ok" } else { "failed" };
            out.push_str(&format!("{verdict}: {passed} passed, {failed} failed, {skipped} skipped\n"));
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
