//! Dates: submission deadlines (their channels, extensions, closing with another) and
//! completion dates.

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::model;
use crate::schema::suggest;
use crate::spec;
use crate::tr;

use super::codes::*;
use super::{Cx, Item};

impl Item for spec::Deadline {
    fn what() -> Text {
        tr!("deadline", "截止事项")
    }
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

impl Cx<'_> {
    /// The deadlines (`deadlines:`), their categories among the spec's `paths`.
    pub(super) fn deadlines(&mut self, paths: &[String]) -> Vec<model::Deadline> {
        let spec = self.spec;
        self.items(&spec.deadlines, "/deadlines", |cx, d, p, cite| cx.deadline(d, p, paths, cite))
    }

    /// The compiled completion date; `None` when its date is unusable (the schema said why).
    pub(crate) fn completion(&mut self, c: &spec::Completion, ptr: &str) -> Option<model::Completion> {
        let cite = self.cite(&c.source, ptr, tr!("completion date", "完成期限"));
        let Some(by) = c.by else {
            if !self.unusable(&format!("{ptr}/by")) {
                self.error(
                    DATE_ORDER,
                    tr!("a completion needs `by` (or `none: true`)", "完成期限须有 `by`（或 `none: true`）"),
                    ptr,
                    tr!("no date", "缺少日期"),
                )
                .help = Some(tr!(
                    "write the date, or `none: true` on a category that has no completion date of its own",
                    "请填写日期；若该类别没有自己的完成期限，请写 `none: true`"
                ));
            }
            return None;
        };
        let issued = self.spec.meta().issued;
        if let Some(issued) = issued
            && by < issued
        {
            self.error(
                DATE_ORDER,
                tr!("completion date {by} is before the notice was issued ({issued})", "完成期限 {by} 早于通知发布日期（{issued}）"),
                &format!("{ptr}/by"),
                tr!("before the issue date", "早于发布日期"),
            );
        } else if let Some(last) = self.spec.deadlines.iter().filter_map(|d| d.closes).max()
            && by.end() < last.end()
        {
            let f = self.error(
                DATE_ORDER,
                tr!(
                    "completion date {by} is before the last submission deadline ({last})",
                    "完成期限 {by} 早于最后的申报截止时间（{last}）"
                ),
                &format!("{ptr}/by"),
                tr!("before the deadline", "早于截止时间"),
            );
            f.help = Some(tr!(
                "projects are completed after applications close; check both dates against the notice",
                "项目应在申报截止后完成；请对照通知核对这两个日期"
            ));
        }
        Some(model::Completion { by, soft: c.soft, cite })
    }

    /// The closing moment of a deadline: its own, or that of the deadline it closes `with`.
    pub(super) fn closes(&mut self, d: &spec::Deadline, ptr: &str) -> Option<crate::values::When> {
        match (d.closes, &d.with) {
            (Some(c), None) => Some(c),
            (Some(_), Some(_)) => {
                self.error(
                    DATE_ORDER,
                    tr!("a deadline has both `closes` and `with`", "截止事项同时有 `closes` 和 `with`"),
                    &format!("{ptr}/with"),
                    tr!("one or the other", "二者择一"),
                );
                None
            }
            (None, Some(other)) => {
                let target = self.spec.deadlines.iter().enumerate().find(|(_, x)| x.id.as_deref() == Some(other.as_str()));
                match target {
                    Some((_, t)) if t.with.is_none() => t.closes,
                    Some(_) => {
                        self.error(
                            DATE_ORDER,
                            tr!("`{other}` closes with another deadline itself", "`{other}` 本身也随其他截止事项截止"),
                            &format!("{ptr}/with"),
                            tr!("name a deadline with its own `closes`", "请指向有 `closes` 的截止事项"),
                        );
                        None
                    }
                    None => {
                        let ids: Vec<String> = self.spec.deadlines.iter().filter_map(|x| x.id.clone()).collect();
                        let near = suggest(other, ids.iter().map(String::as_str)).map(str::to_owned);
                        self.error(
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
            (None, None) if self.unusable(&format!("{ptr}/closes")) => None,
            (None, None) => {
                self.error(
                    DATE_ORDER,
                    tr!("a deadline needs `closes` (or `with` another deadline)", "截止事项须有 `closes`（或 `with` 其他截止事项）"),
                    ptr,
                    tr!("when does it close?", "何时截止？"),
                );
                None
            }
        }
    }

    /// The compiled deadline; `None` when its channel or closing time is unusable.
    pub(super) fn deadline(&mut self, d: &spec::Deadline, ptr: &str, paths: &[String], cite: Citation) -> Option<model::Deadline> {
        let issued = self.spec.meta().issued;
        self.paths(&d.categories, &format!("{ptr}/categories"), paths);
        let id = d.id.clone().unwrap_or_default();
        let extensions: Vec<_> = d
            .extensions
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let p = format!("{ptr}/extensions/{i}");
                let cite = self.cite(&e.source, &p, tr!("deadline extension", "截止延期"));
                let until = e.until?;
                if let Some(closes) = d.closes
                    && until.end() <= closes.end()
                {
                    self.error(
                        DATE_ORDER,
                        tr!(
                            "extension of `{id}` ends ({until}) no later than the deadline ({closes})",
                            "`{id}` 的延期截止时间（{until}）不晚于原截止时间（{closes}）"
                        ),
                        &format!("{p}/until"),
                        tr!("not an extension", "并未延期"),
                    );
                }
                Some(model::Extension { until, when_fewer_applicants_than: e.when_fewer_applicants_than?, cite })
            })
            .collect();
        let closes = self.closes(d, ptr)?;
        if let Some(o) = d.opens
            && o.start() > closes.end()
        {
            let cs = self.doc.spans().value(&format!("{ptr}/closes"));
            let f = self.error(
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
            self.error(
                DATE_ORDER,
                tr!(
                    "deadline `{id}` closes ({closes}) before the notice was issued ({issued})",
                    "截止事项 `{id}` 的截止时间（{closes}）早于通知发布日期（{issued}）"
                ),
                &format!("{ptr}/closes"),
                tr!("before the issue date", "早于发布日期"),
            );
        }
        Some(model::Deadline {
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
}
