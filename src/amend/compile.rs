//! Checking the amendments of one call and building its history: every amendment read, ordered
//! by the moment it takes effect, each compiled against the call as the amendments before it
//! left it (so that it may change what an earlier one added), and the contradictions between
//! them found. Every mistake of every amendment is reported, each on its own file.

use std::collections::HashMap;

use crate::compile::Cx;
use crate::compile::codes::{DATE_ORDER, MIN_MAX, QUOTA};
use crate::diagnostics::{Finding, Severity};
use crate::document::{Document, escape};
use crate::model::Call;
use crate::schema::{Kind, suggest};
use crate::spec::SpecFile;
use crate::tr;

use super::apply::{self, Change, ExclusionEdit};
use super::codes::{CHANGE, CONFLICT, EXISTS, TARGET};
use super::spec::AmendmentFile;
use super::{History, Info, Target};

/// The call being amended: compiled, and as written (its vocabulary: applicant types, the
/// fields its expressions may read).
#[derive(Clone, Copy)]
pub struct Base<'a> {
    pub call: &'a Call,
    pub spec: &'a SpecFile,
}

/// One amendment file, parsed, with the notice text it names when quotes are checked.
pub struct Input {
    pub doc: Document,
    pub notice: Option<crate::notice::Input>,
}

/// One amendment read, with what the guide will call it.
struct Item {
    input: usize,
    file: AmendmentFile,
    info: Info,
}

/// What earlier amendments withdrew or added, by kind and name, with the amendment's index.
#[derive(Default)]
struct Past {
    withdrawn: HashMap<(&'static str, String), usize>,
    added: HashMap<String, usize>,
    /// Every target changed so far, with its amendment and the pointer of the change.
    targets: Vec<(Target, usize)>,
}

/// Compiles every amendment of `base` and applies them in order of effect: the amended call
/// (the latest version, carrying its history) when none has an error, and the findings of each
/// input, in the order given.
pub fn compile_all(base: Base, inputs: &[Input]) -> (Option<Call>, Vec<Vec<Finding>>) {
    let mut findings: Vec<Vec<Finding>> = inputs.iter().map(|_| Vec::new()).collect();
    let mut items: Vec<Item> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let (file, found) = crate::load::read::<AmendmentFile>(&input.doc, Kind::Amendment);
        findings[i].extend(found);
        let Some(file) = file else { continue };
        let info = info(base.call, &input.doc, &file, &mut findings[i]);
        items.push(Item { input: i, file, info });
    }
    items.sort_by(|a, b| (a.info.from(), a.info.issued, &a.info.id).cmp(&(b.info.from(), b.info.issued, &b.info.id)));
    // Two amendments with one id: the second is reported.
    for k in 0..items.len() {
        if let Some(first) = items[..k].iter().find(|x| !x.info.id.is_empty() && x.info.id == items[k].info.id) {
            let doc = &inputs[items[k].input].doc;
            let (id, other) = (&items[k].info.id, &first.info.file);
            let f = Finding::error(CONFLICT, tr!("amendment id `{id}` is also used by {other}", "补充通知编号 `{id}` 也被 {other} 使用"))
                .in_file(doc.file.clone())
                .at_pointer("/amendment/id")
                .label(doc.spans().value("/amendment/id"), tr!("used twice", "重复使用"))
                .with_help(tr!("give each supplementary notice its own id", "请为每份补充通知使用不同的编号"));
            findings[items[k].input].push(f);
        }
    }
    let mut current = Call { amendments: None, ..base.call.clone() };
    let mut past = Past::default();
    let mut compiled: Vec<Vec<Change>> = Vec::new();
    let mut infos: Vec<Info> = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let input = &inputs[item.input];
        let notice = input.notice.as_ref().map(|n| (item.file.notice.as_ref(), n));
        let mut cx =
            crate::compile::amending(&input.doc, base.spec, item.file.clauses(), item.info.reference(), &item.file.unusable, notice);
        let mut info = item.info.clone();
        if let Some(m) = item.file.amendment.as_ref().filter(|m| m.source.is_some()) {
            info.cite = Some(cx.cite(&m.source, "/amendment", tr!("the amendment's effect", "补充通知的施行规定")));
        }
        let changes = {
            let mut r = Resolver { cx: &mut cx, doc: &input.doc, call: &current, past: &past, items: &items, out: Vec::new() };
            r.all(&item.file);
            r.out
        };
        conflicts(&mut cx, &input.doc, k, &items, &changes, &past);
        let only: Vec<Change> = changes.iter().map(|(c, _)| c.clone()).collect();
        let next = apply::apply(current.clone(), k, &only, &mut Vec::new());
        checks(&mut cx, base.call, &next, &changes);
        for (c, _) in &changes {
            past.targets.push((c.target(), k));
            match c {
                Change::RemoveDeadline { id, .. } => {
                    past.withdrawn.insert(("deadline", id.clone()), k);
                }
                Change::RemoveCategory { path, .. } => {
                    past.withdrawn.insert(("category", path.clone()), k);
                }
                Change::RemoveExclusion { id, .. } => {
                    past.withdrawn.insert(("exclusion", id.clone()), k);
                }
                Change::AddExclusion(e) => {
                    past.added.insert(e.id.clone(), k);
                }
                _ => {}
            }
        }
        findings[item.input].extend(cx.finish_amending());
        current = next;
        compiled.push(only);
        infos.push(info);
    }
    for f in &mut findings {
        crate::diagnostics::sort(f);
    }
    let ok = items.len() == inputs.len() && findings.iter().flatten().all(|f| f.severity != Severity::Error);
    if !ok {
        return (None, findings);
    }
    let history = History::new(base.call.clone(), infos, compiled);
    (Some(history.latest()), findings)
}

