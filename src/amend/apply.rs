//! Applying one amendment's compiled changes to a version of the call. Pure: a call in, the
//! amended call out, with a [`Record`] of every change. A change whose target is not in this
//! version (added by an amendment this version leaves out) is skipped: [`super::compile`]
//! reported every missing target once, against the full sequence.

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::kinds::condition::Expr;
use crate::model::{Amount, Call, Cited, Completion, Exclusion, Quota};
use crate::tr;
use crate::values::When;

use super::{Part, Record, Target};

/// One compiled change, every value compiled and cited.
#[derive(Debug, Clone)]
pub(crate) enum Change {
    Closes {
        id: String,
        when: When,
        cite: Citation,
    },
    Opens {
        id: String,
        when: When,
        cite: Citation,
    },
    Address {
        id: String,
        address: String,
        cite: Citation,
    },
    RemoveDeadline {
        id: String,
        cite: Citation,
    },
    Amount {
        path: String,
        amount: Amount,
        paid_after: bool,
        cite: Citation,
    },
    /// `path` `None`: the call's total.
    Quota {
        path: Option<String>,
        quota: Cited<Quota>,
    },
    MinApplicants {
        path: String,
        value: Cited<u32>,
    },
    Leads {
        path: String,
        leads: Cited<Vec<String>>,
    },
    Completion {
        path: String,
        completion: Completion,
    },
    Kpi {
        path: String,
        id: String,
        min: Option<u32>,
        max: Option<u32>,
        cite: Citation,
    },
    RemoveCategory {
        path: String,
        cite: Citation,
    },
    AddExclusion(Exclusion),
    EditExclusion(ExclusionEdit),
    RemoveExclusion {
        id: String,
        cite: Citation,
    },
    TextLimit {
        field: String,
        min: Option<u32>,
        max: Option<u32>,
        cite: Citation,
    },
}

/// The parts of an exclusion an amendment rewrites.
#[derive(Debug, Clone)]
pub(crate) struct ExclusionEdit {
    pub id: String,
    pub text: Option<String>,
    pub summary: Option<bool>,
    pub applies_to: Option<Vec<String>>,
    pub soft: Option<bool>,
    pub when: Option<Expr>,
    pub cite: Citation,
}

impl Change {
    /// What the change addresses (two amendments in force from one moment may not both
    /// address one target).
    pub(crate) fn target(&self) -> Target {
        let deadline = |id: &String, part| Target::Deadline { id: id.clone(), part };
        let category = |path: &String, part| Target::Category { path: path.clone(), part };
        match self {
            Change::Closes { id, .. } => deadline(id, Part::Closes),
            Change::Opens { id, .. } => deadline(id, Part::Opens),
            Change::Address { id, .. } => deadline(id, Part::Address),
            Change::RemoveDeadline { id, .. } => deadline(id, Part::Whole),
            Change::Amount { path, .. } => category(path, Part::Amount),
            Change::Quota { path: None, .. } => Target::Quota,
            Change::Quota { path: Some(path), .. } => category(path, Part::Quota),
            Change::MinApplicants { path, .. } => category(path, Part::MinApplicants),
            Change::Leads { path, .. } => category(path, Part::Leads),
            Change::Completion { path, .. } => category(path, Part::Completion),
            Change::Kpi { path, id, .. } => category(path, Part::Kpi(id.clone())),
            Change::RemoveCategory { path, .. } => category(path, Part::Whole),
            Change::AddExclusion(e) => Target::Exclusion(e.id.clone()),
            Change::EditExclusion(e) => Target::Exclusion(e.id.clone()),
            Change::RemoveExclusion { id, .. } => Target::Exclusion(id.clone()),
            Change::TextLimit { field, .. } => Target::TextLimit(field.clone()),
        }
    }
}

