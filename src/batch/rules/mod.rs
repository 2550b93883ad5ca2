//! Rules across applications: one file per rule, each with a stable code and a doc. They see
//! only the [`Facts`](super::Facts) of every file, never the files themselves; a finding is
//! labelled by re-reading just the file it is about, and holds its spans but not the file
//! (attached again when it is printed: [`attach`]), so a batch of any size keeps no file
//! text. A finding names at most [`NAMED`] other files and counts the rest.

mod applicant_limit;
mod duplicate_project;
mod exclusive_categories;
mod extension;
mod too_few_applicants;

use std::sync::Arc;

use crate::diagnostics::{CodeInfo, Finding, Severity};
use crate::document::Document;
use crate::i18n::Text;
use crate::model::Call;

use super::{Calls, Facts, Options, Record};

/// A rule across applications.
pub struct CrossRule {
    pub info: &'static CodeInfo,
    pub check: fn(&mut Cx),
}

/// Every cross-application rule, in the order they run.
pub const ALL: &[&CrossRule] = &[
    &applicant_limit::RULE,
    &exclusive_categories::RULE,
    &duplicate_project::RULE,
    &too_few_applicants::RULE,
    &extension::APPLIES,
    &extension::NOT_TRIGGERED,
];

/// What a cross-application rule sees.
pub struct Cx<'a> {
    pub records: &'a mut [Record],
    /// The files, in the order of `records`.
    pub paths: &'a [std::path::PathBuf],
    pub calls: &'a Calls,
    pub opts: &'a Options,
    /// The file read last, parsed: rules ask about one file a few times in a row.
    last: Option<(usize, Option<Arc<Document>>)>,
    findings: Vec<(usize, Finding)>,
}

/// The most other files a finding names; the rest are counted.
pub const NAMED: usize = 3;

impl<'a> Cx<'a> {
    /// The validated files of one call: (index, facts), in input order.
    pub fn of_call(&self, call: &Call) -> Vec<(usize, Facts)> {
        let Some(n) = (0..).map_while(|i| self.calls.nth(i)).position(|c| std::ptr::eq(c, call)) else { return Vec::new() };
        self.records.iter().enumerate().filter_map(|(i, r)| r.facts.clone().filter(|f| f.call == n).map(|f| (i, f))).collect()
    }

    /// The validated files of one call whose category lies within one of `scopes`.
    pub fn within(&self, call: &Call, scopes: &[String]) -> Vec<(usize, Facts)> {
        let inside = |c: usize| scopes.iter().any(|s| Call::within(&call.categories[c].path, s));
        self.of_call(call).into_iter().filter(|(_, f)| f.category.is_some_and(inside)).collect()
    }

    /// Every call some file was validated against, in id order.
    pub fn calls(&self) -> Vec<&'a Call> {
        let ids: std::collections::BTreeSet<usize> = self.records.iter().filter_map(|r| r.facts.as_ref()).map(|f| f.call).collect();
        let calls: &'a Calls = self.calls;
        ids.into_iter().filter_map(|i| calls.nth(i)).collect()
    }

    /// The values at `pointers` in file `i`, for messages: `示例大学 / 物理系`.
    pub fn value(&mut self, i: usize, pointers: &[String]) -> String {
        let Some(doc) = self.doc(i) else { return self.paths[i].display().to_string() };
        let parts: Vec<String> = pointers
            .iter()
            .map(|p| match doc.value.pointer(p) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => "?".to_owned(),
            })
            .collect();
        parts.join(" / ")
    }

    /// The lead applicant of file `i` for messages: `示例学会 (91350100M000100Y43)`.
    pub fn who(&mut self, i: usize) -> String {
        let Some(doc) = self.doc(i) else { return self.paths[i].display().to_string() };
        let lead = &doc.value["lead"];
        let name = lead["name"].as_str().unwrap_or("?");
        match lead["credit_code"].as_str().or(lead["org_code"].as_str()) {
            Some(code) => format!("{name} ({code})"),
            None => name.to_owned(),
        }
    }

    /// File `i` read and parsed again, to label findings on it (only the last one is kept).
    fn doc(&mut self, i: usize) -> Option<Arc<Document>> {
        if let Some((j, doc)) = &self.last
            && *j == i
        {
            return doc.clone();
        }
        let doc = read_doc(&self.paths[i], &self.opts.limits);
        self.last = Some((i, doc.clone()));
        doc
    }

    /// A finding on file `i`, labelled on the value at `pointer` (the file itself is attached
    /// when the finding is printed: [`attach`]).
    pub fn finding(&mut self, i: usize, info: &'static CodeInfo, severity: Severity, message: Text, pointer: &str, label: Text) -> Finding {
        let f = Finding::new(info, severity, message).at_pointer(pointer);
        match self.doc(i) {
            Some(doc) => f.label(doc.spans().value(pointer), label),
            None => f,
        }
    }

    /// Reports a finding on file `i` (the caller counts it in the file's tally, unless it hides it).
    pub fn push(&mut self, i: usize, f: Finding) {
        self.findings.push((i, f));
    }

    /// Removes the held `code` findings of file `i` labelled on the value at `pointer`: what
    /// the batch shows settles them.
    pub fn settle(&mut self, i: usize, code: &str, pointer: &str) {
        let Some(doc) = self.doc(i) else { return };
        let span = if pointer == "/submission" { doc.spans().anchor(pointer) } else { doc.spans().value(pointer) };
        if let Some(held) = &mut self.records[i].held {
            held.retain(|f| !(f.code.code == code && f.primary_span() == Some(span)));
        }
    }

    /// The files of a group but `me`, for messages: `a.yaml, b.yaml`, at most [`NAMED`] of
    /// them and how many more (`a.yaml, b.yaml, c.yaml and 97 more`).
    pub fn others(&self, group: &[usize], me: usize) -> Text {
        let total = group.len() - usize::from(group.contains(&me));
        let names: Vec<String> = group.iter().filter(|&&j| j != me).take(NAMED).map(|&j| self.paths[j].display().to_string()).collect();
        let (en, zh) = (names.join(", "), names.join("、"));
        match total - names.len() {
            0 => Text::new(en, zh),
            more => Text::new(format!("{en} and {more} more"), format!("{zh} 等 {total} 个文件")),
        }
    }
}

