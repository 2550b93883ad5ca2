//! `preference.unmet`: a review preference the application could address but does not (advice).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "preference.unmet",
        summary: "the notice prefers applications with a kind of partner this one lacks (advice, never a failure)",
        doc: "Notices name what reviewers favour (优先支持, 重点推荐): e.g. 与区、县（市）科协联合申报. \
              Where a preference can be read from the form (a joint applicant or partner of a given \
              type), callspec says when the application does not address it. Advice only.",
        summary_zh: "通知优先支持带有某类合作单位的申报，本申报书没有（建议，不会判为不通过）",
        doc_zh: "通知会写明评审优先考虑的条件（优先支持、重点推荐），例如与区、县（市）科协联合申报。\
                 优先条件能从表格中读出时（某类型的联合申报单位或参与单位），callspec 会在申报书未满足时提示。\
                 仅为建议。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    if cx.category.is_none() {
        return;
    }
    let app = cx.app;
    for p in &cx.call.preferences {
        if !cx.in_scope(&p.categories, p.when.as_ref()) {
            continue;
        }
        // Met: one of the favoured partner types takes part, or the favoured condition holds.
        // A condition that cannot be judged gives no advice.
        let by_partner = !p.partner_types.is_empty();
        if by_partner && app.joint.iter().chain(&app.partners).any(|o| o.kind.as_ref().is_some_and(|k| p.partner_types.contains(k))) {
            continue;
        }
        if let Some(met) = &p.met {
            if cx.holds(met) != Some(false) {
                continue;
            }
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Advice,
                    tr!("reviewers favour: {}", "优先支持：{}", p.text),
                    &p.field,
                    tr!("not favoured", "不在优先之列"),
                )
                .cite(Some(p.cite.clone()))
                .with_help(tr!("not required; reviewers favour it", "非必需，但评审优先考虑"));
            cx.push(f);
            continue;
        }
        // A joint applicant or partner whose type could not be read may be the one preferred.
        // Nor is anything said while the applicants are not known (the lead's type unread).
        if !by_partner
            || cx.unusable("/lead/type")
            || cx.unusable("/joint")
            || cx.unusable("/partners")
            || app.joint.iter().chain(&app.partners).any(|o| o.kind.is_none())
        {
            continue;
        }
        let names: Vec<String> = p.partner_types.iter().map(|id| cx.type_name(id)).collect();
        let at = if app.joint.is_empty() { "/lead" } else { "/joint" };
        let f = cx
            .finding(RULE.info, Severity::Advice, tr!("reviewers favour: {}", "优先支持：{}", p.text), at, tr!("applicants", "申报单位"))
            .requires({
                let (en, zh) = (names.join(", "), names.join("、"));
                tr!("preferred, not required: a joint applicant or partner among {en}", "优先而非必需：联合申报或合作单位中有{zh}")
            })
            .cite(Some(p.cite.clone()));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn no_district_partner() {
        let out = check(&edit(&[("  - { name: 示例区科学技术协会, type: district-cast }\n", "")]));
        assert_eq!(out.codes(), ["preference.unmet"]);
        insta::assert_snapshot!(out.rendered());
    }
}
