//! `exclusion.unknown`: an attestation names no exclusion of the call.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "exclusion.unknown",
        summary: "an attestation names an exclusion the call does not have (a warning; often a typo)",
        doc: "Keys under `attestations:` must be exclusion ids of the call; a misspelt key leaves the \
              real exclusion unattested.",
        summary_zh: "声明指向了通知没有的限制情形（警告；常为拼写错误）",
        doc_zh: "`attestations:` 下的键须为通知的限制情形编号；拼错的键会使真正的限制情形未被声明。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let known: Vec<&str> = cx.call.exclusions.iter().map(|e| e.id.as_str()).collect();
    for id in cx.app.attestations.keys().filter(|k| !known.contains(&k.as_str())) {
        let near = crate::schema::suggest(id, known.iter().copied());
        let ptr = format!("/attestations/{}", crate::document::escape(id));
        let help = near.map_or_else(
            || {
                let known = known.join(", ");
                tr!("exclusions of this call: {known}", "本次申报的限制情形：{known}")
            },
            |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
        );
        let f = cx
            .finding_on_key(
                RULE.info,
                Severity::Warning,
                tr!("`{id}` is not an exclusion of this call", "`{id}` 不是本次申报的限制情形"),
                &ptr,
                tr!("unknown exclusion", "未知限制情形"),
            )
            .with_help(help);
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn misspelt_attestation() {
        let out = check(&edit(&[(
            "  no-legal-person: not-applicable\n",
            "  no-legal-person: not-applicable\n  no-inspections: not-applicable\n",
        )]));
        assert_eq!(out.codes(), ["exclusion.unknown"]);
        insta::assert_snapshot!(out.rendered());
    }
}
