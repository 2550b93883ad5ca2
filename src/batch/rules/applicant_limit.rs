//! `batch.applicant-limit`: one applicant over a per-applicant limit (最多可申报2项).
use super::{CrossRule, Cx, group_by};
use crate::diagnostics::{CodeInfo, Severity};
use crate::i18n::Text;
use crate::tr;

pub const RULE: CrossRule = CrossRule {
    info: &CodeInfo {
        code: "batch.applicant-limit",
        summary: "one applicant has more applications in a group of categories than the call allows",
        doc: "Across the files of one run, applications are grouped by applicant: the organisation \
              code inside the 统一社会信用代码 (or the 组织机构代码, or else the unit's name). Where the \
              call limits how many applications one applicant may make in a group of categories \
              (`limits:`, e.g. 符合条件的申报主体最多可申报2项), every file of an applicant over the \
              limit is reported, naming the others. Mutually exclusive categories are \
              `batch.exclusive-categories`.",
    },
    check,
};

fn check(cx: &mut Cx) {
    for call in cx.calls() {
        for limit in &call.limits {
            for (_, group) in group_by(cx.within(call, &limit.categories), |f| f.applicant, 2) {
                let distinct: std::collections::BTreeSet<_> = group.iter().map(|(_, f)| f.category).collect();
                let exclusive_clash = limit.exclusive && distinct.len() > 1;
                if group.len() as u32 <= limit.max || exclusive_clash {
                    continue;
                }
                let all: Vec<usize> = group.iter().map(|(i, _)| *i).collect();
                let scope: Vec<String> = limit.categories.iter().map(|s| call.category(s).map_or(s.clone(), |c| c.full_name())).collect();
                for (i, facts) in &group {
                    let others = cx.others(&all, *i);
                    let who = cx.who(*i);
                    let f = cx
                        .finding(
                            *i,
                            RULE.info,
                            Severity::Error,
                            tr!(
                                "{} has {} applications in {}; at most {} allowed",
                                "{0} 在{2}中申报了 {1} 项，最多允许 {3} 项",
                                who,
                                group.len(),
                                scope.join("、"),
                                limit.max
                            ),
                            facts.applicant_pointer,
                            tr!("this applicant", "该申报单位"),
                        )
                        .requires(tr!(
                            "at most {} application(s) per applicant in {}",
                            "每个单位在{1}中最多申报 {0} 项",
                            limit.max,
                            scope.join("、")
                        ))
                        .cite(Some(limit.cite.clone()))
                        .with_help({
                            let n = group.len() as u32 - limit.max;
                            Text::new(
                                format!("withdraw {n} of these; the others are {}", others.en),
                                format!("请撤回其中 {n} 项；其他文件为 {}", others.zh),
                            )
                        });
                    cx.push(*i, f);
                }
            }
        }
    }
}
