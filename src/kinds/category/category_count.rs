//! `category.count`: a form names no category, or several.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "category.count",
        summary: "the form applies for several categories, or none",
        doc: "One form applies for exactly one project in one category (杭州: 同一申报书申请两个或两个以上项目视作无效). \
              `category:` must name one category path; write a separate application for each project.",
        summary_zh: "申报书申报了多个类别，或未申报类别",
        doc_zh: "一份申报书只申报一个类别中的一个项目（杭州：同一申报书申请两个或两个以上项目视作无效）。\
                 `category:` 须只写一个类别路径；每个项目请分别填写申报书。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    if cx.unusable("/category") {
        return;
    }
    let n = cx.app.categories().len();
    if n == 1 {
        return;
    }
    let msg = if n == 0 {
        {
            let at = crate::schema::field_name("/category");
            let (en, zh) = (&at.en, &at.zh);
            tr!("the form names no {en}", "申报书未填写{zh}")
        }
    } else {
        tr!("the form applies for {n} categories at once", "一份申报书同时申报了 {n} 个类别")
    };
    let f = cx
        .finding(RULE.info, Severity::Error, msg, "/category", tr!("one category per form", "一书一项"))
        .requires(tr!("exactly one category per application form", "每份申报书只能申报一个类别"))
        .cite(cx.form_cite(|f| f.one_project_per_form.as_ref()))
        .with_help(tr!(
            "keep one category here and write a separate application for each other project",
            "此处只保留一个类别，其他项目请另行填写申报书"
        ));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn several_categories_in_one_form() {
        let out = check(&edit(&[("category: fixed/forum", "category: [fixed/forum, capped]")]));
        assert_eq!(out.codes(), ["category.count"]);
        insta::assert_snapshot!(out.rendered());
    }
}
