//! The compiler: a [`SpecFile`] (what the author wrote) becomes a [`Call`] (what rules use).
//!
//! It resolves every reference (clauses, applicant types, category paths), fills in inherited
//! settings down the category tree, and checks the spec's own consistency. It never stops at
//! the first problem: every finding is collected, each labelled on the offending value.
//!
//! Each requirement kind compiles its own part through [`Cx`] (`kinds/<kind>/compile.rs`);
//! here are what belongs to no kind: `refs.rs` (citing, duplicate ids, quotes, and
//! [`Cx::items`], the one way a list of spec items is compiled), `form.rs` (the form's rules,
//! gathered from their kinds), `plan.rs` (plan documents and a call's ties to its
//! plan); this file holds the entry points and the checks every part uses. The category tree,
//! with what each node inherits, is the `category` kind's (`kinds/category/compile.rs`).
//!
//! **Invariant:** a `Call` is returned only when no finding is an error.

pub mod codes;
mod form;
mod plan;
mod refs;

use std::collections::BTreeMap;

use chrono::FixedOffset;

use crate::diagnostics::{Citation, Finding};
use crate::document::Document;
use crate::model::{self, Call};
use crate::schema::{Unusable, suggest};
use crate::spec::{self, SpecFile};
use crate::tr;
use codes::*;

pub use plan::compile_plan;
use plan::ties;
pub(crate) use refs::{Item, Refs, spec_item};

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

impl<'a> Cx<'a> {
    /// The spec being compiled (for a supplementary notice, the spec it amends).
    pub(crate) fn spec(&self) -> &'a SpecFile {
        self.spec
    }

    /// A category's id (or the whole tree) was unusable: category paths named elsewhere are
    /// no longer called unknown.
    pub(crate) fn categories_incomplete(&mut self) {
        self.categories_complete = false;
    }

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
        let individuals = spec.eligibility.individuals.as_ref().and_then(|i| crate::kinds::eligibility::individuals(self, i));
        let (quota, categories) = crate::kinds::category::tree(self);
        let paths: Vec<String> = categories.iter().map(|c| c.path.clone()).collect();

        let exclusions = crate::kinds::exclusion::exclusions(self);
        let limits = crate::kinds::limit::limits(self, &paths);
        let deadlines = crate::kinds::deadline::deadlines(self, &paths);
        let form = self.form(&spec.form);
        let preferences = crate::kinds::preference::preferences(self, &paths);
        let commitments = crate::kinds::commitment::commitments(self, &paths);
        let references = crate::kinds::pilot::references(self);

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
}