/// Applies the changes of amendment `amendment`, recording each.
pub(crate) fn apply(mut call: Call, amendment: usize, changes: &[Change], records: &mut Vec<Record>) -> Call {
    let mut record = |target: Target, what: Text, old: Option<Text>, new: Option<Text>, replaced: Option<Citation>, cite: &Citation| {
        records.push(Record { amendment, target, what, old, new, replaced, cite: cite.clone() });
    };
    for change in changes {
        match change {
            Change::Closes { id, when, cite } | Change::Opens { id, when, cite } => {
                let closes = matches!(change, Change::Closes { .. });
                let Some(d) = call.deadlines.iter_mut().find(|d| &d.id == id) else { continue };
                let name = d.name.clone();
                let (what, part) = if closes {
                    (tr!("closing time of {name}", "{name}截止时间"), Part::Closes)
                } else {
                    (tr!("opening time of {name}", "{name}开始受理时间"), Part::Opens)
                };
                let old = if closes { Some(d.closes) } else { d.opens };
                if closes {
                    d.closes = *when;
                } else {
                    d.opens = Some(*when);
                }
                let replaced = std::mem::replace(&mut d.cite, cite.clone());
                record(
                    Target::Deadline { id: id.clone(), part: part.clone() },
                    what,
                    old.map(words),
                    Some(words(*when)),
                    Some(replaced),
                    cite,
                );
                if closes {
                    // Deadlines that close with this one move with it.
                    for d in call.deadlines.iter_mut().filter(|d| d.with.as_deref() == Some(id.as_str())) {
                        let old = std::mem::replace(&mut d.closes, *when);
                        let name = d.name.clone();
                        let what = tr!("closing time of {name} (with {id})", "{name}截止时间（随 {id}）");
                        let target = Target::Deadline { id: d.id.clone(), part: Part::Closes };
                        record(target, what, Some(words(old)), Some(words(*when)), Some(d.cite.clone()), cite);
                    }
                }
            }
            Change::Address { id, address, cite } => {
                let Some(d) = call.deadlines.iter_mut().find(|d| &d.id == id) else { continue };
                let name = d.name.clone();
                let old = d.address.replace(address.clone());
                let replaced = std::mem::replace(&mut d.cite, cite.clone());
                let what = tr!("address of {name}", "{name}地址");
                record(
                    Target::Deadline { id: id.clone(), part: Part::Address },
                    what,
                    old.map(Text::from),
                    Some(address.into()),
                    Some(replaced),
                    cite,
                );
            }
            Change::RemoveDeadline { id, cite } => {
                let Some(i) = call.deadlines.iter().position(|d| &d.id == id) else { continue };
                let d = call.deadlines.remove(i);
                let old = Text::from(format!("{}（{} 截止）", d.name, d.closes));
                let what = tr!("deadline {}", "截止事项“{}”", d.name);
                record(Target::Deadline { id: id.clone(), part: Part::Whole }, what, Some(old), None, Some(d.cite), cite);
            }
            Change::Amount { path, amount, paid_after, cite } => {
                let unit = call.money_unit;
                let Some(old) = call.category(path).map(|c| (c.amount.clone(), c.paid_after)) else { continue };
                for c in call
                    .categories
                    .iter_mut()
                    .filter(|c| &c.path == path || (Call::within(&c.path, path) && (c.amount.clone(), c.paid_after) == old))
                {
                    let before = c.amount.words(unit, c.paid_after);
                    let replaced = c.amount.cite().cloned();
                    c.amount = amount.clone();
                    c.paid_after = *paid_after;
                    let what = tr!("amount of {}", "{}资助额度", c.full_name());
                    let target = Target::Category { path: c.path.clone(), part: Part::Amount };
                    record(target, what, Some(before), Some(amount.words(unit, *paid_after)), replaced, cite);
                }
            }
            Change::Quota { path: None, quota } => {
                let old = call.quota.replace(quota.clone());
                let what = tr!("total number of projects", "拟立项总数");
                record(
                    Target::Quota,
                    what,
                    old.as_ref().map(|q| quota_words(&q.value)),
                    Some(quota_words(&quota.value)),
                    old.map(|q| q.cite),
                    &quota.cite,
                );
            }
            Change::Quota { path: Some(path), quota } => {
                let Some(c) = call.categories.iter_mut().find(|c| &c.path == path) else { continue };
                let old = c.quota.replace(quota.clone());
                let what = tr!("number of projects of {}", "{}立项数", c.full_name());
                let target = Target::Category { path: path.clone(), part: Part::Quota };
                record(
                    target,
                    what,
                    old.as_ref().map(|q| quota_words(&q.value)),
                    Some(quota_words(&quota.value)),
                    old.map(|q| q.cite),
                    &quota.cite,
                );
            }
            Change::MinApplicants { path, value } => {
                let Some(old) = call.category(path).map(|c| c.min_applicants.clone()) else { continue };
                for c in call.categories.iter_mut().filter(|c| &c.path == path || (Call::within(&c.path, path) && c.min_applicants == old))
                {
                    let before = c.min_applicants.replace(value.clone());
                    let what = tr!("fewest applicants of {}", "{}最少申报单位数", c.full_name());
                    let target = Target::Category { path: c.path.clone(), part: Part::MinApplicants };
                    let w = |n: u32| Text::new(format!("at least {n} applicants"), format!("至少 {n} 家单位申报"));
                    record(target, what, before.as_ref().map(|b| w(b.value)), Some(w(value.value)), before.map(|b| b.cite), &value.cite);
                }
            }
            Change::Leads { path, leads } => {
                let Some(old) = call.category(path).map(|c| c.leads.clone()) else { continue };
                let names = |ids: &[String]| Text::from(crate::guide::type_names(&call, ids));
                let (old_words, new_words) = (old.as_ref().map(|l| names(&l.value)), names(&leads.value));
                for c in call.categories.iter_mut().filter(|c| &c.path == path || (Call::within(&c.path, path) && c.leads == old)) {
                    let before = c.leads.replace(leads.clone());
                    let what = tr!("who may lead {}", "{}牵头申报单位", c.full_name());
                    let target = Target::Category { path: c.path.clone(), part: Part::Leads };
                    record(target, what, old_words.clone(), Some(new_words.clone()), before.map(|b| b.cite), &leads.cite);
                }
            }
            Change::Completion { path, completion } => {
                let Some(old) = call.category(path).map(|c| c.completion.clone()) else { continue };
                for c in call.categories.iter_mut().filter(|c| &c.path == path || (Call::within(&c.path, path) && c.completion == old)) {
                    let before = c.completion.replace(completion.clone());
                    let what = tr!("completion date of {}", "{}完成时间", c.full_name());
                    let target = Target::Category { path: c.path.clone(), part: Part::Completion };
                    record(
                        target,
                        what,
                        before.as_ref().map(completion_words),
                        Some(completion_words(completion)),
                        before.map(|b| b.cite),
                        &completion.cite,
                    );
                }
            }
            Change::Kpi { path, id, min, max, cite } => {
                let Some(old) = call.category(path).and_then(|c| c.kpis.iter().find(|k| &k.id == id).cloned()) else { continue };
                for c in call.categories.iter_mut().filter(|c| &c.path == path || Call::within(&c.path, path)) {
                    let name = c.full_name();
                    let own = c.path == *path;
                    let Some(k) = c.kpis.iter_mut().find(|k| &k.id == id && (own || **k == old)) else { continue };
                    let before = crate::guide::requirement(k);
                    if min.is_some() {
                        k.min = *min;
                    }
                    if max.is_some() {
                        k.max = *max;
                    }
                    let replaced = std::mem::replace(&mut k.cite, cite.clone());
                    let what = tr!("target {} of {name}", "{name}绩效指标“{}”", k.name);
                    let target = Target::Category { path: c.path.clone(), part: Part::Kpi(id.clone()) };
                    record(target, what, Some(before.into()), Some(crate::guide::requirement(k).into()), Some(replaced), cite);
                }
            }
            Change::RemoveCategory { path, cite } => {
                let unit = call.money_unit;
                let Some(c) = call.category(path) else { continue };
                let (what, old, replaced) = (
                    tr!("category {}", "类别“{}”", c.full_name()),
                    Text::new(
                        format!("{} ({})", c.full_name(), c.amount.words(unit, c.paid_after).en),
                        format!("{}（{}）", c.full_name(), c.amount.words(unit, c.paid_after).zh),
                    ),
                    c.cite.clone(),
                );
                record(Target::Category { path: path.clone(), part: Part::Whole }, what, Some(old), None, replaced, cite);
                call.categories.retain(|c| !Call::within(&c.path, path));
                withdraw_scopes(&mut call, path, cite, &mut record);
            }
            Change::AddExclusion(e) => {
                let what = tr!("exclusion {}", "不得申报的情形 `{}`", e.id);
                record(Target::Exclusion(e.id.clone()), what, None, Some(exclusion_words(&call, e)), None, &e.cite);
                call.exclusions.push(e.clone());
            }
            Change::EditExclusion(edit) => {
                let words = |call: &Call, e: &Exclusion| exclusion_words(call, e);
                let Some(i) = call.exclusions.iter().position(|e| e.id == edit.id) else { continue };
                let before = words(&call, &call.exclusions[i]);
                let e = &mut call.exclusions[i];
                if let Some(t) = &edit.text {
                    e.text = t.clone();
                }
                if let Some(s) = edit.summary {
                    e.summary = s;
                }
                if let Some(a) = &edit.applies_to {
                    e.applies_to = a.clone();
                }
                if let Some(s) = edit.soft {
                    e.soft = s;
                }
                if let Some(w) = &edit.when {
                    e.when = Some(w.clone());
                }
                let replaced = std::mem::replace(&mut e.cite, edit.cite.clone());
                let after = words(&call, &call.exclusions[i]);
                let what = tr!("exclusion {}", "不得申报的情形 `{}`", edit.id);
                record(Target::Exclusion(edit.id.clone()), what, Some(before), Some(after), Some(replaced), &edit.cite);
            }
            Change::RemoveExclusion { id, cite } => {
                let Some(i) = call.exclusions.iter().position(|e| &e.id == id) else { continue };
                let before = exclusion_words(&call, &call.exclusions[i]);
                let e = call.exclusions.remove(i);
                let what = tr!("exclusion {id}", "不得申报的情形 `{id}`");
                record(Target::Exclusion(id.clone()), what, Some(before), None, Some(e.cite), cite);
            }
            Change::TextLimit { field, min, max, cite } => {
                let Some(t) = call.form.text_limits.iter_mut().find(|t| &t.field == field) else { continue };
                let before = chars_words(t.min_chars, t.max_chars);
                if min.is_some() {
                    t.min_chars = *min;
                }
                if max.is_some() {
                    t.max_chars = *max;
                }
                let replaced = std::mem::replace(&mut t.cite, cite.clone());
                let what = tr!("length of {field}", "{field} 字数");
                record(
                    Target::TextLimit(field.clone()),
                    what,
                    Some(before),
                    Some(chars_words(t.min_chars, t.max_chars)),
                    Some(replaced),
                    cite,
                );
            }
        }
    }
    call.with_expression_roots()
}

