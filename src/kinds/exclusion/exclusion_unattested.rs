//! `exclusion.unattested`: an exclusion of the call is not attested.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "exclusion.unattested",
        summary: "the application does not attest to one of the call's exclusions",
        doc: "Calls bar applicants in some situations (近两年未参加年检, 两年内受到行政处罚, ...). The \
              application attests to each that concerns its lead applicant's type under \
              `attestations:` with `not-applicable` (or `applies`). A missing attestation is an error, \
              so that nobody overlooks an exclusion.",
        summary_zh: "申报书未就通知的某项限制情形作出声明",
        doc_zh: "通知在某些情形下不受理申报（近两年未参加年检、两年内受到行政处罚等）。申报书须在 `attestations:` 下，\
                 对每项涉及其第一申报单位类型的情形声明 `not-applicable`（或 `applies`）。\
                 缺少声明为错误，以免有人忽略限制情形。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let kind = &cx.app.lead().kind;
    if cx.unusable("/attestations") {
        return;
    }
    for e in cx.call.exclusions.iter().filter(|e| e.applies_to.is_empty() || kind.as_ref().is_some_and(|k| e.applies_to.contains(k))) {
        if !cx.in_scope(&[], e.when.as_ref()) {
            continue;
        }
        if cx.app.attestations.contains_key(&e.id) {
            continue;
        }
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("no attestation for exclusion `{}`: {}", "未就限制情形 `{}` 作出声明：{}", e.id, e.text),
                "/attestations",
                tr!("attestations", "声明"),
            )
            .requires(tr!(
                "attest `{}: not-applicable` if the situation does not apply",
                "如不存在该情形，请声明 `{}: not-applicable`",
                e.id
            ))
            .cite(Some(e.cite.clone()))
            .with_help(tr!("add `{}: not-applicable` under `attestations:`", "请在 `attestations:` 下添加 `{}: not-applicable`", e.id));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn exclusion_not_attested() {
        let out = check(&edit(&[("  no-inspection: not-applicable\n", "")]));
        assert_eq!(out.codes(), ["exclusion.unattested"]);
        insta::assert_snapshot!(out.rendered());
    }
}
