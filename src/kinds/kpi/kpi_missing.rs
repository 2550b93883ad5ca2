//! `kpi.missing`: a KPI the category requires has no target.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "kpi.missing",
        summary: "a performance target (KPI) the category requires is not given",
        doc: "Each KPI of the category (不少于3场, 30名以上, ...) needs a target under `kpis:` by its \
              id; notices refuse applications without clear, concrete targets (没有明确、具体的绩效目标，\
              一律不予立项). Choices among KPIs are `kpi.choice-unmet`.",
        summary_zh: "缺少该类别要求的绩效目标",
        doc_zh: "类别的每项绩效指标（不少于3场、30名以上等）都须在 `kpis:` 下按其编号填写目标值；\
                 通知对没有明确、具体绩效目标的申报一律不予立项（没有明确、具体的绩效目标，\
                 一律不予立项）。绩效指标之间的多选一见 `kpi.choice-unmet`。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for k in cat.kpis.iter().filter(|k| k.options.is_empty()) {
        if cx.app.kpis.contains_key(&k.id) || cx.unusable(&format!("/kpis/{}", crate::document::escape(&k.id))) {
            continue;
        }
        let unit = k.unit.as_deref().unwrap_or("");
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                {
                    let (name, at) = (&k.name, crate::schema::display_path(&format!("/kpis/{}", crate::document::escape(&k.id))));
                    tr!("no target for {name} ({at})", "缺少绩效目标：{name}（{at}）")
                },
                "/kpis",
                tr!("targets", "绩效目标"),
            )
            .requires(Text::new(format!("{}: {}", k.name, k.requirement()), format!("{}：{}", k.name, k.requirement_zh())))
            .cite(Some(k.cite.clone()))
            .with_help(Text::new(
                format!("add `{}: <{}>` under `kpis:`", k.id, if unit.is_empty() { "number" } else { unit }),
                format!("请在 `kpis:` 下添加 `{}: <{}>`", k.id, if unit.is_empty() { "数值" } else { unit }),
            ));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn missing_target() {
        let out = check(&edit(&[("  matched: 4\n", "")]));
        assert_eq!(out.codes(), ["kpi.missing"]);
        insta::assert_snapshot!(out.rendered());
        insta::assert_snapshot!("missing_target_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }
}
