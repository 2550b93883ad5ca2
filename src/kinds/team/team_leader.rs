//! `team.leader`: the team is not led by someone the notice names (院士, 著名专家).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "team.leader",
        summary: "the team's leader does not hold a title the notice requires (由院士或著名专家领衔)",
        doc: "Where the notice says who must lead the team, exactly one member is marked `leader: true` \
              and that member's `title` must contain one of the required titles.",
        summary_zh: "团队负责人不具备通知要求的职称（由院士或著名专家领衔）",
        doc_zh: "通知规定团队由谁领衔时，须恰有一名成员标为 `leader: true`，且其 `title` 须包含所要求的职称之一。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(team) = cx.category.and_then(|c| c.team.as_ref()) else { return };
    if team.leader_titles.is_empty() {
        return;
    }
    let need = team.leader_titles.join(" or ");
    let need_zh = team.leader_titles.join("或");
    match cx.app.team.iter().position(|m| m.leader) {
        None if cx.unusable("/team") => {}
        None => {
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    {
                        let at = crate::schema::field_name("/team");
                        let (en, zh) = (&at.en, &at.zh);
                        tr!("no member of the {en} is marked as the leader", "{zh}中未标明负责人")
                    },
                    "/team",
                    tr!("team", "团队"),
                )
                .requires(tr!("the team is led by a {need}", "团队负责人须为{need_zh}"))
                .cite(Some(team.cite.clone()))
                .with_help(tr!("mark the leader with `leader: true`", "请用 `leader: true` 标明负责人"));
            cx.push(f);
        }
        Some(i) => {
            let m = &cx.app.team[i];
            if cx.unusable(&format!("/team/{i}/title")) {
                return;
            }
            let title = m.title.as_deref().unwrap_or("");
            if team.leader_titles.iter().any(|t| title.contains(t.as_str())) {
                return;
            }
            let ptr = if m.title.is_some() { format!("/team/{i}/title") } else { format!("/team/{i}") };
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    tr!("the team leader {} is not a {need}", "团队负责人{}不是{need_zh}", m.name.as_deref().unwrap_or_default()),
                    &ptr,
                    tr!("leader's title", "负责人职称"),
                )
                .requires(tr!("the team is led by a {need}", "团队负责人须为{need_zh}"))
                .cite(Some(team.cite.clone()));
            cx.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn leader_is_not_an_academician() {
        let out = check(&edit(&[("category: fixed/forum", "category: soft")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "team.leader").collect();
        assert_eq!(f.len(), 1);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
