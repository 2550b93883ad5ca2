//! `pilot.city`: the pilot city served is missing or not on the call's list.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "pilot.city",
        summary: "the pilot city (园区) the project serves is missing or not on the notice's list",
        doc: "Some categories serve the pilot cities (试点城市（园区）) listed in an annex of the notice. \
              `project.pilot_city` must name one of them: as printed, a listed alias, or a name that \
              the entry ends with once 省/市/自治区 are set aside (宁波市 for 浙江宁波). The finding \
              shows the allowed names.",
        summary_zh: "项目服务的试点城市（园区）未填写，或不在通知名单中",
        doc_zh: "有些类别服务于通知附件所列的试点城市（园区）。`project.pilot_city` 须为其中之一：\
                 与名单所印相同、名单列出的别名，或去掉省、市、自治区后名单条目所结尾的名称（浙江宁波可写作宁波市）。\
                 该问题会列出允许的名称。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(rule) = cx.category.and_then(|c| c.pilot.as_ref()) else { return };
    let Some(list) = cx.call.references.get(&rule.value) else { return };
    let names: Vec<&str> = list.entries.iter().map(|e| e.name.as_str()).collect();
    let at = crate::schema::field_name("/project/pilot_city");
    let (at_en, at_zh) = (&at.en, &at.zh);
    let (msg, ptr, label) = match cx.app.project().pilot_city.as_deref() {
        None if cx.unusable("/project/pilot_city") => return,
        None => (tr!("the project names no {at_en}", "项目未填写{at_zh}"), "/project", tr!("no pilot city", "缺少试点城市")),
        Some(city) if list.entry(city).is_none() => (
            tr!("the {at_en} `{city}` is not on the list {}", "{at_zh}`{city}` 不在{}之列", list.name),
            "/project/pilot_city",
            tr!("not on the list", "不在名单内"),
        ),
        Some(_) => return,
    };
    let near = cx.app.project().pilot_city.as_deref().and_then(|c| crate::schema::suggest(c, names.iter().copied()));
    let names = names.join("、");
    let help = near.map_or_else(
        || tr!("allowed: {names}", "可选：{names}"),
        |n| tr!("did you mean `{n}`? allowed: {names}", "是否应为 `{n}`？可选：{names}"),
    );
    let f = cx
        .finding(RULE.info, Severity::Error, msg, ptr, label)
        .requires(tr!("a pilot city from {} ({})", "{}（{}）中的试点城市", list.name, list.cite.section))
        .cite(Some(rule.cite.clone()))
        .with_help(help);
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn ordinary_spellings_match() {
        for city in ["无锡市", "江苏省无锡市", "中关村", "北京中关村"] {
            let out = check(&edit(&[
                ("category: fixed/forum", "category: open"),
                ("  end: 2025-11-30\nlead:", &format!("  end: 2025-11-30\n  pilot_city: {city}\n  industry: 物联网产业\nlead:")),
            ]));
            let bad: Vec<_> = out.findings.iter().filter(|f| f.code.code.starts_with("pilot.") && !(city.contains("中关村"))).collect();
            assert!(bad.is_empty(), "{city}: {}", out.rendered());
        }
    }

    #[test]
    fn city_not_on_the_list() {
        let out = check(&edit(&[
            ("category: fixed/forum", "category: open"),
            ("  end: 2025-11-30\nlead:", "  end: 2025-11-30\n  pilot_city: 浙江杭州\n  industry: 物联网\nlead:"),
        ]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "pilot.city").collect();
        assert_eq!(f.len(), 1);
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
