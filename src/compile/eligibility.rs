//! Who may apply (`eligibility:`: leads, joint applicants, individuals), the exclusions that
//! bar an applicant, and the limits on one applicant's applications.

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::model::{self, Cited};
use crate::spec;
use crate::tr;

use super::{Cx, Item};

impl Item for spec::Exclusion {
    fn what() -> Text {
        tr!("exclusion", "限制情形")
    }
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

impl Item for spec::Limit {
    fn what() -> Text {
        tr!("limit", "限项规则")
    }
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

impl Cx<'_> {
    /// Whether individuals may apply; `None` when the spec says nothing readable.
    pub(super) fn individuals(&mut self, i: &spec::Individuals) -> Option<Cited<bool>> {
        let cite = self.cite(&i.source, "/eligibility/individuals", tr!("the individuals rule", "个人申报规则"));
        i.allowed.map(|value| Cited { value, cite })
    }

    /// The exclusions (`exclusions:`).
    pub(super) fn exclusions(&mut self) -> Vec<model::Exclusion> {
        let spec = self.spec;
        self.items(&spec.exclusions, "/exclusions", |cx, e, p, cite| Some(cx.exclusion(e, p, cite)))
    }

    /// The limits (`limits:`), their categories among the spec's `paths`.
    pub(super) fn limits(&mut self, paths: &[String]) -> Vec<model::Limit> {
        let spec = self.spec;
        self.items(&spec.limits, "/limits", |cx, l, p, cite| {
            let whole_call = l.categories.is_none();
            let categories = match &l.categories {
                Some(c) => {
                    cx.paths(c, &format!("{p}/categories"), paths);
                    c.clone()
                }
                None => spec.categories().iter().filter_map(|c| c.id.clone()).collect(),
            };
            // Each counted path is checked like an expression: `leader.name` names a key.
            let mut per = Vec::new();
            for (j, path) in l.per.iter().enumerate() {
                if cx.path_expression(path, &format!("{p}/per/{j}")).is_some() {
                    per.push(format!("/{}", path.trim().replace('.', "/")));
                }
            }
            let (exclusive, soft) = (l.exclusive, l.soft);
            Some(model::Limit { id: l.id.clone().unwrap_or_default(), categories, whole_call, max: l.max?, exclusive, per, soft, cite })
        })
    }

    /// The compiled exclusion at `p`, citing `cite`; its text, unless a summary, is a quote to
    /// check.
    pub(crate) fn exclusion(&mut self, e: &spec::Exclusion, p: &str, cite: Citation) -> model::Exclusion {
        self.applicant_types(&e.applies_to, &format!("{p}/applies_to"));
        let id = e.id.clone().unwrap_or_default();
        if let (false, Some(text)) = (e.summary, &e.text) {
            self.quoted(format!("{p}/text"), tr!("the text of exclusion `{id}`", "限制情形 `{id}` 的文本"), text, &e.source);
        }
        model::Exclusion {
            id,
            text: e.text.clone().unwrap_or_default(),
            applies_to: e.applies_to.clone(),
            soft: e.soft,
            summary: e.summary,
            when: e.when.as_ref().and_then(|w| self.expression(w, &format!("{p}/when"))),
            cite,
        }
    }

    pub(crate) fn leads(&mut self, l: &spec::Leads, ptr: &str) -> Cited<Vec<String>> {
        let types = l.types.clone().unwrap_or_default();
        self.applicant_types(&types, &format!("{ptr}/types"));
        Cited { value: types, cite: self.cite(&l.source, ptr, tr!("the lead-applicant rule", "申报主体规则")) }
    }

    pub(super) fn joint(&mut self, j: &spec::Joint, ptr: &str) -> model::Joint {
        self.applicant_types(&j.types, &format!("{ptr}/types"));
        model::Joint {
            allowed: j.allowed.unwrap_or_default(),
            types: j.types.clone(),
            open: j.open,
            cite: self.cite(&j.source, ptr, tr!("the joint-applicant rule", "联合申报规则")),
        }
    }
}
