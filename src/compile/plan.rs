//! Plan documents, and a call's ties to the plan it serves (`implements:`).

use std::collections::BTreeMap;

use crate::diagnostics::{Finding, Severity};
use crate::document::Document;
use crate::model::{self, Call};
use crate::schema::suggest;
use crate::spec;
use crate::tr;

use super::codes::*;
use super::{Cx, Refs};

/// Checks the categories' `implements:` against the call's plan, and advises on the plan's
/// programmes no category implements and the categories that implement none. `plans_known` is
/// false for a spec checked on its own, whose plan is not at hand.
pub(super) fn ties(cx: &mut Cx, call: &Call, plans_known: bool) {
    fn walk<'s>(cats: &'s [spec::Category], ptr: &str, out: &mut Vec<(String, &'s spec::Category)>) {
        for (i, c) in cats.iter().enumerate() {
            let p = format!("{ptr}/{i}");
            out.push((p.clone(), c));
            walk(&c.children, &format!("{p}/children"), out);
        }
    }
    let mut all = Vec::new();
    walk(cx.spec.categories(), "/categories", &mut all);
    let Some(plan) = &call.plan else {
        if cx.spec.meta().plan.is_none() {
            for (p, c) in &all {
                if !c.implements.is_empty() && !cx.unusable(&format!("{p}/implements")) {
                    cx.error(
                        UNKNOWN_REF,
                        tr!(
                            "the category implements plan priorities, but the call names no plan",
                            "该类别承接了规划的重点任务，但通知未指明规划"
                        ),
                        &format!("{p}/implements"),
                        tr!("no `call.plan` to look these up in", "没有可供查找的 `call.plan`"),
                    )
                    .help = Some(tr!(
                        "name the work plan under `call:` (`plan: <plan id>`), or remove `implements:`",
                        "请在 `call:` 下指明工作要点（`plan: <规划编号>`），或删除 `implements:`"
                    ));
                }
            }
        }
        return;
    };
    if !plans_known {
        return;
    }
    for (p, c) in &all {
        for (k, id) in c.implements.iter().enumerate() {
            if plan.priority(id).is_none() && !cx.unusable(&format!("{p}/implements/{k}")) {
                let near = suggest(id, plan.priorities.iter().map(|x| x.id.as_str())).map(str::to_owned);
                let title = &plan.title;
                let f = cx.error(
                    UNKNOWN_REF,
                    tr!("`{id}` is not a priority of {title}", "`{id}` 不是{title}的重点任务"),
                    &format!("{p}/implements/{k}"),
                    tr!("no such priority", "无此重点任务"),
                );
                f.help = Some(near.map_or_else(
                    || {
                        tr!(
                            "`callspec list --call {}` lists the plan's priorities",
                            "`callspec list --call {}` 会列出规划的重点任务",
                            plan.id
                        )
                    },
                    |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                ));
            }
        }
    }
    // Ties that could not be read may be the missing ones.
    if cx.unusable("/categories")
        || all.iter().any(|(p, _)| cx.unusable(&format!("{p}/implements")) || cx.unusable(&format!("{p}/children")))
    {
        return;
    }
    let mut uncovered: Vec<_> = plan.programmes().filter(|p| !call.categories.iter().any(|c| c.implements.contains(&p.id))).collect();
    let title = &plan.title;
    if uncovered.len() > UNCOVERED_ONE_BY_ONE {
        // Many: one finding naming them all, rather than a screen of findings on one line.
        let (n, all) = (uncovered.len(), plan.programmes().count());
        let names = uncovered.iter().map(|p| format!("“{}”（{}）", p.name, p.id)).collect::<Vec<_>>().join("、");
        let f = cx.report(
            PLAN_UNCOVERED,
            Severity::Advice,
            tr!(
                "no category implements {n} of the {all} programmes of {title}: {names}",
                "{title}的 {all} 项计划中，有 {n} 项没有类别承接：{names}"
            ),
            "/call/plan",
            tr!("the plan this call serves", "本通知服务的规划"),
        );
        f.help = Some(tr!(
            "add `implements: [<id>]` to each category that funds one; `callspec plan coverage` shows the table with each programme's clause",
            "如有类别资助其中某项，请在该类别下添加 `implements: [<编号>]`；`callspec plan coverage` 给出对照表及各项原文"
        ));
        uncovered.clear();
    }
    for programme in uncovered {
        let name = &programme.name;
        let f = cx.report(
            PLAN_UNCOVERED,
            Severity::Advice,
            tr!("no category implements the programme {name} of {title}", "没有类别承接{title}中的计划“{name}”"),
            "/call/plan",
            tr!("the plan this call serves", "本通知服务的规划"),
        );
        f.citation = Some(programme.cite.clone());
        f.help = Some(tr!(
            "add `implements: [{}]` to the category that funds it, if one does; `callspec plan coverage` shows the table",
            "如有类别资助此项，请在该类别下添加 `implements: [{}]`；`callspec plan coverage` 给出对照表",
            programme.id
        ));
    }
    for ((p, _), c) in all.iter().zip(&call.categories) {
        if c.leaf && c.implements.is_empty() {
            let (name, title) = (c.full_name(), &plan.title);
            cx.report(
                PLAN_UNTIED,
                Severity::Advice,
                tr!("the category {name} implements no priority of {title}", "类别“{name}”未承接{title}的任何重点任务"),
                &format!("{p}/name"),
                tr!("tied to no priority", "未对应任何重点任务"),
            )
            .help = Some(tr!(
                "if it serves one, say which with `implements: [<priority id>]`",
                "如其服务于某项重点任务，请用 `implements: [<重点任务编号>]` 写明"
            ));
        }
    }
}

