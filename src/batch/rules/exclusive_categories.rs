//! `batch.exclusive-categories`: one applicant in two categories that may not be combined (不可兼报).
use super::{CrossRule, Cx, group_by};
use crate::diagnostics::{CodeInfo, Severity};
use crate::i18n::Text;
use crate::tr;

pub const RULE: CrossRule = CrossRule {
    info: &CodeInfo {
        code: "batch.exclusive-categories",
        summary: "one applicant applies to categories that may not be combined (不可兼报)",
        doc: "Where the call marks a group of categories as mutually exclusive (`limits:` with \
              `exclusive: true`, e.g. 3个子项目不可兼报), one applicant (by organisation code) may \
              apply to only one of them. Every file of such an applicant is reported, naming the \
              categories and the other files.",
        summary_zh: "同一申报单位申报了不可兼报的类别（不可兼报）",
        doc_zh: "通知将一组类别规定为互斥时（`limits:` 中的 `exclusive: true`，如“3个子项目不可兼报”），\
                 一个申报单位（按组织机构代码）只能申报其中之一。这样的申报单位的每个文件都会报告，\
                 并列出相关类别和其他文件。",
    },
    check,
};

fn check(cx: &mut Cx) {
    for call in cx.calls() {
        for limit in call.limits.iter().filter(|l| l.exclusive) {
            for (_, group) in group_by(cx.within(call, &limit.categories), |f| f.applicant, 2) {
                let distinct: std::collections::BTreeSet<usize> = group.iter().filter_map(|(_, f)| f.category).collect();
                if distinct.len() < 2 {
                    continue;
                }
                let names: Vec<String> = distinct.iter().map(|&c| call.categories[c].full_name()).collect();
                let all: Vec<usize> = group.iter().map(|(i, _)| *i).collect();
                for (i, _) in &group {
                    let others = cx.others(&all, *i);
                    let who = cx.who(*i);
                    let f = cx
                        .finding(
                            *i,
                            RULE.info,
                            Severity::Error,
                            tr!(
                                "{} applies to {} categories that may not be combined: {}",
                                "{} 兼报了 {} 个不可兼报的类别：{}",
                                who,
                                distinct.len(),
                                names.join("; ")
                            ),
                            "/category",
                            tr!("one of them", "其中之一"),
                        )
                        .requires(tr!("at most {} of: {}", "以下类别至多申报 {} 个：{}", limit.max, names.join("; ")))
                        .cite(Some(limit.cite.clone()))
                        .with_help(Text::new(
                            format!("keep one category; the other files are {}", others.en),
                            format!("请只保留一个类别；其他文件为 {}", others.zh),
                        ));
                    cx.push(*i, f);
                }
            }
        }
    }
}