/// After a category is withdrawn: the paths under it leave every scoped rule; a rule that
/// concerned only withdrawn categories goes with them.
fn withdraw_scopes(
    call: &mut Call,
    path: &str,
    cite: &Citation,
    record: &mut impl FnMut(Target, Text, Option<Text>, Option<Text>, Option<Citation>, &Citation),
) {
    let keep = |paths: &mut Vec<String>| -> bool {
        if paths.is_empty() {
            return true;
        }
        paths.retain(|p| !Call::within(p, path));
        !paths.is_empty()
    };
    let mut gone: Vec<(Target, Text, Text, Citation)> = Vec::new();
    call.deadlines.retain_mut(|d| {
        let k = keep(&mut d.categories);
        if !k {
            let what = tr!("deadline {}", "截止事项“{}”", d.name);
            gone.push((Target::Deadline { id: d.id.clone(), part: Part::Whole }, what, Text::from(d.name.clone()), d.cite.clone()));
        }
        k
    });
    call.limits.retain_mut(|l| {
        let k = keep(&mut l.categories);
        if !k {
            gone.push((
                Target::Scoped { what: "limit", id: l.id.clone() },
                tr!("limit {}", "限项 `{}`", l.id),
                Text::from(l.id.clone()),
                l.cite.clone(),
            ));
        }
        k
    });
    call.preferences.retain_mut(|p| {
        let k = keep(&mut p.categories);
        if !k {
            gone.push((
                Target::Scoped { what: "preference", id: p.id.clone() },
                tr!("preference {}", "优先支持 `{}`", p.id),
                Text::from(p.text.clone()),
                p.cite.clone(),
            ));
        }
        k
    });
    call.commitments.retain_mut(|c| {
        let k = keep(&mut c.categories);
        if !k {
            gone.push((
                Target::Scoped { what: "commitment", id: c.id.clone() },
                tr!("commitment {}", "承诺事项 `{}`", c.id),
                Text::from(c.text.clone()),
                c.cite.clone(),
            ));
        }
        k
    });
    call.fields.retain_mut(|f| {
        let k = keep(&mut f.categories);
        if !k {
            gone.push((
                Target::Scoped { what: "field", id: f.id.clone() },
                tr!("form field {}", "申报书字段 `{}`", f.id),
                f.label.clone(),
                f.cite.clone(),
            ));
        }
        k
    });
    call.checks.retain_mut(|c| {
        let k = keep(&mut c.categories);
        if !k {
            gone.push((
                Target::Scoped { what: "check", id: c.id.clone() },
                tr!("check {}", "检查项 `{}`", c.id),
                c.message.clone(),
                c.cite.clone(),
            ));
        }
        k
    });
    for (target, what, old, replaced) in gone {
        record(target, what, Some(old), None, Some(replaced), cite);
    }
}

