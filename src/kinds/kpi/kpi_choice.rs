//! `kpi.choice-unmet`: fewer alternatives are met than the notice requires.
use crate::kinds::prelude::*;
use crate::model::Kpi;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "kpi.choice-unmet",
        summary: "an either/or target is not met: fewer of its alternatives reach their bounds than required",
        doc: "Some targets offer alternatives: \"不少于4场（或举办不少于200人的大型活动1场）\" is met by \
              either; \"至少选择完成下列一项任务\" needs at least one of five. An alternative counts when \
              its target is given and within its bounds (one without a number counts when its target \
              is positive). The finding lists every alternative and its state.",
        summary_zh: "多选一的目标未达成：达到界限的备选项少于要求",
        doc_zh: "有些目标提供备选：“不少于4场（或举办不少于200人的大型活动1场）”满足其一即可；\
                 “至少选择完成下列一项任务”需要五项中至少一项。备选项填写了目标值且在界限内即计为达成（没有数字的备\
                 选项，目标值为正即计为达成）。该问题会列出每个备选项及其状态。",
    },
    check,
};

/// Whether a KPI is met by the draft's targets. A choice is met when enough of its
/// alternatives are (alternatives may themselves be choices); a single target when it is given
/// and within its bounds, and one without a number ("提供科技金融服务") when it is positive.
fn holds(k: &Kpi, targets: &std::collections::BTreeMap<String, u32>) -> bool {
    if k.options.is_empty() {
        return match targets.get(&k.id) {
            None => false,
            Some(0) if k.min.is_none() => false,
            Some(&v) => super::kpi_range::miss(k, v).is_none(),
        };
    }
    k.options.iter().filter(|o| holds(o, targets)).count() as u32 >= k.at_least
}

/// [`holds`], with the KPI's state in words.
fn met(k: &Kpi, targets: &std::collections::BTreeMap<String, u32>) -> (bool, Text) {
    let ok = holds(k, targets);
    if k.options.is_empty() {
        let words = match targets.get(&k.id) {
            None => tr!("not given", "未填写"),
            Some(0) if k.min.is_none() => tr!("0: not taken up", "0：未选择"),
            Some(&v) => super::kpi_range::miss(k, v).unwrap_or_else(|| tr!("{v}: met", "{v}：达到")),
        };
        return (ok, words);
    }
    let states: Vec<(bool, Text)> = k.options.iter().map(|o| met(o, targets)).collect();
    let n = states.iter().filter(|(ok, _)| *ok).count() as u32;
    let en: Vec<String> = k.options.iter().zip(&states).map(|(o, (_, st))| format!("`{}` {}: {}", o.id, o.name, st.en)).collect();
    let zh: Vec<String> = k.options.iter().zip(&states).map(|(o, (_, st))| format!("`{}` {}：{}", o.id, o.name, st.zh)).collect();
    let (all, least, en, zh) = (k.options.len(), k.at_least, en.join("; "), zh.join("；"));
    (ok, tr!("{n} of {all} met, {least} needed [{en}]", "{all} 项中达到 {n} 项，须达到 {least} 项［{zh}］"))
}

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for k in cat.kpis.iter().filter(|k| !k.options.is_empty()) {
        // An alternative whose target could not be read may be the one met.
        if !cx.app.unusable.is_empty()
            && (cx.unusable("/kpis") || leaf_ids(k).iter().any(|id| cx.unusable(&format!("/kpis/{}", crate::document::escape(id)))))
        {
            continue;
        }
        if holds(k, &cx.app.kpis) {
            continue;
        }
        let options: Vec<(bool, Text)> = k.options.iter().map(|o| met(o, &cx.app.kpis)).collect();
        let n = options.iter().filter(|(ok, _)| *ok).count();
        let states: Vec<String> =
            k.options.iter().zip(&options).map(|(o, (_, st))| format!("`{}` {} ({}): {}", o.id, o.name, o.requirement(), st.en)).collect();
        let states_zh: Vec<String> = k
            .options
            .iter()
            .zip(&options)
            .map(|(o, (_, st))| format!("`{}` {}（{}）：{}", o.id, o.name, o.requirement_zh(), st.zh))
            .collect();
        let ptr = leaf_ids(k)
            .into_iter()
            .map(|id| format!("/kpis/{}", crate::document::escape(&id)))
            .find(|p| cx.doc.spans().contains(p))
            .unwrap_or_else(|| "/kpis".to_owned());
        let need = if k.at_least == 1 { "one of".to_owned() } else { format!("{} of", k.at_least) };
        let (id, name, all, least) = (&k.id, &k.name, k.options.len(), k.at_least);
        let (states, states_zh) = (states.join("; "), states_zh.join("；"));
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!(
                    "`{id}` ({name}): {n} of its alternatives met, {need} {all} needed",
                    "`{id}`（{name}）：{all} 项备选指标达到 {n} 项，须至少达到 {least} 项"
                ),
                &ptr,
                tr!("alternatives", "备选指标"),
            )
            .requires(tr!("{need}: {states}", "{all} 项中至少 {least} 项：{states_zh}"))
            .cite(Some(k.cite.clone()))
            .with_help(tr!("give a target that meets one of the alternatives", "请为其中一项备选指标设定达标的目标值"));
        cx.push(f);
    }
}

/// The ids applicants give targets for, under a choice.
fn leaf_ids(k: &Kpi) -> Vec<String> {
    if k.options.is_empty() { vec![k.id.clone()] } else { k.options.iter().flat_map(leaf_ids).collect() }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn neither_alternative_met() {
        let out = check(&edit(&[("  forums: 3\n", "  forums: 2\n")]));
        assert_eq!(out.codes(), ["kpi.choice-unmet"]);
        insta::assert_snapshot!(out.rendered());
        insta::assert_snapshot!("neither_alternative_met_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }

    #[test]
    fn nested_choices_are_evaluated() {
        use crate::model::Kpi;
        let cite = crate::diagnostics::Citation { document: String::new(), section: String::new(), text: String::new() };
        let leaf = |id: &str, min| Kpi {
            id: id.into(),
            name: id.into(),
            unit: None,
            min,
            max: None,
            per_event_min_attendance: None,
            options: vec![],
            at_least: 0,
            cite: cite.clone(),
        };
        let inner = Kpi { options: vec![leaf("adopted", Some(2)), leaf("consulting", Some(2))], at_least: 1, ..leaf("think-tank", None) };
        let outer = Kpi { options: vec![inner, leaf("deals", Some(3)), leaf("fintech", None)], at_least: 1, ..leaf("tasks", None) };
        let t = |pairs: &[(&str, u32)]| pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert!(super::met(&outer, &t(&[("adopted", 2)])).0);
        assert!(super::met(&outer, &t(&[("fintech", 1)])).0);
        assert!(!super::met(&outer, &t(&[("adopted", 1), ("deals", 2), ("fintech", 0)])).0);
    }

    #[test]
    fn the_other_alternative_suffices() {
        let out = check(&edit(&[
            ("  forums: 3\n", "  large-forum: 1\n"),
            (
                "  - { name: 人工智能前沿论坛, kpi: forums, date: 2025-06-15, attendance: 120 }",
                "  - { name: 人工智能大会, kpi: large-forum, date: 2025-06-15, attendance: 300 }",
            ),
            ("  - { name: 产学研对接会, kpi: forums, date: 2025-08-20, attendance: 80 }\n", ""),
            ("  - { name: 成果发布会, kpi: forums, date: 2025-10-18, attendance: 60 }\n", ""),
        ]));
        assert!(out.findings.is_empty(), "{}", out.rendered());
    }
}
