//! The compiler: a [`SpecFile`] (what the author wrote) becomes a [`Call`] (what rules use).
//!
//! It resolves every reference (clauses, applicant types, category paths), fills in inherited
//! settings down the category tree, and checks the spec's own consistency. It never stops at
//! the first problem: every finding is collected, each labelled on the offending value.
//!
//! **Invariant:** a `Call` is returned only when no finding is an error.

pub mod codes;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::FixedOffset;
use rust_decimal::Decimal;

use crate::diagnostics::{Citation, CodeInfo, Finding, Severity};
use crate::document::Document;
use crate::i18n::Text;
use crate::model::{self, Call, Cited};
use crate::schema::{Unusable, suggest};
use crate::spec::{self, SpecFile};
use crate::tr;
use codes::*;

/// Compiles a spec read from `doc`. Returns the call when the spec has no errors, and every
/// finding (errors and advice) in document order.
///
/// `plans` are the plan documents available beside the spec: with them, `call.plan` must name
/// one (and it is attached to the call); without them (a spec checked on its own) the reference
/// is left unresolved. `notice` is the notice's text as the loader found it: every quote is
/// checked against it ([`crate::notice`]); `None` when the run does not check quotes (they are
/// `callspec check`'s business, not that of a run that uses the call).
pub fn compile(
    doc: &Document,
    spec: &SpecFile,
    plans: Option<&BTreeMap<String, model::Plan>>,
    notice: Option<&crate::notice::Input>,
) -> (Option<Call>, Vec<Finding>) {
    let meta = spec.meta();
    let reference = meta.document.clone().unwrap_or_else(|| format!("《{}》", meta.title.clone().unwrap_or_default()));
    let mut refs = Refs::new(doc, spec.clauses(), reference, &spec.unusable);
    refs.notice = notice.map(|n| (spec.notice.as_ref(), n));
    let mut cx = Cx { refs, spec, categories_complete: true };
    let mut call = cx.call();
    if let (Some(id), Some(plans)) = (&spec.meta().plan, plans) {
        match plans.get(id) {
            Some(p) => call.plan = Some(p.clone()),
            None => {
                let near = suggest(id, plans.keys().map(String::as_str)).map(str::to_owned);
                let f = cx.error(
                    UNKNOWN_REF,
                    tr!("`{id}` is not a plan beside this spec", "本规范文件旁没有规划 `{id}`"),
                    "/call/plan",
                    tr!("no such plan", "无此规划"),
                );
                f.help = Some(near.map_or_else(
                    || tr!("plans are `plan: 1` documents in the specs folder", "规划是 specs 文件夹中带 `plan: 1` 的文件"),
                    |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                ));
            }
        }
    }
    ties(&mut cx, &call, plans.is_some());
    cx.refs.finish(call)
}

/// Checks the categories' `implements:` against the call's plan, and advises on the plan's
/// programmes no category implements and the categories that implement none. `plans_known` is
/// false for a spec checked on its own, whose plan is not at hand.
fn ties(cx: &mut Cx, call: &Call, plans_known: bool) {
    fn walk<'s>(cats: &'s [spec::Category], ptr: &str, out: &mut Vec<(String, &'s spec::Category)>) {
        for (i, c) in cats.iter().enumerate() {
            let p = format!("{ptr}/{i}");
            out.push((p.clone(), c));
            walk(&c.children, &format!("{p}/children"), out);
        }
    }
    let mut all = Vec::new();
    walk(cx.spec.categories(), "/categories", &mut all);
    let Some(plan) = &call.plan else {
        if cx.spec.meta().plan.is_none() {
            for (p, c) in &all {
                if !c.implements.is_empty() && !cx.unusable(&format!("{p}/implements")) {
                    cx.error(
                        UNKNOWN_REF,
                        tr!(
                            "the category implements plan priorities, but the call names no plan",
                            "该类别承接了规划的重点任务，但通知未指明规划"
                        ),
                        &format!("{p}/implements"),
                        tr!("no `call.plan` to look these up in", "没有可供查找的 `call.plan`"),
                    )
                    .help = Some(tr!(
                        "name the work plan under `call:` (`plan: <plan id>`), or remove `implements:`",
                        "请在 `call:` 下指明工作要点（`plan: <规划编号>`），或删除 `implements:`"
                    ));
                }
            }
        }
        return;
    };
    if !plans_known {
        return;
    }
    for (p, c) in &all {
        for (k, id) in c.implements.iter().enumerate() {
            if plan.priority(id).is_none() && !cx.unusable(&format!("{p}/implements/{k}")) {
                let near = suggest(id, plan.priorities.iter().map(|x| x.id.as_str())).map(str::to_owned);
                let title = &plan.title;
                let f = cx.error(
                    UNKNOWN_REF,
                    tr!("`{id}` is not a priority of {title}", "`{id}` 不是{title}的重点任务"),
                    &format!("{p}/implements/{k}"),
                    tr!("no such priority", "无此重点任务"),
                );
                f.help = Some(near.map_or_else(
                    || {
                        tr!(
                            "`callspec list --call {}` lists the plan's priorities",
                            "`callspec list --call {}` 会列出规划的重点任务",
                            plan.id
                        )
                    },
                    |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                ));
            }
        }
    }
    // Ties that could not be read may be the missing ones.
    if cx.unusable("/categories")
        || all.iter().any(|(p, _)| cx.unusable(&format!("{p}/implements")) || cx.unusable(&format!("{p}/children")))
    {
        return;
    }
    for programme in plan.programmes() {
        if call.categories.iter().any(|c| c.implements.contains(&programme.id)) {
            continue;
        }
        let (name, title) = (&programme.name, &plan.title);
        let f = cx.report(
            PLAN_UNCOVERED,
            Severity::Advice,
            tr!("no category implements the programme {name} of {title}", "没有类别承接{title}中的计划“{name}”"),
            "/call/plan",
            tr!("the plan this call serves", "本通知服务的规划"),
        );
        f.citation = Some(programme.cite.clone());
        f.help = Some(tr!(
            "add `implements: [{}]` to the category that funds it, if one does; `callspec plan coverage` shows the table",
            "如有类别资助此项，请在该类别下添加 `implements: [{}]`；`callspec plan coverage` 给出对照表",
            programme.id
        ));
    }
    for ((p, _), c) in all.iter().zip(&call.categories) {
        if c.leaf && c.implements.is_empty() {
            let (name, title) = (c.full_name(), &plan.title);
            cx.report(
                PLAN_UNTIED,
                Severity::Advice,
                tr!("the category {name} implements no priority of {title}", "类别“{name}”未承接{title}的任何重点任务"),
                &format!("{p}/name"),
                tr!("tied to no priority", "未对应任何重点任务"),
            )
            .help = Some(tr!(
                "if it serves one, say which with `implements: [<priority id>]`",
                "如其服务于某项重点任务，请用 `implements: [<重点任务编号>]` 写明"
            ));
        }
    }
}

