//! `callspec migrate`: a version 1 spec rewritten as version 2, in place in its text, so that
//! comments, layout and quoting stay as the author wrote them.
//!
//! What changes from version 1 to 2 (everything else reads the same):
//!
//! | version 1 | version 2 |
//! |---|---|
//! | `callspec: 1` | `callspec: 2` |
//! | amount `kind: soft-cap` | `kind: cap` with `soft: true` |
//! | quota `kind: approx` (左右, 约) | `kind: exact` with `soft: true` |
//! | tranche `approx: true` | `soft: true` |
//! | partner `applicants_only: true` | `role: co-applicant` (`false`: `role: any`) |
//!
//! Each edit replaces or inserts text at a span of the parsed document; a key added to a flow
//! mapping (`{ kind: cap, soft: true, ... }`) goes after the value it follows, one added to a
//! block mapping on its own line at the indentation of its siblings.

use serde_json::Value;

use crate::diagnostics::Span;
use crate::document::Document;

/// The migrated text of a version 1 spec; `None` when the document is not a version 1 spec.
pub fn spec(doc: &Document) -> Option<String> {
    if doc.value.get("callspec").and_then(Value::as_u64) != Some(1) {
        return None;
    }
    let mut edits = Edits { doc, out: Vec::new() };
    edits.replace_value("/callspec", "2");
    if doc.value.pointer("/quota").is_some() {
        edits.quota("/quota");
    }
    if let Some(cats) = doc.value.get("categories").and_then(Value::as_array) {
        for (i, c) in cats.iter().enumerate() {
            edits.category(c, &format!("/categories/{i}"));
        }
    }
    Some(edits.apply())
}

struct Edits<'a> {
    doc: &'a Document,
    /// (offset, length replaced, new text).
    out: Vec<(usize, usize, String)>,
}

impl Edits<'_> {
    fn category(&mut self, c: &Value, ptr: &str) {
        if c.pointer("/amount/kind").and_then(Value::as_str) == Some("soft-cap") {
            self.replace_value(&format!("{ptr}/amount/kind"), "cap");
            self.insert_after(&format!("{ptr}/amount/kind"), "soft", "true");
        }
        if c.get("quota").is_some() {
            self.quota(&format!("{ptr}/quota"));
        }
        for (j, t) in c.get("tranches").and_then(Value::as_array).into_iter().flatten().enumerate() {
            if t.get("approx").is_some() {
                self.rename_key(&format!("{ptr}/tranches/{j}/approx"), "soft");
            }
        }
        for (j, p) in c.get("partners").and_then(Value::as_array).into_iter().flatten().enumerate() {
            if let Some(v) = p.get("applicants_only").and_then(Value::as_bool) {
                let at = format!("{ptr}/partners/{j}/applicants_only");
                self.rename_key(&at, "role");
                self.replace_value(&at, if v { "co-applicant" } else { "any" });
            }
        }
        for (j, child) in c.get("children").and_then(Value::as_array).into_iter().flatten().enumerate() {
            self.category(child, &format!("{ptr}/children/{j}"));
        }
    }

    fn quota(&mut self, ptr: &str) {
        if self.doc.value.pointer(&format!("{ptr}/kind")).and_then(Value::as_str) == Some("approx") {
            self.replace_value(&format!("{ptr}/kind"), "exact");
            self.insert_after(&format!("{ptr}/kind"), "soft", "true");
        }
    }

    fn replace_value(&mut self, ptr: &str, text: &str) {
        let s = self.doc.spans().value(ptr);
        self.out.push((s.offset, s.len, text.to_owned()));
    }

    fn rename_key(&mut self, ptr: &str, key: &str) {
        let s = self.doc.spans().key(ptr);
        self.out.push((s.offset, s.len, key.to_owned()));
    }

    /// Adds `key: value` to the mapping holding `ptr`, right after `ptr`'s value.
    fn insert_after(&mut self, ptr: &str, key: &str, value: &str) {
        let text = &self.doc.file.text;
        let k: Span = self.doc.spans().key(ptr);
        let v: Span = self.doc.spans().value(ptr);
        let before = text[..k.offset].trim_end_matches([' ', '\t']);
        let flow = before.ends_with('{') || before.ends_with(',');
        let at = v.offset + v.len;
        if flow {
            self.out.push((at, 0, format!(", {key}: {value}")));
        } else {
            let line_start = text[..k.offset].rfind('\n').map_or(0, |i| i + 1);
            let indent = &text[line_start..k.offset];
            // A sequence entry's first key (`- kind: ...`) indents its siblings past the dash.
            let indent: String = indent.chars().map(|c| if c == '-' { ' ' } else { c }).collect();
            self.out.push((at, 0, format!("\n{indent}{key}: {value}")));
        }
    }

    fn apply(mut self) -> String {
        let mut text = self.doc.file.text.to_string();
        self.out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        for (at, len, new) in self.out {
            text.replace_range(at..at + len, &new);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use crate::source::{Limits, SourceFile};

    fn migrate(text: &str) -> String {
        let doc = crate::document::parse(SourceFile::new("s.yaml", text), &Limits::default()).expect("parses");
        super::spec(&doc).expect("a version 1 spec")
    }

    #[test]
    fn flow_and_block_mappings_keep_their_layout_and_comments() {
        let v1 = "# a spec\ncallspec: 1  # version\nquota: { kind: approx, value: 50, source: q }\ncategories:\n  - id: a\n    amount:\n      kind: soft-cap   # 原则上\n      value: 30\n    tranches:\n      - { share: 50, approx: true, when: x }\n    partners:\n      - id: p\n        applicants_only: true\n  - id: b\n    amount: { kind: soft-cap, value: 15, source: s }\n";
        let v2 = "# a spec\ncallspec: 2  # version\nquota: { kind: exact, soft: true, value: 50, source: q }\ncategories:\n  - id: a\n    amount:\n      kind: cap\n      soft: true   # 原则上\n      value: 30\n    tranches:\n      - { share: 50, soft: true, when: x }\n    partners:\n      - id: p\n        role: co-applicant\n  - id: b\n    amount: { kind: cap, soft: true, value: 15, source: s }\n";
        assert_eq!(migrate(v1), v2);
    }

    #[test]
    fn a_version_2_spec_is_left_alone() {
        let doc = crate::document::parse(SourceFile::new("s.yaml", "callspec: 2\n"), &Limits::default()).unwrap();
        assert!(super::spec(&doc).is_none());
    }
}
