//! `applicant.lead-not-eligible`: the lead applicant's type may not lead this category.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "applicant.lead-not-eligible",
        summary: "the lead applicant's type may not lead applications in this category",
        doc: "Each category names who may lead (领衔, 申报主体, 牵头): e.g. 市级学会或学会联合体领衔. \
              The lead applicant's `type` must be one of them. Joint applicants of other types may \
              still take part where the call allows joint applications.",
        summary_zh: "该类型的申报单位不得牵头申报此类别",
        doc_zh: "每个类别都规定了由谁牵头（领衔、申报主体、牵头），例如“市级学会或学会联合体领衔”。\
                 第一申报单位的 `type` 须为其中之一。通知允许联合申报时，其他类型的单位仍可作为联合申报单位参与。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    let Some(leads) = &cat.leads else { return };
    let Some(kind) = &cx.app.lead().kind else { return };
    let Some(t) = cx.call.applicant_types.get(kind) else { return };
    // An individual is reported by `applicant.individual` when the call rules individuals out.
    if t.individual && cx.call.individuals.as_ref().is_some_and(|r| !r.value) {
        return;
    }
    if leads.value.contains(kind) {
        return;
    }
    let names: Vec<String> = leads.value.iter().map(|id| cx.type_name(id)).collect();
    let (names, names_zh) = (names.join(", "), names.join("、"));
    let (kind, cat) = (&t.name, cat.full_name());
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!("{kind} may not lead a {cat} application", "{kind} 不得作为 {cat} 的申报主体"),
            "/lead/type",
            tr!("not an eligible lead", "不符合申报主体条件"),
        )
        .requires(tr!("the lead applicant is one of: {names}", "申报主体须为：{names_zh}"))
        .cite(Some(leads.cite.clone()))
        .with_help(tr!(
            "let an eligible organisation lead, and join as a joint applicant if the call allows it",
            "请由符合条件的单位牵头申报；通知允许时，可作为联合申报单位参与"
        ));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn park_cast_cannot_lead_forum() {
        // A park CAST must also say whether it has a party organisation (the test bed's `party_org`).
        let out = check(&edit(&[("  type: society", "  type: park-cast\n  party_org: true")]));
        assert_eq!(out.codes(), ["applicant.lead-not-eligible"]);
        insta::assert_snapshot!(out.rendered());
        insta::assert_snapshot!("park_cast_cannot_lead_forum_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }
}
