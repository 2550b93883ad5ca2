//! The `commitment` kind: obligations of the notice that a draft cannot show it meets: those
//! binding after the award (`stage: award`: reports, contracts, attribution) and instructions
//! for filling the form that need a person's judgement (`stage: form`: 如实填写, 单位全称与公章
//! 相符). Listed so that every clause of the notice is accounted for, and shown in the guide.
//!
//! A commitment the applicant must affirm in the form (`affirm: true`: 承诺书, 未明确承诺…将作
//! 无效申报处理) is a positive statement in the draft, `commitments: { <id>: true }`, checked by
//! `commitment.unaffirmed`.

mod commitment_unaffirmed;

mod compile;
pub mod spec;

use serde_json::{Value, json};

use crate::diagnostics::Citation;
use crate::kinds::Kind;
use crate::model::Call;

pub(crate) use compile::commitments;
pub use spec::Stage;

pub const KIND: Kind = Kind { name: "commitment", rules: &[&commitment_unaffirmed::RULE] };

/// The commitment kind's part of the call's application schema: each commitment to affirm as a
/// property of `commitments` that must be `true`, with its text on hover; those that bind every
/// draft (no category or condition) required. A key that is no commitment of the call is an
/// error in an editor, as it is in the validator.
pub fn schema(call: &Call, cited: impl Fn(&crate::diagnostics::Citation) -> String) -> Option<(Value, Option<Value>)> {
    let affirmed: Vec<_> = call.commitments.iter().filter(|c| c.affirm).collect();
    if affirmed.is_empty() {
        return None;
    }
    let props: serde_json::Map<String, Value> = affirmed
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                json!({ "description": format!("承诺: {}. Write `true` to affirm it. {}", c.text, cited(&c.cite)), "const": true }),
            )
        })
        .collect();
    let property = json!({ "type": "object", "properties": props, "additionalProperties": false });
    let always: Vec<&str> = affirmed.iter().filter(|c| c.categories.is_empty() && c.when.is_none()).map(|c| c.id.as_str()).collect();
    let required =
        (!always.is_empty()).then(|| json!({ "required": ["commitments"], "properties": { "commitments": { "required": always } } }));
    Some((property, required))
}

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub id: String,
    pub stage: Stage,
    pub text: String,
    pub categories: Vec<String>,
    /// The applicant affirms it in the draft (`commitments:`).
    pub affirm: bool,
    pub soft: bool,
    /// It applies only where this holds.
    pub when: Option<crate::kinds::condition::Expr>,
    /// True when `text` is the spec author's summary, not the notice's words.
    pub summary: bool,
    pub cite: Citation,
}
