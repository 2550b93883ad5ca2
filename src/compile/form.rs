//! The rules about the application form itself (`form:`): text limits, budget arithmetic and
//! line caps, the identifier, one project per form, the category scope, unique projects.

use crate::model::{self, Cited};
use crate::schema::suggest;
use crate::spec;
use crate::tr;

use super::Cx;
use super::codes::*;

impl Cx<'_> {
    pub(super) fn form(&mut self, f: &spec::Form) -> model::Form {
        let known: Vec<&str> = crate::application::TEXT_FIELDS.iter().map(|(p, _)| *p).collect();
        let text_limits = f
            .text_limits
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = format!("/form/text_limits/{i}");
                let field = t.field.clone().unwrap_or_default();
                if t.field.is_some() && !known.contains(&field.as_str()) {
                    let near = suggest(&field, known.iter().copied()).map(str::to_owned);
                    let fnd = self.error(
                        UNKNOWN_FIELD,
                        tr!("`{field}` is not a text field of the application format", "`{field}` 不是申报书格式中的文本字段"),
                        &format!("{p}/field"),
                        tr!("unknown field", "未知字段"),
                    );
                    let known = known.join(", ");
                    fnd.help = Some(match near {
                        Some(n) => tr!("did you mean `{n}`? text fields: {known}", "是否应为 `{n}`？文本字段：{known}"),
                        None => tr!("text fields: {known}", "文本字段：{known}"),
                    });
                }
                let bound_unusable = self.unusable(&format!("{p}/min_chars")) || self.unusable(&format!("{p}/max_chars"));
                if t.min_chars.is_none() && t.max_chars.is_none() && !bound_unusable {
                    self.error(
                        MIN_MAX,
                        tr!(
                            "text limit on `{field}` has neither `min_chars` nor `max_chars`",
                            "`{field}` 的字数限制既无 `min_chars` 也无 `max_chars`"
                        ),
                        &p,
                        tr!("no bound", "缺少界限"),
                    );
                }
                self.min_max(t.min_chars, t.max_chars, &p, "min_chars", "max_chars");
                model::TextLimit {
                    field,
                    min_chars: t.min_chars,
                    max_chars: t.max_chars,
                    cite: self.cite(&t.source, &p, tr!("text limit", "字数限制")),
                }
            })
            .collect();
        let budget = f
            .budget
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let cite = self.cite(&b.source, &format!("/form/budget/{i}"), tr!("budget rule", "预算规则"));
                Some(Cited { value: b.rule?, cite })
            })
            .collect();
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
