//! Compiling the deadlines: each closes after it opens and after the notice was issued, or
//! closes `with` another that has its own closing moment; extensions end later.

use super::{Deadline, Extension, spec};
use crate::compile::codes::*;
use crate::compile::{Cx, spec_item};
use crate::diagnostics::Citation;
use crate::schema::suggest;
use crate::tr;

spec_item!(spec::Deadline, tr!("deadline", "截止事项"));

/// The deadlines (`deadlines:`), their categories among the spec's `paths`.
pub(crate) fn deadlines(cx: &mut Cx, paths: &[String]) -> Vec<Deadline> {
    let spec = cx.spec();
    cx.items(&spec.deadlines, "/deadlines", |cx, d, p, cite| deadline(cx, d, p, paths, cite))
}

/// The compiled deadline; `None` when its channel or closing time is unusable.
fn deadline(cx: &mut Cx, d: &spec::Deadline, ptr: &str, paths: &[String], cite: Citation) -> Option<Deadline> {
    let issued = cx.spec().meta().issued;
    cx.paths(&d.categories, &format!("{ptr}/categories"), paths);
    let id = d.id.clone().unwrap_or_default();
    let extensions: Vec<_> = d
        .extensions
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let p = format!("{ptr}/extensions/{i}");
            let cite = cx.cite(&e.source, &p, tr!("deadline extension", "截止延期"));
            let until = e.until?;
            if let Some(closes) = d.closes
                && until.end() <= closes.end()
            {
                cx.error(
                    DATE_ORDER,
                    tr!(
                        "extension of `{id}` ends ({until}) no later than the deadline ({closes})",
                        "`{id}` 的延期截止时间（{until}）不晚于原截止时间（{closes}）"
                    ),
                    &format!("{p}/until"),
                    tr!("not an extension", "并未延期"),
                );
            }
            Some(Extension { until, when_fewer_applicants_than: e.when_fewer_applicants_than?, cite })
        })
        .collect();
    let closes = closes(cx, d, ptr)?;
    if let Some(o) = d.opens
        && o.start() > closes.end()
    {
        let cs = cx.doc().spans().value(&format!("{ptr}/closes"));
        let f = cx.error(
            DATE_ORDER,
            tr!("deadline `{id}` opens ({o}) after it closes ({closes})", "截止事项 `{id}` 的开始时间（{o}）晚于截止时间（{closes}）"),
            &format!("{ptr}/opens"),
            tr!("opens", "开始"),
        );
        f.labels.push(crate::diagnostics::Label { span: cs, text: tr!("closes", "截止"), primary: false });
    }
    if let Some(issued) = issued
        && closes.end() < issued.start()
    {
        cx.error(
            DATE_ORDER,
            tr!(
                "deadline `{id}` closes ({closes}) before the notice was issued ({issued})",
                "截止事项 `{id}` 的截止时间（{closes}）早于通知发布日期（{issued}）"
            ),
            &format!("{ptr}/closes"),
            tr!("before the issue date", "早于发布日期"),
        );
    }
    Some(Deadline {
        id,
        name: d.name.clone().unwrap_or_default(),
        channel: d.channel?,
        address: d.address.clone(),
        opens: d.opens,
        closes,
        with: d.with.clone(),
        postmark: d.postmark,
        extensions,
        categories: d.categories.clone(),
        cite,
    })
}

/// The closing moment of a deadline: its own, or that of the deadline it closes `with`.
fn closes(cx: &mut Cx, d: &spec::Deadline, ptr: &str) -> Option<crate::values::When> {
    match (d.closes, &d.with) {
        (Some(c), None) => Some(c),
        (Some(_), Some(_)) => {
            cx.error(
                DATE_ORDER,
                tr!("a deadline has both `closes` and `with`", "截止事项同时有 `closes` 和 `with`"),
                &format!("{ptr}/with"),
                tr!("one or the other", "二者择一"),
            );
            None
        }
        (None, Some(other)) => {
            let target = cx.spec().deadlines.iter().enumerate().find(|(_, x)| x.id.as_deref() == Some(other.as_str()));
            match target {
                Some((_, t)) if t.with.is_none() => t.closes,
                Some(_) => {
                    cx.error(
                        DATE_ORDER,
                        tr!("`{other}` closes with another deadline itself", "`{other}` 本身也随其他截止事项截止"),
                        &format!("{ptr}/with"),
                        tr!("name a deadline with its own `closes`", "请指向有 `closes` 的截止事项"),
                    );
                    None
                }
                None => {
                    let ids: Vec<String> = cx.spec().deadlines.iter().filter_map(|x| x.id.clone()).collect();
                    let near = suggest(other, ids.iter().map(String::as_str)).map(str::to_owned);
                    cx.error(
                        UNKNOWN_REF,
                        tr!("`{other}` is not a deadline of this spec", "`{other}` 不是本规范文件中的截止事项"),
                        &format!("{ptr}/with"),
                        tr!("no such deadline", "无此截止事项"),
                    )
                    .help = near.map(|n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"));
                    None
                }
            }
        }
        (None, None) if cx.unusable(&format!("{ptr}/closes")) => None,
        (None, None) => {
            cx.error(
                DATE_ORDER,
                tr!("a deadline needs `closes` (or `with` another deadline)", "截止事项须有 `closes`（或 `with` 其他截止事项）"),
                ptr,
                tr!("when does it close?", "何时截止？"),
            );
            None
        }
    }
}
