//! `kpi.out-of-range`: a target is below the KPI's minimum or above its maximum.
use crate::kinds::prelude::*;
use crate::model::Kpi;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "kpi.out-of-range",
        summary: "a performance target is below the notice's minimum (不少于, 以上) or above its maximum (不超过)",
        doc: "Targets must meet the notice's bounds: \"不少于3场\", \"30名以上\", \"至少2项\" are minimums; \
              \"不超过\" is a maximum. The finding shows the target, the bound and the clause.",
        summary_zh: "绩效目标低于通知的下限（不少于、以上）或高于上限（不超过）",
        doc_zh: "目标值须满足通知的界限：“不少于3场”“30名以上”“至少2项”为下限，“不超过”为上限。\
                 该问题会列出目标值、界限和条款。",
    },
    check,
};

/// The bound a target misses, in words, if any.
pub(super) fn miss(k: &Kpi, value: u32) -> Option<Text> {
    let unit = k.unit.as_deref().unwrap_or("");
    if let Some(min) = k.min
        && value < min
    {
        return Some(tr!("{value} {unit} is below the minimum of {min} {unit}", "{value} {unit} 低于下限 {min} {unit}"));
    }
    if let Some(max) = k.max
        && value > max
    {
        return Some(tr!("{value} {unit} is above the maximum of {max} {unit}", "{value} {unit} 高于上限 {max} {unit}"));
    }
    None
}

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for k in cat.kpis.iter().filter(|k| k.options.is_empty()) {
        let Some(&value) = cx.app.kpis.get(&k.id) else { continue };
        let Some(why) = miss(k, value) else { continue };
        let ptr = format!("/kpis/{}", crate::document::escape(&k.id));
        let at = crate::schema::display_path(&ptr);
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                Text::new(format!("{} ({at}): {}", k.name, why.en), format!("{}（{at}）：{}", k.name, why.zh)),
                &ptr,
                tr!("target", "目标值"),
            )
            .requires(Text::new(format!("{}: {}", k.name, k.requirement()), format!("{}：{}", k.name, k.requirement_zh())))
            .cite(Some(k.cite.clone()))
            .with_help(tr!("set a target within the notice's bounds", "请按通知规定的范围设定目标值"));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn below_the_minimum() {
        let out = check(&edit(&[("  matched: 4\n", "  matched: 1\n")]));
        assert_eq!(out.codes(), ["kpi.out-of-range"]);
        insta::assert_snapshot!(out.rendered());
    }

    #[test]
    fn above_the_maximum() {
        let out = check(&edit(&[("  matched: 4\n", "  matched: 11\n")]));
        assert_eq!(out.codes(), ["kpi.out-of-range"]);
        assert!(out.rendered().contains("above the maximum of 10"));
    }
}
