//! `event.attendance`: an event's expected attendance is below the per-event minimum.
use crate::kinds::prelude::*;
use crate::model::Kpi;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "event.attendance",
        summary: "an event's expected attendance is below the notice's per-event minimum (每场不少于30人)",
        doc: "Some targets count only events of a size: \"每场不少于30人\", \"不少于200人的大型活动\". Each \
              event listed under `events:` with that KPI must expect at least that many participants.",
        summary_zh: "活动预计参加人数低于通知规定的每场下限（每场不少于30人）",
        doc_zh: "有些目标只计入一定规模的活动：“每场不少于30人”“不少于200人的大型活动”。\
                 `events:` 下计入该指标的每场活动，预计参加人数都须不少于该数。",
    },
    check,
};

fn find<'a>(kpis: &'a [Kpi], id: &str) -> Option<&'a Kpi> {
    kpis.iter().find_map(|k| if k.id == id { Some(k) } else { find(&k.options, id) })
}

fn check(cx: &mut Ctx) {
    let Some(cat) = cx.category else { return };
    for (i, e) in cx.app.events.iter().enumerate() {
        let Some(k) = e.kpi.as_deref().and_then(|id| find(&cat.kpis, id)) else { continue };
        let Some(min) = k.per_event_min_attendance else { continue };
        let Some(attendance) = e.attendance else { continue };
        if attendance >= min {
            continue;
        }
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!(
                    "event `{}` expects {attendance} people; each {} needs at least {min}",
                    "活动 `{}` 预计 {attendance} 人参加；每场{}须不少于 {min} 人",
                    e.name.as_deref().unwrap_or_default(),
                    k.name
                ),
                &format!("/events/{i}/attendance"),
                tr!("attendance", "参加人数"),
            )
            .requires(tr!("each event counted as {}: at least {min} people", "计入{}的每场活动不少于 {min} 人", k.name))
            .cite(Some(k.cite.clone()))
            .with_help(tr!("plan a larger event, or do not count this one towards the target", "请扩大活动规模，或不将该活动计入绩效目标"));
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn small_event() {
        let out = check(&edit(&[("date: 2025-10-18, attendance: 60", "date: 2025-10-18, attendance: 25")]));
        assert_eq!(out.codes(), ["event.attendance"]);
        insta::assert_snapshot!(out.rendered());
    }
}
