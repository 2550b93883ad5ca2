//! A draft written as YAML (`callspec export`): block style, text quoted only where YAML would
//! read it otherwise, so reading the YAML back gives the same JSON value.

use serde_json::Value;

/// The top-level keys in the order of the form (the rest follow, sorted).
const ORDER: &[&str] = &[
    "$schema",
    "application",
    "call",
    "category",
    "project",
    "lead",
    "joint",
    "partners",
    "leader",
    "contact",
    "budget",
    "kpis",
    "events",
    "deliverables",
    "team",
    "letters",
    "attestations",
    "submission",
    "expect",
];

/// The value as a YAML document, after a comment line.
pub fn to_yaml(value: &Value, comment: &str) -> String {
    let mut out = String::new();
    for line in comment.lines() {
        out.push_str(&format!("# {line}\n"));
    }
    match value {
        Value::Object(m) if !m.is_empty() => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort_by_key(|k| (ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()), k.to_string()));
            for k in keys {
                entry(&mut out, 0, k, &m[k]);
            }
        }
        v => {
            out.push_str(&inline(v));
            out.push('\n');
        }
    }
    out
}

fn entry(out: &mut String, indent: usize, key: &str, v: &Value) {
    out.push_str(&" ".repeat(indent));
    out.push_str(&scalar(key));
    out.push(':');
    block(out, indent, v);
}

/// What follows `key:` or `-`: a scalar on the same line, or a nested block.
fn block(out: &mut String, indent: usize, v: &Value) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            for (k, x) in m {
                entry(out, indent + 2, k, x);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            for x in items {
                out.push_str(&" ".repeat(indent + 2));
                out.push('-');
                match x {
                    Value::Object(m) if !m.is_empty() => {
                        // The first key on the dash's line, the others under it.
                        let mut first = true;
                        for (k, y) in m {
                            if first {
                                out.push(' ');
                                out.push_str(&scalar(k));
                                out.push(':');
                                block(out, indent + 4, y);
                                first = false;
                            } else {
                                entry(out, indent + 4, k, y);
                            }
                        }
                    }
                    _ => block(out, indent + 2, x),
                }
            }
        }
        Value::String(s) if literal(s) => {
            out.push_str(" |-\n");
            for line in s.split('\n') {
                if !line.is_empty() {
                    out.push_str(&" ".repeat(indent + 2));
                    out.push_str(line);
                }
                out.push('\n');
            }
        }
        v => {
            out.push(' ');
            out.push_str(&inline(v));
            out.push('\n');
        }
    }
}

/// A multi-line text that a literal block keeps exactly.
fn literal(s: &str) -> bool {
    s.contains('\n')
        && !s.ends_with('\n')
        && !s.starts_with([' ', '\t'])
        && !s.split('\n').any(|l| l.ends_with([' ', '\t']) || l.starts_with(['\t']))
        && crate::source::control_char(s).is_none()
        && !s.contains('\r')
        && !s.contains('\u{FEFF}')
}

fn inline(v: &Value) -> String {
    match v {
        Value::Null => "~".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => scalar(s),
        Value::Array(a) if a.is_empty() => "[]".to_owned(),
        Value::Object(m) if m.is_empty() => "{}".to_owned(),
        // Not reached: non-empty collections are written as blocks.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// Text plain when YAML reads it back as the same text, else double-quoted (a JSON string is
/// a valid YAML double-quoted scalar).
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'])
        && !s.contains([',', '[', ']', '{', '}', '\n', '\t', '\r'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && crate::document::plain_scalar(s) == Some(Value::String(s.to_owned()));
    if plain { s.to_owned() } else { serde_json::to_string(s).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_reads_back_as_the_value() {
        let v: Value = serde_json::json!({
            "application": 1, "call": "c", "category": ["a/b", "c"],
            "project": { "name": "名称：含冒号", "summary": "两行\n第二行", "n": "5", "d": "4.80", "e": "", "t": "true", "z": "010020", "x": "- a" },
            "budget": { "items": [ { "name": "a", "amount": "1.2" }, { "name": "#b", "amount": 3 } ], "other": null },
            "kpis": {}, "team": [], "weird": [[1, 2], { "a": [] }]
        });
        let text = to_yaml(&v, "exported");
        let doc =
            crate::document::parse(crate::source::SourceFile::new("t.yaml", text.clone()), &crate::source::Limits::default()).unwrap();
        assert_eq!(doc.value, v, "{text}");
    }
}
