//! The spec's closing lists: what reviewers favour (`preferences:`), obligations
//! (`commitments:`), and reference lists published with the notice (`references:`).

use std::collections::BTreeMap;

use crate::i18n::Text;
use crate::model;
use crate::spec;
use crate::tr;

use super::{Cx, Item};

impl Item for spec::Preference {
    fn what() -> Text {
        tr!("preference", "优先支持条款")
    }
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

impl Item for spec::Commitment {
    fn what() -> Text {
        tr!("commitment", "承诺事项")
    }
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

impl Item for spec::Reference {
    fn what() -> Text {
        tr!("reference list", "名单")
    }
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

impl Cx<'_> {
    /// The preferences (`preferences:`), their categories among the spec's `paths`; each text,
    /// unless a summary, is a quote to check.
    pub(super) fn preferences(&mut self, paths: &[String]) -> Vec<model::Preference> {
        let spec = self.spec;
        self.items(&spec.preferences, "/preferences", |cx, p, ptr, cite| {
            cx.applicant_types(&p.partner_types, &format!("{ptr}/partner_types"));
            cx.paths(&p.categories, &format!("{ptr}/categories"), paths);
            let id = p.id.clone().unwrap_or_default();
            if let (false, Some(text)) = (p.summary, &p.text) {
                cx.quoted(format!("{ptr}/text"), tr!("the text of preference `{id}`", "优先支持条款 `{id}` 的文本"), text, &p.source);
            }
            Some(model::Preference {
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

    /// The commitments (`commitments:`), their categories among the spec's `paths`; each
    /// text, unless a summary, is a quote to check.
    pub(super) fn commitments(&mut self, paths: &[String]) -> Vec<model::Commitment> {
        let spec = self.spec;
        self.items(&spec.commitments, "/commitments", |cx, c, ptr, cite| {
            cx.paths(&c.categories, &format!("{ptr}/categories"), paths);
            let when = c.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when")));
            let id = c.id.clone().unwrap_or_default();
            if let (false, Some(text)) = (c.summary, &c.text) {
                cx.quoted(format!("{ptr}/text"), tr!("the text of commitment `{id}`", "承诺事项 `{id}` 的文本"), text, &c.source);
            }
            Some(model::Commitment {
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

    /// The reference lists (`references:`), by id; entry names unique in each.
    pub(super) fn references(&mut self) -> BTreeMap<String, model::Reference> {
        let spec = self.spec;
        self.items(&spec.references, "/references", |cx, r, ptr, cite| {
            let list = r.entries.as_deref().unwrap_or_default();
            cx.duplicates(
                list.iter().enumerate().map(|(j, e)| (e.name.as_deref(), format!("{ptr}/entries/{j}/name"))),
                tr!("reference entry", "名单条目"),
            );
            let entries = list
                .iter()
                .map(|e| model::ReferenceEntry {
                    name: e.name.clone().unwrap_or_default(),
                    aliases: e.aliases.clone(),
                    goal: e.goal.clone(),
                    industries: e.industries.clone(),
                    cultivated: e.cultivated.clone(),
                })
                .collect();
            let id = r.id.clone()?;
            Some((id.clone(), model::Reference { id, name: r.name.clone().unwrap_or_default(), entries, cite }))
        })
        .into_iter()
        .collect()
    }
}
