//! `identifier.missing`: the organisation identifier the form asks for is not given.
use crate::kinds::prelude::*;
use crate::model::IdentifierKind;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "identifier.missing",
        summary: "the lead applicant's identifier the form asks for (统一社会信用代码 / 法人代码) is missing",
        doc: "Forms ask for the lead applicant's 统一社会信用代码 (`lead.credit_code`) or its \
              组织机构代码/法人代码 (`lead.org_code`). Where either is accepted, one of them is needed.",
        summary_zh: "缺少表格要求的第一申报单位代码（统一社会信用代码 / 法人代码）",
        doc_zh: "表格要求填写第一申报单位的统一社会信用代码（`lead.credit_code`）或组织机构代码/法人代码（`lead.org_code`）。\
                 两者都可接受时，须至少填写其一。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(rule) = &cx.call.form.identifier else { return };
    let lead = cx.app.lead();
    // An individual is told individuals may not apply (`applicant.individual`), not that an
    // organisation's code is missing; a code that could not be read is not missing either.
    let individual = lead.kind.as_ref().and_then(|k| cx.call.applicant_types.get(k)).is_none_or(|t| t.individual);
    if individual || cx.unusable("/lead/credit_code") || cx.unusable("/lead/org_code") {
        return;
    }
    let missing = match rule.value {
        IdentifierKind::Uscc => lead.credit_code.is_none(),
        IdentifierKind::OrgCode => lead.org_code.is_none(),
        IdentifierKind::Either => lead.credit_code.is_none() && lead.org_code.is_none(),
    };
    if !missing {
        return;
    }
    let [uscc, org] = ["/lead/credit_code", "/lead/org_code"].map(crate::schema::field_name);
    let what = match rule.value {
        IdentifierKind::Uscc => uscc,
        IdentifierKind::OrgCode => org,
        IdentifierKind::Either => Text::new(format!("{} or {}", uscc.en, org.en), format!("{}或{}", uscc.zh, org.zh)),
    };
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            Text::new(format!("the lead applicant has no {}", what.en), format!("申报单位未填写{}", what.zh)),
            "/lead",
            tr!("lead applicant", "申报单位"),
        )
        .requires(what.clone())
        .cite(Some(rule.cite.clone()))
        .with_help(tr!("copy it from the organisation's registration certificate", "请从单位登记证书上抄录"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn no_credit_code() {
        let out = check(&edit(&[("  credit_code: 91350100M000100Y43\n", "")]));
        assert_eq!(out.codes(), ["identifier.missing"]);
        insta::assert_snapshot!(out.rendered());
    }
}
