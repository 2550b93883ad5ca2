//! `plan.priority`: which priorities of the call's work plan the draft addresses (advice).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "plan.priority",
        summary: "which priorities of the work plan the call serves the draft addresses (advice, never a failure)",
        doc: "A call may name the association's work plan (工作要点), whose programmes its calls are \
              expected to fund. callspec looks for each priority's keywords in the project's name, \
              summary, content, basis and outcomes, and says which priorities the draft addresses, \
              or that it addresses none. Reviewers may weigh this; it never fails a draft.",
        summary_zh: "草稿涉及通知所服务的工作要点中的哪些重点任务（建议，不会判为不通过）",
        doc_zh: "通知可以指明协会的工作要点，其中各项计划预期由通知资助。callspec 在项目的名称、\
                 摘要、内容、依据和成果中查找每项重点任务的关键词，说明草稿涉及哪些重点任务，\
                 或一项也未涉及。评审可能参考这一点；它不会使草稿不通过。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(plan) = &cx.call.plan else { return };
    let p = cx.app.project();
    // The priorities are looked for in these texts; one that could not be read may name one.
    if ["name", "summary", "content", "basis", "outcomes"].iter().any(|k| cx.unusable(&format!("/project/{k}"))) {
        return;
    }
    let texts = [p.name.as_deref(), p.summary.as_deref(), p.content.as_deref(), p.basis.as_deref(), p.outcomes.as_deref()];
    let hits: Vec<_> =
        plan.priorities.iter().filter(|pr| pr.keywords.iter().any(|k| texts.iter().flatten().any(|t| t.contains(k.as_str())))).collect();
    let f = if hits.is_empty() {
        let names: Vec<&str> = plan.priorities.iter().map(|pr| pr.name.as_str()).collect();
        cx.finding(
            RULE.info,
            Severity::Advice,
            tr!(
                "the project addresses none of the {} priorities of {}",
                "项目未涉及{1}的 {0} 项重点任务",
                plan.priorities.len(),
                plan.title
            ),
            "/project/summary",
            tr!("no priority named", "未提及重点任务"),
        )
        .requires(tr!("not required: the plan's priorities are {}", "非必需：规划的重点任务为{}", names.join("、")))
        .with_help(tr!("if the project serves one of them, say so in the summary", "如项目服务于其中某项，请在摘要中写明"))
    } else {
        let names: Vec<String> = hits.iter().map(|pr| format!("{}（{}）", pr.name, pr.theme)).collect();
        cx.finding(
            RULE.info,
            Severity::Advice,
            tr!("the project addresses {} of {}: {}", "项目涉及{1}的 {0} 项重点任务：{2}", hits.len(), plan.title, names.join("、")),
            "/project/summary",
            tr!("names a plan priority", "提及规划重点任务"),
        )
        .cite(Some(hits[0].cite.clone()))
    };
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn addressed_priorities_are_reported_as_advice() {
        let app = edit(&[("  summary: 围绕人工智能产业开展三场学术活动", "  summary: 以科学咖啡馆形式围绕人工智能产业开展三场学术活动")]);
        let out = check_with_plan(&app);
        assert_eq!(out.codes(), ["plan.priority"]);
        assert_eq!(out.findings[0].severity, crate::diagnostics::Severity::Advice);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn none_addressed_is_advice_too() {
        let out = check_with_plan(APP);
        assert_eq!(out.codes(), ["plan.priority"]);
        assert!(out.rendered().contains("addresses none of the 2 priorities"), "{}", out.rendered());
    }
}
