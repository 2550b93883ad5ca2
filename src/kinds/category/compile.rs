//! Compiling the category tree: each node's own settings and what it inherits from its groups
//! (the call's at the top); quotas (derived ones, and sums against the quota above), payment
//! tranches, KPIs, the team, partners, letters, deliverables, the pilot rule, each compiled by
//! its kind; the form's rules on the category.

use super::spec;
use crate::compile::Cx;
use crate::compile::codes::*;
use crate::diagnostics::Citation;
use crate::model::{self, Cited};
use crate::tr;

/// The category tree (`categories:`) under the call's `quota:` and what the call sets for every
/// category (leads, joint applicants, completion, window, duration): the call's quota and every
/// node, parents before children, in document order.
pub(crate) fn tree(cx: &mut Cx) -> (Option<Cited<model::Quota>>, Vec<model::Category>) {
    let spec = cx.spec();
    let meta = spec.meta();
    let root = Inherited {
        leads: spec.eligibility.leads.as_ref().map(|l| crate::kinds::eligibility::leads(cx, l, "/eligibility/leads")),
        joint: spec.eligibility.joint.as_ref().map(|j| crate::kinds::eligibility::joint(cx, j, "/eligibility/joint")),
        completion: meta.completion.as_ref().and_then(|c| crate::kinds::period::completion(cx, c, "/call/completion")),
        window: meta.window.as_ref().and_then(|w| crate::kinds::period::window(cx, w, "/call/window")),
        duration: meta.duration.as_ref().and_then(|d| crate::kinds::period::duration(cx, d, "/call/duration")),
        ..Inherited::default()
    };
    let quota = spec.quota.as_ref().and_then(|q| quota(cx, q, "/quota"));
    let mut categories = Vec::new();
    if cx.unusable("/categories") {
        cx.categories_incomplete();
    }
    let root = Inherited { quota: quota.clone(), ..root };
    walk(cx, spec.categories(), "/categories", &root, &mut Vec::new(), &mut Vec::new(), &mut categories);
    if let Some(q) = &quota {
        quota_sum(cx, q.value.clone(), "/quota", spec.categories(), "/categories");
    }
    (quota, categories)
}

/// The form's rules on the category (`form:`): one project per form, the call's scope, each
/// project once; the form's other rules are left to their kinds.
pub(crate) fn form_rules(cx: &mut Cx, f: &crate::spec::Form) -> model::Form {
    let mut rule = |x: &Option<crate::spec::Sourced>, key: &str, what| -> Option<Citation> {
        x.as_ref().map(|x| cx.cite(&x.source, &format!("/form/{key}"), what))
    };
    model::Form {
        one_project_per_form: rule(&f.one_project_per_form, "one_project_per_form", tr!("one-project-per-form rule", "一书一项规则")),
        category_scope: rule(&f.category_scope, "category_scope", tr!("category-scope rule", "申报类别范围规则")),
        unique_projects: rule(&f.unique_projects, "unique_projects", tr!("unique-projects rule", "不得重复申报规则")),
        ..model::Form::default()
    }
}