/// Up to this many programmes no category implements are reported one by one, each with its
/// clause; more are named in one finding.
const UNCOVERED_ONE_BY_ONE: usize = 3;

/// Compiles a plan document; its quotes are checked against `notice` (when given).
pub fn compile_plan(
    doc: &Document,
    plan: &crate::spec::plan::PlanFile,
    notice: Option<&crate::notice::Input>,
) -> (Option<model::Plan>, Vec<Finding>) {
    static NO_CLAUSES: BTreeMap<String, spec::Clause> = BTreeMap::new();
    let mut refs = Refs::new(doc, plan.clauses.as_ref().unwrap_or(&NO_CLAUSES), plan.title.clone().unwrap_or_default(), &plan.unusable);
    refs.notice = notice.map(|n| (plan.notice.as_ref(), n));
    let list = plan.priorities.as_deref().unwrap_or_default();
    refs.duplicates(list.iter().enumerate().map(|(i, p)| (p.id.as_deref(), format!("/priorities/{i}/id"))), tr!("priority", "重点任务"));
    let parts: Vec<model::Part> = plan
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| model::Part {
            name: p.name.clone().unwrap_or_default(),
            title: p.title.clone().unwrap_or_default(),
            cite: p.source.as_ref().map(|_| refs.cite(&p.source, &format!("/parts/{i}"), tr!("part", "部分"))),
        })
        .collect();
    refs.duplicates(plan.parts.iter().enumerate().map(|(i, p)| (p.name.as_deref(), format!("/parts/{i}/name"))), tr!("part", "部分"));
    let mut priorities = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let ptr = format!("/priorities/{i}");
        let theme = p.theme.clone().unwrap_or_default();
        if !parts.is_empty() && p.theme.is_some() && !parts.iter().any(|x| x.name == theme) && !refs.unusable("/parts") {
            let names: Vec<&str> = parts.iter().map(|x| x.name.as_str()).collect();
            let near = suggest(&theme, names.iter().copied()).map(str::to_owned);
            let f = refs.error(
                UNKNOWN_REF,
                tr!("`{theme}` is not a part of this plan", "`{theme}` 不是本规划的部分"),
                &format!("{ptr}/theme"),
                tr!("no such part", "无此部分"),
            );
            let list = names.join("、");
            f.help =
                Some(near.map_or_else(
                    || tr!("the parts are {list}", "本规划的部分为{list}"),
                    |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                ));
        }
        let mut concepts = Vec::new();
        for (j, c) in p.concepts.iter().enumerate() {
            let ideas: Vec<Vec<String>> =
                c.split('+').map(|idea| idea.split('|').map(|w| w.trim().to_owned()).collect::<Vec<_>>()).collect();
            let empty = ideas.iter().any(|idea| idea.iter().any(String::is_empty));
            if empty || (ideas.len() == 1 && ideas[0].len() == 1) {
                let (message, label) = if empty {
                    (
                        tr!("`{c}` has an empty idea or synonym", "`{c}` 含有空的意思或同义词"),
                        tr!("empty between `+` or `|`", "`+` 或 `|` 之间为空"),
                    )
                } else {
                    (
                        tr!("`{c}` is one word, not a combination of ideas", "`{c}` 只是一个词，不是意思的组合"),
                        tr!("one word", "只有一个词"),
                    )
                };
                let f = refs.error(PLAN_CONCEPT, message, &format!("{ptr}/concepts/{j}"), label);
                f.help = Some(tr!(
                    "join ideas with ` + ` and synonyms with `|`, e.g. `国际科技组织|国际组织 + 代表处|总部`; a single name goes in `keywords`",
                    "意思之间用 ` + ` 连接、同义词之间用 `|` 连接，如 `国际科技组织|国际组织 + 代表处|总部`；单个名称请写入 `keywords`"
                ));
                continue;
            }
            concepts.push(ideas.into_iter().map(|idea| idea.iter().map(|w| crate::plan::fold(w)).collect()).collect());
        }
        priorities.push(model::Priority {
            id: p.id.clone().unwrap_or_default(),
            name: p.name.clone().unwrap_or_default(),
            theme,
            kind: p.kind.unwrap_or(model::PriorityKind::Task),
            keywords: p.keywords.clone().unwrap_or_default().iter().map(|k| crate::plan::fold(k)).collect(),
            concepts,
            cite: refs.cite(&p.source, &ptr, tr!("priority", "重点任务")),
        });
    }
    let out = model::Plan {
        id: plan.id.clone().unwrap_or_default(),
        title: plan.title.clone().unwrap_or_default(),
        issuer: plan.issuer.clone().unwrap_or_default(),
        year: plan.year.unwrap_or_default(),
        parts,
        priorities,
        index: Default::default(),
    };
    refs.finish(out)
}
