//! A work plan as a guide page (`callspec show <plan id>`), its row in `callspec list`, and the
//! coverage table of a call against it (`callspec plan coverage`). Pure functions of the
//! compiled plan (and call); Chinese by default, as the plan is, English headings and words
//! with `Lang::En` (names and quotes stay as published).

use crate::diagnostics::Citation;
use crate::i18n::Lang;
use crate::model::{Plan, Priority, PriorityKind};
use crate::plan::Coverage;

use super::markdown::esc;

/// Chinese numerals of the plan's parts, in order.
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn pick<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// `programme` or `task` in words.
pub fn kind_word(kind: PriorityKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (PriorityKind::Programme, Lang::En) => "programme",
        (PriorityKind::Task, Lang::En) => "task",
        (PriorityKind::Programme, Lang::Zh) => "计划（可资助）",
        (PriorityKind::Task, Lang::Zh) => "协会工作",
    }
}

fn cite(c: &Citation, lang: Lang) -> String {
    match lang {
        Lang::En => format!("*Source {}: “{}”*", esc(&c.section), esc(&c.text)),
        Lang::Zh => format!("*依据 {}：“{}”*", esc(&c.section), esc(&c.text)),
    }
}

/// The parts of a plan, each with its priorities, in the plan's order: the parts it lists (and
/// a part for any theme it does not list, after them).
fn parts(plan: &Plan) -> Vec<(String, Option<&crate::model::Part>, Vec<&Priority>)> {
    let mut out: Vec<(String, Option<&crate::model::Part>, Vec<&Priority>)> =
        plan.parts.iter().map(|p| (p.name.clone(), Some(p), Vec::new())).collect();
    for pr in &plan.priorities {
        match out.iter_mut().find(|(name, _, _)| *name == pr.theme) {
            Some(entry) => entry.2.push(pr),
            None => out.push((pr.theme.clone(), None, vec![pr])),
        }
    }
    out
}

/// The plan as Markdown: its facts, the table of programmes, then each part with its
/// programmes and the association's own tasks, every item quoted with its section.
pub fn markdown(plan: &Plan, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", esc(&plan.title));
    out.push_str(pick(
        lang,
        "> Made by callspec from the plan's text; every item is followed by the passage it comes from. Where they differ, the plan's text governs.\n\n",
        "> 本页由 callspec 根据工作要点原文生成，每项后附所依据的原文；如有出入，以原文为准。\n\n",
    ));
    let programmes = plan.programmes().count();
    let tasks = plan.priorities.len() - programmes;
    let facts = match lang {
        Lang::En => [
            format!("Issued by: {}", esc(&plan.issuer)),
            format!("Year: {}", plan.year),
            format!("Id: `{}` (a call names it with `call.plan`)", plan.id),
            format!(
                "Priorities: {}, of which {programmes} programmes a call may fund and {tasks} tasks of the association's own",
                plan.priorities.len()
            ),
        ],
        Lang::Zh => [
            format!("发布单位：{}", esc(&plan.issuer)),
            format!("年度：{} 年", plan.year),
            format!("编号：`{}`（申报通知以 `call.plan` 指明）", plan.id),
            format!("重点任务：{} 项，其中通知可资助的计划 {programmes} 项、协会自身工作 {tasks} 项", plan.priorities.len()),
        ],
    };
    for f in facts {
        out.push_str(&format!("- {f}\n"));
    }
    out.push('\n');
    out.push_str(&format!("## {}\n\n", pick(lang, "Programmes a call may fund", "通知可资助的计划")));
    out.push_str(pick(
        lang,
        "A call that serves the plan says which of these its categories implement (`implements:`); `callspec plan align` tells which a draft serves.\n\n",
        "服务于本工作要点的通知，以 `implements:` 写明其类别承接下列哪些计划；`callspec plan align` 可说明草稿服务于哪些计划。\n\n",
    ));
    out.push_str(pick(lang, "| part | programme | id |\n|---|---|---|\n", "| 部分 | 计划 | 编号 |\n|---|---|---|\n"));
    for p in plan.programmes() {
        out.push_str(&format!("| {} | {} | `{}` |\n", esc(&p.theme), esc(&p.name), p.id));
    }
    out.push('\n');
    for (i, (name, part, items)) in parts(plan).into_iter().enumerate() {
        let numeral = NUMERALS.get(i).copied().unwrap_or("");
        match part {
            Some(part) => out.push_str(&format!("## {numeral}、{}：{}\n\n", esc(&name), esc(&part.title))),
            None => out.push_str(&format!("## {numeral}、{}\n\n", esc(&name))),
        }
        if let Some(c) = part.and_then(|p| p.cite.as_ref()) {
            out.push_str(&format!("{}\n\n", cite(c, lang)));
        }
        for (kind, heading) in [
            (PriorityKind::Programme, pick(lang, "Programmes", "计划（可资助）")),
            (PriorityKind::Task, pick(lang, "The association's own tasks", "协会自身工作")),
        ] {
            let of_kind: Vec<&&Priority> = items.iter().filter(|p| p.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            out.push_str(&format!("### {heading}\n\n"));
            for p in of_kind {
                out.push_str(&format!("- {} `{}`\\\n  {}\n", esc(&p.name), p.id, cite(&p.cite, lang)));
            }
            out.push('\n');
        }
    }
    out
}

/// The plan as one HTML page.
pub fn html(plan: &Plan, lang: Lang) -> String {
    let title = match lang {
        Lang::En => format!("{} (work plan)", plan.title),
        Lang::Zh => format!("{}（工作要点）", plan.title),
    };
    super::html::page(&title, &markdown(plan, lang), lang)
}

/// One row per plan: id, title, year, programmes, tasks; the headings in `lang`.
pub fn list_text<'a>(plans: impl IntoIterator<Item = &'a Plan>, lang: Lang) -> String {
    let rows: Vec<Vec<String>> = plans
        .into_iter()
        .map(|p| {
            let programmes = p.programmes().count();
            vec![p.id.clone(), p.title.clone(), p.year.to_string(), programmes.to_string(), (p.priorities.len() - programmes).to_string()]
        })
        .collect();
    let headings = match lang {
        Lang::En => ["plan", "title", "year", "programmes", "tasks"],
        Lang::Zh => ["工作要点", "标题", "年度", "可资助计划", "协会工作"],
    };
    super::table::render(&headings, &rows)
}

