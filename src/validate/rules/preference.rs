//! `preference.unmet`: a review preference the application could address but does not (advice).
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "preference.unmet",
        summary: "the notice prefers applications with a kind of partner this one lacks (advice, never a failure)",
        doc: "Notices name what reviewers favour (优先支持, 重点推荐): e.g. 与区、县（市）科协联合申报. \
              Where a preference can be read from the form (a joint applicant or partner of a given \
              type), callspec says when the application does not address it. Advice only.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    let app = cx.app;
    for p in &cx.call.preferences {
        if p.partner_types.is_empty() || !(p.categories.is_empty() || p.categories.iter().any(|s| Call::within(&cat.path, s))) {
            continue;
        }
        if app.joint.iter().chain(&app.partners).any(|o| o.kind.as_ref().is_some_and(|k| p.partner_types.contains(k))) {
            continue;
        }
        // A joint applicant or partner whose type could not be read may be the one preferred.
        // Nor is anything said while the applicants are not known (the lead's type unread).
        if cx.unusable("/lead/type")
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