/// Compiles a plan document; its quotes are checked against `notice` (when given).
pub fn compile_plan(
    doc: &Document,
    plan: &crate::spec::plan::PlanFile,
    notice: Option<&crate::notice::Input>,
) -> (Option<model::Plan>, Vec<Finding>) {
    static NO_CLAUSES: BTreeMap<String, spec::Clause> = BTreeMap::new();
    let mut refs = Refs::new(doc, plan.clauses.as_ref().unwrap_or(&NO_CLAUSES), plan.title.clone().unwrap_or_default(), &plan.unusable);
    refs.notice = notice.map(|n| (plan.notice.as_ref(), n));
    let list = plan.priorities.as_deref().unwrap_or_default();
    refs.duplicates(list.iter().enumerate().map(|(i, p)| (p.id.as_deref(), format!("/priorities/{i}/id"))), "priority");
    let parts: Vec<model::Part> = plan
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| model::Part {
            name: p.name.clone().unwrap_or_default(),
            title: p.title.clone().unwrap_or_default(),
            cite: p.source.as_ref().map(|_| refs.cite(&p.source, &format!("/parts/{i}"), "part")),
        })
        .collect();
    refs.duplicates(plan.parts.iter().enumerate().map(|(i, p)| (p.name.as_deref(), format!("/parts/{i}/name"))), "part");
    let mut priorities = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let ptr = format!("/priorities/{i}");
        let theme = p.theme.clone().unwrap_or_default();
        if !parts.is_empty() && p.theme.is_some() && !parts.iter().any(|x| x.name == theme) && !refs.unusable("/parts") {
            let names: Vec<&str> = parts.iter().map(|x| x.name.as_str()).collect();
            let near = suggest(&theme, names.iter().copied()).map(str::to_owned);
            let f = refs.error(
                UNKNOWN_REF,
                tr!("`{theme}` is not a part of this plan", "`{theme}` 不是本规划的部分"),
                &format!("{ptr}/theme"),
                tr!("no such part", "无此部分"),
            );
            let list = names.join("、");
            f.help =
                Some(near.map_or_else(
                    || tr!("the parts are {list}", "本规划的部分为{list}"),
                    |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                ));
        }
        let mut concepts = Vec::new();
        for (j, c) in p.concepts.iter().enumerate() {
            let ideas: Vec<Vec<String>> =
                c.split('+').map(|idea| idea.split('|').map(|w| w.trim().to_owned()).collect::<Vec<_>>()).collect();
            let empty = ideas.iter().any(|idea| idea.iter().any(String::is_empty));
            if empty || (ideas.len() == 1 && ideas[0].len() == 1) {
                let (message, label) = if empty {
                    (
                        tr!("`{c}` has an empty idea or synonym", "`{c}` 含有空的意思或同义词"),
                        tr!("empty between `+` or `|`", "`+` 或 `|` 之间为空"),
                    )
                } else {
                    (
                        tr!("`{c}` is one word, not a combination of ideas", "`{c}` 只是一个词，不是意思的组合"),
                        tr!("one word", "只有一个词"),
                    )
                };
                let f = refs.error(PLAN_CONCEPT, message, &format!("{ptr}/concepts/{j}"), label);
                f.help = Some(tr!(
                    "join ideas with ` + ` and synonyms with `|`, e.g. `国际科技组织|国际组织 + 代表处|总部`; a single name goes in `keywords`",
                    "意思之间用 ` + ` 连接、同义词之间用 `|` 连接，如 `国际科技组织|国际组织 + 代表处|总部`；单个名称请写入 `keywords`"
                ));
                continue;
            }
            concepts.push(ideas.into_iter().map(|idea| idea.iter().map(|w| crate::plan::fold(w)).collect()).collect());
        }
        priorities.push(model::Priority {
            id: p.id.clone().unwrap_or_default(),
            name: p.name.clone().unwrap_or_default(),
            theme,
            kind: p.kind.unwrap_or(model::PriorityKind::Task),
            keywords: p.keywords.clone().unwrap_or_default().iter().map(|k| crate::plan::fold(k)).collect(),
            concepts,
            cite: refs.cite(&p.source, &ptr, "priority"),
        });
    }
    let out = model::Plan {
        id: plan.id.clone().unwrap_or_default(),
        title: plan.title.clone().unwrap_or_default(),
        issuer: plan.issuer.clone().unwrap_or_default(),
        year: plan.year.unwrap_or_default(),
        parts,
        priorities,
        index: Default::default(),
    };
    refs.finish(out)
}

/// A compiler for a supplementary notice ([`crate::amend`]): its findings go on `doc`, its
/// `source:`s name its own `clauses` (cited as `document`), in the vocabulary of the spec it
/// amends (applicant types, declared fields). Ends with [`Cx::finish_amending`].
pub(crate) fn amending<'a>(
    doc: &'a Document,
    base: &'a SpecFile,
    clauses: &'a BTreeMap<String, spec::Clause>,
    document: String,
    unusable: &'a Unusable,
    notice: Option<(Option<&'a spec::Notice>, &'a crate::notice::Input)>,
) -> Cx<'a> {
    let mut refs = Refs::new(doc, clauses, document, unusable);
    refs.notice = notice;
    Cx { refs, spec: base, categories_complete: true }
}

/// What every document with clauses needs: citing them, reporting, duplicate ids.
pub(crate) struct Refs<'a> {
    doc: &'a Document,
    clauses: &'a BTreeMap<String, spec::Clause>,
    document: String,
    findings: Vec<Finding>,
    used: HashSet<String>,
    /// What the typed read could not use: nothing is reported about it.
    unusable: &'a Unusable,
    /// The notice the spec names and its text, for the quote check.
    notice: Option<(Option<&'a spec::Notice>, &'a crate::notice::Input)>,
    /// Texts quoted outside `clauses` (exclusions, preferences, commitments), with the clause
    /// each cites.
    quotes: Vec<(String, crate::i18n::Text, String, Option<String>)>,
}

/// The spec compiler: [`Refs`] plus the spec being compiled. Kinds compile their part of a
/// spec through it (`cite`, `error`, `duplicates`, `paths`, `expression`).
pub(crate) struct Cx<'a> {
    refs: Refs<'a>,
    spec: &'a SpecFile,
    /// False when a category's id (or the whole tree) was unusable: its path is unknown, so a
    /// path the spec names elsewhere cannot be called unknown.
    categories_complete: bool,
}

impl<'a> std::ops::Deref for Cx<'a> {
    type Target = Refs<'a>;
    fn deref(&self) -> &Refs<'a> {
        &self.refs
    }
}

impl std::ops::DerefMut for Cx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.refs
    }
}

impl<'a> Refs<'a> {
    fn new(doc: &'a Document, clauses: &'a BTreeMap<String, spec::Clause>, document: String, unusable: &'a Unusable) -> Self {
        // A clause cited only by a part that was pruned is not unused: every text under a
        // pruned value counts as cited.
        // A part that is missing or empty may have cited any clause: then none is called unused.
        let mut used = HashSet::new();
        let mut unknown = false;
        for p in unusable.iter() {
            match doc.value.pointer(p) {
                Some(v) if !v.is_null() => strings(v, &mut used),
                _ => unknown = true,
            }
        }
        if unknown {
            used.extend(clauses.keys().cloned());
        }
        Refs { doc, clauses, document, findings: Vec::new(), used, unusable, notice: None, quotes: Vec::new() }
    }

    /// Records a text of the spec that quotes the notice from the clause `source` (checked in
    /// [`Refs::finish`]).
    pub(crate) fn quoted(&mut self, ptr: String, what: crate::i18n::Text, text: &str, source: &Option<String>) {
        self.quotes.push((ptr, what, text.to_owned(), source.clone()));
    }

    /// Checks every quote against the notice's text: the clauses' (in their sections) and the
    /// recorded ones (in the section of the clause they cite). A quote that could not be read is
    /// left alone.
    fn check_quotes(&mut self) {
        let Some((declared, input)) = self.notice else { return };
        let mut quotes: Vec<crate::notice::Quote> = self
            .clauses
            .iter()
            .filter_map(|(id, c)| {
                let ptr = crate::notice::check::clause_ptr(id);
                Some(crate::notice::Quote {
                    ptr: format!("{ptr}/text"),
                    section_ptr: Some(format!("{ptr}/section")),
                    what: tr!("the quote of clause `{id}`", "条款 `{id}` 的引文"),
                    text: c.text.clone()?,
                    section: c.section.clone(),
                })
            })
            .collect();
        for (ptr, what, text, source) in &self.quotes {
            let section = source.as_ref().and_then(|s| self.clauses.get(s)).and_then(|c| c.section.clone());
            quotes.push(crate::notice::Quote { ptr: ptr.clone(), section_ptr: None, what: what.clone(), text: text.clone(), section });
        }
        let corrections: Vec<(&str, &str)> =
            declared.map(|n| n.corrections.iter().map(|c| (c.read.as_str(), c.as_.as_str())).collect()).unwrap_or_default();
        let declared = declared.map(|n| (n.file.as_str(), corrections.as_slice()));
        let found = crate::notice::check(self.doc, input, declared, &self.document, &quotes);
        self.findings.extend(found);
    }

    /// Whether the value at `ptr` (or one around it) could not be read: stay silent about it.
    pub(crate) fn unusable(&self, ptr: &str) -> bool {
        self.unusable.covers(ptr)
    }

