//! Compiling the limits: ids unique, each citing its clause, its categories paths of the
//! spec, each counted key a path of the draft.

use super::{Limit, spec};
use crate::compile::{Cx, spec_item};
use crate::tr;

spec_item!(spec::Limit, tr!("limit", "限项规则"));

/// The limits (`limits:`), their categories among the spec's `paths`.
pub(crate) fn limits(cx: &mut Cx, paths: &[String]) -> Vec<Limit> {
    let spec = cx.spec();
    cx.items(&spec.limits, "/limits", |cx, l, p, cite| {
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
        Some(Limit { id: l.id.clone().unwrap_or_default(), categories, whole_call, max: l.max?, exclusive, per, soft, cite })
    })
}
