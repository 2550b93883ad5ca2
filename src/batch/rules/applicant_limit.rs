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
        summary_zh: "同一申报单位在一组类别中的申报数超过通知允许的数目",
        doc_zh: "在一次运行的全部文件中，按申报单位归并申报书：依据统一社会信用代码中的组织机构代码（或组织机构代码，\
                 否则依据单位名称）。通知限制一个申报单位在一组类别中的申报数时（`limits:`，\
                 如“符合条件的申报主体最多可申报2项”），超出限额的申报单位的每个文件都会报告，\
                 并列出其他文件。互斥的类别见 `batch.exclusive-categories`。",
    },
    check,
};

fn check(cx: &mut Cx) {
    for call in cx.calls() {
        let mut keyed = 0;
        for limit in &call.limits {
            // A limit on something other than the applicant reads its key from the facts.
            let slot = (!limit.per.is_empty()).then(|| {
                keyed += 1;
                keyed - 1
            });
            let key = |f: &crate::batch::Facts| match slot {
                Some(k) => f.limit_keys.get(k).copied().flatten(),
                None => f.applicant,
            };
            for (_, group) in group_by(cx.within(call, &limit.categories), key, 2) {
                let distinct: std::collections::BTreeSet<_> = group.iter().map(|(_, f)| f.category).collect();
                let exclusive_clash = limit.exclusive && distinct.len() > 1;
                if group.len() as u32 <= limit.max || exclusive_clash {
                    continue;
                }
                let all: Vec<usize> = group.iter().map(|(i, _)| *i).collect();
                let scope: Vec<String> = limit.categories.iter().map(|s| call.category(s).map_or(s.clone(), |c| c.full_name())).collect();
                let severity = if limit.soft { Severity::Warning } else { Severity::Error };
                let label =
                    if limit.per.is_empty() { tr!("this applicant", "该申报单位") } else { tr!("counted here", "计入此处") };
                for (i, facts) in &group {
                    let others = cx.others(&all, *i);
                    let (who, at) = match limit.per.first() {
                        Some(p) => (cx.value(*i, &limit.per), p.as_str()),
                        None => (cx.who(*i), facts.applicant_pointer),
                    };
                    let (n, max) = (group.len(), limit.max);
                    let scope = if limit.whole_call { Text::new("this call", "本通知") } else { Text::from(scope.join("、")) };
                    let (s_en, s_zh) = (&scope.en, &scope.zh);
                    let (message, requires) = if limit.per.is_empty() {
                        (
                            tr!(
                                "{who} has {n} applications in {s_en}; at most {max} allowed",
                                "{who} 在{s_zh}中申报了 {n} 项，最多允许 {max} 项"
                            ),
                            tr!("at most {max} application(s) per applicant in {s_en}", "每个单位在{s_zh}中最多申报 {max} 项"),
                        )
                    } else {
                        let what = limit.counted(call);
                        (
                            Text::new(
                                format!("{n} applications in {s_en} have the same {}: {who}; at most {max} allowed", what.en),
                                format!("{s_zh}中有 {n} 项申报的{}同为 {who}，最多允许 {max} 项", what.zh),
                            ),
                            Text::new(
                                format!("at most {max} application(s) in {s_en} per {}", what.en),
                                format!("{s_zh}中每个{}最多 {max} 项", what.zh),
                            ),
                        )
                    };
                    let f = cx
                        .finding(*i, RULE.info, severity, message, at, label.clone())
                        .requires(requires)
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
