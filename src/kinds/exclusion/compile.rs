//! Compiling the exclusions: ids unique, applicant types known, conditions checked; a text
//! that is not a summary is a quote of the notice.

use super::{Exclusion, spec};
use crate::compile::{Cx, spec_item};
use crate::diagnostics::Citation;
use crate::tr;

spec_item!(spec::Exclusion, tr!("exclusion", "限制情形"));

/// The exclusions (`exclusions:`).
pub(crate) fn exclusions(cx: &mut Cx) -> Vec<Exclusion> {
    let spec = cx.spec();
    cx.items(&spec.exclusions, "/exclusions", |cx, e, p, cite| Some(compile(cx, e, p, cite)))
}

/// The compiled exclusion at `p`, citing `cite`; its text, unless a summary, is a quote to
/// check.
pub(crate) fn compile(cx: &mut Cx, e: &spec::Exclusion, p: &str, cite: Citation) -> Exclusion {
    cx.applicant_types(&e.applies_to, &format!("{p}/applies_to"));
    let id = e.id.clone().unwrap_or_default();
    if let (false, Some(text)) = (e.summary, &e.text) {
        cx.quoted(format!("{p}/text"), tr!("the text of exclusion `{id}`", "限制情形 `{id}` 的文本"), text, &e.source);
    }
    Exclusion {
        id,
        text: e.text.clone().unwrap_or_default(),
        applies_to: e.applies_to.clone(),
        soft: e.soft,
        summary: e.summary,
        when: e.when.as_ref().and_then(|w| cx.expression(w, &format!("{p}/when"))),
        cite,
    }
}
