//! `deliverable.length`: a deliverable's planned length is outside the notice's bounds.
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deliverable.length",
        summary: "a report's planned length is outside the notice's bounds (不少于1500字, 4000至5000字, 不超过1500字)",
        doc: "Report lengths are counted in characters (字). A planned length below the minimum or \
              above the maximum is an error.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for (i, p) in cx.app.deliverables.iter().enumerate() {
        let Some(d) = cat.deliverables.iter().find(|d| d.id == p.id) else { continue };
        let short = d.min_chars.is_some_and(|m| p.chars < m);
        let long = d.max_chars.is_some_and(|m| p.chars > m);
        if !short && !long {
            continue;
        }
        let what = if short { "short" } else { "long" };
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                format!("{} planned at {} characters is too {what}", d.name, p.chars),
                &format!("/deliverables/{i}/chars"),
                "planned length",
            )
            .requires(format!("{}{}", d.name, super::deliverable_missing::length(d.min_chars, d.max_chars)))
            .cite(Some(d.cite.clone()));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn too_short() {
        let out = check(&edit(&[("chars: 2000", "chars: 1200")]));
        assert_eq!(out.codes(), ["deliverable.length"]);
        insta::assert_snapshot!(out.rendered());
    }
}