/// The amendment's metadata, its dates checked against the call's.
fn info(call: &Call, doc: &Document, file: &AmendmentFile, findings: &mut Vec<Finding>) -> Info {
    let meta = file.amendment.as_ref();
    let issued = meta.and_then(|m| m.issued).or(call.issued).unwrap_or(crate::values::When { date: chrono::NaiveDate::MIN, time: None });
    let effective = meta.and_then(|m| m.effective).unwrap_or(issued);
    let retroactive = meta.is_some_and(|m| m.retroactive);
    let mut date_error = |ptr: &str, message: crate::i18n::Text, label: crate::i18n::Text, help: crate::i18n::Text| {
        findings.push(
            Finding::error(DATE_ORDER, message)
                .in_file(doc.file.clone())
                .at_pointer(ptr)
                .label(doc.spans().value(ptr), label)
                .with_help(help),
        );
    };
    if let (Some(base), Some(m)) = (call.issued, meta.and_then(|m| m.issued))
        && m.start() < base.start()
    {
        let id = &call.id;
        date_error(
            "/amendment/issued",
            tr!("the amendment is dated {m}, before the call it amends ({base})", "补充通知的发布日期 {m} 早于所修订的通知（{base}）"),
            tr!("before the call", "早于原通知"),
            tr!("check the date, or `amends:` (this amends `{id}`)", "请核对日期或 `amends:`（此处修订的是 `{id}`）"),
        );
    }
    if !retroactive && effective.start() < issued.start() && meta.is_some_and(|m| m.effective.is_some() && m.issued.is_some()) {
        date_error(
            "/amendment/effective",
            tr!(
                "the amendment takes effect ({effective}) before it was issued ({issued})",
                "补充通知的施行时间（{effective}）早于发布日期（{issued}）"
            ),
            tr!("before the issue date", "早于发布日期"),
            tr!(
                "an amendment takes effect when issued or later; one that reaches back to earlier submissions says `retroactive: true`",
                "补充通知自发布时或其后施行；适用于此前已提交申报的，请写 `retroactive: true`"
            ),
        );
    }
    Info {
        id: meta.and_then(|m| m.id.clone()).unwrap_or_default(),
        title: meta.and_then(|m| m.title.clone()).unwrap_or_default(),
        issuer: meta.and_then(|m| m.issuer.clone()).unwrap_or_else(|| call.issuer.clone()),
        document: meta.and_then(|m| m.document.clone()),
        issued,
        effective,
        retroactive,
        cite: None,
        file: doc.file.name.clone(),
    }
}

/// Resolves one amendment's changes against the call as the earlier amendments left it.
struct Resolver<'c, 'a> {
    cx: &'c mut Cx<'a>,
    doc: &'a Document,
    call: &'c Call,
    past: &'c Past,
    items: &'c [Item],
    out: Vec<(Change, String)>,
}

