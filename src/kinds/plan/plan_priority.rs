//! `plan.priority`: which priorities of a work plan a draft serves (advice), each with the
//! passage that matched and the plan's clause: against a call, the priorities the draft's
//! category implements; with `callspec plan align`, all of them, and `plan.none` when it serves
//! none. The matching is [`crate::plan::align`].
use std::sync::Arc;

use crate::diagnostics::{Finding, Span};
use crate::kinds::prelude::*;
use crate::model::{Plan, PriorityKind};
use crate::source::SourceFile;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "plan.priority",
        summary: "a priority of the work plan the draft serves, with the passage that shows it (advice, never a failure); against a call, the priorities its category implements",
        doc: "A call may name the association's work plan (工作要点), whose programmes its calls are \
              expected to fund; `callspec plan align` holds a draft against a plan before any call \
              is out. Each sentence of the project's name, summary, content, basis and outcomes is \
              read: a priority is served by a sentence holding one of its names (科学咖啡馆) or every \
              idea of one of its paraphrases (国际科技组织 + 代表处 in 招引国际科技组织来杭设立代表处); \
              words many projects use (路演, 智库) never suffice alone. One finding per priority \
              served, on the first passage that serves it, with the plan's clause. `validate` \
              looks for the priorities the draft's category implements (its `implements:`), \
              what its reviewers look for; `plan align` for all of them. Reviewers may weigh \
              this; it never fails a draft.",
        summary_zh: "草稿服务于工作要点的某项重点任务，并标出所依据的段落（建议，不会判为不通过）；对照通知时，只看其类别承接的重点任务",
        doc_zh: "通知可以指明协会的工作要点，其中各项计划预期由通知资助；在通知发布之前，`callspec plan align` \
                 也可将草稿与工作要点对照。callspec 逐句阅读项目名称、摘要、内容、依据和成果：某句含有重点任务的\
                 名称（科学咖啡馆），或含有其某种说法的每个意思（“招引国际科技组织来杭设立代表处”中的国际科技组织\
                 与代表处），即服务于该项任务；许多项目都会用的词（路演、智库）单独出现不算。每项被服务的重点任务\
                 一条建议，标在第一处相符的段落上，并附工作要点原文。`validate` 只看草稿类别所承接的重点任务\
                 （其 `implements:`），即评审关注的内容；`plan align` 则看全部重点任务。评审可能参考这一点；\
                 它不会使草稿不通过。",
    },
    check,
};

pub const NONE: &CodeInfo = &CodeInfo {
    code: "plan.none",
    summary: "the draft serves none of the work plan's priorities (advice, `callspec plan align`)",
    doc: "`callspec plan align` found no sentence of the project's name, summary, content, basis \
          or outcomes that serves a priority of the plan (see `plan.priority`). Either the project \
          is outside the plan, or its texts do not say what of the plan it does: name the plan's \
          programme in the summary.",
    summary_zh: "草稿未服务于工作要点的任何重点任务（建议，`callspec plan align`）",
    doc_zh: "`callspec plan align` 在项目名称、摘要、内容、依据和成果中没有找到服务于工作要点某项重点任务的句子\
             （见 `plan.priority`）。要么项目不在工作要点范围内，要么其文字没有说明它做的是工作要点中的哪一项：\
             请在摘要中写明工作要点中的计划名称。",
};

/// The draft keys whose texts are read, in this order.
pub const FIELDS: [&str; 5] = ["name", "summary", "content", "basis", "outcomes"];

/// Against a call, a draft is held to the priorities its category implements: those are what
/// the category was set up for, and what its reviewers look for. The plan's other priorities
/// a text happens to touch are `callspec plan align`'s business.
fn check(cx: &mut Ctx) {
    let (Some(plan), Some(cat)) = (&cx.call.plan, cx.category) else { return };
    // The priorities are looked for in these texts; one that could not be read may name one.
    if cat.implements.is_empty() || FIELDS.iter().any(|k| cx.unusable(&format!("/project/{k}"))) {
        return;
    }
    for f in draft_alignment(plan, cx.doc, Some(&cat.implements), false) {
        cx.push(f);
    }
}

/// The texts of a parsed draft that alignment reads, with their pointers.
fn draft_texts(doc: &crate::document::Document) -> Vec<(String, &str)> {
    let Some(project) = doc.value.get("project") else { return Vec::new() };
    FIELDS.iter().filter_map(|k| Some((format!("/project/{k}"), project.get(k)?.as_str()?))).collect()
}

