//! Compiling the preferences: ids unique, categories known, conditions checked; a text that is
//! not a summary is a quote of the notice.

use super::{Preference, spec};
use crate::compile::{Cx, spec_item};
use crate::tr;

spec_item!(spec::Preference, tr!("preference", "优先支持条款"));

/// The preferences (`preferences:`), their categories among the spec's `paths`; each text,
/// unless a summary, is a quote to check.
pub(crate) fn preferences(cx: &mut Cx, paths: &[String]) -> Vec<Preference> {
    let spec = cx.spec();
    cx.items(&spec.preferences, "/preferences", |cx, p, ptr, cite| {
        cx.applicant_types(&p.partner_types, &format!("{ptr}/partner_types"));
        cx.paths(&p.categories, &format!("{ptr}/categories"), paths);
        let id = p.id.clone().unwrap_or_default();
        if let (false, Some(text)) = (p.summary, &p.text) {
            cx.quoted(format!("{ptr}/text"), tr!("the text of preference `{id}`", "优先支持条款 `{id}` 的文本"), text, &p.source);
        }
        Some(Preference {
            id,
            summary: p.summary,
            text: p.text.clone().unwrap_or_default(),
            partner_types: p.partner_types.clone(),
            met: p.met.as_ref().and_then(|m| cx.expression(m, &format!("{ptr}/met"))),
            field: p.field.as_ref().map_or_else(|| "/project".to_owned(), |f| format!("/{}", f.trim().replace('.', "/"))),
            categories: p.categories.clone(),
            when: p.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when"))),
            cite,
        })
    })
}
