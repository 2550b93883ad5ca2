//! The `limit` requirement kind: how many applications one applicant (or one value of the
//! keys it counts `per`) may make among some categories, and categories that may not be
//! combined. Its rules count across the files of a batch, so they run where the batch runs
//! them (`batch/rules/applicant_limit.rs`, `exclusive_categories.rs`), and the kind has no
//! `KIND` of per-draft rules.

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::model::Call;

pub(crate) use compile::limits;

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Limit {
    pub id: String,
    /// Category paths it counts (every top-level category when the spec names none).
    pub categories: Vec<String>,
    /// The spec named no categories: the limit is over the whole call.
    pub whole_call: bool,
    pub max: u32,
    pub exclusive: bool,
    /// JSON pointers whose values together are what is counted; empty: the lead applicant.
    pub per: Vec<String>,
    /// 原则上: going over is a warning.
    pub soft: bool,
    pub cite: Citation,
}

impl Limit {
    /// What the limit counts, in words: the labels of the declared fields or form keys at its
    /// pointers (`推荐单位`, `申报单位名称、所在院系`); the applicant for a limit per applicant.
    pub fn counted(&self, call: &Call) -> Text {
        if self.per.is_empty() {
            return Text::new("applicant", "申报单位");
        }
        let names: Vec<Text> = self
            .per
            .iter()
            .map(|p| {
                let declared = call.fields.iter().find(|f| {
                    let (section, list) = f.place.section();
                    !list && *p == format!("/{section}/{}", f.id)
                });
                match declared {
                    Some(f) => f.label.clone(),
                    None => crate::application::field_label(p)
                        .map_or_else(|| Text::from(p.trim_start_matches('/').replace('/', ".")), |l| Text::new(l.en, l.zh)),
                }
            })
            .collect();
        Text::new(
            names.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join(" / "),
            names.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>().join("、"),
        )
    }
}
