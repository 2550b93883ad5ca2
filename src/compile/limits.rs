//! The limits on one applicant's applications (`limits:`), counted across the files of a batch
//! (`batch/rules`); they have no requirement kind of their own.

use crate::model;
use crate::spec;
use crate::tr;

use super::{Cx, spec_item};

spec_item!(spec::Limit, tr!("limit", "限项规则"));

impl Cx<'_> {
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
}
