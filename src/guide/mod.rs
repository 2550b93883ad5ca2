//! Views of compiled calls for applicants: the guide of one call (`callspec show`, Markdown or
//! one HTML page), the calendar of every deadline and completion date (`callspec calendar`,
//! text or iCalendar), the list of calls and categories (`callspec list`), and a work plan's page
//! and its coverage by a call (`plan.rs`).
//!
//! Everything here is a pure function of [`Call`]s: no clock, no printing, and the same output
//! byte for byte on every run. The wording is Chinese, as in the notices; every item carries the
//! clause it comes from.

pub mod calendar;
mod html;
pub mod list;
mod markdown;
pub mod plan;
mod table;

pub use html::{html, html_view};
pub use markdown::{View, markdown, markdown_view};

use std::collections::BTreeSet;

use crate::diagnostics::Citation;
use crate::model::{Amount, Call, Category, Kpi, Quota, QuotaKind};

/// The funding per project in words (the amount kind's, in Chinese); `-` for a group of
/// categories that leaves the amount to its members.
pub fn amount(c: &Category, unit: &str) -> String {
    match &c.amount {
        Amount::Unstated(None) if !c.leaf => "-".to_owned(),
        a => a.words(unit, c.paid_after).zh,
    }
}

/// The clause an amount cites, when the notice states one.
pub fn amount_cite(a: &Amount) -> Option<&Citation> {
    a.cite()
}

/// A number of projects in words: `10 项`, `不超过 36 项`, `约 50 项`, `10 项（定向）`, and for a
/// derived quota `不超过 3 项（推算：66 − 36 − 19 − 8）`.
pub fn quota(q: &Quota) -> String {
    let n = q.value;
    let mut words = match (q.kind, q.soft) {
        (QuotaKind::Unlimited, _) => "不限".to_owned(),
        (QuotaKind::Exact, false) => format!("{n} 项"),
        (QuotaKind::Exact, true) => format!("约 {n} 项"),
        (QuotaKind::Max, false) => format!("不超过 {n} 项"),
        (QuotaKind::Max, true) => format!("原则上不超过 {n} 项"),
    };
    if q.reserved {
        words.push_str("（定向）");
    }
    if let Some(d) = &q.derived {
        let parts: Vec<String> = std::iter::once(d.total.value).chain(d.others.iter().map(|o| o.value)).map(|v| v.to_string()).collect();
        words.push_str(&format!("（推算：{}，通知未明列）", parts.join(" − ")));
    }
    words
}

/// A text of the spec as the guide shows it: the notice's words, or the spec author's summary
/// marked as such.
pub fn worded(text: &str, summary: bool) -> String {
    if summary { format!("{text}（概述，非通知原文）") } else { text.to_owned() }
}

/// A deliverable's length in words: `，不少于 1500 字`, `，约 1500 字（参考篇幅，不作要求）`.
pub fn length(min: Option<u32>, max: Option<u32>, nominal: Option<u32>) -> String {
    let mut out = match (min, max) {
        (Some(a), Some(b)) => format!("，{a} 至 {b} 字"),
        (Some(a), None) => format!("，不少于 {a} 字"),
        (None, Some(b)) => format!("，不超过 {b} 字"),
        (None, None) => String::new(),
    };
    if let Some(n) = nominal {
        out.push_str(&format!("，约 {n} 字（参考篇幅，不作要求）"));
    }
    out
}

/// A KPI's target in words: `不少于 3 场`, `不超过 2 篇`, `2 至 5 个`, `4 县`; a choice says how
/// many of its options must be met.
pub fn requirement(k: &Kpi) -> String {
    if !k.options.is_empty() {
        return format!("以下 {} 项中至少完成 {} 项", k.options.len(), k.at_least);
    }
    let unit = k.unit.as_deref().unwrap_or("");
    let mut words = match (k.min, k.max) {
        (Some(a), Some(b)) if a == b => format!("{a} {unit}"),
        (Some(a), Some(b)) => format!("{a} 至 {b} {unit}"),
        (Some(a), None) => format!("不少于 {a} {unit}"),
        (None, Some(b)) => format!("不超过 {b} {unit}"),
        (None, None) => "完成".to_owned(),
    }
    .trim_end()
    .to_owned();
    if let Some(n) = k.per_event_min_attendance {
        words.push_str(&format!("，每场不少于 {n} 人"));
    }
    words
}

/// The names of applicant types, joined with 、 (an unknown id stands for itself).
pub fn type_names(call: &Call, ids: &[String]) -> String {
    let names: Vec<&str> = ids.iter().map(|id| call.applicant_types.get(id).map_or(id.as_str(), |t| t.name.as_str())).collect();
    names.join("、")
}

/// Category paths as their full names, joined with 、; no paths means the whole call (全部类别).
pub fn scope_names(call: &Call, paths: &[String]) -> String {
    if paths.is_empty() {
        return "全部类别".to_owned();
    }
    let names: Vec<String> = paths.iter().map(|p| call.category(p).map_or_else(|| p.clone(), Category::full_name)).collect();
    names.join("、")
}

/// Category paths joined with `, `; no paths means the whole call (`all`).
pub fn scope_paths(paths: &[String]) -> String {
    if paths.is_empty() { "all".to_owned() } else { paths.join(", ") }
}

/// The fewest categories that together hold exactly the given leaves: a parent stands for its
/// children when all of them are given. Empty when the leaves are all of the call's.
pub fn cover(call: &Call, leaves: &BTreeSet<&str>) -> Vec<String> {
    let covered = |c: &Category| {
        let mut under = call.categories.iter().filter(|l| l.leaf && Call::within(&l.path, &c.path)).peekable();
        under.peek().is_some() && under.all(|l| leaves.contains(l.path.as_str()))
    };
    let full: Vec<&Category> = call.categories.iter().filter(|c| covered(c)).collect();
    let top: Vec<String> = full
        .iter()
        .filter(|c| c.path.rsplit_once('/').is_none_or(|(parent, _)| !full.iter().any(|p| p.path == parent)))
        .map(|c| c.path.clone())
        .collect();
    let roots = call.categories.iter().filter(|c| !c.path.contains('/')).count();
    if top.len() == roots && top.iter().all(|p| !p.contains('/')) { Vec::new() } else { top }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(min: Option<u32>, max: Option<u32>) -> Kpi {
        Kpi {
            id: "k".into(),
            name: "活动".into(),
            unit: Some("场".into()),
            min,
            max,
            per_event_min_attendance: None,
            options: Vec::new(),
            at_least: 0,
            cite: Citation { document: "d".into(), section: "s".into(), text: "t".into() },
        }
    }

    #[test]
    fn requirements_read_as_the_notices_write_them() {
        assert_eq!(requirement(&kpi(Some(3), None)), "不少于 3 场");
        assert_eq!(requirement(&kpi(None, Some(2))), "不超过 2 场");
        assert_eq!(requirement(&kpi(Some(2), Some(5))), "2 至 5 场");
        assert_eq!(requirement(&kpi(Some(4), Some(4))), "4 场");
        let mut k = kpi(Some(2), None);
        k.per_event_min_attendance = Some(30);
        assert_eq!(requirement(&k), "不少于 2 场，每场不少于 30 人");
    }
}
