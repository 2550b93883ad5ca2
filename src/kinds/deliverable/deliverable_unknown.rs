//! `deliverable.unknown`: a planned deliverable names an id the category does not have.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deliverable.unknown",
        summary: "a planned deliverable's id is not one of the category's deliverables (a warning; often a typo)",
        doc: "Deliverable ids must match the call's, or the planned report will not count towards \
              the requirement. The finding suggests the closest id.",
        summary_zh: "计划成果的编号不是该类别的成果之一（警告；常为拼写错误）",
        doc_zh: "成果编号须与通知一致，否则计划的报告不计入要求。该问题会给出最接近的编号。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    let known: Vec<&str> = cat.deliverables.iter().map(|d| d.id.as_str()).collect();
    for (i, p) in cx.app.deliverables.iter().enumerate() {
        let Some(id) = p.id.as_deref() else { continue };
        if known.contains(&id) {
            continue;
        }
        let near = crate::schema::suggest(id, known.iter().copied());
        let help = match near {
            Some(n) => tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
            None if known.is_empty() => tr!("this category requires no written deliverables", "该类别不要求提交书面成果"),
            None => {
                let known = known.join(", ");
                tr!("deliverables of this category: {known}", "该类别的成果：{known}")
            }
        };
        let f = cx
            .finding(
                RULE.info,
                Severity::Warning,
                tr!("`{id}` is not a deliverable of {}", "`{id}` 不是 {} 的成果类型", cat.full_name()),
                &format!("/deliverables/{i}/id"),
                tr!("unknown id", "未知编号"),
            )
            .with_help(help);
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn misspelt_deliverable() {
        let out = check(&edit(&[("chars: 2000 }", "chars: 2000 }\n  - { id: case-studies, chars: 1800 }")]));
        assert_eq!(out.codes(), ["deliverable.unknown"]);
        insta::assert_snapshot!(out.rendered());
    }
}