/// The alignment findings of a parsed draft, for the priorities named in `only` (by id) or for
/// all; with `none`, a `plan.none` finding when it serves no priority.
pub fn draft_alignment(plan: &Plan, doc: &crate::document::Document, only: Option<&[String]>, none: bool) -> Vec<Finding> {
    let texts = draft_texts(doc);
    let refs: Vec<&str> = texts.iter().map(|(_, t)| *t).collect();
    let matches = match only {
        Some(ids) => crate::plan::align_only(plan, &refs, ids),
        None => crate::plan::align(plan, &refs),
    };
    if matches.is_empty() && !none {
        return Vec::new();
    }
    // The spans of a JSON draft are built on first use (a second read): only for a draft
    // that has something to report.
    let texts: Vec<(String, String, Span)> = texts
        .into_iter()
        .map(|(ptr, text)| {
            let span = doc.spans().value(&ptr);
            (ptr, text.to_owned(), span)
        })
        .collect();
    findings(plan, &doc.file, &texts, &matches, none)
}

/// One `plan.priority` finding per priority the texts serve (pointer, text, span of the text's
/// value in `file`), labelled on the passage; with `none`, a `plan.none` finding when none.
pub fn alignment(plan: &Plan, file: &Arc<SourceFile>, texts: &[(String, String, Span)], none: bool) -> Vec<Finding> {
    let refs: Vec<&str> = texts.iter().map(|(_, t, _)| t.as_str()).collect();
    findings(plan, file, texts, &crate::plan::align(plan, &refs), none)
}

/// The findings of [`alignment`] for matches already made (`texts` in the order matched).
fn findings(
    plan: &Plan,
    file: &Arc<SourceFile>,
    texts: &[(String, String, Span)],
    matches: &[crate::plan::Match],
    none: bool,
) -> Vec<Finding> {
    let title = &plan.title;
    let mut out = Vec::new();
    for m in matches {
        let (ptr, text, span) = &texts[m.text];
        let passage = &text[m.passage.clone()];
        // The passage in the file: found in the value's source text when written as read
        // (plain, quoted or block scalars without escapes), else the whole value.
        let at = file
            .text
            .get(span.offset..span.offset + span.len)
            .and_then(|src| src.find(passage))
            .map_or(*span, |i| Span::new(span.offset + i, passage.len()));
        let (name, theme, words) = (&m.priority.name, &m.priority.theme, m.words.join("”“"));
        let kind = match m.priority.kind {
            PriorityKind::Programme => {
                tr!(
                    "nothing required; a programme of the plan, which its calls may fund",
                    "无硬性要求；这是工作要点中的计划，通知可资助此类项目"
                )
            }
            PriorityKind::Task => tr!(
                "nothing required; the association's own work under the plan, which calls do not fund as such",
                "无硬性要求；这是工作要点中协会自身的工作，通知一般不单独资助"
            ),
        };
        out.push(
            Finding::advice(
                RULE.info,
                tr!("serves {name} ({theme}) of {title}: “{passage}”", "服务于{title}的“{name}”（{theme}）：“{passage}”"),
            )
            .in_file(file.clone())
            .at_pointer(ptr.clone())
            .label(at, tr!("“{words}”: {}", "“{words}”：{}", m.priority.id))
            .requires(kind)
            .cite(Some(m.priority.cite.clone())),
        );
    }
    if none && matches.is_empty() {
        let n = plan.priorities.len();
        let (ptr, span) = texts
            .iter()
            .find(|(p, _, _)| p.ends_with("summary"))
            .or(texts.first())
            .map_or_else(|| (String::new(), Span::new(0, file.text.len().min(1))), |(p, _, s)| (p.clone(), *s));
        out.push(
            Finding::advice(
                NONE,
                tr!("the project serves none of the {n} priorities of {title}", "项目未服务于{title}的 {n} 项重点任务中的任何一项"),
            )
            .in_file(file.clone())
            .at_pointer(ptr)
            .label(span, tr!("no priority of the plan here", "此处未见规划的重点任务"))
            .requires(tr!("not required", "非必需"))
            .with_help(tr!(
                "if the project serves one, say which in the summary; `callspec show {}` lists them",
                "如项目服务于其中某项，请在摘要中写明；`callspec show {}` 会列出各项重点任务",
                plan.id
            )),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_served_priority_is_advice_on_its_passage() {
        let app = edit(&[("  summary: 围绕人工智能产业开展三场学术活动", "  summary: 以科学咖啡馆形式围绕人工智能产业开展三场学术活动")]);
        let out = check_with_plan(&app);
        assert_eq!(out.codes(), ["plan.priority"]);
        assert_eq!(out.findings[0].severity, crate::diagnostics::Severity::Advice);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn against_a_call_only_the_priorities_of_the_category_count() {
        // 山区4县 is a keyword of the plan's 一县一业一学会, which the category does not implement.
        let app = edit(&[("  summary: 围绕人工智能产业开展三场学术活动", "  summary: 围绕山区4县人工智能产业开展三场学术活动")]);
        let out = check_with_plan(&app);
        assert_eq!(out.codes(), Vec::<&str>::new(), "{}", out.rendered());
    }

    #[test]
    fn validation_says_nothing_of_a_draft_serving_none() {
        let out = check_with_plan(APP);
        assert_eq!(out.codes(), Vec::<&str>::new(), "{}", out.rendered());
    }
}
