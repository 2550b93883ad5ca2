//! `identifier.credit-code`: a 统一社会信用代码 fails its check character (GB 32100-2015).
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "identifier.credit-code",
        summary: "a 统一社会信用代码 is malformed or fails its check character (GB 32100-2015)",
        doc: "The 18-character code uses 0-9 and the capitals A-H, J-N, P-R, T, U, W-Y (no I, O, Z, \
              S, V); its last character is a check character computed from the others (weights \
              3^(i-1) mod 31). A typing error almost always breaks it. Checked for the lead applicant, \
              joint applicants and partners.",
        summary_zh: "统一社会信用代码格式有误或校验码不符（GB 32100-2015）",
        doc_zh: "该代码共 18 位，使用 0-9 和大写字母 A-H、J-N、P-R、T、U、W-Y（不用 I、O、\
                 Z、S、V）；最后一位是由其余各位算出的校验码（权重 3^(i-1) mod 31）。抄错一位几乎总会使校验不符。\
                 第一申报单位、联合申报单位和参与单位的代码都会核对。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    // The codes that are wrong, with why and where they sit (the pointer written only for those).
    let app = cx.app;
    let lead = app.lead().credit_code.iter().map(|c| ("lead", None, c));
    let others = [("joint", &app.joint), ("partners", &app.partners)]
        .into_iter()
        .flat_map(|(list, orgs)| orgs.iter().enumerate().filter_map(move |(i, o)| o.credit_code.as_ref().map(|c| (list, Some(i), c))));
    let wrong: Vec<(String, &str, crate::ident::Invalid)> = lead
        .chain(others)
        .filter_map(|(list, i, c)| {
            let why = crate::ident::uscc(&c.0).err()?;
            let ptr = i.map_or_else(|| format!("/{list}/credit_code"), |i| format!("/{list}/{i}/credit_code"));
            Some((ptr, c.0.as_str(), why))
        })
        .collect();
    let cite = cx.call.form.identifier.as_ref().map(|r| r.cite.clone());
    for (ptr, code, why) in wrong {
        let why_zh = why.zh();
        let at = crate::schema::field_name(&ptr);
        let (at_en, at_zh) = (&at.en, &at.zh);
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("the {at_en} `{code}` is not valid: it {why}", "{at_zh}`{code}` 有误：{why_zh}"),
                &ptr,
                tr!("not a valid code", "代码无效"),
            )
            .requires(tr!("an 18-character 统一社会信用代码 with a correct check character", "18 位统一社会信用代码，校验码正确"))
            .cite(cite.clone())
            .with_help(tr!(
                "copy the code again from the registration certificate (营业执照 / 登记证书)",
                "请从营业执照或登记证书上重新抄录代码"
            ));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn wrong_check_character() {
        let out = check(&edit(&[("credit_code: 91350100M000100Y43", "credit_code: 91350100M000100Y44")]));
        assert_eq!(out.codes(), ["identifier.credit-code"]);
        insta::assert_snapshot!(out.rendered());
    }
}
