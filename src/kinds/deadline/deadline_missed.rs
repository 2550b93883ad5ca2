//! `deadline.missed`: a submission is (or would be) after its deadline.
use crate::kinds::prelude::*;
use crate::model::Deadline;
use crate::values::When;
use chrono::NaiveDateTime;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deadline.missed",
        summary: "a submission is after its deadline (逾期申报不予受理)",
        doc: "Each deadline of the call that applies to the category is judged on the application's \
              declared `submission` for that channel (online, paper, e-mail, a messaging account; \
              for an electronic copy whose channel the notice does not name, any of them but \
              paper); where the deadline says \
              the courier's send date counts (以快递发出日期为准), on `sent`. Without a declared \
              submission, it is judged at `--as-of` (default: now, in the call's time zone). A date \
              alone means the end of that day. Where the notice extends a deadline on a condition \
              (申报单位不足3家则顺延), a time within the extension is a warning that names the condition.",
        summary_zh: "提交晚于截止时间（逾期申报不予受理）",
        doc_zh: "通知中适用于该类别的每个截止时间，都按申报书为该渠道（网上、纸质、电子邮件、即时通讯账号）声明的 `submission` 判\
                 断（未列明方式的电子版：除纸质外的任一渠道）；截止时间规定以快递发出日期为准时，按 `sent` 判断。申报书未声明提交时，\
                 按 `--as-of` 判断（默认：现在，按通知所在时区）。只写日期时指当天结束。\
                 通知附条件延长截止时间时（申报单位不足3家则顺延），延长期内的时间报告为警告，\
                 并说明该条件。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let call = cx.call;
    let due: Vec<_> = call.deadlines.iter().filter(|d| d.applies(cx.category)).collect();
    for d in due {
        let subs = d.declared_moments(cx.app);
        // Judged at --as-of only when the draft declares no submission at all, not when one
        // could not be read.
        if subs.is_empty() && !cx.unusable("/submission") {
            let as_of = cx.as_of;
            judge(cx, d, as_of, None);
        }
        for (i, when, field) in subs {
            // Under amendments, the deadline as in force for this submission.
            let version = cx.in_force_for(when.start());
            let d = version.as_deref().and_then(|v| v.deadlines.iter().find(|x| x.id == d.id)).unwrap_or(d);
            judge(cx, d, when.start(), Some((i, when, field)));
        }
    }
}

