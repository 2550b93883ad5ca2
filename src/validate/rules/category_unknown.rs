//! `category.unknown`: the category applied for is not one the call offers.
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "category.unknown",
        summary: "the category applied for is not one the call offers (or is a group, not a category)",
        doc: "`category:` must be the path of one of the call's categories, ids joined by `/` \
              (`callspec list` shows them). Applications outside the call's categories are refused \
              (杭州: 超出申报指南范围的项目申报将不予受理). Naming a group rather than one of its \
              categories is reported too, with the categories it contains.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let [path] = cx.app.category.0.as_slice() else { return };
    if cx.category.is_some() {
        return;
    }
    let leaves: Vec<&str> = cx.call.leaf_paths().collect();
    let (msg, help) = match cx.call.category(path) {
        Some(group) => {
            let inner: Vec<&str> = leaves.iter().copied().filter(|l| Call::within(l, path)).collect();
            (
                format!("`{path}` ({}) is a group of categories, not a category", group.full_name()),
                format!("name one of: {}", inner.join(", ")),
            )
        }
        None => {
            let near = crate::schema::suggest(path, leaves.iter().copied());
            (
                format!("`{path}` is not a category of {}", cx.call.document),
                match near {
                    Some(n) => format!("did you mean `{n}`? categories: {}", leaves.join(", ")),
                    None => format!("categories: {}", leaves.join(", ")),
                },
            )
        }
    };
    let f = cx
        .finding(RULE.info, Severity::Error, msg, "/category", "not a category of this call")
        .requires("one of the call's categories")
        .cite(cx.form_cite(|f| f.category_scope.as_ref()))
        .with_help(help);
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn misspelt_category() {
        let out = check(&edit(&[("category: fixed/forum", "category: fixed/forums")]));
        assert_eq!(out.codes(), ["category.unknown"]);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn a_group_is_not_a_category() {
        let out = check(&edit(&[("category: fixed/forum", "category: fixed")]));
        assert_eq!(out.codes(), ["category.unknown"]);
        assert!(out.rendered().contains("name one of: fixed/forum"), "{}", out.rendered());
    }
}
