//! The rules about the application form itself (`form:`), each compiled by its kind: text
//! limits (field), budget arithmetic and line caps (budget), the identifier (identifier), one
//! project per form, the category scope and unique projects (category).

use crate::model;
use crate::spec;

use super::Cx;

impl Cx<'_> {
    pub(super) fn form(&mut self, f: &spec::Form) -> model::Form {
        let text_limits = crate::kinds::field::text_limits(self, &f.text_limits);
        let budget = crate::kinds::budget::rules(self, &f.budget);
        let line_caps = crate::kinds::budget::line_caps(self, &f.line_caps);
        let identifier = f.identifier.as_ref().and_then(|x| crate::kinds::identifier::compile(self, x));
        model::Form { text_limits, budget, line_caps, identifier, ..crate::kinds::category::form_rules(self, f) }
    }
}