impl Resolver<'_, '_> {
    fn all(&mut self, file: &AmendmentFile) {
        self.deadlines(file);
        self.categories(file);
        self.exclusions(file);
        if let Some(q) = &file.quota
            && !self.cx.unusable("/quota")
            && let Some(quota) = self.quota(q, "/quota")
        {
            self.out.push((Change::Quota { path: None, quota }, "/quota".to_owned()));
        }
        for (field, t) in &file.form.text_limits {
            let ptr = format!("/form/text_limits/{}", escape(field));
            if self.cx.unusable(&ptr) {
                continue;
            }
            if !self.call.form.text_limits.iter().any(|x| &x.field == field) {
                let known: Vec<&str> = self.call.form.text_limits.iter().map(|x| x.field.as_str()).collect();
                self.missing(&ptr, ("text limit", "字数限制"), field, &known, None);
                continue;
            }
            if t.min_chars.is_none() && t.max_chars.is_none() {
                self.nothing(&ptr, tr!("`max_chars` or `min_chars`", "`max_chars` 或 `min_chars`"));
                continue;
            }
            let cite = self.cx.cite(&t.source, &ptr, tr!("text limit", "字数限制"));
            self.out.push((Change::TextLimit { field: field.clone(), min: t.min_chars, max: t.max_chars, cite }, ptr));
        }
    }

    fn deadlines(&mut self, file: &AmendmentFile) {
        for (id, d) in &file.deadlines {
            let ptr = format!("/deadlines/{}", escape(id));
            if self.cx.unusable(&ptr) {
                continue;
            }
            if !self.call.deadlines.iter().any(|x| &x.id == id) {
                let known: Vec<&str> = self.call.deadlines.iter().map(|x| x.id.as_str()).collect();
                self.missing(&ptr, ("deadline", "截止事项"), id, &known, Some("deadline"));
                continue;
            }
            let sets = d.closes.is_some() || d.opens.is_some() || d.address.is_some();
            if d.remove && sets {
                self.both(&format!("{ptr}/remove"));
                continue;
            }
            if !d.remove && !sets {
                self.nothing(&ptr, tr!("`closes`, `opens`, `address` or `remove: true`", "`closes`、`opens`、`address` 或 `remove: true`"));
                continue;
            }
            let cite = self.cx.cite(&d.source, &ptr, tr!("deadline", "截止事项"));
            let id = id.clone();
            if d.remove {
                self.out.push((Change::RemoveDeadline { id: id.clone(), cite: cite.clone() }, ptr.clone()));
            }
            if let Some(when) = d.closes {
                self.out.push((Change::Closes { id: id.clone(), when, cite: cite.clone() }, format!("{ptr}/closes")));
            }
            if let Some(when) = d.opens {
                self.out.push((Change::Opens { id: id.clone(), when, cite: cite.clone() }, format!("{ptr}/opens")));
            }
            if let Some(address) = &d.address {
                self.out.push((Change::Address { id: id.clone(), address: address.clone(), cite }, format!("{ptr}/address")));
            }
        }
    }