    /// Adds advice on unused clauses and returns the result: the value only without errors.
    fn unused_clauses(&mut self) {
        let unused: Vec<String> = self.clauses.keys().filter(|k| !self.used.contains(*k)).cloned().collect();
        for id in unused {
            let span = self.doc.spans().key(&format!("/clauses/{}", crate::document::escape(&id)));
            let f = Finding::advice(UNUSED_CLAUSE, tr!("clause `{id}` is not cited by any rule", "条款 `{id}` 未被任何规则引用"))
                .in_file(self.doc.file.clone())
                .at_pointer(format!("/clauses/{}", crate::document::escape(&id)))
                .label(span, tr!("never cited", "未引用"))
                .with_help(tr!(
                    "encode it as a rule, or as a `commitments:` entry if it binds only after the award",
                    "请将其写成规则；如仅在立项后约束，请写入 `commitments:`"
                ));
            self.findings.push(f);
        }
    }

    fn finish<T>(mut self, value: T) -> (Option<T>, Vec<Finding>) {
        self.unused_clauses();
        self.check_quotes();
        let mut findings = self.findings;
        crate::diagnostics::sort(&mut findings);
        let ok = findings.iter().all(|f| f.severity != Severity::Error);
        (ok.then_some(value), findings)
    }

    fn report(
        &mut self,
        code: &'static CodeInfo,
        severity: Severity,
        message: impl Into<Text>,
        ptr: &str,
        label: impl Into<Text>,
    ) -> &mut Finding {
        let f =
            Finding::new(code, severity, message).in_file(self.doc.file.clone()).at_pointer(ptr).label(self.doc.spans().value(ptr), label);
        self.findings.push(f);
        self.findings.last_mut().expect("just pushed")
    }

    pub(crate) fn error(&mut self, code: &'static CodeInfo, message: impl Into<Text>, ptr: &str, label: impl Into<Text>) -> &mut Finding {
        self.report(code, Severity::Error, message, ptr, label)
    }

    /// Resolves the `source` of the rule at `ptr`; reports a missing or unknown clause.
    pub(crate) fn cite(&mut self, source: &Option<String>, ptr: &str, what: &str) -> Citation {
        let placeholder = || Citation { document: String::new(), section: String::new(), text: String::new() };
        match source {
            None => {
                let at = self.doc.spans().anchor(ptr);
                let what_zh = what_zh(what);
                let f = Finding::error(MISSING_SOURCE, tr!("{what} does not cite its clause", "{what_zh}未引用通知条款"))
                    .in_file(self.doc.file.clone())
                    .at_pointer(ptr)
                    .label(at, tr!("no `source:` here", "此处缺少 `source:`"))
                    .with_help(tr!(
                        "add `source: <clause id>` naming the clause of the notice under `clauses:`",
                        "请添加 `source: <条款编号>`，引用 `clauses:` 下的通知条款"
                    ));
                self.findings.push(f);
                placeholder()
            }
            Some(id) => match self.clauses.get(id) {
                Some(c) => {
                    self.used.insert(id.clone());
                    Citation {
                        document: self.document.clone(),
                        section: c.section.clone().unwrap_or_default(),
                        text: c.text.clone().unwrap_or_default(),
                    }
                }
                None if self.unusable(&format!("/clauses/{}", crate::document::escape(id))) || self.unusable(&format!("{ptr}/source")) => {
                    placeholder()
                }
                None => {
                    let near = suggest(id, self.clauses.keys().map(String::as_str)).map(str::to_owned);
                    let f = self.error(
                        UNKNOWN_REF,
                        tr!("`{id}` is not a clause of this spec", "`{id}` 不是本规范文件中的条款"),
                        &format!("{ptr}/source"),
                        tr!("no such clause", "无此条款"),
                    );
                    f.help = Some(match near {
                        Some(n) => {
                            tr!("did you mean `{n}`? clauses are defined under `clauses:`", "是否应为 `{n}`？条款在 `clauses:` 下定义")
                        }
                        None => tr!(
                            "define the clause under `clauses:` or cite an existing one",
                            "请在 `clauses:` 下定义该条款，或引用已有条款"
                        ),
                    });
                    placeholder()
                }
            },
        }
    }

    /// Reports ids used twice; an item without an id (unusable, reported by the schema) is left out.
    pub(crate) fn duplicates<'s>(&mut self, items: impl IntoIterator<Item = (Option<&'s str>, String)>, what: &str) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (id, ptr) in items {
            let Some(id) = id.filter(|id| !id.is_empty()) else { continue };
            if let Some(first) = seen.get(id) {
                let first_span = self.doc.spans().value(first);
                let what_zh = what_zh(what);
                let f = self.error(
                    DUPLICATE_ID,
                    tr!("{what} id `{id}` is used twice", "{what_zh}编号 `{id}` 重复使用"),
                    &ptr,
                    tr!("second use", "第二次使用"),
                );
                f.labels.push(crate::diagnostics::Label { span: first_span, text: tr!("first use", "第一次使用"), primary: false });
                f.help = Some(tr!("give each {what} its own id", "请为每个{what_zh}使用不同的编号"));
            } else {
                seen.insert(id, ptr);
            }
        }
    }
}

