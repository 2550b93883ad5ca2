//! What the cross-application rules need to know of one validated file: a few short keys
//! and where to label them (JSON pointers), so a batch of 100,000 files keeps only a few MB.

use chrono::NaiveDateTime;

use crate::application::Application;
use crate::model::Call;

/// The facts of one application.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The call it was validated against: its index in [`Calls::nth`](super::Calls::nth).
    pub call: usize,
    /// Index into the call's categories of the one leaf category applied for.
    pub category: Option<usize>,
    /// Who applies, as a 64-bit hash of: the 9-character organisation code (the middle of an
    /// 18-character 统一社会信用代码, or a 组织机构代码 without its hyphen), else the normalised
    /// unit name. Hashes keep 100,000 files' facts in a few MB.
    pub applicant: Option<u64>,
    /// Where the applicant key was read from (`/lead/credit_code`, ...).
    pub applicant_pointer: &'static str,
    /// A hash of the project name, normalised: full-width forms folded, case folded, only
    /// letters and digits (any script) kept.
    pub project: Option<u64>,
    /// For each deadline with a conditional extension that applies: where the file stands.
    pub extensions: Vec<(usize, DeadlineStatus)>,
    /// For each limit of the call that counts something other than the applicant (`per`): a hash
    /// of the values at its paths, normalised; `None` when one of them is missing.
    pub limit_keys: Vec<Option<u64>>,
}

/// Where an application stands against a deadline that may be extended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// In time for the original deadline.
    OnTime,
    /// After the original deadline, within the extension (index into its extensions), with
    /// the pointer of the submission time judged.
    InExtension(usize, Box<str>),
    /// After every extension too.
    Late,
}

impl Facts {
    pub fn of(call_index: usize, call: &Call, app: &Application, draft: &serde_json::Value, as_of: NaiveDateTime) -> Facts {
        let category = match app.categories() {
            [one] => call.find_category(one).and_then(|k| call.categories.iter().position(|c| c.leaf && c.path == k.path)),
            _ => None,
        };
        let cat = category.map(|i| &call.categories[i]);
        let (applicant, applicant_pointer) = applicant_key(app);
        let mut extensions = Vec::new();
        for (i, d) in call.deadlines.iter().enumerate() {
            if d.extensions.is_empty() || !d.applies(cat) {
                continue;
            }
            let declared = d.declared_moments(app);
            let moments: Vec<(NaiveDateTime, String)> = if declared.is_empty() {
                vec![(as_of, "/submission".to_owned())]
            } else {
                declared.iter().map(|(k, w, field)| (w.start(), format!("/submission/{k}/{field}"))).collect()
            };
            let latest = moments.into_iter().max_by_key(|(m, _)| *m);
            let status = match latest {
                Some((m, _)) if m <= d.closes.end() => DeadlineStatus::OnTime,
                Some((m, pointer)) => match d.extensions.iter().position(|e| m <= e.until.end()) {
                    Some(e) => DeadlineStatus::InExtension(e, pointer.into()),
                    None => DeadlineStatus::Late,
                },
                None => DeadlineStatus::OnTime,
            };
            extensions.push((i, status));
        }
        let project = normalise(app.project().name.as_deref().unwrap_or_default());
        let limit_keys = call.limits.iter().filter(|l| !l.per.is_empty()).map(|l| limit_key(draft, &l.per)).collect();
        Facts {
            call: call_index,
            category,
            applicant,
            applicant_pointer,
            project: (!project.is_empty()).then(|| hash(&project)),
            extensions,
            limit_keys,
        }
    }
}

/// A stable 64-bit hash (SipHash with fixed keys: the same in every run).
fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// What a limit counts in one draft: the values at its pointers, each normalised, hashed
/// together; `None` when one is missing or blank.
fn limit_key(draft: &serde_json::Value, pointers: &[String]) -> Option<u64> {
    let mut parts = Vec::with_capacity(pointers.len());
    for p in pointers {
        let text = match draft.pointer(p)? {
            serde_json::Value::String(s) => normalise(s),
            serde_json::Value::Null => return None,
            other => normalise(&other.to_string()),
        };
        if text.is_empty() {
            return None;
        }
        parts.push(text);
    }
    Some(hash(&parts.join("\u{1f}")))
}

/// The key that identifies the lead applicant across files, and the pointer it came from.
fn applicant_key(app: &Application) -> (Option<u64>, &'static str) {
    let lead = app.lead();
    if let Some(code) = lead.credit_code.as_ref().map(|c| c.0.trim().to_uppercase())
        && code.chars().count() == 18
    {
        let org: String = code.chars().skip(8).take(9).collect();
        return (Some(hash(&org)), "/lead/credit_code");
    }
    if let Some(code) = lead.org_code.as_deref().map(|c| c.trim().to_uppercase().replace(['-', '－'], ""))
        && code.chars().count() == 9
    {
        return (Some(hash(&code)), "/lead/org_code");
    }
    let name = normalise(lead.name.as_deref().unwrap_or_default());
    ((!name.is_empty()).then(|| hash(&name)), "/lead/name")
}

/// Folds full-width forms to ASCII, lower-cases, and keeps only letters and digits, so that
/// “《科普进社区》 行动” and “科普进社区行动” compare equal.
pub fn normalise(text: &str) -> String {
    // Most names are CJK ideographs and ASCII: those are read without the Unicode tables.
    let plain = |c: char| c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c);
    if text.chars().all(|c| c.is_ascii() || plain(c)) {
        return text.chars().filter(|&c| plain(c)).map(|c| c.to_ascii_lowercase()).collect();
    }
    general_normalise(text)
}

fn general_normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_punctuation_width_or_case() {
        assert_eq!(normalise("《科普进社区》 行动"), normalise("科普进社区行动"));
        for t in ["科普进社区 AI-2025 行动", "Ｓｃｉ科普", "科普\u{3000}讲座", "a\u{7f}b\tC", "鿿一丁", "Straße ǅ", ""]
        {
            assert_eq!(normalise(t), general_normalise(t), "{t}");
        }
        assert_eq!(normalise("ＡＩ科普 2025"), normalise("ai科普2025"));
        assert_ne!(normalise("科普进社区"), normalise("科普进校园"));
    }
}
