//! `batch.too-few-applicants`: a category has fewer applicants than the call needs (须3家以上单位报名).
use super::{CrossRule, Cx, group_by};
use crate::diagnostics::{CodeInfo, Severity};
use crate::tr;

pub const RULE: CrossRule = CrossRule {
    info: &CodeInfo {
        code: "batch.too-few-applicants",
        summary: "a category has fewer applicants than the call needs to go ahead",
        doc: "Some calls run a category only when enough units apply (每项须3家以上单位报名: \
              `min_applicants`). With `--complete` (the files are every application received), the \
              distinct applicants of each such category are counted and each file of a category \
              short of the minimum gets a warning: the category may not go ahead. Without \
              `--complete` nothing is counted, since a partial set proves nothing.",
        summary_zh: "某类别的申报单位少于通知开展该类别所需的数目",
        doc_zh: "有些通知只在申报单位足够多时才开展某个类别（每项须3家以上单位报名：`min_applicants`）。\
                 使用 `--complete` 时（这些文件即收到的全部申报），统计每个这类类别中不同的申报单位，\
                 不足下限的类别的每个文件都会收到警告：该类别可能不予开展。不使用 `--complete` 时不作统计，\
                 因为部分文件说明不了什么。",
    },
    check,
};

fn check(cx: &mut Cx) {
    if !cx.opts.complete {
        return;
    }
    for call in cx.calls() {
        let files = cx.of_call(call);
        for (cat, group) in group_by(files, |f| f.category, 1) {
            let category = &call.categories[cat];
            let Some(min) = &category.min_applicants else { continue };
            let applicants: std::collections::BTreeSet<_> = group.iter().map(|(i, f)| f.applicant.ok_or(*i)).collect();
            if applicants.len() as u32 >= min.value {
                continue;
            }
            for (i, _) in &group {
                let f = cx
                    .finding(
                        *i,
                        RULE.info,
                        Severity::Warning,
                        tr!(
                            "{} has {} applicant(s); the call needs at least {}",
                            "{} 仅有 {} 家单位申报，通知要求不少于 {} 家",
                            category.full_name(),
                            applicants.len(),
                            min.value
                        ),
                        "/category",
                        tr!("too few applicants in this category", "该类别申报单位不足"),
                    )
                    .requires(tr!("at least {} applicants in {}", "{1}申报单位不少于 {0} 家", min.value, category.full_name()))
                    .cite(Some(min.cite.clone()))
                    .with_help(tr!(
                        "the category may not go ahead; ask the funder, or apply in another category",
                        "该类别可能不予立项；请咨询主办单位，或改报其他类别"
                    ));
                cx.push(*i, f);
            }
        }
    }
}
