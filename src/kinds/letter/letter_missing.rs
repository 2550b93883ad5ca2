//! `letter.missing`: a required recommendation letter is not attached.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "letter.missing",
        summary: "a recommendation letter the category requires is not attached",
        doc: "Some categories need a letter from a named body (由市级科协出具推荐函, 省级科协签字盖章同意申报的推荐材料). \
              List attached letters under `letters:` by the call's letter id.",
        summary_zh: "未附类别要求的推荐函",
        doc_zh: "有些类别需要指定机构出具的函件（由市级科协出具推荐函；省级科协签字盖章同意申报的推荐材料）。\
                 请在 `letters:` 下按通知的函件编号列出所附函件。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    if cx.unusable("/letters") || cx.app.letters.iter().any(|x| x.id.is_none()) {
        return;
    }
    for l in &cat.letters {
        if !cx.in_scope(&[], l.when.as_ref()) {
            continue;
        }
        if cx.app.letters.iter().any(|x| x.id.as_deref() == Some(l.id.as_str())) {
            continue;
        }
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("the {} ({}) is not attached", "未附{}（{}）", l.name, l.issuer),
                "/letters",
                tr!("letters", "附件函件"),
            )
            .requires(tr!("a {} from {}", "{1}出具的{0}", l.name, l.issuer))
            .cite(Some(l.cite.clone()))
            .with_help(tr!(
                "attach it and list it: `letters: [{{ id: {}, issuer: ... }}]`",
                "请附上并列出：`letters: [{{ id: {}, issuer: ... }}]`",
                l.id
            ));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn service_team_without_letter() {
        let out = check(&edit(&[("category: fixed/forum", "category: soft")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "letter.missing").collect();
        assert_eq!(f.len(), 1);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
