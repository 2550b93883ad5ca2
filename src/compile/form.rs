//! The rules about the application form itself (`form:`): text limits, budget arithmetic and
//! line caps, the identifier, one project per form, the category scope, unique projects.

use crate::model;
use crate::spec;
use crate::tr;

use super::Cx;

impl Cx<'_> {
    pub(super) fn form(&mut self, f: &spec::Form) -> model::Form {
        let text_limits = crate::kinds::field::text_limits(self, &f.text_limits);
        let budget = crate::kinds::budget::rules(self, &f.budget);
        let line_caps = crate::kinds::budget::line_caps(self, &f.line_caps);
        model::Form {
            text_limits,
            budget,
            line_caps,
            identifier: f.identifier.as_ref().and_then(|x| crate::kinds::identifier::compile(self, x)),
            one_project_per_form: f
                .one_project_per_form
                .as_ref()
                .map(|x| self.cite(&x.source, "/form/one_project_per_form", tr!("one-project-per-form rule", "一书一项规则"))),
            category_scope: f
                .category_scope
                .as_ref()
                .map(|x| self.cite(&x.source, "/form/category_scope", tr!("category-scope rule", "申报类别范围规则"))),
            unique_projects: f
                .unique_projects
                .as_ref()
                .map(|x| self.cite(&x.source, "/form/unique_projects", tr!("unique-projects rule", "不得重复申报规则"))),
        }
    }
}
