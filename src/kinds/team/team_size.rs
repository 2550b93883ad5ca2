//! `team.size`: the team is smaller than the notice requires.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "team.size",
        summary: "the project team has fewer members than the notice requires (组成人员不少于8人)",
        doc: "Where the notice sets a minimum team size, `team:` must list at least that many members.",
        summary_zh: "项目团队人数少于通知要求（组成人员不少于8人）",
        doc_zh: "通知规定团队最少人数时，`team:` 须列出至少这么多成员。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(team) = cx.category.and_then(|c| c.team.as_ref()) else { return };
    let Some(min) = team.min_members else { return };
    let n = cx.app.team.len() as u32;
    if n >= min || cx.unusable("/team") {
        return;
    }
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            {
                let at = crate::schema::field_name("/team");
                let (en, zh) = (&at.en, &at.zh);
                tr!("the {en} has {n} members; the notice requires at least {min}", "{zh}共 {n} 人，通知要求不少于 {min} 人")
            },
            "/team",
            tr!("team", "团队"),
        )
        .requires(tr!("at least {min} team members", "团队成员不少于 {min} 人"))
        .cite(Some(team.cite.clone()))
        .with_help(tr!("list every member under `team:`", "请在 `team:` 下列出全部成员"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn team_too_small() {
        let out = check(&edit(&[("category: fixed/forum", "category: soft")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "team.size").collect();
        assert_eq!(f.len(), 1);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