/// The priorities of one plan: id, part, kind, name.
pub fn priorities_text(plan: &Plan, lang: Lang) -> String {
    let rows: Vec<Vec<String>> = plan
        .priorities
        .iter()
        .map(|p| vec![plan.id.clone(), p.id.clone(), p.theme.clone(), kind_word(p.kind, lang).to_owned(), p.name.clone()])
        .collect();
    let headings = match lang {
        Lang::En => ["plan", "priority", "part", "kind", "name"],
        Lang::Zh => ["工作要点", "重点任务编号", "部分", "类型", "名称"],
    };
    super::table::render(&headings, &rows)
}

/// A plan as JSON, for `list --format json`: `{"id", "title", "issuer", "year", "priorities":
/// [{"id", "name", "part", "kind", "section"}]}`.
pub fn json(plan: &Plan) -> serde_json::Value {
    let priorities: Vec<serde_json::Value> = plan
        .priorities
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id, "name": p.name, "part": p.theme,
                "kind": match p.kind { PriorityKind::Programme => "programme", PriorityKind::Task => "task" },
                "section": p.cite.section,
            })
        })
        .collect();
    serde_json::json!({ "id": plan.id, "title": plan.title, "issuer": plan.issuer, "year": plan.year, "priorities": priorities })
}

fn coverage_rows(cov: &Coverage, lang: Lang) -> Vec<Vec<String>> {
    let none = pick(lang, "(none)", "（无）");
    cov.rows
        .iter()
        .map(|(p, cats)| {
            let names: Vec<String> = cats.iter().map(|c| c.full_name()).collect();
            vec![
                p.theme.clone(),
                p.name.clone(),
                kind_word(p.kind, lang).to_owned(),
                if names.is_empty() { none.to_owned() } else { names.join("；") },
            ]
        })
        .collect()
}

fn coverage_summary(cov: &Coverage, lang: Lang) -> String {
    let (done, all) = cov.programmes();
    let untied = cov.untied.len();
    match lang {
        Lang::En => format!(
            "{done} of the {all} programmes of {} are implemented by a category of {}; {untied} categories implement no priority",
            cov.plan.title, cov.call.id
        ),
        Lang::Zh => {
            format!("{}的 {all} 项可资助计划中，{done} 项有 {} 的类别承接；{untied} 个类别未承接任何重点任务", cov.plan.title, cov.call.id)
        }
    }
}

fn coverage_headings(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En => ["part", "programme or priority", "kind", "categories implementing it"],
        Lang::Zh => ["部分", "计划或重点任务", "类型", "承接的类别"],
    }
}

/// The coverage table as aligned text: one row per programme (and per task a category
/// implements), the categories tied to none, a summary line.
pub fn coverage_text(cov: &Coverage, lang: Lang) -> String {
    let mut out = super::table::render(&coverage_headings(lang), &coverage_rows(cov, lang));
    if !cov.untied.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = cov.untied.iter().map(|c| vec![c.path.clone(), c.full_name()]).collect();
        let headings = match lang {
            Lang::En => ["category implementing no priority", "name"],
            Lang::Zh => ["未承接任何重点任务的类别", "名称"],
        };
        out.push_str(&super::table::render(&headings, &rows));
    }
    out.push('\n');
    out.push_str(&coverage_summary(cov, lang));
    out.push('\n');
    out
}

/// The coverage table as Markdown (a GitHub table, as in the README).
pub fn coverage_markdown(cov: &Coverage, lang: Lang) -> String {
    let h = coverage_headings(lang);
    let mut out = format!("| {} | {} | {} | {} |\n|---|---|---|---|\n", h[0], h[1], h[2], h[3]);
    for row in coverage_rows(cov, lang) {
        let cells: Vec<String> = row.iter().map(|c| esc(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if !cov.untied.is_empty() {
        out.push_str(pick(lang, "\nCategories implementing no priority: ", "\n未承接任何重点任务的类别："));
        let names: Vec<String> = cov.untied.iter().map(|c| esc(&c.full_name())).collect();
        out.push_str(&names.join(pick(lang, "; ", "；")));
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", esc(&coverage_summary(cov, lang))));
    out
}

/// The coverage as JSON: `{"plan", "call", "programmes": {"implemented", "all"}, "rows":
/// [{"priority", "name", "part", "kind", "categories": [path]}], "untied": [path]}`.
pub fn coverage_json(cov: &Coverage) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = cov
        .rows
        .iter()
        .map(|(p, cats)| {
            serde_json::json!({
                "priority": p.id, "name": p.name, "part": p.theme,
                "kind": match p.kind { PriorityKind::Programme => "programme", PriorityKind::Task => "task" },
                "categories": cats.iter().map(|c| c.path.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let (done, all) = cov.programmes();
    serde_json::json!({
        "plan": cov.plan.id,
        "call": cov.call.id,
        "programmes": { "implemented": done, "all": all },
        "rows": rows,
        "untied": cov.untied.iter().map(|c| c.path.as_str()).collect::<Vec<_>>(),
    })
}
