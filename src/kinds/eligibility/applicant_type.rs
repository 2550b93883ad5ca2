//! `applicant.unknown-type`: an organisation's type is not in the call's vocabulary.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "applicant.unknown-type",
        summary: "an applicant's `type` is not one of the applicant types the call speaks of",
        doc: "The lead applicant, joint applicants and partners each declare a `type` from the call's \
              vocabulary of applicant types (市级学会, 高校科协, ...), so that eligibility can be checked. \
              The finding lists the types the call knows.",
        summary_zh: "申报单位的 `type` 不是通知所述的申报单位类型之一",
        doc_zh: "第一申报单位、联合申报单位和参与单位各自从通知的申报单位类型中选填 `type`（市级学会、\
                 高校科协等），以便核对申报资格。该问题会列出通知所知的类型。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    // The types the call does not know, and where they sit; pointers are written only for those.
    let (app, types) = (cx.app, &cx.call.applicant_types);
    let unknown = |k: &Option<String>| k.as_ref().filter(|k| !types.contains_key(*k)).cloned();
    let mut found: Vec<(String, String)> = unknown(&app.lead().kind).map(|k| ("/lead/type".to_owned(), k)).into_iter().collect();
    for (list, orgs) in [("joint", &app.joint), ("partners", &app.partners)] {
        found.extend(orgs.iter().enumerate().filter_map(|(i, o)| Some((format!("/{list}/{i}/type"), unknown(&o.kind)?))));
    }
    for (ptr, kind) in found {
        let known: Vec<String> = cx.call.applicant_types.values().map(|t| format!("{} ({})", t.id, t.name)).collect();
        let near = crate::schema::suggest(&kind, cx.call.applicant_types.keys().map(String::as_str));
        let known = known.join(", ");
        let help = match near {
            Some(n) => tr!("did you mean `{n}`? types: {known}", "是否应为 `{n}`？可用类型：{known}"),
            None => tr!("types: {known}", "可用类型：{known}"),
        };
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("`{kind}` is not an applicant type of this call", "`{kind}` 不是本次申报的申报单位类型"),
                &ptr,
                tr!("unknown type", "未知类型"),
            )
            .with_help(help);
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn unknown_joint_type() {
        let out = check(&edit(&[("type: enterprise", "type: enterprize")]));
        assert_eq!(out.codes(), ["applicant.unknown-type"]);
        insta::assert_snapshot!(out.rendered());
    }
}