/// Judges one moment against a deadline; `declared` is the submission's place in the list,
/// its moment and the key it was read from (`at`, or `sent` under a postmark rule).
fn judge(cx: &mut Ctx, d: &Deadline, when: NaiveDateTime, declared: Option<(usize, When, &str)>) {
    let closes = d.closes.end();
    if when <= closes {
        return;
    }
    let ext = d.extensions.iter().find(|e| when <= e.until.end());
    let declared = declared.map(|(i, when, field)| {
        let what = if field == "sent" { tr!("sent {when}", "寄出时间 {when}") } else { tr!("submitted {when}", "提交时间 {when}") };
        (format!("/submission/{i}/{field}"), what)
    });
    let what = match &declared {
        Some((_, what)) => what.clone(),
        None => {
            let at = when.format("%Y-%m-%d %H:%M");
            tr!("as of {at}", "截至 {at}")
        }
    };
    let (name, closes, en, zh) = (&d.name, &d.closes, &what.en, &what.zh);
    let (severity, msg, req, cite) = match ext {
        Some(e) => {
            let (until, fewer) = (&e.until, e.when_fewer_applicants_than);
            (
                Severity::Warning,
                tr!(
                    "{name} ({en}) closed {closes}; it is on time only under the extension to {until} if the category has fewer than {fewer} applicants",
                    "{name}已于 {closes} 截止（{zh}）；仅当该类别申报单位少于 {fewer} 家、截止时间延长至 {until} 时方不逾期"
                ),
                tr!(
                    "{name} by {closes} (extended to {until} if fewer than {fewer} applicants)",
                    "{name}截止时间 {closes}（申报单位少于 {fewer} 家时延长至 {until}）"
                ),
                e.cite.clone(),
            )
        }
        None => (
            Severity::Error,
            tr!("{name} closed {closes} ({en})", "逾期：{name}已于 {closes} 截止（{zh}）"),
            tr!("{name} by {closes}", "{name}截止时间 {closes}"),
            d.cite.clone(),
        ),
    };
    let f = match &declared {
        Some((p, _)) => cx.finding(RULE.info, severity, msg, p, tr!("after the deadline", "晚于截止时间")),
        None => cx.finding(
            RULE.info,
            severity,
            msg,
            "/submission",
            tr!("no submission date declared; judged at --as-of", "未填写提交时间；按 --as-of 的时间判断"),
        ),
    };
    let f = f.requires(req).cite(Some(cite)).with_help(if declared.is_some() {
        tr!("submit before the deadline", "请在截止时间前提交")
    } else {
        tr!("the deadline has passed; check the date or pass --as-of", "截止时间已过；请核对日期，或用 --as-of 指定判断时间")
    });
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn online_submission_after_the_deadline() {
        let out = check(&edit(&[("{ channel: online, at: \"2025-04-20 10:00\" }", "{ channel: online, at: \"2025-04-22 09:00\" }")]));
        assert_eq!(out.codes(), ["deadline.missed"]);
        insta::assert_snapshot!(out.rendered());
        insta::assert_snapshot!("online_submission_after_the_deadline_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }

    #[test]
    fn courier_send_date_counts_and_extension_warns() {
        // Arrives late but was sent in time: fine.
        let out = check(&edit(&[("at: \"2025-04-25 09:00\", sent: 2025-04-23", "at: \"2025-04-27 09:00\", sent: 2025-04-24")]));
        assert!(out.findings.is_empty(), "{}", out.rendered());
        // Sent after the deadline but within the conditional extension: a warning.
        let out = check(&edit(&[("at: \"2025-04-25 09:00\", sent: 2025-04-23", "at: \"2025-04-29 09:00\", sent: \"2025-04-28 10:00\"")]));
        assert_eq!(out.codes(), ["deadline.missed"]);
        assert_eq!(out.findings[0].severity, crate::diagnostics::Severity::Warning);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn without_a_declared_submission_the_clock_decides() {
        let app = edit(&[("  - { channel: online, at: \"2025-04-20 10:00\" }\n", "")]);
        assert!(check_at(&app, "2025-04-21T23:59:00".parse().unwrap()).findings.is_empty());
        let out = check_at(&app, "2025-04-22T00:00:01".parse().unwrap());
        assert_eq!(out.codes(), ["deadline.missed"]);
    }

    #[test]
    fn a_channel_without_its_own_date_closes_with_the_one_it_follows() {
        let out = check(&edit(&[(
            "  - { channel: paper, at: \"2025-04-25 09:00\", sent: 2025-04-23 }",
            "  - { channel: paper, at: \"2025-04-25 09:00\", sent: 2025-04-23 }\n  - { channel: email, at: \"2025-04-26 09:00\" }",
        )]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "deadline.missed").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.en.contains("电子版"), "{}", f[0].message.en);
    }

    #[test]
    fn an_electronic_copy_of_unnamed_channel_is_met_by_any_channel_but_paper() {
        // The test call's e-mail copy, as a notice that says only 同时报送电子版 would have it.
        let mut call = call().clone();
        let copy = call.deadlines.iter_mut().find(|d| d.id == "e-copy").expect("the test call's e-mail copy");
        copy.channel = crate::model::Channel::Electronic;
        let missed = |app: &str| {
            let out = check_against(&call, app, as_of());
            out.findings.into_iter().filter(|f| f.code.code == "deadline.missed").map(|f| f.message.en).collect::<Vec<_>>()
        };
        let paper = "  - { channel: paper, at: \"2025-04-25 09:00\", sent: 2025-04-23 }";
        for by in ["email", "message", "electronic"] {
            let late = missed(&edit(&[(paper, &format!("{paper}\n  - {{ channel: {by}, at: \"2025-04-26 09:00\" }}"))]));
            assert_eq!(late.len(), 1, "{by}: {late:?}");
            assert!(late[0].contains("电子版"), "{by}: {late:?}");
        }
        // A late paper form is the paper deadline's miss, not the copy's too.
        let late = missed(&edit(&[(paper, "  - { channel: paper, at: \"2025-04-28 09:00\", sent: 2025-04-27 }")]));
        assert_eq!(late.len(), 1, "{late:?}");
        assert!(!late[0].contains("电子版"), "{late:?}");
    }
}
