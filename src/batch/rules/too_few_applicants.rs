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