    fn categories(&mut self, file: &AmendmentFile) {
        for (path, c) in &file.categories {
            let ptr = format!("/categories/{}", escape(path));
            if self.cx.unusable(&ptr) {
                continue;
            }
            let Some(cat) = self.call.category(path) else {
                let known: Vec<&str> = self.call.categories.iter().map(|x| x.path.as_str()).collect();
                self.missing(&ptr, ("category", "类别"), path, &known, Some("category"));
                continue;
            };
            let sets = c.amount.is_some()
                || c.quota.is_some()
                || c.min_applicants.is_some()
                || c.leads.is_some()
                || c.completion.is_some()
                || !c.kpis.is_empty();
            match (&c.remove, sets) {
                (Some(_), true) => {
                    self.both(&format!("{ptr}/remove"));
                    continue;
                }
                (None, false) => {
                    self.nothing(
                        &ptr,
                        tr!(
                            "`amount`, `quota`, `min_applicants`, `leads`, `completion`, `kpis` or `remove`",
                            "`amount`、`quota`、`min_applicants`、`leads`、`completion`、`kpis` 或 `remove`"
                        ),
                    );
                    continue;
                }
                (Some(r), false) => {
                    let cite = self.cx.cite(&r.source, &format!("{ptr}/remove"), tr!("category withdrawal", "取消类别"));
                    self.out.push((Change::RemoveCategory { path: path.clone(), cite }, ptr.clone()));
                    continue;
                }
                (None, true) => {}
            }
            let path = path.clone();
            if let Some(a) = &c.amount
                && let Some((amount, paid_after)) = crate::kinds::amount::compile(self.cx, a, &format!("{ptr}/amount"))
            {
                let cite = amount.cite().cloned().unwrap_or_default();
                self.out.push((Change::Amount { path: path.clone(), amount, paid_after, cite }, format!("{ptr}/amount")));
            }
            if let Some(q) = &c.quota
                && let Some(quota) = self.quota(q, &format!("{ptr}/quota"))
            {
                self.out.push((Change::Quota { path: Some(path.clone()), quota }, format!("{ptr}/quota")));
            }
            if let Some(m) = &c.min_applicants {
                let p = format!("{ptr}/min_applicants");
                let cite = self.cx.cite(&m.source, &p, tr!("minimum number of applicants", "最少申报单位数"));
                if let Some(value) = m.value {
                    self.out.push((Change::MinApplicants { path: path.clone(), value: crate::model::Cited { value, cite } }, p));
                }
            }
            if let Some(l) = &c.leads {
                let p = format!("{ptr}/leads");
                let leads = crate::kinds::eligibility::leads(self.cx, l, &p);
                self.out.push((Change::Leads { path: path.clone(), leads }, p));
            }
            if let Some(x) = &c.completion {
                let p = format!("{ptr}/completion");
                if x.none {
                    self.cx.error(
                        CHANGE,
                        tr!("an amendment gives a completion date, not `none`", "补充通知须给出完成日期，而不是 `none`"),
                        &format!("{p}/none"),
                        tr!("not a date", "不是日期"),
                    );
                } else if let Some(completion) = crate::kinds::period::completion(self.cx, x, &p) {
                    self.out.push((Change::Completion { path: path.clone(), completion }, p));
                }
            }
            for (id, k) in &c.kpis {
                let p = format!("{ptr}/kpis/{}", escape(id));
                if self.cx.unusable(&p) {
                    continue;
                }
                if !cat.kpis.iter().any(|x| &x.id == id) {
                    let known: Vec<&str> = cat.kpis.iter().map(|x| x.id.as_str()).collect();
                    self.missing(&p, ("KPI of this category", "该类别的绩效指标"), id, &known, None);
                    continue;
                }
                if k.min.is_none() && k.max.is_none() {
                    self.nothing(&p, tr!("`min` or `max`", "`min` 或 `max`"));
                    continue;
                }
                let cite = self.cx.cite(&k.source, &p, tr!("KPI", "绩效指标"));
                self.out.push((Change::Kpi { path: path.clone(), id: id.clone(), min: k.min, max: k.max, cite }, p));
            }
        }
    }