/// File `i` read and parsed, if it still can be.
fn read_doc(path: &std::path::Path, limits: &crate::source::Limits) -> Option<Arc<Document>> {
    crate::load::application_document(path, limits).ok().map(|(doc, _)| Arc::new(doc))
}

/// The findings across files with the file each is about attached again (read once for the
/// findings of one file in a row), for printing one at a time.
pub fn attach<'a>(
    findings: impl IntoIterator<Item = (usize, Finding)> + 'a,
    paths: &'a [std::path::PathBuf],
    limits: &'a crate::source::Limits,
) -> impl Iterator<Item = (usize, Finding)> + 'a {
    let mut last: Option<(usize, Option<Arc<Document>>)> = None;
    findings.into_iter().map(move |(i, f)| {
        if last.as_ref().is_none_or(|(j, _)| *j != i) {
            last = Some((i, read_doc(&paths[i], limits)));
        }
        match last.as_ref().and_then(|(_, d)| d.as_ref()) {
            Some(doc) if !f.labels.is_empty() => {
                // A Word form's findings also name the form place of each label.
                let mut f = [f.in_file(doc.file.clone())];
                crate::form::attach(doc, &mut f);
                let [f] = f;
                (i, f)
            }
            _ => (i, f),
        }
    })
}

/// Runs every rule; findings with the index of their file, in deterministic order (file,
/// position, code).
pub fn run(records: &mut [Record], paths: &[std::path::PathBuf], calls: &Calls, opts: &Options) -> Vec<(usize, Finding)> {
    let mut cx = Cx { records, paths, calls, opts, last: None, findings: Vec::new() };
    for rule in ALL {
        (rule.check)(&mut cx);
    }
    let mut out = cx.findings;
    out.sort_by(|(i, a), (j, b)| (i, a.sort_key()).cmp(&(j, b.sort_key())));
    out
}

/// Groups `(index, facts)` by a key, keeping only groups of at least `min` files: groups in
/// key order, files in input order. Takes the files by value and sorts them in place, so a
/// batch of 100,000 files is grouped without a second copy.
pub fn group_by<K: Ord + Copy>(
    mut files: Vec<(usize, Facts)>,
    key: impl Fn(&Facts) -> Option<K>,
    min: usize,
) -> Vec<(K, Vec<(usize, Facts)>)> {
    files.retain(|(_, f)| key(f).is_some());
    files.sort_by_key(|(i, f)| (key(f), *i));
    let mut out: Vec<(K, Vec<(usize, Facts)>)> = Vec::new();
    for (i, f) in files {
        let k = key(&f).expect("kept above");
        match out.last_mut() {
            Some((last, group)) if *last == k => group.push((i, f)),
            _ => {
                if out.last().is_some_and(|(_, g)| g.len() < min) {
                    out.pop();
                }
                out.push((k, vec![(i, f)]));
            }
        }
    }
    if out.last().is_some_and(|(_, g)| g.len() < min) {
        out.pop();
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;
