//! `identifier.org-code`: a 组织机构代码 fails its check character (GB 11714-1997).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "identifier.org-code",
        summary: "a 组织机构代码 (法人代码) is malformed or fails its check character (GB 11714-1997)",
        doc: "The code is 8 characters (0-9, A-Z) and a check character (0-9 or X), usually written \
              `XXXXXXXX-X`; weights 3 7 9 10 5 8 4 2, check = 11 − Σ mod 11 (10 → X, 11 → 0).",
        summary_zh: "组织机构代码（法人代码）格式有误或校验码不符（GB 11714-1997）",
        doc_zh: "该代码为 8 位本体代码（0-9、A-Z）加一位校验码（0-9 或 X），通常写作 `XXXXXXXX-X`；\
                 权重为 3 7 9 10 5 8 4 2，校验码 = 11 − Σ mod 11（10 记为 X，11 记为 0）。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(code) = &cx.app.lead().org_code else { return };
    let Err(why) = crate::ident::org_code(code) else { return };
    let cite = cx.call.form.identifier.as_ref().map(|r| r.cite.clone());
    let why_zh = why.zh();
    let at = crate::schema::field_name("/lead/org_code");
    let (at_en, at_zh) = (&at.en, &at.zh);
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!("the {at_en} `{code}` is not valid: it {why}", "{at_zh}`{code}` 有误：{why_zh}"),
            "/lead/org_code",
            tr!("not a valid code", "代码无效"),
        )
        .requires(tr!("a 9-character 组织机构代码 with a correct check character", "9 位组织机构代码，校验码正确"))
        .cite(cite)
        .with_help(tr!(
            "copy the code again from the certificate; since 2015 most organisations use the 统一社会信用代码",
            "请从证书上重新抄录代码；2015 年起多数单位已改用统一社会信用代码"
        ));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn wrong_check_character() {
        let out = check(&edit(&[("  credit_code: 91350100M000100Y43\n", "  credit_code: 91350100M000100Y43\n  org_code: 60003734-2\n")]));
        assert_eq!(out.codes(), ["identifier.org-code"]);
        insta::assert_snapshot!(out.rendered());
    }
}
