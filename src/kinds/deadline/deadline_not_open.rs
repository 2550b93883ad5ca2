//! `deadline.not-open`: a submission before its window opens.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "deadline.not-open",
        summary: "a submission is before the window opens (线上系统开放时间为3月15日至3月31日)",
        doc: "Where a deadline has an opening date, a declared submission before it is an error: the \
              system does not accept it yet. Without a declared submission, checking a draft before \
              the window opens gives advice naming the opening date.",
        summary_zh: "提交早于受理开始（线上系统开放时间为3月15日至3月31日）",
        doc_zh: "截止时间有开始日期时，早于开始日期的已声明提交为错误：系统尚未受理。未声明提交时，\
                 在受理开始前检查草稿会给出建议，说明开始日期。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let call = cx.call;
    let due: Vec<_> = call.deadlines.iter().filter(|d| d.applies(cx.category)).collect();
    for d in due {
        let Some(opens) = d.opens else { continue };
        let mut declared = false;
        for (i, s) in cx.app.submission.iter().enumerate().filter(|(_, s)| s.channel.is_some_and(|by| d.channel.accepts(by))) {
            declared = true;
            let Some(at) = s.at else { continue };
            // Under amendments, the opening as in force for this submission.
            let version = cx.in_force_for(at.start());
            let opens = version.as_deref().and_then(|v| v.deadlines.iter().find(|x| x.id == d.id)).and_then(|x| x.opens).unwrap_or(opens);
            if at.end() < opens.start() {
                let f = cx
                    .finding(
                        RULE.info,
                        Severity::Error,
                        tr!("{} opens {opens}; the submission at {at} is too early", "{}于 {opens} 开始；{at} 提交过早", d.name),
                        &format!("/submission/{i}/at"),
                        tr!("before the window opens", "早于开放时间"),
                    )
                    .requires(tr!("{} from {opens} to {}", "{}时间为 {opens} 至 {}", d.name, d.closes))
                    .cite(Some(d.cite.clone()));
                cx.push(f);
            }
        }
        if !declared && !cx.unusable("/submission") && cx.as_of < opens.start() {
            let f = cx
                .finding(
                    RULE.info,
                    Severity::Advice,
                    tr!("{} opens {opens}", "{}于 {opens} 开始", d.name),
                    "/submission",
                    tr!("not yet open", "尚未开始"),
                )
                .requires(tr!("{} from {opens} to {}", "{}时间为 {opens} 至 {}", d.name, d.closes))
                .cite(Some(d.cite.clone()));
            cx.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn submitted_before_the_window() {
        let out = check(&edit(&[("{ channel: online, at: \"2025-04-20 10:00\" }", "{ channel: online, at: \"2025-03-10 10:00\" }")]));
        assert_eq!(out.codes(), ["deadline.not-open"]);
        insta::assert_snapshot!(out.rendered());
    }
}
