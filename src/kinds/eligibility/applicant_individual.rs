//! `applicant.individual`: an individual applies where the call accepts organisations only.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "applicant.individual",
        summary: "the lead applicant is an individual, and the call does not accept individuals",
        doc: "Calls that say 项目不接受个人申报 accept organisations only. The lead applicant's type \
              is one the call marks as an individual (个人).",
        summary_zh: "第一申报单位为个人，而通知不接受个人申报",
        doc_zh: "写明“项目不接受个人申报”的通知只接受单位申报。第一申报单位的类型是通知标为个人的类型。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(rule) = &cx.call.individuals else { return };
    let individual = cx.app.lead().kind.as_ref().and_then(|k| cx.call.applicant_types.get(k)).is_some_and(|t| t.individual);
    if rule.value || !individual {
        return;
    }
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!("an individual cannot apply to this call", "本次申报不受理个人申请"),
            "/lead/type",
            tr!("an individual", "个人"),
        )
        .requires(tr!("an organisation as the lead applicant", "由单位作为申报主体"))
        .cite(Some(rule.cite.clone()))
        .with_help(tr!("apply through an eligible organisation", "请通过符合条件的单位申报"));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn individual_lead() {
        let out = check(&edit(&[("  type: society", "  type: individual")]));
        assert_eq!(out.codes(), ["applicant.individual"]);
        insta::assert_snapshot!(out.rendered());
    }
}