impl Cx<'_> {
    /// The findings of a compiler made by [`amending`]: with unused clauses and quotes checked.
    pub(crate) fn finish_amending(self) -> Vec<Finding> {
        self.refs.finish(()).1
    }

    /// Compiles the expression at `ptr` (a `when:` or a check's `rule`); an expression that
    /// does not parse, or names what a draft does not have, is reported on it.
    pub(crate) fn expression(&mut self, text: &str, ptr: &str) -> Option<crate::kinds::condition::Expr> {
        self.expression_of(text, ptr, crate::kinds::condition::Want::Bool)
    }

    /// A path naming a value of the draft (`leader.birth_date`), checked like an expression.
    pub(crate) fn path_expression(&mut self, text: &str, ptr: &str) -> Option<crate::kinds::condition::Expr> {
        self.expression_of(text, ptr, crate::kinds::condition::Want::Value)
    }

    fn expression_of(&mut self, text: &str, ptr: &str, want: crate::kinds::condition::Want) -> Option<crate::kinds::condition::Expr> {
        let vocab = crate::kinds::field::Declared(&self.spec.fields);
        match crate::kinds::condition::compile(text, &vocab, want) {
            Ok(e) => Some(e),
            Err(r) => {
                let span = self.doc.spans().value(ptr);
                // Narrow the label to the offending part when the scalar is the expression as written.
                // (plain, or quoted without escapes).
                let raw = self.doc.file.text.get(span.offset..span.offset + span.len);
                let inner = match raw {
                    Some(r) if r == text => Some(0),
                    Some(r)
                        if r.len() == text.len() + 2
                            && r.get(1..r.len() - 1) == Some(text)
                            && (r.starts_with('"') || r.starts_with('\'')) =>
                    {
                        Some(1)
                    }
                    _ => None,
                };
                let span = match (r.at, inner) {
                    (Some((a, b)), Some(skip)) => crate::diagnostics::Span::new(span.offset + skip + a, b - a),
                    _ => span,
                };
                let f =
                    Finding::error(CONDITION, r.message).in_file(self.doc.file.clone()).label(span, tr!("here", "此处")).with_help(r.help);
                self.findings.push(f);
                None
            }
        }
    }

    pub(crate) fn applicant_types(&mut self, ids: &[String], ptr: &str) {
        for (i, id) in ids.iter().enumerate() {
            let unusable = self.unusable("/applicant_types")
                || self.unusable(&format!("/applicant_types/{}", crate::document::escape(id)))
                || self.unusable(&format!("{ptr}/{i}"));
            if !unusable && !self.spec.applicant_types().contains_key(id) {
                let near = suggest(id, self.spec.applicant_types().keys().map(String::as_str)).map(str::to_owned);
                let f = self.error(
                    UNKNOWN_REF,
                    tr!("`{id}` is not an applicant type of this spec", "`{id}` 不是本规范文件中的申报单位类型"),
                    &format!("{ptr}/{i}"),
                    tr!("unknown applicant type", "未知申报单位类型"),
                );
                f.help = Some(match near {
                    Some(n) => tr!(
                        "did you mean `{n}`? applicant types are defined under `applicant_types:`",
                        "是否应为 `{n}`？申报单位类型在 `applicant_types:` 下定义"
                    ),
                    None => tr!("define it under `applicant_types:`", "请在 `applicant_types:` 下定义"),
                });
            }
        }
    }

    fn call(&mut self) -> Call {
        let spec = self.spec;
        let meta = spec.meta();
        let document = meta.document.clone().unwrap_or_else(|| format!("《{}》", meta.title.clone().unwrap_or_default()));
        let types = spec
            .applicant_types()
            .iter()
            .map(|(id, t)| {
                let t = model::ApplicantType { id: id.clone(), name: t.name.clone().unwrap_or_default(), individual: t.individual };
                (id.clone(), t)
            })
            .collect();
        let clauses: BTreeMap<String, Citation> = spec
            .clauses()
            .iter()
            .map(|(id, c)| {
                let (section, text) = (c.section.clone().unwrap_or_default(), c.text.clone().unwrap_or_default());
                (id.clone(), Citation { document: document.clone(), section, text })
            })
            .collect();
        let individuals = spec.eligibility.individuals.as_ref().and_then(|i| {
            let cite = self.cite(&i.source, "/eligibility/individuals", "the individuals rule");
            i.allowed.map(|value| Cited { value, cite })
        });
        let root = Inherited {
            leads: spec.eligibility.leads.as_ref().map(|l| self.leads(l, "/eligibility/leads")),
            joint: spec.eligibility.joint.as_ref().map(|j| self.joint(j, "/eligibility/joint")),
            completion: meta.completion.as_ref().and_then(|c| self.completion(c, "/call/completion")),
            window: meta.window.as_ref().and_then(|w| crate::kinds::period::window(self, w, "/call/window")),
            duration: meta.duration.as_ref().and_then(|d| crate::kinds::period::duration(self, d, "/call/duration")),
            ..Inherited::default()
        };
        let quota = spec.quota.as_ref().and_then(|q| self.quota(q, "/quota"));
        let mut categories = Vec::new();
        if self.unusable("/categories") {
            self.categories_complete = false;
        }
        let root = Inherited { quota: quota.clone(), ..root };
        self.categories(spec.categories(), "/categories", &root, &mut Vec::new(), &mut Vec::new(), &mut categories);
        if let Some(q) = &quota {
            self.quota_sum(q.value.clone(), "/quota", spec.categories(), "/categories");
        }
        let paths: Vec<String> = categories.iter().map(|c| c.path.clone()).collect();

        self.duplicates(spec.exclusions.iter().enumerate().map(|(i, e)| (e.id.as_deref(), format!("/exclusions/{i}/id"))), "exclusion");
        let exclusions = spec.exclusions.iter().enumerate().map(|(i, e)| self.exclusion(e, &format!("/exclusions/{i}"))).collect();

        self.duplicates(spec.limits.iter().enumerate().map(|(i, e)| (e.id.as_deref(), format!("/limits/{i}/id"))), "limit");
        let limits = spec
            .limits
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let p = format!("/limits/{i}");
                let whole_call = l.categories.is_none();
                let categories = match &l.categories {
                    Some(c) => {
                        self.paths(c, &format!("{p}/categories"), &paths);
                        c.clone()
                    }
                    None => spec.categories().iter().filter_map(|c| c.id.clone()).collect(),
                };
                let cite = self.cite(&l.source, &p, "limit");
                // Each counted path is checked like an expression: `leader.name` names a key.
                let mut per = Vec::new();
                for (j, path) in l.per.iter().enumerate() {
                    if self.path_expression(path, &format!("{p}/per/{j}")).is_some() {
                        per.push(format!("/{}", path.trim().replace('.', "/")));
                    }
                }
                let (exclusive, soft) = (l.exclusive, l.soft);
                Some(model::Limit { id: l.id.clone().unwrap_or_default(), categories, whole_call, max: l.max?, exclusive, per, soft, cite })
            })
            .collect();

        self.duplicates(spec.deadlines.iter().enumerate().map(|(i, e)| (e.id.as_deref(), format!("/deadlines/{i}/id"))), "deadline");
        let deadlines: Vec<model::Deadline> =
            spec.deadlines.iter().enumerate().filter_map(|(i, d)| self.deadline(d, &format!("/deadlines/{i}"), &paths)).collect();

        let form = self.form(&spec.form);

        self.duplicates(spec.preferences.iter().enumerate().map(|(i, e)| (e.id.as_deref(), format!("/preferences/{i}/id"))), "preference");
        let preferences = spec
            .preferences
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ptr = format!("/preferences/{i}");
                self.applicant_types(&p.partner_types, &format!("{ptr}/partner_types"));
                self.paths(&p.categories, &format!("{ptr}/categories"), &paths);
                let id = p.id.clone().unwrap_or_default();
                if let (false, Some(text)) = (p.summary, &p.text) {
                    self.quoted(format!("{ptr}/text"), tr!("the text of preference `{id}`", "优先支持条款 `{id}` 的文本"), text, &p.source);
                }
                model::Preference {
                    id,
                    summary: p.summary,
                    text: p.text.clone().unwrap_or_default(),
                    partner_types: p.partner_types.clone(),
                    met: p.met.as_ref().and_then(|m| self.expression(m, &format!("{ptr}/met"))),
                    field: p.field.as_ref().map_or_else(|| "/project".to_owned(), |f| format!("/{}", f.trim().replace('.', "/"))),
                    categories: p.categories.clone(),
                    when: p.when.as_ref().and_then(|w| self.expression(w, &format!("{ptr}/when"))),
                    cite: self.cite(&p.source, &ptr, "preference"),
                }
            })
            .collect();

        self.duplicates(spec.commitments.iter().enumerate().map(|(i, e)| (e.id.as_deref(), format!("/commitments/{i}/id"))), "commitment");
        let commitments = spec
            .commitments
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let ptr = format!("/commitments/{i}");
                self.paths(&c.categories, &format!("{ptr}/categories"), &paths);
                let cite = self.cite(&c.source, &ptr, "commitment");
                let when = c.when.as_ref().and_then(|w| self.expression(w, &format!("{ptr}/when")));
                let id = c.id.clone().unwrap_or_default();
                if let (false, Some(text)) = (c.summary, &c.text) {
                    self.quoted(format!("{ptr}/text"), tr!("the text of commitment `{id}`", "承诺事项 `{id}` 的文本"), text, &c.source);
                }
                Some(model::Commitment {
                    summary: c.summary,
                    id,
                    stage: c.stage?,
                    text: c.text.clone().unwrap_or_default(),
                    categories: c.categories.clone(),
                    affirm: c.affirm,
                    soft: c.soft,
                    when,
                    cite,
                })
            })
            .collect();

        self.duplicates(
            spec.references.iter().enumerate().map(|(i, e)| (e.id.as_deref(), format!("/references/{i}/id"))),
            "reference list",
        );
        let references = spec
            .references
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let ptr = format!("/references/{i}");
                let list = r.entries.as_deref().unwrap_or_default();
                self.duplicates(
                    list.iter().enumerate().map(|(j, e)| (e.name.as_deref(), format!("{ptr}/entries/{j}/name"))),
                    "reference entry",
                );
                let entries = list
                    .iter()
                    .map(|e| model::ReferenceEntry {
                        name: e.name.clone().unwrap_or_default(),
                        aliases: e.aliases.clone(),
                        goal: e.goal.clone(),
                        industries: e.industries.clone(),
                        cultivated: e.cultivated.clone(),
                    })
                    .collect();
                let cite = self.cite(&r.source, &ptr, "reference list");
                let id = r.id.clone()?;
                Some((id.clone(), model::Reference { id, name: r.name.clone().unwrap_or_default(), entries, cite }))
            })
            .collect();

        let fields = crate::kinds::field::compile(self, &spec.fields, &paths);
        let checks = crate::kinds::condition::compile_checks(self, &spec.checks, &paths);

        let (offset, timezone_name) = match meta.timezone {
            spec::TimeZone::AsiaShanghai => (8, "Asia/Shanghai"),
            spec::TimeZone::AsiaHongKong => (8, "Asia/Hong_Kong"),
            spec::TimeZone::AsiaMacau => (8, "Asia/Macau"),
        };
        Call {
            id: meta.id.clone().unwrap_or_default(),
            title: meta.title.clone().unwrap_or_default(),
            issuer: meta.issuer.clone().unwrap_or_default(),
            document: meta.document.clone(),
            issued: meta.issued,
            offset: FixedOffset::east_opt(offset * 3600).expect("valid offset"),
            timezone_name,
            money_unit: match meta.money_unit {
                spec::MoneyUnit::WanYuan => "万元",
                spec::MoneyUnit::Yuan => "元",
            },
            clauses,
            applicant_types: types,
            individuals,
            quota,
            categories,
            exclusions,
            limits,
            deadlines,
            form,
            preferences,
            commitments,
            references,
            plan: None,
            fields,
            checks,
            expression_roots: Default::default(),
            amendments: None,
        }
        .with_expression_roots()
    }

    /// The compiled exclusion at `ptr`; its text, unless a summary, is a quote to check.
    pub(crate) fn exclusion(&mut self, e: &spec::Exclusion, p: &str) -> model::Exclusion {
        self.applicant_types(&e.applies_to, &format!("{p}/applies_to"));
        let id = e.id.clone().unwrap_or_default();
        if let (false, Some(text)) = (e.summary, &e.text) {
            self.quoted(format!("{p}/text"), tr!("the text of exclusion `{id}`", "限制情形 `{id}` 的文本"), text, &e.source);
        }
        model::Exclusion {
            id,
            text: e.text.clone().unwrap_or_default(),
            applies_to: e.applies_to.clone(),
            soft: e.soft,
            summary: e.summary,
            when: e.when.as_ref().and_then(|w| self.expression(w, &format!("{p}/when"))),
            cite: self.cite(&e.source, p, "exclusion"),
        }
    }

    pub(crate) fn leads(&mut self, l: &spec::Leads, ptr: &str) -> Cited<Vec<String>> {
        let types = l.types.clone().unwrap_or_default();
        self.applicant_types(&types, &format!("{ptr}/types"));
        Cited { value: types, cite: self.cite(&l.source, ptr, "the lead-applicant rule") }
    }

    fn joint(&mut self, j: &spec::Joint, ptr: &str) -> model::Joint {
        self.applicant_types(&j.types, &format!("{ptr}/types"));
        model::Joint {
            allowed: j.allowed.unwrap_or_default(),
            types: j.types.clone(),
            open: j.open,
            cite: self.cite(&j.source, ptr, "the joint-applicant rule"),
        }
    }

    /// The compiled completion date; `None` when its date is unusable (the schema said why).
    pub(crate) fn completion(&mut self, c: &spec::Completion, ptr: &str) -> Option<model::Completion> {
        let cite = self.cite(&c.source, ptr, "completion date");
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

    /// The compiled quota; `None` when its kind or value is unusable.
    pub(crate) fn quota(&mut self, q: &spec::Quota, ptr: &str) -> Option<Cited<model::Quota>> {
        let cite = self.cite(&q.source, ptr, "quota");
        let kind = q.kind?;
        let value = match (kind, q.value) {
            (spec::QuotaKind::Unlimited, None) => 0,
            (spec::QuotaKind::Unlimited, Some(_)) => {
                self.error(
                    QUOTA,
                    tr!("an `unlimited` quota has a value", "`unlimited`（不限）名额不应有数值"),
                    &format!("{ptr}/value"),
                    tr!("remove this value", "请删除此数值"),
                );
                0
            }
            (_, Some(v)) => v,
            (_, None) if self.unusable(&format!("{ptr}/value")) => return None,
            (_, None) => {
                self.error(
                    QUOTA,
                    tr!("this quota needs a `value`", "该名额须填写 `value`"),
                    &format!("{ptr}/kind"),
                    tr!("no value", "缺少数值"),
                )
                .help = Some(tr!(
                    "write the number of projects, or `kind: unlimited` where the notice says 不限",
                    "请填写项目数；通知写明“不限”时用 `kind: unlimited`"
                ));
                0
            }
        };
        Some(Cited { value: model::Quota { kind, value, soft: q.soft, reserved: q.reserved, derived: None }, cite })
    }

    /// How the derived quota of `cats[me]` follows from the `enclosing` quota less its
    /// siblings' quotas; reports a quota that does not add up or cannot be derived.
    fn derive(
        &mut self,
        cats_ptr: &str,
        enclosing: Option<&Cited<model::Quota>>,
        cats: &[spec::Category],
        me: usize,
    ) -> Option<model::Derived> {
        let ptr = &format!("{cats_ptr}/{me}/quota");
        let value = cats[me].quota.as_ref().and_then(|q| q.value)?;
        let Some(total) = enclosing else {
            let f = self.error(
                QUOTA,
                tr!("a derived quota needs a quota to derive from", "推算的名额须有可据以推算的上级名额"),
                &format!("{ptr}/derived"),
                tr!("derived from nothing", "无从推算"),
            );
            f.help = Some(tr!(
                "give the group (or the call) its quota, or state this quota as the notice does",
                "请为上级类别（或整个通知）设名额，或按通知原文写明本名额"
            ));
            return None;
        };
        let mut others = Vec::new();
        for (j, sib) in cats.iter().enumerate().filter(|(j, _)| *j != me) {
            let stated = sib.quota.as_ref().filter(|q| !q.derived && !q.soft && q.kind.is_some_and(|k| k != spec::QuotaKind::Unlimited));
            match stated.and_then(|q| q.value.map(|v| (v, &q.source))) {
                Some((v, source)) => others.push(Cited { value: v, cite: self.clause_cite(source) }),
                None => {
                    let id = sib.id.clone().unwrap_or_default();
                    let at = self.doc.spans().anchor(&format!("{cats_ptr}/{j}"));
                    let f = self.error(
                        QUOTA,
                        tr!(
                            "the quota cannot be derived: `{id}` beside it has no stated quota",
                            "名额无法推算：同级的 `{id}` 没有写明的名额"
                        ),
                        &format!("{ptr}/derived"),
                        tr!("derived", "推算"),
                    );
                    f.labels.push(crate::diagnostics::Label { span: at, text: tr!("no quota", "无名额"), primary: false });
                    f.help = Some(tr!(
                        "a derived quota is the group's quota less every other category's: give `{id}` its quota, or state this one",
                        "推算名额＝上级名额减去其他各类别名额：请为 `{id}` 设名额，或写明本名额"
                    ));
                    return None;
                }
            }
        }
        let sum: u64 = others.iter().map(|c| u64::from(c.value)).sum();
        let parts: Vec<String> = std::iter::once(total.value.value.to_string()).chain(others.iter().map(|c| c.value.to_string())).collect();
        let formula = parts.join(" − ");
        let expected = u64::from(total.value.value).checked_sub(sum);
        if expected != Some(u64::from(value)) {
            let shown = expected.map_or_else(|| "less than 0".to_owned(), |e| e.to_string());
            let shown_zh = expected.map_or_else(|| "小于 0".to_owned(), |e| e.to_string());
            let f = self.error(
                QUOTA,
                tr!("derived quota {value} is not {formula} = {shown}", "推算名额 {value} 不等于 {formula} = {shown_zh}"),
                &format!("{ptr}/value"),
                tr!("derived", "推算"),
            );
            f.help = Some(tr!(
                "write the difference, or check the quotas it is derived from against the notice",
                "请写明差值，或对照通知核对据以推算的名额"
            ));
        }
        Some(model::Derived { total: Cited { value: total.value.value, cite: total.cite.clone() }, others })
    }

    /// The citation of a clause, without reporting anything (the rule citing it reports).
    fn clause_cite(&self, source: &Option<String>) -> Citation {
        source
            .as_ref()
            .and_then(|id| self.clauses.get(id))
            .map(|c| Citation {
                document: self.document.clone(),
                section: c.section.clone().unwrap_or_default(),
                text: c.text.clone().unwrap_or_default(),
            })
            .unwrap_or_default()
    }

    /// The quotas of `cats` may not add up to more than `limit`.
    fn quota_sum(&mut self, limit: model::Quota, ptr: &str, cats: &[spec::Category], cats_ptr: &str) {
        if limit.soft || limit.kind == spec::QuotaKind::Unlimited {
            return;
        }
        let counted: Vec<(usize, u32)> = cats
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.quota
                    .as_ref()
                    .filter(|q| !q.soft && q.kind.is_some_and(|k| k != spec::QuotaKind::Unlimited))
                    .and_then(|q| Some((i, q.value?)))
            })
            .collect();
        // In u64: quotas are u32, and two near u32::MAX overflowed (a panic in debug builds, a
        // wrapped sum that passed the check in release builds).
        let sum: u64 = counted.iter().map(|(_, v)| u64::from(*v)).sum();
        if sum > u64::from(limit.value) {
            let parts: Vec<String> = counted.iter().map(|(_, v)| v.to_string()).collect();
            let spans: Vec<_> = counted
                .iter()
                .map(|(i, _)| {
                    let derived = cats[*i].quota.as_ref().is_some_and(|q| q.derived);
                    let text = if derived {
                        tr!("counted here (derived)", "计入此处（推算）")
                    } else {
                        tr!("counted here", "计入此处")
                    };
                    (self.doc.spans().value(&format!("{cats_ptr}/{i}/quota/value")), text)
                })
                .collect();
            let f = self.error(
                QUOTA,
                tr!(
                    "the quotas below add up to {sum} ({}), more than {}",
                    "下级名额合计 {sum}（{}），超过 {}",
                    parts.join(" + "),
                    limit.value
                ),
                &format!("{ptr}/value"),
                tr!("the limit", "名额上限"),
            );
            for (span, text) in spans {
                f.labels.push(crate::diagnostics::Label { span, text, primary: false });
            }
            f.help = Some(tr!(
                "lower the sub-category quotas or check the group's quota against the notice",
                "请降低下级类别名额，或对照通知核对上级名额"
            ));
        }
    }

    pub(crate) fn paths(&mut self, given: &[String], ptr: &str, known: &[String]) {
        for (i, p) in given.iter().enumerate() {
            if self.categories_complete && !self.unusable(&format!("{ptr}/{i}")) && !known.contains(p) {
                let near = suggest(p, known.iter().map(String::as_str)).map(str::to_owned);
                let f = self.error(
                    UNKNOWN_REF,
                    tr!("`{p}` is not a category path of this spec", "`{p}` 不是本规范文件中的类别路径"),
                    &format!("{ptr}/{i}"),
                    tr!("unknown category", "未知类别"),
                );
                f.help = Some(match near {
                    Some(n) => tr!("did you mean `{n}`? paths join ids with `/`", "是否应为 `{n}`？路径用 `/` 连接各级编号"),
                    None => tr!(
                        "paths join category ids with `/`, e.g. `major/startup-growth`",
                        "路径用 `/` 连接各级类别编号，如 `major/startup-growth`"
                    ),
                });
            }
        }
    }

    fn categories(
        &mut self,
        cats: &[spec::Category],
        ptr: &str,
        parent: &Inherited,
        path: &mut Vec<String>,
        names: &mut Vec<String>,
        out: &mut Vec<model::Category>,
    ) {
        self.duplicates(cats.iter().enumerate().map(|(i, c)| (c.id.as_deref(), format!("{ptr}/{i}/id"))), "category");
        for (i, c) in cats.iter().enumerate() {
            let p = format!("{ptr}/{i}");
            if c.id.is_none() || self.unusable(&format!("{p}/children")) {
                self.categories_complete = false;
            }
            path.push(c.id.clone().unwrap_or_default());
            names.push(c.name.clone().unwrap_or_default());
            let cite = c.source.as_ref().map(|_| self.cite(&c.source, &p, "category"));
            let mut inh = Inherited {
                amount: c
                    .amount
                    .as_ref()
                    .and_then(|a| crate::kinds::amount::compile(self, a, &format!("{p}/amount")))
                    .or_else(|| parent.amount.clone()),
                tranches: c.tranches.as_ref().map(|t| self.tranches(t, &format!("{p}/tranches"))).or_else(|| parent.tranches.clone()),
                leads: c.leads.as_ref().map(|l| self.leads(l, &format!("{p}/leads"))).or_else(|| parent.leads.clone()),
                joint: c.joint.as_ref().map(|j| self.joint(j, &format!("{p}/joint"))).or_else(|| parent.joint.clone()),
                team: c.team.as_ref().map(|t| self.team(t, &format!("{p}/team"))).or_else(|| parent.team.clone()),
                completion: match &c.completion {
                    // A category with no completion date of its own inherits none.
                    Some(x) if x.none => {
                        self.cite(&x.source, &format!("{p}/completion"), "completion date");
                        None
                    }
                    Some(x) => self.completion(x, &format!("{p}/completion")).or_else(|| parent.completion.clone()),
                    None => parent.completion.clone(),
                },
                window: c
                    .window
                    .as_ref()
                    .and_then(|w| crate::kinds::period::window(self, w, &format!("{p}/window")))
                    .or_else(|| parent.window.clone()),
                duration: c
                    .duration
                    .as_ref()
                    .and_then(|d| crate::kinds::period::duration(self, d, &format!("{p}/duration")))
                    .or_else(|| parent.duration.clone()),
                min_applicants: c
                    .min_applicants
                    .as_ref()
                    .and_then(|m| {
                        let cite = self.cite(&m.source, &format!("{p}/min_applicants"), "minimum number of applicants");
                        Some(Cited { value: m.value?, cite })
                    })
                    .or_else(|| parent.min_applicants.clone()),
                pilot: None,
                quota: None,
                implements: parent.implements.iter().chain(&c.implements).cloned().collect(),
                partners: parent.partners.clone(),
                letters: parent.letters.clone(),
                kpis: parent.kpis.clone(),
                deliverables: parent.deliverables.clone(),
            };
            for (j, x) in c.partners.iter().enumerate() {
                let pp = format!("{p}/partners/{j}");
                let types = x.types.clone().unwrap_or_default();
                self.applicant_types(&types, &format!("{pp}/types"));
                let cite = self.cite(&x.source, &pp, "required partner");
                let when = x.when.as_ref().and_then(|w| self.expression(w, &format!("{pp}/when")));
                inh.partners.push((
                    pp.clone(),
                    model::Partner {
                        id: x.id.clone().unwrap_or_default(),
                        name: x.name.clone().unwrap_or_default(),
                        types,
                        min: x.min,
                        role: x.role,
                        when,
                        cite,
                    },
                ));
            }
            for (j, x) in c.letters.iter().enumerate() {
                let pp = format!("{p}/letters/{j}");
                let cite = self.cite(&x.source, &pp, "recommendation letter");
                let (id, name, issuer) =
                    (x.id.clone().unwrap_or_default(), x.name.clone().unwrap_or_default(), x.issuer.clone().unwrap_or_default());
                let when = x.when.as_ref().and_then(|w| self.expression(w, &format!("{pp}/when")));
                inh.letters.push((pp, model::Letter { id, name, issuer, when, cite }));
            }
            for (j, k) in c.kpis.iter().enumerate() {
                let pp = format!("{p}/kpis/{j}");
                let kpi = self.kpi(k, &pp);
                inh.kpis.push((pp, kpi));
            }
            for (j, d) in c.deliverables.iter().enumerate() {
                let pp = format!("{p}/deliverables/{j}");
                self.min_max(d.min_chars, d.max_chars, &pp, "min_chars", "max_chars");
                let cite = self.cite(&d.source, &pp, "deliverable");
                inh.deliverables.push((
                    pp,
                    model::Deliverable {
                        id: d.id.clone().unwrap_or_default(),
                        name: d.name.clone().unwrap_or_default(),
                        count: d.count,
                        min_chars: d.min_chars,
                        max_chars: d.max_chars,
                        nominal_chars: d.nominal_chars,
                        cite,
                    },
                ));
            }
            let quota = c.quota.as_ref().and_then(|q| {
                let mut quota = self.quota(q, &format!("{p}/quota"))?;
                if q.derived {
                    quota.value.derived = self.derive(ptr, parent.quota.as_ref(), cats, i);
                }
                Some(quota)
            });
            let pilot = match &c.pilot {
                Some(rule) => {
                    let pp = format!("{p}/pilot");
                    let list = rule.list.clone().unwrap_or_default();
                    let lists_known = !self.unusable("/references")
                        && (0..self.spec.references.len()).all(|i| !self.unusable(&format!("/references/{i}/id")));
                    if rule.list.is_some() && lists_known && !self.spec.references.iter().any(|r| r.id.as_deref() == Some(list.as_str())) {
                        let near = suggest(&list, self.spec.references.iter().filter_map(|r| r.id.as_deref())).map(str::to_owned);
                        let f = self.error(
                            UNKNOWN_REF,
                            tr!("`{list}` is not a reference list of this spec", "`{list}` 不是本规范文件中的名单"),
                            &format!("{pp}/list"),
                            tr!("unknown list", "未知名单"),
                        );
                        f.help = Some(near.map_or_else(
                            || tr!("define it under `references:`", "请在 `references:` 下定义"),
                            |n| tr!("did you mean `{n}`?", "是否应为 `{n}`？"),
                        ));
                    }
                    Some(Cited { value: list, cite: self.cite(&rule.source, &pp, "pilot-city rule") })
                }
                None => parent.pilot.clone(),
            };
            inh.pilot = pilot.clone();
            if let Some(q) = &quota {
                self.quota_sum(q.value.clone(), &format!("{p}/quota"), &c.children, &format!("{p}/children"));
            }
            let leaf = c.children.is_empty();
            if leaf {
                self.duplicates(inh.partners.iter().map(|(pp, x)| (Some(x.id.as_str()), format!("{pp}/id"))), "partner");
                self.duplicates(inh.letters.iter().map(|(pp, x)| (Some(x.id.as_str()), format!("{pp}/id"))), "letter");
                self.duplicates(
                    inh.kpis
                        .iter()
                        .flat_map(|(pp, k)| kpi_ids(k, pp))
                        .collect::<Vec<_>>()
                        .iter()
                        .map(|(id, pp)| (Some(id.as_str()), pp.clone())),
                    "KPI",
                );
                self.duplicates(inh.deliverables.iter().map(|(pp, x)| (Some(x.id.as_str()), format!("{pp}/id"))), "deliverable");
            }
            out.push(model::Category {
                path: path.join("/"),
                names: names.clone(),
                code: c.code.clone(),
                leaf,
                cite,
                amount: inh.amount.as_ref().map_or(model::Amount::Unstated(None), |(a, _)| a.clone()),
                paid_after: inh.amount.as_ref().is_some_and(|(_, after)| *after),
                quota: quota.clone(),
                min_applicants: inh.min_applicants.clone(),
                tranches: inh.tranches.clone().unwrap_or_default(),
                leads: inh.leads.clone(),
                joint: inh.joint.clone(),
                partners: inh.partners.iter().map(|(_, x)| x.clone()).collect(),
                letters: inh.letters.iter().map(|(_, x)| x.clone()).collect(),
                kpis: inh.kpis.iter().map(|(_, x)| x.clone()).collect(),
                deliverables: inh.deliverables.iter().map(|(_, x)| x.clone()).collect(),
                team: inh.team.clone(),
                completion: inh.completion.clone(),
                window: inh.window.clone(),
                duration: inh.duration.clone(),
                pilot,
                implements: inh.implements.clone(),
            });
            let inh = Inherited { quota: quota.clone(), ..inh };
            self.categories(&c.children, &format!("{p}/children"), &inh, path, names, out);
            path.pop();
            names.pop();
        }
    }

    fn tranches(&mut self, ts: &[spec::Tranche], ptr: &str) -> Vec<model::Tranche> {
        let mut out = Vec::new();
        let mut sum = Decimal::ZERO;
        let mut remainder = false;
        // A share or flag that could not be read leaves the sum unknown: nothing is said of it.
        let readable = !self.unusable(ptr)
            && (0..ts.len()).all(|i| !self.unusable(&format!("{ptr}/{i}/share")) && !self.unusable(&format!("{ptr}/{i}/remainder")));
        for (i, t) in ts.iter().enumerate() {
            let p = format!("{ptr}/{i}");
            let cite = self.cite(&t.source, &p, "payment tranche");
            match (t.share, t.remainder) {
                _ if !readable => {}
                (Some(_), true) => {
                    self.error(
                        TRANCHES,
                        tr!("a tranche is both a share and the remainder", "同一笔拨款既有比例又标为余额"),
                        &format!("{p}/share"),
                        tr!("remove the share or `remainder`", "请删除比例或 `remainder`"),
                    );
                }
                (None, false) => {
                    self.error(
                        TRANCHES,
                        tr!("a tranche has neither a share nor `remainder: true`", "拨款既无比例也未标 `remainder: true`"),
                        &p,
                        tr!("no share", "缺少比例"),
                    );
                }
                (None, true) if i + 1 != ts.len() => {
                    self.error(
                        TRANCHES,
                        tr!("only the last tranche may be the remainder", "只有最后一笔拨款可以是余额"),
                        &format!("{p}/remainder"),
                        tr!("not the last tranche", "不是最后一笔"),
                    );
                }
                _ => {}
            }
            if let Some(s) = t.share {
                sum += s.0;
            }
            remainder |= t.remainder;
            let when = t.when.clone().unwrap_or_default();
            out.push(model::Tranche { share: if t.remainder { None } else { t.share }, soft: t.soft, when, cite });
        }
        let hundred = Decimal::from(100);
        let shares: Vec<String> = ts.iter().filter_map(|t| t.share.map(|s| s.to_string())).collect();
        let key_span = self.doc.spans().key(ptr);
        if !readable {
        } else if !remainder && sum != hundred {
            let f = self.error(
                TRANCHES,
                tr!(
                    "tranche shares add up to {}% ({}), not 100%",
                    "各笔拨款比例合计 {}%（{}），不是 100%",
                    sum.normalize(),
                    shares.join(" + ")
                ),
                ptr,
                tr!("these tranches", "这些拨款"),
            );
            f.labels[0].span = key_span;
            f.help = Some(tr!(
                "make the shares add up to 100, or mark the last tranche `remainder: true`",
                "请使比例合计为 100，或将最后一笔标为 `remainder: true`"
            ));
        } else if remainder && sum >= hundred {
            let f = self.error(
                TRANCHES,
                tr!("tranche shares already add up to {}% before the remainder", "余额之前的拨款比例已合计 {}%", sum.normalize()),
                ptr,
                tr!("these tranches", "这些拨款"),
            );
            f.labels[0].span = key_span;
            f.help = Some(tr!(
                "a remainder tranche needs the other shares to add up to less than 100",
                "有余额拨款时，其他各笔比例合计须小于 100"
            ));
        }
        out
    }

    fn team(&mut self, t: &spec::Team, ptr: &str) -> model::Team {
        model::Team {
            min_members: t.min_members,
            leader_titles: t.leader_titles.clone(),
            cite: self.cite(&t.source, ptr, "team requirement"),
        }
    }

    fn kpi(&mut self, k: &spec::Kpi, ptr: &str) -> model::Kpi {
        let cite = self.cite(&k.source, ptr, "KPI");
        let id = k.id.as_deref().unwrap_or_default();
        self.min_max(k.min, k.max, ptr, "min", "max");
        let options: Vec<model::Kpi> = k.options.iter().enumerate().map(|(i, o)| self.kpi(o, &format!("{ptr}/options/{i}"))).collect();
        if !options.is_empty() {
            if k.min.is_some() || k.max.is_some() {
                let at = if k.min.is_some() { "min" } else { "max" };
                let f = self.error(
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
                self.error(
                    KPI_CHOICE,
                    tr!("KPI `{}` needs {n} of {} options", "绩效指标 `{}` 要求 {} 个备选项中达到 {n} 个", id, options.len()),
                    &format!("{ptr}/at_least"),
                    tr!("cannot be met", "无法满足"),
                );
            }
        } else if k.at_least.is_some() {
            self.error(
                KPI_CHOICE,
                tr!("KPI `{}` has `at_least` but no `options`", "绩效指标 `{}` 有 `at_least` 但没有 `options`", id),
                &format!("{ptr}/at_least"),
                tr!("nothing to choose from", "无可选项"),
            );
        }
        model::Kpi {
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

    pub(crate) fn min_max(&mut self, min: Option<u32>, max: Option<u32>, ptr: &str, min_key: &str, max_key: &str) {
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            let bs = self.doc.spans().value(&format!("{ptr}/{max_key}"));
            let f = self.error(
                MIN_MAX,
                tr!("`{min_key}` {a} is above `{max_key}` {b}", "`{min_key}` {a} 大于 `{max_key}` {b}"),
                &format!("{ptr}/{min_key}"),
                tr!("minimum", "下限"),
            );
            f.labels.push(crate::diagnostics::Label { span: bs, text: tr!("maximum", "上限"), primary: false });
        }
    }

    /// The compiled deadline; `None` when its channel or closing time is unusable.
    /// The closing moment of a deadline: its own, or that of the deadline it closes `with`.
    fn closes(&mut self, d: &spec::Deadline, ptr: &str) -> Option<crate::values::When> {
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

    fn deadline(&mut self, d: &spec::Deadline, ptr: &str, paths: &[String]) -> Option<model::Deadline> {
        let issued = self.spec.meta().issued;
        let cite = self.cite(&d.source, ptr, "deadline");
        self.paths(&d.categories, &format!("{ptr}/categories"), paths);
        let id = d.id.clone().unwrap_or_default();
        let extensions: Vec<_> = d
            .extensions
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let p = format!("{ptr}/extensions/{i}");
                let cite = self.cite(&e.source, &p, "deadline extension");
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

    fn form(&mut self, f: &spec::Form) -> model::Form {
        let known: Vec<&str> = crate::application::TEXT_FIELDS.iter().map(|(p, _)| *p).collect();
        let text_limits = f
            .text_limits
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = format!("/form/text_limits/{i}");
                let field = t.field.clone().unwrap_or_default();
                if t.field.is_some() && !known.contains(&field.as_str()) {
                    let near = suggest(&field, known.iter().copied()).map(str::to_owned);
                    let fnd = self.error(
                        UNKNOWN_FIELD,
                        tr!("`{field}` is not a text field of the application format", "`{field}` 不是申报书格式中的文本字段"),
                        &format!("{p}/field"),
                        tr!("unknown field", "未知字段"),
                    );
                    let known = known.join(", ");
                    fnd.help = Some(match near {
                        Some(n) => tr!("did you mean `{n}`? text fields: {known}", "是否应为 `{n}`？文本字段：{known}"),
                        None => tr!("text fields: {known}", "文本字段：{known}"),
                    });
                }
                let bound_unusable = self.unusable(&format!("{p}/min_chars")) || self.unusable(&format!("{p}/max_chars"));
                if t.min_chars.is_none() && t.max_chars.is_none() && !bound_unusable {
                    self.error(
                        MIN_MAX,
                        tr!(
                            "text limit on `{field}` has neither `min_chars` nor `max_chars`",
                            "`{field}` 的字数限制既无 `min_chars` 也无 `max_chars`"
                        ),
                        &p,
                        tr!("no bound", "缺少界限"),
                    );
                }
                self.min_max(t.min_chars, t.max_chars, &p, "min_chars", "max_chars");
                model::TextLimit { field, min_chars: t.min_chars, max_chars: t.max_chars, cite: self.cite(&t.source, &p, "text limit") }
            })
            .collect();
        let budget = f
            .budget
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let cite = self.cite(&b.source, &format!("/form/budget/{i}"), "budget rule");
                Some(Cited { value: b.rule?, cite })
            })
            .collect();
        let line_caps = crate::kinds::budget::line_caps(self, &f.line_caps);
        model::Form {
            text_limits,
            budget,
            line_caps,
            identifier: f.identifier.as_ref().and_then(|x| {
                let cite = self.cite(&x.source, "/form/identifier", "identifier rule");
                Some(Cited { value: x.kind?, cite })
            }),
            one_project_per_form: f
                .one_project_per_form
                .as_ref()
                .map(|x| self.cite(&x.source, "/form/one_project_per_form", "one-project-per-form rule")),
            category_scope: f.category_scope.as_ref().map(|x| self.cite(&x.source, "/form/category_scope", "category-scope rule")),
            unique_projects: f.unique_projects.as_ref().map(|x| self.cite(&x.source, "/form/unique_projects", "unique-projects rule")),
        }
    }
}