    fn exclusions(&mut self, file: &AmendmentFile) {
        for (id, e) in &file.exclusions {
            let ptr = format!("/exclusions/{}", escape(id));
            if self.cx.unusable(&ptr) {
                continue;
            }
            let existing = self.call.exclusions.iter().find(|x| &x.id == id);
            let sets = e.text.is_some() || e.summary.is_some() || e.applies_to.is_some() || e.soft.is_some() || e.when.is_some();
            if e.remove && (e.new || sets) {
                self.both(&format!("{ptr}/remove"));
                continue;
            }
            if e.new {
                if existing.is_some() {
                    match self.past.added.get(id) {
                        Some(&j) => {
                            let other = self.items[j].info.reference();
                            let f = self.cx.error(
                                CONFLICT,
                                tr!("exclusion `{id}` is added by {other} already", "限制情形 `{id}` 已由 {other} 新增"),
                                &ptr,
                                tr!("added twice", "重复新增"),
                            );
                            f.labels[0].span = self.doc.spans().key(&ptr);
                            f.help = Some(tr!(
                                "give this exclusion its own id, or leave out `new` to rewrite that one",
                                "请为此限制情形另取编号，或去掉 `new` 以改写那一项"
                            ));
                        }
                        None => {
                            let f = self.cx.error(
                                EXISTS,
                                tr!("the call has an exclusion `{id}` already", "通知已有限制情形 `{id}`"),
                                &format!("{ptr}/new"),
                                tr!("not new", "并非新增"),
                            );
                            f.help = Some(tr!(
                                "leave out `new` to rewrite it, or give the new one its own id",
                                "去掉 `new` 以改写它，或为新增的一项另取编号"
                            ));
                        }
                    }
                    continue;
                }
                if e.text.is_none() {
                    self.cx
                        .error(
                            CHANGE,
                            tr!("a new exclusion needs its `text`", "新增的限制情形须有 `text`"),
                            &ptr,
                            tr!("no text", "缺少文本"),
                        )
                        .help = Some(tr!("quote the supplementary notice's words under `text`", "请在 `text` 下引用补充通知原文"));
                    continue;
                }
                let written = crate::spec::Exclusion {
                    id: Some(id.clone()),
                    text: e.text.clone(),
                    summary: e.summary.unwrap_or(false),
                    applies_to: e.applies_to.clone().unwrap_or_default(),
                    soft: e.soft.unwrap_or(false),
                    when: e.when.clone(),
                    source: e.source.clone(),
                };
                let cite = self.cx.cite(&written.source, &ptr, tr!("exclusion", "限制情形"));
                let x = crate::kinds::exclusion::compile(self.cx, &written, &ptr, cite);
                self.out.push((Change::AddExclusion(x), ptr));
                continue;
            }
            let Some(existing) = existing else {
                let known: Vec<&str> = self.call.exclusions.iter().map(|x| x.id.as_str()).collect();
                let near = suggest(id, known.iter().copied()).is_some();
                let f = self.missing(&ptr, ("exclusion", "限制情形"), id, &known, Some("exclusion"));
                if let Some(f) = f
                    && !near
                    && f.code.code == TARGET.code
                {
                    f.help =
                        Some(tr!("an exclusion the supplementary notice adds says `new: true`", "补充通知新增的限制情形须写 `new: true`"));
                }
                continue;
            };
            let cite = self.cx.cite(&e.source, &ptr, tr!("exclusion", "限制情形"));
            if e.remove {
                self.out.push((Change::RemoveExclusion { id: id.clone(), cite }, ptr));
                continue;
            }
            if !sets {
                self.nothing(
                    &ptr,
                    tr!(
                        "`text`, `applies_to`, `soft`, `when`, `new` or `remove`",
                        "`text`、`applies_to`、`soft`、`when`、`new` 或 `remove`"
                    ),
                );
                continue;
            }
            if let Some(types) = &e.applies_to {
                self.cx.applicant_types(types, &format!("{ptr}/applies_to"));
            }
            if let Some(text) = &e.text
                && !e.summary.unwrap_or(existing.summary)
            {
                self.cx.quoted(format!("{ptr}/text"), tr!("the text of exclusion `{id}`", "限制情形 `{id}` 的文本"), text, &e.source);
            }
            let when = e.when.as_ref().and_then(|w| self.cx.expression(w, &format!("{ptr}/when")));
            let edit = ExclusionEdit {
                id: id.clone(),
                text: e.text.clone(),
                summary: e.summary,
                applies_to: e.applies_to.clone(),
                soft: e.soft,
                when,
                cite,
            };
            self.out.push((Change::EditExclusion(edit), ptr));
        }
    }

    /// A quota as the amendment states it (never `derived`).
    fn quota(&mut self, q: &crate::spec::Quota, ptr: &str) -> Option<crate::model::Cited<crate::model::Quota>> {
        if q.derived {
            self.cx
                .error(
                    CHANGE,
                    tr!("an amendment states its quota; it is not `derived`", "补充通知应写明立项数，而不是 `derived`"),
                    &format!("{ptr}/derived"),
                    tr!("derived", "推算"),
                )
                .help = Some(tr!("write the number the supplementary notice gives", "请写出补充通知给出的数目"));
            return None;
        }
        crate::kinds::category::quota(self.cx, q, ptr)
    }

