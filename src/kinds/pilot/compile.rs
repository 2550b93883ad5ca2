//! Compiling the reference lists (ids unique, entry names unique in each) and a category's
//! pilot rule (its list one of them).

use std::collections::BTreeMap;

use super::{Reference, ReferenceEntry, spec};
use crate::compile::codes::*;
use crate::compile::{Cx, spec_item};
use crate::model::Cited;
use crate::schema::suggest;
use crate::tr;

spec_item!(spec::Reference, tr!("reference list", "名单"));

/// The reference lists (`references:`), by id; entry names unique in each.
pub(crate) fn references(cx: &mut Cx) -> BTreeMap<String, Reference> {
    let spec = cx.spec();
    cx.items(&spec.references, "/references", |cx, r, ptr, cite| {
        let list = r.entries.as_deref().unwrap_or_default();
        cx.duplicates(
            list.iter().enumerate().map(|(j, e)| (e.name.as_deref(), format!("{ptr}/entries/{j}/name"))),
            tr!("reference entry", "名单条目"),
        );
        let entries = list
            .iter()
            .map(|e| ReferenceEntry {
                name: e.name.clone().unwrap_or_default(),
                aliases: e.aliases.clone(),
                goal: e.goal.clone(),
                industries: e.industries.clone(),
                cultivated: e.cultivated.clone(),
            })
            .collect();
        let id = r.id.clone()?;
        Some((id.clone(), Reference { id, name: r.name.clone().unwrap_or_default(), entries, cite }))
    })
    .into_iter()
    .collect()
}

/// The pilot rule at `ptr`: the list it names is a reference list of the spec.
pub(crate) fn pilot(cx: &mut Cx, rule: &spec::PilotRule, ptr: &str) -> Cited<String> {
    let spec = cx.spec();
    let list = rule.list.clone().unwrap_or_default();
    let lists_known = !cx.unusable("/references") && (0..spec.references.len()).all(|i| !cx.unusable(&format!("/references/{i}/id")));
    if rule.list.is_some() && lists_known && !spec.references.iter().any(|r| r.id.as_deref() == Some(list.as_str())) {
        let near = suggest(&list, spec.references.iter().filter_map(|r| r.id.as_deref())).map(str::to_owned);
        let f = cx.error(
            UNKNOWN_REF,
            tr!("`{list}` is not a reference list of this spec", "`{list}` 不是本规范文件中的名单"),
            &format!("{ptr}/list"),
            tr!("unknown list", "未知名单"),
        );
        f.help = Some(near.map_or_else(
            || tr!("define it under `references:`", "请在 `references:` 下定义"),
            |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
        ));
    }
    Cited { value: list, cite: cx.cite(&rule.source, ptr, tr!("pilot-city rule", "试点城市规则")) }
}
