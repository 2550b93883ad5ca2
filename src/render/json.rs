//! The JSON report: a stable, documented shape (README, "JSON output"). The texts (`message`,
//! label `text`, `requirement`, `help`) are in the chosen language; the fields stay the same.

use crate::diagnostics::Finding;
use crate::i18n::Lang;

/// The whole report for a set of findings (what `check` prints).
pub fn json(findings: &[Finding], files: usize, exit: i32, lang: Lang) -> serde_json::Value {
    let items: Vec<serde_json::Value> = findings.iter().map(|f| json_finding(f, lang)).collect();
    let t = crate::diagnostics::Tally::of(findings);
    serde_json::json!({
        "version": 1,
        "files": files,
        "exit_code": exit,
        "summary": { "errors": t.errors, "warnings": t.warnings, "advice": t.advice },
        "findings": items,
    })
}

pub fn json_finding(f: &Finding, lang: Lang) -> serde_json::Value {
    let file = f.file.as_deref();
    let pos = |off: usize| file.map(|s| s.line_col(off));
    let labels: Vec<serde_json::Value> = f
        .labels
        .iter()
        .map(|l| {
            let (line, column) = pos(l.span.offset).unwrap_or((0, 0));
            let (end_line, end_column) = pos(l.span.offset + l.span.len).unwrap_or((0, 0));
            serde_json::json!({
                "primary": l.primary, "text": l.text.get(lang),
                "line": line, "column": column, "end_line": end_line, "end_column": end_column,
                "offset": l.span.offset, "length": l.span.len,
                "value": file.and_then(|s| s.slice(l.span)),
            })
        })
        .collect();
    let (line, column) = f.primary_span().and_then(|s| pos(s.offset)).unwrap_or((0, 0));
    serde_json::json!({
        "code": f.code.code,
        "severity": f.severity,
        "message": f.message.get(lang),
        "file": file.map(|s| s.name.as_str()),
        "pointer": f.pointer,
        "line": line,
        "column": column,
        "labels": labels,
        "requirement": f.requirement.as_ref().map(|t| t.get(lang)),
        "citation": f.citation,
        "help": f.help.as_ref().map(|t| t.get(lang)),
    })
}
