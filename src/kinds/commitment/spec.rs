//! What a spec says of a commitment (`commitments:`).

use schemars::JsonSchema;
use serde::Deserialize;

/// An obligation no rule can check from the draft: one that binds after the award, or a
/// form-filling instruction that needs a person's judgement. Listed so that every clause of the
/// notice is accounted for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// `award`: binds after the award (reports, contracts, payment conditions);
    /// `form`: an instruction for filling the form that no rule can judge (truthfulness, full names).
    #[schemars(extend("x-required" = true))]
    pub stage: Option<Stage>,
    /// The obligation, in the notice's words (a quote, checked against the notice
    /// text), or the spec author's summary of them (`summary: true`).
    #[schemars(extend("x-required" = true))]
    pub text: Option<String>,
    /// True when `text` is the spec author's summary, not a quote: it is not checked against the
    /// notice, and guides present it as a summary.
    #[serde(default)]
    pub summary: bool,
    /// Category paths it concerns; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// True when the applicant must affirm it in the form (承诺书; 未明确承诺…将作无效申报处理):
    /// the draft says `commitments: { <id>: true }`.
    #[serde(default)]
    pub affirm: bool,
    /// With `affirm`: true when the notice softens it (原则上), so a missing affirmation warns.
    #[serde(default)]
    pub soft: bool,
    /// It applies only where this expression holds (CEL over the draft, e.g. `lead.type == 'university'`).
    #[serde(default)]
    pub when: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Form,
    Award,
}
