//! `deliverable.length`: a deliverable's planned length is outside the notice's bounds.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deliverable.length",
        summary: "a report's planned length is outside the notice's bounds (不少于1500字, 4000至5000字, 不超过1500字)",
        doc: "Report lengths are counted in characters (字). A planned length below the minimum or \
              above the maximum is an error.",
        summary_zh: "报告的计划字数超出通知的界限（不少于1500字、4000至5000字、不超过1500字）",
        doc_zh: "报告篇幅按字数计。计划字数低于下限或高于上限均为错误。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for (i, p) in cx.app.deliverables.iter().enumerate() {
        let (Some(id), Some(chars)) = (&p.id, p.chars) else { continue };
        let Some(d) = cat.deliverables.iter().find(|d| d.id == *id) else { continue };
        let short = d.min_chars.is_some_and(|m| chars < m);
        let long = d.max_chars.is_some_and(|m| chars > m);
        if !short && !long {
            continue;
        }
        let (what, what_zh) = if short { ("short", "过短") } else { ("long", "过长") };
        let (name, len) = (&d.name, super::deliverable_missing::length(d.min_chars, d.max_chars));
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("{name} planned at {chars} characters is too {what}", "{name}计划 {chars} 字，篇幅{what_zh}"),
                &format!("/deliverables/{i}/chars"),
                tr!("planned length", "计划字数"),
            )
            .requires(Text::new(format!("{name}{}", len.en), format!("{name}{}", len.zh)))
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
