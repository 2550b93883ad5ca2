//! `pilot.industry`: the industry served is missing or not one the pilot city's entry names.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "pilot.industry",
        summary: "the industry (产业方向) is missing or not one the chosen pilot city's entry names",
        doc: "Where a category serves the notice's pilot-city list, `project.industry` must be one of \
              the industries the chosen city's entry names (key and cultivated industries). A \
              parenthesised explanation in the list and a trailing 产业 are ignored when comparing: \
              大数据 matches 大数据（数据存储、数据分类…）, 高端电力装备产业 matches 高端电力装备.",
        summary_zh: "产业方向未填写，或不是所选试点城市条目列出的产业",
        doc_zh: "类别服务于通知的试点城市名单时，`project.industry` 须为所选城市条目列出的产业之一（重点产业和培育\
                 产业）。比较时忽略名单中括号内的说明和结尾的“产业”：大数据与“大数据（数据存储、\
                 数据分类…）”相符，高端电力装备产业与“高端电力装备”相符。",
    },
    check,
};

/// The name without its parenthesised explanation or a trailing 产业 (高端电力装备产业 → 高端电力装备).
fn core(s: &str) -> &str {
    let s = s.split(['（', '(']).next().unwrap_or(s).trim();
    s.strip_suffix("产业").filter(|r| !r.is_empty()).unwrap_or(s)
}

fn check(cx: &mut Ctx) {
    let Some(rule) = cx.category.and_then(|c| c.pilot.as_ref()) else { return };
    let Some(list) = cx.call.references.get(&rule.value) else { return };
    let Some(entry) = cx.app.project().pilot_city.as_deref().and_then(|c| list.entry(c)) else { return };
    let allowed: Vec<&str> = entry.all_industries().collect();
    let at = crate::schema::field_name("/project/industry");
    let (at_en, at_zh) = (&at.en, &at.zh);
    let (msg, ptr, label) = match cx.app.project().industry.as_deref() {
        None if cx.unusable("/project/industry") => return,
        None => (tr!("the project names no {at_en}", "项目未填写{at_zh}"), "/project", tr!("no industry", "缺少产业方向")),
        Some(ind) if !allowed.iter().any(|a| core(a) == core(ind)) => (
            tr!("the {at_en} `{ind}` is not an industry listed for {}", "{at_zh}`{ind}` 不在{}所列产业之中", entry.name),
            "/project/industry",
            tr!("not listed for this city", "该城市未列此产业"),
        ),
        Some(_) => return,
    };
    let f = cx
        .finding(RULE.info, Severity::Error, msg, ptr, label)
        .requires(tr!("an industry listed for {} in {}", "{1}中为{0}列出的产业", entry.name, list.name))
        .cite(Some(rule.cite.clone()))
        .with_help(tr!("allowed for {}: {}", "{}可选产业：{}", entry.name, allowed.join("、")));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn industry_not_listed_for_the_city() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: open"),
            ("  end: 2025-11-30\nlead:", "  end: 2025-11-30\n  pilot_city: 中关村\n  industry: 物联网\nlead:"),
        ]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code.starts_with("pilot.")).collect();
        assert_eq!(f.len(), 1, "{:?}", f);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