    /// `name` is not a `what` of the call: said so (or, when an earlier amendment withdrew
    /// it, that they contradict), labelled on its key.
    fn missing(&mut self, ptr: &str, what: (&str, &str), name: &str, known: &[&str], kind: Option<&'static str>) -> Option<&mut Finding> {
        let doc = self.doc;
        let withdrawn = kind.and_then(|k| {
            self.past
                .withdrawn
                .iter()
                .find(|((kk, n), _)| *kk == k && (n == name || (k == "category" && Call::within(name, n))))
                .map(|(_, &j)| j)
        });
        let id = &self.call.id;
        let (en, zh) = what;
        let f = match withdrawn {
            Some(j) => {
                let (other, from) = (self.items[j].info.reference(), self.items[j].info.effective);
                let f = self.cx.error(
                    CONFLICT,
                    tr!("`{name}` was withdrawn by {other} (in force from {from})", "`{name}` 已被 {other} 取消（自 {from} 起施行）"),
                    ptr,
                    tr!("withdrawn earlier", "此前已取消"),
                );
                f.help = Some(tr!(
                    "an amendment cannot change what an earlier one withdrew; check both notices",
                    "补充通知不能修改此前已取消的内容；请核对两份通知"
                ));
                f
            }
            None => {
                let near = suggest(name, known.iter().copied()).map(str::to_owned);
                let list = known.join(", ");
                let f = self.cx.error(
                    TARGET,
                    tr!("`{name}` is not a {en} of `{id}`", "`{name}` 不是 `{id}` 的{zh}"),
                    ptr,
                    tr!("no such {en}", "无此{zh}"),
                );
                f.help = Some(match near {
                    Some(n) => tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                    None if known.is_empty() => tr!("the call has none", "该通知没有此类内容"),
                    None => tr!("those of the call: {list}", "该通知中有：{list}"),
                });
                f
            }
        };
        f.labels[0].span = doc.spans().key(ptr);
        Some(f)
    }

    fn nothing(&mut self, ptr: &str, keys: crate::i18n::Text) {
        let (en, zh) = (&keys.en, &keys.zh);
        let doc = self.doc;
        let f = self.cx.error(
            CHANGE,
            tr!("this change changes nothing", "此项修改没有修改任何内容"),
            ptr,
            tr!("nothing to change", "无修改内容"),
        );
        f.labels[0].span = doc.spans().key(ptr);
        f.help = Some(tr!("give {en}", "请写明 {zh}"));
    }

    fn both(&mut self, ptr: &str) {
        self.cx.error(CHANGE, tr!("a change both withdraws and rewrites", "同一项修改既取消又改写"), ptr, tr!("withdrawn", "取消")).help =
            Some(tr!("withdraw it (`remove`), or give what changes, not both", "要么取消（`remove`），要么写明所改内容，不能二者兼有"));
    }
}

/// Two amendments in force from one moment that change one thing: which applies is undefined.
fn conflicts(cx: &mut Cx, doc: &Document, k: usize, items: &[Item], changes: &[(Change, String)], past: &Past) {
    for (c, ptr) in changes {
        let target = c.target();
        let Some(&(_, j)) = past.targets.iter().find(|(t, j)| *t == target && items[*j].info.from() == items[k].info.from()) else {
            continue;
        };
        let (other, file, from) = (items[j].info.reference(), &items[j].info.file, items[k].info.effective);
        let f = cx.error(
            CONFLICT,
            tr!(
                "{other} changes this too, and takes effect at the same moment ({from})",
                "{other} 也修改了此项，且在同一时刻（{from}）施行"
            ),
            ptr,
            tr!("changed twice at once", "同时被修改两次"),
        );
        f.labels[0].span = doc.spans().key(ptr);
        f.help = Some(tr!(
            "which applies is undefined: give the two notices the moments they take effect ({file}), or let one of them say it",
            "无法确定适用哪一份：请写明两份通知各自的施行时间（{file}），或只由其中一份规定此项"
        ));
    }
}

