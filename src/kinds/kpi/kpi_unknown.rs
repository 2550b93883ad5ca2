//! `kpi.unknown`: a target or event names a KPI the category does not have.
use crate::kinds::prelude::*;
use crate::model::Kpi;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "kpi.unknown",
        summary: "a target (or an event's `kpi`) names a KPI this category does not have (a warning; often a typo)",
        doc: "Keys under `kpis:` and the `kpi` of events must be KPI ids of the category applied for. \
              An unknown id is usually a typo, which would leave the real KPI without a target; the \
              finding suggests the closest id.",
        summary_zh: "目标值（或活动的 `kpi`）指向了该类别没有的绩效指标（警告；常为拼写错误）",
        doc_zh: "`kpis:` 下的键和活动的 `kpi` 须为所申报类别的绩效指标编号。未知编号通常是拼写错误，\
                 会使真正的指标没有目标值；该问题会给出最接近的编号。",
    },
    check,
};

fn ids<'k>(kpis: &'k [Kpi], out: &mut Vec<&'k str>) {
    for k in kpis {
        if k.options.is_empty() {
            out.push(&k.id);
        }
        ids(&k.options, out);
    }
}

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    let mut known = Vec::new();
    ids(&cat.kpis, &mut known);
    let mut unknown: Vec<(String, String)> = cx
        .app
        .kpis
        .keys()
        .filter(|k| !known.contains(&k.as_str()))
        .map(|k| (k.clone(), format!("/kpis/{}", crate::document::escape(k))))
        .collect();
    for (i, e) in cx.app.events.iter().enumerate() {
        if let Some(k) = &e.kpi
            && !known.contains(&k.as_str())
        {
            unknown.push((k.clone(), format!("/events/{i}/kpi")));
        }
    }
    for (id, ptr) in unknown {
        let near = crate::schema::suggest(&id, known.iter().copied());
        let list = known.join(", ");
        let help = match near {
            Some(n) => tr!("did you mean `{n}`? KPIs of this category: {list}", "是否应为 `{n}`？该类别的绩效指标：{list}"),
            None => tr!("KPIs of this category: {list}", "该类别的绩效指标：{list}"),
        };
        // A target's key is the misspelt id; an event's `kpi` value is.
        let msg = tr!("`{id}` is not a KPI of {}", "`{id}` 不是 {} 的绩效指标", cat.full_name());
        let label = tr!("unknown KPI", "未知指标");
        let f = if ptr.starts_with("/kpis/") {
            cx.finding_on_key(RULE.info, Severity::Warning, msg, &ptr, label)
        } else {
            cx.finding(RULE.info, Severity::Warning, msg, &ptr, label)
        };
        let f = f.with_help(help);
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn misspelt_kpi() {
        let out = check(&edit(&[("  matched: 4\n", "  matched: 4\n  mached: 4\n")]));
        assert_eq!(out.codes(), ["kpi.unknown"]);
        insta::assert_snapshot!(out.rendered());
    }
}
