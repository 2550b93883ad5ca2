//! SARIF 2.1.0 (OASIS), for code-scanning tools: one run, one result per finding, every code
//! it is given (the registry's) as a rule. Written in pieces so a batch can stream its results.

use serde_json::{Value, json};

use crate::diagnostics::{Finding, Severity};
use crate::i18n::Lang;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Everything before the first result.
pub fn sarif_begin() -> String {
    format!("{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"unicodeCodePoints\",\"results\":[")
}

/// Everything after the last result: the tool with its rules (`codes`, described in `lang`:
/// the caller passes the registry's), and how the run ended.
pub fn sarif_end(exit_code: i32, lang: Lang, codes: &[&crate::diagnostics::CodeInfo]) -> String {
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "shortDescription": { "text": c.summary_in(lang) },
                "fullDescription": { "text": c.doc_in(lang) },
                "help": { "text": format!("callspec explain {}", c.code) },
            })
        })
        .collect();
    let tail = json!({
        "tool": { "driver": {
            "name": "callspec",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        "invocations": [{ "executionSuccessful": exit_code != 2, "exitCode": exit_code }],
    });
    // Splice the tail's members into the open run object.
    let tail = tail.to_string();
    format!("],{}]}}", &tail[1..])
}

/// One result, its texts in `lang`.
pub fn sarif_result(f: &Finding, lang: Lang) -> Value {
    let level = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    };
    let text = super::full_text(f, lang);
    let location = |span: crate::diagnostics::Span, message: Option<&str>| -> Option<Value> {
        let file = f.file.as_deref()?;
        let place = f.places.iter().find(|p| p.span == span);
        let mut loc = if let Some(p) = place {
            // A Word form has no lines: the place in the form is a logical location, with the
            // draft key and the value as typed.
            json!({
                "physicalLocation": { "artifactLocation": { "uri": uri(&file.name) } },
                "logicalLocations": [{ "name": p.field.clone().unwrap_or_else(|| p.pointer.clone()), "fullyQualifiedName": p.path(lang), "kind": "member" }],
                "properties": { "pointer": p.pointer, "value": p.typed },
            })
        } else {
            let (sl, sc) = file.line_col(span.offset);
            let (el, ec) = file.line_col(span.offset + span.len);
            json!({ "physicalLocation": {
                "artifactLocation": { "uri": uri(&file.name) },
                "region": { "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec },
            }})
        };
        if let Some(m) = message {
            loc["message"] = json!({ "text": m });
        }
        Some(loc)
    };
    let mut locations: Vec<Value> = Vec::new();
    let mut related: Vec<Value> = Vec::new();
    for l in &f.labels {
        if l.primary && locations.is_empty() {
            let mut loc = location(l.span, Some(l.text.get(lang)));
            // The value's JSON pointer, for tools that locate by document structure (a Word
            // form's place is the logical location already, its pointer among the properties).
            if let (Some(loc), Some(p)) = (loc.as_mut(), &f.pointer)
                && loc.get("logicalLocations").is_none()
            {
                loc["logicalLocations"] = json!([{ "fullyQualifiedName": p }]);
            }
            locations.extend(loc);
        } else if let Some(mut loc) = location(l.span, Some(l.text.get(lang))) {
            loc["id"] = json!(related.len());
            related.push(loc);
        }
    }
    if locations.is_empty()
        && let Some(file) = f.file.as_deref()
    {
        locations.push(json!({ "physicalLocation": { "artifactLocation": { "uri": uri(&file.name) } } }));
    }
    let mut result = json!({
        "ruleId": f.code.code,
        "level": level,
        "message": { "text": text },
        "locations": locations,
        "properties": {
            "severity": f.severity,
            "pointer": f.pointer,
            "requirement": f.requirement.as_ref().map(|t| t.get(lang)),
            "citation": f.citation,
            "help": f.help.as_ref().map(|t| t.get(lang)),
        },
    });
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

/// A relative reference for a file name as given on the command line: forward slashes, with
/// the characters a URI reference may not hold percent-encoded (non-ASCII stays, as an IRI).
fn uri(name: &str) -> String {
    let mut out = String::new();
    for c in name.replace('\\', "/").chars() {
        match c {
            ' ' | '%' | '#' | '?' | '[' | ']' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '^' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_relative_references() {
        assert_eq!(super::uri("examples/a b%.yaml"), "examples/a%20b%25.yaml");
        assert_eq!(super::uri(r"dir\申报书.yaml"), "dir/申报书.yaml");
    }
}