fn words(w: When) -> Text {
    Text::from(w.to_string())
}

fn quota_words(q: &Quota) -> Text {
    Text::from(crate::guide::quota(q))
}

pub(crate) fn completion_words(c: &Completion) -> Text {
    if c.soft {
        Text::new(format!("in principle by {}", c.by), format!("原则上 {} 前完成", c.by))
    } else {
        Text::new(format!("by {}", c.by), format!("{} 前完成", c.by))
    }
}

pub(crate) fn chars_words(min: Option<u32>, max: Option<u32>) -> Text {
    match (min, max) {
        (Some(a), Some(b)) => Text::new(format!("{a} to {b} characters"), format!("{a} 至 {b} 字")),
        (Some(a), None) => Text::new(format!("at least {a} characters"), format!("不少于 {a} 字")),
        (None, Some(b)) => Text::new(format!("at most {b} characters"), format!("不超过 {b} 字")),
        (None, None) => Text::new("no limit", "不限"),
    }
}

/// An exclusion as the guide words it.
pub(crate) fn exclusion_words(call: &Call, e: &Exclusion) -> Text {
    let mut words = crate::guide::worded(&e.text, e.summary);
    if e.soft {
        words = format!("原则上：{words}");
    }
    if !e.applies_to.is_empty() {
        words.push_str(&format!("（适用于：{}）", crate::guide::type_names(call, &e.applies_to)));
    }
    if let Some(w) = &e.when {
        words.push_str(&format!("（条件：{}）", w.text));
    }
    Text::from(words)
}
