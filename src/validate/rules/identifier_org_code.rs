//! `identifier.org-code`: a 组织机构代码 fails its check character (GB 11714-1997).
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "identifier.org-code",
        summary: "a 组织机构代码 (法人代码) is malformed or fails its check character (GB 11714-1997)",
        doc: "The code is 8 characters (0-9, A-Z) and a check character (0-9 or X), usually written \
              `XXXXXXXX-X`; weights 3 7 9 10 5 8 4 2, check = 11 − Σ mod 11 (10 → X, 11 → 0).",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(code) = &cx.app.lead.org_code else { return };
    let Err(why) = crate::ident::org_code(code) else { return };
    let cite = cx.call.form.identifier.as_ref().map(|r| r.cite.clone());
    let f = cx
        .finding(RULE.info, Severity::Error, format!("组织机构代码 `{code}` is not valid: it {why}"), "/lead/org_code", "not a valid code")
        .requires("a 9-character 组织机构代码 with a correct check character")
        .cite(cite)
        .with_help("copy the code again from the certificate; since 2015 most organisations use the 统一社会信用代码");
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
