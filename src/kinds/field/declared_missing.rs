//! `field.missing`: a field the call declares as required is not filled in.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "field.missing",
        summary: "a field the call's form asks for is not filled in",
        doc: "A call may declare fields of its own form (`fields:` in the spec): 出生日期 for an age limit, \
              学历, 是否已建立党组织, the topic chosen from the notice's list. A required one must be filled \
              in where it sits: in the draft section (`leader:`) or in every entry of a list (`team:`). \
              A field required `when:` a condition holds is asked for only then; where the condition \
              cannot be judged (a value it reads is missing), nothing is reported.",
        summary_zh: "未填写通知表格要求的字段",
        doc_zh: "通知可以声明其表格特有的字段（规范文件中的 `fields:`）：年龄限制所需的出生日期、\
                 学历、是否已建立党组织、从通知列表中选定的选题。必填字段须填在其所在之处：\
                 草稿的相应部分（`leader:`），或列表的每一项中（`team:`）。写有 `when:` 条件的字段只在条件成立时要\
                 求填写；条件无法判断时（其所读的值缺失），不作报告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for f in &cx.call.fields {
        if !f.required || !cx.in_scope(&f.categories, f.when.as_ref()) {
            continue;
        }
        let (section, list) = f.place.section();
        let pointers = if list { f.pointers(&cx.doc.value) } else { vec![format!("/{section}/{}", f.id)] };
        for p in pointers {
            let value = cx.doc.value.pointer(&p);
            if !super::declared_invalid::empty(value) {
                continue;
            }
            let name = super::declared_invalid::named(f, &p);
            // Left as `~` (a fresh draft from `callspec new`): still to fill, like a built-in key.
            if value.is_some_and(serde_json::Value::is_null) {
                let words = f.kind.words();
                let fd = cx
                    .finding(
                        crate::schema::UNFILLED,
                        Severity::Error,
                        Text::new(format!("{} is still to fill: {}", name.en, words.en), format!("{}尚未填写：{}", name.zh, words.zh)),
                        &p,
                        tr!("still to fill", "尚未填写"),
                    )
                    .requires(f.words())
                    .cite(Some(f.cite.clone()));
                cx.push(fd);
                continue;
            }
            let label = f.label.clone();
            let fd = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    Text::new(format!("{} is not filled in", name.en), format!("未填写{}", name.zh)),
                    &p,
                    Text::new(format!("no {}", label.en), format!("缺少{}", label.zh)),
                )
                .requires(f.words())
                .cite(Some(f.cite.clone()))
                .with_help(Text::new(
                    format!("add `{}:` to `{section}` ({})", f.id, f.kind.words().en),
                    format!("请在 `{section}` 中填写 `{}:`（{}）", f.id, f.kind.words().zh),
                ));
            cx.push(fd);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_required_field_left_out() {
        let out = check(&edit(&[("  type: society", "  type: park-cast")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "field.missing").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f.clone() }.rendered());
        insta::assert_snapshot!("a_required_field_left_out_zh", Outcome { findings: f }.rendered_in(crate::i18n::Lang::Zh));
    }
}