/// Settings that flow from a group to everything under it. Lists accumulate with the JSON
/// pointer of each item, for duplicate reports.
#[derive(Default, Clone)]
struct Inherited {
    /// The amount and whether it is paid after the event.
    amount: Option<(model::Amount, bool)>,
    tranches: Option<Vec<model::Tranche>>,
    leads: Option<Cited<Vec<String>>>,
    joint: Option<model::Joint>,
    team: Option<model::Team>,
    completion: Option<model::Completion>,
    window: Option<crate::kinds::period::Window>,
    duration: Option<crate::kinds::period::Duration>,
    min_applicants: Option<Cited<u32>>,
    pilot: Option<Cited<String>>,
    /// The quota of the group the categories are in (the call's at the top), which a derived
    /// quota is derived from; not inherited further down.
    quota: Option<Cited<model::Quota>>,
    partners: Vec<(String, model::Partner)>,
    letters: Vec<(String, model::Letter)>,
    kpis: Vec<(String, model::Kpi)>,
    deliverables: Vec<(String, model::Deliverable)>,
    /// The plan priorities the group implements.
    implements: Vec<String>,
}

/// Every text in a value (what a pruned part may have cited).
fn strings(v: &serde_json::Value, out: &mut HashSet<String>) {
    match v {
        serde_json::Value::String(s) => {
            out.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(map) => map.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// A KPI's id and its options' ids, with their pointers.
fn kpi_ids(k: &model::Kpi, ptr: &str) -> Vec<(String, String)> {
    let mut out = vec![(k.id.clone(), format!("{ptr}/id"))];
    for (i, o) in k.options.iter().enumerate() {
        out.extend(kpi_ids(o, &format!("{ptr}/options/{i}")));
    }
    out
}

/// What a spec item is called in Chinese messages (the English names given to `cite` and
/// `duplicates`); an unknown name is kept as it is.
fn what_zh(what: &str) -> &str {
    match what {
        "priority" => "重点任务",
        "the individuals rule" => "个人申报规则",
        "exclusion" => "限制情形",
        "limit" => "限项规则",
        "deadline" => "截止事项",
        "preference" => "优先支持条款",
        "commitment" => "承诺事项",
        "reference list" => "名单",
        "reference entry" => "名单条目",
        "the lead-applicant rule" => "申报主体规则",
        "the joint-applicant rule" => "联合申报规则",
        "completion date" => "完成期限",
        "execution window" => "执行时间",
        "project length" => "项目周期",
        "quota" => "名额",
        "category" => "类别",
        "minimum number of applicants" => "最少申报单位数",
        "required partner" => "必需的合作单位",
        "recommendation letter" => "推荐函",
        "deliverable" => "成果",
        "pilot-city rule" => "试点城市规则",
        "amount" => "资助额度",
        "grade" => "等级",
        "field" => "申报书字段",
        "check" => "检查项",
        "payment tranche" => "拨款",
        "team requirement" => "团队要求",
        "KPI" => "绩效指标",
        "deadline extension" => "截止延期",
        "text limit" => "字数限制",
        "budget rule" => "预算规则",
        "identifier rule" => "单位代码规则",
        "one-project-per-form rule" => "一书一项规则",
        "category-scope rule" => "申报类别范围规则",
        "unique-projects rule" => "不得重复申报规则",
        "partner" => "合作单位",
        "letter" => "函件",
        "the amendment's effect" => "补充通知的施行规定",
        "category withdrawal" => "取消类别",
        other => other,
    }
}
