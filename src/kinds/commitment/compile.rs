//! Compiling the commitments: ids unique, categories known, conditions checked; a text that is
//! not a summary is a quote of the notice.

use super::{Commitment, spec};
use crate::compile::{Cx, spec_item};
use crate::tr;

spec_item!(spec::Commitment, tr!("commitment", "承诺事项"));

/// The commitments (`commitments:`), their categories among the spec's `paths`; each
/// text, unless a summary, is a quote to check.
pub(crate) fn commitments(cx: &mut Cx, paths: &[String]) -> Vec<Commitment> {
    let spec = cx.spec();
    cx.items(&spec.commitments, "/commitments", |cx, c, ptr, cite| {
        cx.paths(&c.categories, &format!("{ptr}/categories"), paths);
        let when = c.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when")));
        let id = c.id.clone().unwrap_or_default();
        if let (false, Some(text)) = (c.summary, &c.text) {
            cx.quoted(format!("{ptr}/text"), tr!("the text of commitment `{id}`", "承诺事项 `{id}` 的文本"), text, &c.source);
        }
        Some(Commitment {
            summary: c.summary,
            id,
            stage: c.stage?,
            text: c.text.clone().unwrap_or_default(),
            categories: c.categories.clone(),
            affirm: c.affirm,
            soft: c.soft,
            when,
            cite,
        })
    })
}
