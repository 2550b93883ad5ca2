//! `batch.extension-applies` and `batch.extension-not-triggered`: a conditional deadline
//! extension (申报单位不足3家则顺延) settled by counting the category's applicants.
use super::{CrossRule, Cx, group_by};
use crate::batch::DeadlineStatus;
use crate::diagnostics::{CodeInfo, Severity};
use crate::tr;

pub const APPLIES: CrossRule = CrossRule {
    info: &CodeInfo {
        code: "batch.extension-applies",
        summary: "a late submission is on time: its category had too few applicants, so the deadline was extended",
        doc: "With `--complete`, a submission after the original deadline but within a conditional \
              extension (如单个项目申报单位不足3家，则该项目申报时间将顺延) is settled by counting the \
              distinct applicants of its category that were in time for an original deadline (an \
              applicant whose online submission was in time counts, whatever its paper). Fewer \
              than the condition's number: the extension is in force, the file's `deadline.missed` \
              warning is settled (removed from the output) and this advice says why; files in \
              an extension window are printed after the others, once this is known.",
        summary_zh: "逾期的提交实际未逾期：该类别申报单位过少，截止时间已延长",
        doc_zh: "使用 `--complete` 时，晚于原截止时间但在附条件延长期内的提交（如单个项目申报单位不足3家，\
                 则该项目申报时间将顺延），通过统计其类别中赶上原截止时间的不同申报单位来判定（网上提交按时的申报单\
                 位即计入，不论其纸质材料如何）。少于条件所列数目时，延长生效，该文件的 `deadline.missed` 警告随之\
                 了结（从输出中移除），并由本建议说明原因；处于延长期的文件在确定这一点后，\
                 排在其他文件之后输出。",
    },
    check: applies,
};

pub const NOT_TRIGGERED: CrossRule = CrossRule {
    info: &CodeInfo {
        code: "batch.extension-not-triggered",
        summary: "a late submission is not saved by the extension: its category had enough applicants",
        doc: "The counterpart of `batch.extension-applies`: the category had as many applicants in \
              time for the original deadline as the condition names, so the extension never came \
              into force and the submission is late (逾期不予受理).",
        summary_zh: "逾期的提交未因延长而免于逾期：该类别申报单位足够",
        doc_zh: "与 `batch.extension-applies` 相对：赶上原截止时间的申报单位已达到条件所列数目，\
                 延长从未生效，该提交逾期（逾期不予受理）。",
    },
    check: not_triggered,
};

fn applies(cx: &mut Cx) {
    settle(cx, true);
}

fn not_triggered(cx: &mut Cx) {
    settle(cx, false);
}

/// Reports the files in an extension window whose category is (`in_force`) or is not short
/// of applicants.
fn settle(cx: &mut Cx, in_force: bool) {
    if !cx.opts.complete {
        return;
    }
    for call in cx.calls() {
        let files = cx.of_call(call);
        for (cat, group) in group_by(files, |f| f.category, 1) {
            // 申报单位不足3家 counts applicants, not submissions: one in time for any of the
            // deadlines that may be extended (its online submission, say) is an applicant of the
            // category, whatever the state of its other submissions.
            let in_time: std::collections::BTreeSet<_> = group
                .iter()
                .filter(|(_, f)| f.extensions.iter().any(|(_, s)| *s == DeadlineStatus::OnTime))
                .map(|(i, f)| f.applicant.ok_or(*i))
                .collect();
            for (d, deadline) in call.deadlines.iter().enumerate().filter(|(_, d)| !d.extensions.is_empty()) {
                let status = |f: &crate::batch::Facts| f.extensions.iter().find(|(k, _)| *k == d).map(|(_, s)| s.clone());
                for (i, facts) in &group {
                    let Some(DeadlineStatus::InExtension(e, pointer)) = status(facts) else { continue };
                    let ext = &deadline.extensions[e];
                    let short = (in_time.len() as u32) < ext.when_fewer_applicants_than;
                    if short != in_force {
                        continue;
                    }
                    let name = call.categories[cat].full_name();
                    let (severity, message, help) = if in_force {
                        (
                            Severity::Advice,
                            tr!(
                                "{} of {name}: {} applicant(s) by {}, fewer than {}, so the extension to {} applies and this submission is on time",
                                "{name}{0}：截至 {2} 仅 {1} 家单位申报，少于 {3} 家，截止时间延长至 {4}，本次提交未逾期",
                                deadline.name,
                                in_time.len(),
                                deadline.closes,
                                ext.when_fewer_applicants_than,
                                ext.until
                            ),
                            tr!("nothing to do: the deadline was extended for this category", "无需处理：该类别的截止时间已延长"),
                        )
                    } else {
                        (
                            Severity::Error,
                            tr!(
                                "{} of {name}: {} applicant(s) by {}, so the extension to {} did not come into force and this submission is late",
                                "{name}{0}：截至 {2} 已有 {1} 家单位申报，延长至 {3} 的规定不适用，本次提交逾期",
                                deadline.name,
                                in_time.len(),
                                deadline.closes,
                                ext.until
                            ),
                            tr!("the submission is after the deadline; it will not be accepted", "提交晚于截止时间，不予受理"),
                        )
                    };
                    let info = if in_force { APPLIES.info } else { NOT_TRIGGERED.info };
                    let f = cx
                        .finding(*i, info, severity, message, &pointer, tr!("after the original deadline", "晚于原截止时间"))
                        .requires(tr!(
                            "{} by {} (extended to {} if fewer than {} applicants)",
                            "{0}截止时间 {1}（申报单位少于 {3} 家时延长至 {2}）",
                            deadline.name,
                            deadline.closes,
                            ext.until,
                            ext.when_fewer_applicants_than
                        ))
                        .cite(Some(ext.cite.clone()))
                        .with_help(help);
                    if in_force {
                        cx.settle(*i, "deadline.missed", &pointer);
                    }
                    cx.push(*i, f);
                }
            }
        }
    }
}
