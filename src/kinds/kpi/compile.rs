//! Compiling a KPI: its bounds in order; a choice's options, and how many of them.

use super::{Kpi, spec};
use crate::compile::Cx;
use crate::compile::codes::*;
use crate::tr;

pub(crate) fn compile(cx: &mut Cx, k: &spec::Kpi, ptr: &str) -> Kpi {
    let cite = cx.cite(&k.source, ptr, tr!("KPI", "绩效指标"));
    let id = k.id.as_deref().unwrap_or_default();
    cx.min_max(k.min, k.max, ptr, "min", "max");
    let options: Vec<Kpi> = k.options.iter().enumerate().map(|(i, o)| compile(cx, o, &format!("{ptr}/options/{i}"))).collect();
    if !options.is_empty() {
        if k.min.is_some() || k.max.is_some() {
            let at = if k.min.is_some() { "min" } else { "max" };
            let f = cx.error(
                KPI_CHOICE,
                tr!("KPI `{}` has options and its own `{at}`", "绩效指标 `{}` 既有备选项又有自身的 `{at}`", id),
                &format!("{ptr}/{at}"),
                tr!("a choice has no bound of its own", "备选型指标本身不设界限"),
            );
            f.help = Some(tr!("put the bound on the option it belongs to", "请将界限写在所属的备选项上"));
        }
        if let Some(n) = k.at_least
            && (n as usize > options.len() || n == 0)
        {
            cx.error(
                KPI_CHOICE,
                tr!("KPI `{}` needs {n} of {} options", "绩效指标 `{}` 要求 {} 个备选项中达到 {n} 个", id, options.len()),
                &format!("{ptr}/at_least"),
                tr!("cannot be met", "无法满足"),
            );
        }
    } else if k.at_least.is_some() {
        cx.error(
            KPI_CHOICE,
            tr!("KPI `{}` has `at_least` but no `options`", "绩效指标 `{}` 有 `at_least` 但没有 `options`", id),
            &format!("{ptr}/at_least"),
            tr!("nothing to choose from", "无可选项"),
        );
    }
    Kpi {
        id: k.id.clone().unwrap_or_default(),
        name: k.name.clone().unwrap_or_default(),
        unit: k.unit.clone(),
        min: k.min,
        max: k.max,
        per_event_min_attendance: k.per_event_min_attendance,
        at_least: if options.is_empty() { 0 } else { k.at_least.unwrap_or(1) },
        options,
        cite,
    }
}

/// A KPI's id and its options' ids, with their pointers.
pub(crate) fn ids(k: &Kpi, ptr: &str) -> Vec<(String, String)> {
    let mut out = vec![(k.id.clone(), format!("{ptr}/id"))];
    for (i, o) in k.options.iter().enumerate() {
        out.extend(ids(o, &format!("{ptr}/options/{i}")));
    }
    out
}
