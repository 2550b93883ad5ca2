//! `category.unknown`: the category applied for is not one the call offers.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "category.unknown",
        summary: "the category applied for is not one the call offers (or is a group, not a category)",
        doc: "`category:` must be the path of one of the call's categories, ids joined by `/` \
              (`callspec list` shows them). Applications outside the call's categories are refused \
              (杭州: 超出申报指南范围的项目申报将不予受理). Naming a group rather than one of its \
              categories is reported too, with the categories it contains.",
        summary_zh: "申报的类别不是通知设置的类别（或是分组而非具体类别）",
        doc_zh: "`category:` 须为通知某个类别的路径，各级编号以 `/` 连接（`callspec list` 会列出）。\
                 超出通知类别的申报不予受理（杭州：超出申报指南范围的项目申报将不予受理）。\
                 填写分组而非其下具体类别时同样报告，并列出该分组包含的类别。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let [path] = cx.app.categories() else { return };
    if cx.unusable("/category") {
        return;
    }
    if cx.category.is_some() {
        return;
    }
    let leaves: Vec<&str> = cx.call.leaf_paths().collect();
    let (msg, help) = match cx.call.find_category(path) {
        Some(group) => {
            let inner: Vec<&str> = leaves.iter().copied().filter(|l| Call::within(l, path)).collect();
            let (name, inner) = (group.full_name(), inner.join(", "));
            (
                tr!("`{path}` ({name}) is a group of categories, not a category", "`{path}`（{name}）是类别分组，不是具体类别"),
                tr!("name one of: {inner}", "请填写其中之一：{inner}"),
            )
        }
        None => {
            // Close to a path, or to a category's own Chinese name.
            let names: Vec<String> = cx.call.categories.iter().filter(|c| c.leaf).filter_map(|c| c.names.last().cloned()).collect();
            let near = crate::schema::suggest(path, leaves.iter().copied())
                .or_else(|| crate::schema::suggest(path, names.iter().map(String::as_str)));
            let (document, leaves) = (cx.call.reference(), leaves.join(", "));
            (
                tr!("`{path}` is not a category of {document}", "`{path}` 不是 {document} 的申报类别"),
                match near {
                    Some(n) => tr!("did you mean `{n}`? categories: {leaves}", "是否应为 `{n}`？申报类别：{leaves}"),
                    None => tr!("categories: {leaves}", "申报类别：{leaves}"),
                },
            )
        }
    };
    let f = cx
        .finding(RULE.info, Severity::Error, msg, "/category", tr!("not a category of this call", "不是本次申报的类别"))
        .requires(tr!("one of the call's categories", "本次申报的类别之一"))
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
        insta::assert_snapshot!("misspelt_category_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }

    #[test]
    fn a_group_is_not_a_category() {
        let out = check(&edit(&[("category: fixed/forum", "category: fixed")]));
        assert_eq!(out.codes(), ["category.unknown"]);
        assert!(out.rendered().contains("name one of: fixed/forum"), "{}", out.rendered());
    }
}
