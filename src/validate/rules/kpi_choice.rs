//! `kpi.choice-unmet`: fewer alternatives are met than the notice requires.
use super::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "kpi.choice-unmet",
        summary: "an either/or target is not met: fewer of its alternatives reach their bounds than required",
        doc: "Some targets offer alternatives: \"不少于4场（或举办不少于200人的大型活动1场）\" is met by \
              either; \"至少选择完成下列一项任务\" needs at least one of five. An alternative counts when \
              its target is given and within its bounds (one without a number counts when its target \
              is positive). The finding lists every alternative and its state.",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for k in cat.kpis.iter().filter(|k| !k.options.is_empty()) {
        let mut met = 0;
        let mut states = Vec::new();
        for o in &k.options {
            let state = match cx.app.kpis.get(&o.id) {
                None => "not given".to_owned(),
                // An alternative without a number ("提供科技金融服务") is met by any positive target.
                Some(0) if o.min.is_none() => "0: not taken up".to_owned(),
                Some(&v) => match super::kpi_range::miss(o, v) {
                    None => {
                        met += 1;
                        format!("{v}: met")
                    }
                    Some(why) => why,
                },
            };
            states.push(format!("`{}` {} ({}): {state}", o.id, o.name, o.requirement()));
        }
        if met >= k.at_least {
            continue;
        }
        let ptr = k
            .options
            .iter()
            .map(|o| format!("/kpis/{}", crate::document::escape(&o.id)))
            .find(|p| cx.doc.spans.contains(p))
            .unwrap_or_else(|| "/kpis".to_owned());
        let need = if k.at_least == 1 { "one of".to_owned() } else { format!("{} of", k.at_least) };
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                format!("`{}` ({}): {met} of its alternatives met, {need} {} needed", k.id, k.name, k.options.len()),
                &ptr,
                "alternatives",
            )
            .requires(format!("{need}: {}", states.join("; ")))
            .cite(Some(k.cite.clone()))
            .with_help("give a target that meets one of the alternatives");
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn neither_alternative_met() {
        let out = check(&edit(&[("  forums: 3\n", "  forums: 2\n")]));
        assert_eq!(out.codes(), ["kpi.choice-unmet"]);
        insta::assert_snapshot!(out.rendered());
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
