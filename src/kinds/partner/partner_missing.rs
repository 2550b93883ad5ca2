//! `partner.missing`: a partner the category requires is not among the applicants.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "partner.missing",
        summary: "a required partner (e.g. 须联合1家国家级学会) is not among the applicants",
        doc: "Some categories require applying together with a partner of a given type. The lead \
              applicant, joint applicants and partners all count, except where the notice requires \
              a joint application (联合申报): then only the lead and joint applicants do. The finding \
              names the type and how many are needed.",
        summary_zh: "申报单位中缺少必需的合作单位（如“须联合1家国家级学会”）",
        doc_zh: "有些类别要求与某类单位共同申报。第一申报单位、联合申报单位和参与单位都计入；\
                 但通知要求联合申报时，只计第一申报单位和联合申报单位。该问题会说明所需单位的类型和数量。",
    },
    check,
};

use crate::model::Role;

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category.filter(|c| !c.partners.is_empty()) else { return };
    let app = cx.app;
    // An applicant whose type could not be read may be the partner required.
    let unread = |list: &str, orgs: &[crate::application::OtherOrganisation]| {
        orgs.iter().any(|o| o.kind.is_none())
            || (!app.unusable.is_empty()
                && (cx.unusable(&format!("/{list}")) || (0..orgs.len()).any(|i| cx.unusable(&format!("/{list}/{i}/type")))))
    };
    if app.lead().kind.is_none() || unread("joint", &app.joint) {
        return;
    }
    let applicants: Vec<&str> =
        app.lead().kind.iter().chain(app.joint.iter().filter_map(|o| o.kind.as_ref())).map(String::as_str).collect();
    let participants: Vec<&str> = app.partners.iter().filter_map(|o| o.kind.as_deref()).collect();
    let everyone: Vec<&str> = applicants.iter().chain(&participants).copied().collect();
    let partners_unread = unread("partners", &app.partners);
    for p in &cat.partners {
        if !cx.in_scope(&[], p.when.as_ref()) || (p.role != Role::CoApplicant && partners_unread) {
            continue;
        }
        let pool = match p.role {
            Role::CoApplicant => &applicants,
            Role::Participant => &participants,
            Role::Any => &everyone,
        };
        let have = pool.iter().filter(|t| p.types.iter().any(|x| x == *t)).count() as u32;
        if have >= p.min {
            continue;
        }
        let names: Vec<String> = p.types.iter().map(|id| cx.type_name(id)).collect();
        let at = if app.joint.is_empty() { "/lead" } else { "/joint" };
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!(
                    "{} requires {} {} among the applicants; found {have}",
                    "{} 要求申报单位中至少有 {} 家{}，实有 {have} 家",
                    cat.full_name(),
                    p.min,
                    p.name
                ),
                at,
                tr!("applicants", "申报单位"),
            )
            .requires({
                let (min, en, zh) = (p.min, names.join(", "), names.join("、"));
                tr!("at least {min} of: {en}", "至少 {min} 家：{zh}")
            })
            .cite(Some(p.cite.clone()))
            .with_help(if p.role == Role::CoApplicant {
                tr!(
                    "the {} must apply jointly: add it under `joint:` with its `type` (listing it under `partners:` does not count)",
                    "{}须联合申报：请在 `joint:` 下添加并注明 `type`（列在 `partners:` 下不计入）",
                    p.name
                )
            } else if p.role == Role::Participant {
                tr!(
                    "the {} takes part without applying: add it under `partners:` with its `type`",
                    "{}为参与单位而非申报单位：请在 `partners:` 下添加并注明 `type`",
                    p.name
                )
            } else {
                tr!(
                    "add the {} under `joint:` (or `partners:`) with its `type`",
                    "请在 `joint:`（或 `partners:`）下添加{}并注明 `type`",
                    p.name
                )
            });
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn service_team_without_national_society() {
        let out = check(&edit(&[("category: fixed/forum", "category: soft")]));
        assert!(out.codes().contains(&"partner.missing"), "{:?}", out.codes());
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "partner.missing").collect();
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
