//! `deliverable.unknown`: a planned deliverable names an id the category does not have.
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deliverable.unknown",
        summary: "a planned deliverable's id is not one of the category's deliverables (a warning; often a typo)",
        doc: "Deliverable ids must match the call's, or the planned report will not count towards \
              the requirement. The finding suggests the closest id.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    let known: Vec<&str> = cat.deliverables.iter().map(|d| d.id.as_str()).collect();
    for (i, p) in cx.app.deliverables.iter().enumerate() {
        if known.contains(&p.id.as_str()) {
            continue;
        }
        let near = crate::schema::suggest(&p.id, known.iter().copied());
        let help = match near {
            Some(n) => format!("did you mean `{n}`?"),
            None if known.is_empty() => "this category requires no written deliverables".to_owned(),
            None => format!("deliverables of this category: {}", known.join(", ")),
        };
        let f = cx
            .finding(
                RULE.info,
                Severity::Warning,
                format!("`{}` is not a deliverable of {}", p.id, cat.full_name()),
                &format!("/deliverables/{i}/id"),
                "unknown id",
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