/// The compiled quota; `None` when its kind or value is unusable.
pub(crate) fn quota(cx: &mut Cx, q: &spec::Quota, ptr: &str) -> Option<Cited<model::Quota>> {
    let cite = cx.cite(&q.source, ptr, tr!("quota", "名额"));
    let kind = q.kind?;
    let value = match (kind, q.value) {
        (spec::QuotaKind::Unlimited, None) => 0,
        (spec::QuotaKind::Unlimited, Some(_)) => {
            cx.error(
                QUOTA,
                tr!("an `unlimited` quota has a value", "`unlimited`（不限）名额不应有数值"),
                &format!("{ptr}/value"),
                tr!("remove this value", "请删除此数值"),
            );
            0
        }
        (_, Some(v)) => v,
        (_, None) if cx.unusable(&format!("{ptr}/value")) => return None,
        (_, None) => {
            cx.error(
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
    cx: &mut Cx,
    cats_ptr: &str,
    enclosing: Option<&Cited<model::Quota>>,
    cats: &[spec::Category],
    me: usize,
) -> Option<model::Derived> {
    let ptr = &format!("{cats_ptr}/{me}/quota");
    let value = cats[me].quota.as_ref().and_then(|q| q.value)?;
    let Some(total) = enclosing else {
        let f = cx.error(
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
            Some((v, source)) => others.push(Cited { value: v, cite: cx.clause_cite(source) }),
            None => {
                let id = sib.id.clone().unwrap_or_default();
                let at = cx.doc().spans().anchor(&format!("{cats_ptr}/{j}"));
                let f = cx.error(
                    QUOTA,
                    tr!("the quota cannot be derived: `{id}` beside it has no stated quota", "名额无法推算：同级的 `{id}` 没有写明的名额"),
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
        let f = cx.error(
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

/// The quotas of `cats` may not add up to more than `limit`.
fn quota_sum(cx: &mut Cx, limit: model::Quota, ptr: &str, cats: &[spec::Category], cats_ptr: &str) {
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
                let text =
                    if derived { tr!("counted here (derived)", "计入此处（推算）") } else { tr!("counted here", "计入此处") };
                (cx.doc().spans().value(&format!("{cats_ptr}/{i}/quota/value")), text)
            })
            .collect();
        let f = cx.error(
            QUOTA,
            tr!("the quotas below add up to {sum} ({}), more than {}", "下级名额合计 {sum}（{}），超过 {}", parts.join(" + "), limit.value),
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

fn walk(
    cx: &mut Cx,
    cats: &[spec::Category],
    ptr: &str,
    parent: &Inherited,
    path: &mut Vec<String>,
    names: &mut Vec<String>,
    out: &mut Vec<model::Category>,
) {
    cx.duplicates(cats.iter().enumerate().map(|(i, c)| (c.id.as_deref(), format!("{ptr}/{i}/id"))), tr!("category", "类别"));
    for (i, c) in cats.iter().enumerate() {
        let p = format!("{ptr}/{i}");
        if c.id.is_none() || cx.unusable(&format!("{p}/children")) {
            cx.categories_incomplete();
        }
        path.push(c.id.clone().unwrap_or_default());
        names.push(c.name.clone().unwrap_or_default());
        let cite = c.source.as_ref().map(|_| cx.cite(&c.source, &p, tr!("category", "类别")));
        let mut inh = Inherited {
            amount: c
                .amount
                .as_ref()
                .and_then(|a| crate::kinds::amount::compile(cx, a, &format!("{p}/amount")))
                .or_else(|| parent.amount.clone()),
            tranches: c
                .tranches
                .as_ref()
                .map(|t| crate::kinds::amount::tranches(cx, t, &format!("{p}/tranches")))
                .or_else(|| parent.tranches.clone()),
            leads: c
                .leads
                .as_ref()
                .map(|l| crate::kinds::eligibility::leads(cx, l, &format!("{p}/leads")))
                .or_else(|| parent.leads.clone()),
            joint: c
                .joint
                .as_ref()
                .map(|j| crate::kinds::eligibility::joint(cx, j, &format!("{p}/joint")))
                .or_else(|| parent.joint.clone()),
            team: c.team.as_ref().map(|t| crate::kinds::team::compile(cx, t, &format!("{p}/team"))).or_else(|| parent.team.clone()),
            completion: match &c.completion {
                // A category with no completion date of its own inherits none.
                Some(x) if x.none => {
                    cx.cite(&x.source, &format!("{p}/completion"), tr!("completion date", "完成期限"));
                    None
                }
                Some(x) => crate::kinds::period::completion(cx, x, &format!("{p}/completion")).or_else(|| parent.completion.clone()),
                None => parent.completion.clone(),
            },
            window: c
                .window
                .as_ref()
                .and_then(|w| crate::kinds::period::window(cx, w, &format!("{p}/window")))
                .or_else(|| parent.window.clone()),
            duration: c
                .duration
                .as_ref()
                .and_then(|d| crate::kinds::period::duration(cx, d, &format!("{p}/duration")))
                .or_else(|| parent.duration.clone()),
            min_applicants: c
                .min_applicants
                .as_ref()
                .and_then(|m| {
                    let cite = cx.cite(&m.source, &format!("{p}/min_applicants"), tr!("minimum number of applicants", "最少申报单位数"));
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
            let partner = crate::kinds::partner::compile(cx, x, &pp);
            inh.partners.push((pp, partner));
        }
        for (j, x) in c.letters.iter().enumerate() {
            let pp = format!("{p}/letters/{j}");
            let letter = crate::kinds::letter::compile(cx, x, &pp);
            inh.letters.push((pp, letter));
        }
        for (j, k) in c.kpis.iter().enumerate() {
            let pp = format!("{p}/kpis/{j}");
            let kpi = crate::kinds::kpi::compile(cx, k, &pp);
            inh.kpis.push((pp, kpi));
        }
        for (j, d) in c.deliverables.iter().enumerate() {
            let pp = format!("{p}/deliverables/{j}");
            let deliverable = crate::kinds::deliverable::compile(cx, d, &pp);
            inh.deliverables.push((pp, deliverable));
        }
        let quota = c.quota.as_ref().and_then(|q| {
            let mut quota = quota(cx, q, &format!("{p}/quota"))?;
            if q.derived {
                quota.value.derived = derive(cx, ptr, parent.quota.as_ref(), cats, i);
            }
            Some(quota)
        });
        let pilot = match &c.pilot {
            Some(rule) => Some(crate::kinds::pilot::pilot(cx, rule, &format!("{p}/pilot"))),
            None => parent.pilot.clone(),
        };
        inh.pilot = pilot.clone();
        if let Some(q) = &quota {
            quota_sum(cx, q.value.clone(), &format!("{p}/quota"), &c.children, &format!("{p}/children"));
        }
        let leaf = c.children.is_empty();
        if leaf {
            cx.duplicates(inh.partners.iter().map(|(pp, x)| (Some(x.id.as_str()), format!("{pp}/id"))), tr!("partner", "合作单位"));
            cx.duplicates(inh.letters.iter().map(|(pp, x)| (Some(x.id.as_str()), format!("{pp}/id"))), tr!("letter", "函件"));
            cx.duplicates(
                inh.kpis
                    .iter()
                    .flat_map(|(pp, k)| crate::kinds::kpi::ids(k, pp))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(|(id, pp)| (Some(id.as_str()), pp.clone())),
                tr!("KPI", "绩效指标"),
            );
            cx.duplicates(inh.deliverables.iter().map(|(pp, x)| (Some(x.id.as_str()), format!("{pp}/id"))), tr!("deliverable", "成果"));
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
        walk(cx, &c.children, &format!("{p}/children"), &inh, path, names, out);
        path.pop();
        names.pop();
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