/// What the changes leave inconsistent in the amended call: dates out of order, quotas that
/// no longer add up (or a derived one that no longer follows), a minimum above its maximum.
fn checks(cx: &mut Cx, base: &Call, after: &Call, changes: &[(Change, String)]) {
    for (c, ptr) in changes {
        match c {
            Change::Closes { id, .. } | Change::Opens { id, .. } => deadline_dates(cx, base, after, id, ptr),
            Change::Completion { path, completion } => {
                let last = after
                    .deadlines
                    .iter()
                    .filter(|d| after.categories.iter().any(|l| l.leaf && Call::within(&l.path, path) && d.applies(Some(l))))
                    .map(|d| d.closes)
                    .max();
                if let Some(last) = last.filter(|l| completion.by.end() < l.end()) {
                    let by = completion.by;
                    cx.error(
                        DATE_ORDER,
                        tr!(
                            "completion date {by} is before the last submission deadline ({last})",
                            "完成期限 {by} 早于最后的申报截止时间（{last}）"
                        ),
                        &format!("{ptr}/by"),
                        tr!("before the deadline", "早于截止时间"),
                    );
                }
            }
            Change::Quota { path, quota } => quota_sums(cx, after, path.as_deref(), &quota.value, ptr),
            Change::Kpi { path, id, .. } => {
                if let Some(k) = after.category(path).and_then(|c| c.kpis.iter().find(|k| &k.id == id))
                    && let (Some(a), Some(b)) = (k.min, k.max)
                    && a > b
                {
                    cx.error(
                        MIN_MAX,
                        tr!("`min` {a} is above `max` {b}", "`min` {a} 大于 `max` {b}"),
                        ptr,
                        tr!("after this change", "修改后"),
                    );
                }
            }
            Change::TextLimit { field, .. } => {
                if let Some(t) = after.form.text_limits.iter().find(|t| &t.field == field)
                    && let (Some(a), Some(b)) = (t.min_chars, t.max_chars)
                    && a > b
                {
                    cx.error(
                        MIN_MAX,
                        tr!("`min_chars` {a} is above `max_chars` {b}", "`min_chars` {a} 大于 `max_chars` {b}"),
                        ptr,
                        tr!("after this change", "修改后"),
                    );
                }
            }
            _ => {}
        }
    }
    // Derived quotas: each must still follow from those it is derived from.
    for c in after.categories.iter().filter(|c| c.quota.as_ref().is_some_and(|q| q.value.derived.is_some())) {
        let Some(q) = &c.quota else { continue };
        let parent = c.path.rsplit_once('/').map(|(p, _)| p);
        let enclosing = match parent {
            Some(p) => after.category(p).and_then(|g| g.quota.clone()),
            None => after.quota.clone(),
        };
        let Some(enclosing) = enclosing else { continue };
        let siblings: Vec<&crate::model::Category> =
            after.categories.iter().filter(|s| s.path != c.path && s.path.rsplit_once('/').map(|(p, _)| p) == parent).collect();
        let stated: Option<Vec<u32>> = siblings
            .iter()
            .map(|s| {
                s.quota
                    .as_ref()
                    .filter(|q| q.value.derived.is_none() && !q.value.soft && q.value.kind != crate::model::QuotaKind::Unlimited)
                    .map(|q| q.value.value)
            })
            .collect();
        let Some(stated) = stated else { continue };
        let sum: u64 = stated.iter().map(|v| u64::from(*v)).sum();
        let expected = u64::from(enclosing.value.value).checked_sub(sum);
        if expected == Some(u64::from(q.value.value)) {
            continue;
        }
        // Reported on the change that made it so.
        let by = changes.iter().find(|(ch, _)| match ch {
            Change::Quota { path: None, .. } => parent.is_none(),
            Change::Quota { path: Some(p), .. } => Some(p.as_str()) == parent || siblings.iter().any(|s| &s.path == p),
            Change::RemoveCategory { path: p, .. } => p.rsplit_once('/').map(|(x, _)| x) == parent,
            _ => false,
        });
        let Some((_, ptr)) = by else { continue };
        let parts: Vec<String> = std::iter::once(enclosing.value.value.to_string()).chain(stated.iter().map(u32::to_string)).collect();
        let (formula, value, path) = (parts.join(" − "), q.value.value, &c.path);
        let shown = expected.map_or_else(|| "less than 0".to_owned(), |e| e.to_string());
        let shown_zh = expected.map_or_else(|| "小于 0".to_owned(), |e| e.to_string());
        let doc_ptr = ptr.clone();
        let f = cx.error(
            QUOTA,
            tr!(
                "after this change the derived quota of `{path}` ({value}) no longer follows: {formula} = {shown}",
                "此项修改后，`{path}` 的推算名额（{value}）不再成立：{formula} = {shown_zh}"
            ),
            &doc_ptr,
            tr!("changes what it is derived from", "改变了推算所依据的名额"),
        );
        f.help = Some(tr!(
            "restate the quota of `{path}` in this amendment as the supplementary notice gives it",
            "请在本补充通知中按其原文写明 `{path}` 的立项数"
        ));
    }
}

