//! The JSON report: a stable, documented shape (README, "JSON output"). The texts (`message`,
//! label `text`, `requirement`, `help`) are in the chosen language; the fields stay the same.

use crate::diagnostics::Finding;
use crate::i18n::Lang;

/// One finding as the JSON report has it (the report itself is written in pieces by the
/// command line, so a batch can stream it).
pub fn json_finding(f: &Finding, lang: Lang) -> serde_json::Value {
    let file = f.file.as_deref();
    // A Word form has no lines: its labels carry the draft key and the form place instead.
    let form = !f.places.is_empty();
    let pos = |off: usize| file.filter(|_| !form).map(|s| s.line_col(off));
    let labels: Vec<serde_json::Value> = f
        .labels
        .iter()
        .map(|l| {
            let (line, column) = pos(l.span.offset).unwrap_or((0, 0));
            let (end_line, end_column) = pos(l.span.offset + l.span.len).unwrap_or((0, 0));
            let mut label = serde_json::json!({
                "primary": l.primary, "text": l.text.get(lang),
                "line": line, "column": column, "end_line": end_line, "end_column": end_column,
                "offset": if form { 0 } else { l.span.offset }, "length": if form { 0 } else { l.span.len },
                "value": file.and_then(|s| s.slice(l.span)),
            });
            if let Some(p) = f.place_of(l) {
                label["pointer"] = serde_json::json!(p.pointer);
                label["value"] = serde_json::json!(p.typed);
                label["place"] = serde_json::json!({
                    "section": p.section, "table": p.table, "row": p.row, "field": p.field, "text": p.path(lang),
                });
            }
            label
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