/// A deadline's dates after a change of its opening or closing.
fn deadline_dates(cx: &mut Cx, base: &Call, after: &Call, id: &str, ptr: &str) {
    let Some(d) = after.deadlines.iter().find(|d| d.id == id) else { return };
    let closes = d.closes;
    if let Some(o) = d.opens
        && o.start() > closes.end()
    {
        cx.error(
            DATE_ORDER,
            tr!(
                "deadline `{id}` would open ({o}) after it closes ({closes})",
                "截止事项 `{id}` 的开始时间（{o}）将晚于截止时间（{closes}）"
            ),
            ptr,
            tr!("out of order", "先后有误"),
        );
    }
    if let Some(issued) = base.issued
        && closes.end() < issued.start()
    {
        cx.error(
            DATE_ORDER,
            tr!(
                "deadline `{id}` would close ({closes}) before the call was issued ({issued})",
                "截止事项 `{id}` 的截止时间（{closes}）将早于通知发布日期（{issued}）"
            ),
            ptr,
            tr!("before the issue date", "早于发布日期"),
        );
    }
    for e in d.extensions.iter().filter(|e| e.until.end() <= closes.end()) {
        let until = e.until;
        cx.error(
            DATE_ORDER,
            tr!(
                "the conditional extension of `{id}` to {until} would end no later than the new closing ({closes})",
                "`{id}` 的附条件延期（至 {until}）将不晚于新的截止时间（{closes}）"
            ),
            ptr,
            tr!("not after the extension", "未晚于延期"),
        )
        .help = Some(tr!("check the new closing against the notice's extension", "请对照通知的延期规定核对新的截止时间"));
    }
    for c in after.categories.iter().filter(|c| c.leaf && d.applies(Some(c))) {
        if let Some(done) = c.completion.as_ref().filter(|x| x.by.end() < closes.end()) {
            let (by, path) = (done.by, &c.path);
            cx.error(
                DATE_ORDER,
                tr!(
                    "the new closing ({closes}) is after the completion date of `{path}` ({by})",
                    "新的截止时间（{closes}）晚于 `{path}` 的完成期限（{by}）"
                ),
                ptr,
                tr!("after the completion date", "晚于完成期限"),
            );
            break;
        }
    }
}

/// The quotas under and around a changed quota still add up.
fn quota_sums(cx: &mut Cx, after: &Call, path: Option<&str>, quota: &crate::model::Quota, ptr: &str) {
    let counted = |q: &Option<crate::model::Cited<crate::model::Quota>>| {
        q.as_ref().filter(|q| !q.value.soft && q.value.kind != crate::model::QuotaKind::Unlimited).map(|q| u64::from(q.value.value))
    };
    let parent_of = |p: &str| p.rsplit_once('/').map(|(x, _)| x.to_owned());
    let children = |of: Option<&str>| -> Vec<u64> {
        after.categories.iter().filter(|c| parent_of(&c.path).as_deref() == of).filter_map(|c| counted(&c.quota)).collect()
    };
    // Under it.
    if !quota.soft && quota.kind != crate::model::QuotaKind::Unlimited {
        let under = children(path);
        let sum: u64 = under.iter().sum();
        if sum > u64::from(quota.value) {
            let (limit, parts) = (quota.value, under.iter().map(u64::to_string).collect::<Vec<_>>().join(" + "));
            cx.error(
                QUOTA,
                tr!("the quotas below add up to {sum} ({parts}), more than {limit}", "下级名额合计 {sum}（{parts}），超过 {limit}"),
                &format!("{ptr}/value"),
                tr!("the limit", "名额上限"),
            );
        }
    }
    // Around it: with its siblings, within the quota above.
    if let Some(p) = path {
        let parent = parent_of(p);
        let limit = match &parent {
            Some(g) => after.category(g).and_then(|g| counted(&g.quota)),
            None => counted(&after.quota),
        };
        let beside = children(parent.as_deref());
        let sum: u64 = beside.iter().sum();
        if let Some(limit) = limit.filter(|l| sum > *l) {
            let parts = beside.iter().map(u64::to_string).collect::<Vec<_>>().join(" + ");
            cx.error(
                QUOTA,
                tr!(
                    "with this quota the categories beside it add up to {sum} ({parts}), more than {limit}",
                    "按此名额，同级类别合计 {sum}（{parts}），超过 {limit}"
                ),
                &format!("{ptr}/value"),
                tr!("too many", "过多"),
            );
        }
    }
}
