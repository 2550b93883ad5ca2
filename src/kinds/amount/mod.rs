//! The `amount` kind: funding per project, as the notice states it.
//!
//! ```yaml
//! amount: { kind: fixed, value: 19.8, source: c1 }               # 19.8万/项 (0 for 无经费立项)
//! amount: { kind: cap, value: 10, source: c2 }                   # 资助经费不超过10万元
//! amount: { kind: cap, value: 30, soft: true, source: c3 }       # 原则上不超过30万元
//! amount: { kind: range, min: 3, max: 5, source: c4 }            # 经费额度：3~5万元/项
//! amount: { kind: grades, grades: [{ grade: A类, value: 3 }, { grade: B类, value: 2 }], source: c5 }
//! amount: { kind: fixed, value: 5, paid: after, source: c6 }     # 后奖补：每期5万元，活动结束后拨付
//! amount: { kind: unstated, source: c7 }                         # the notice states no amount
//! ```
//!
//! A range is checked at both ends; `soft` softens its ceiling (or a cap) to a warning. With
//! grades, the reviewers award the grade: a request above the highest grade is an error, one
//! that matches no grade a warning. Funding paid after the event (`paid: after`, 后奖补) is not
//! requested up front: the draft requests 0. `unstated` is never read as 0.

mod budget_amount;
mod budget_below_floor;
mod budget_over_cap;
mod budget_soft_cap;
mod budget_unstated;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::compile::codes::{AMOUNT, TRANCHES};
use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::kinds::Kind;
use crate::tr;
use crate::values::Money;

pub const KIND: Kind = Kind {
    name: "amount",
    rules: &[&budget_amount::RULE, &budget_below_floor::RULE, &budget_over_cap::RULE, &budget_soft_cap::RULE, &budget_unstated::RULE],
};

// ── spec syntax ──────────────────────────────────────────────────────────────────────────────

/// Funding per project.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountSpec {
    /// `fixed`: exactly `value` (0 for 无经费立项); `cap`: at most `value`; `range`: from `min`
    /// to `max` (3~5万元/项); `grades`: by the grade reviewers award (A类3万元，B类2万元);
    /// `unstated`: the notice gives no amount (never read as 0).
    #[schemars(extend("x-required" = true))]
    pub kind: Option<AmountKind>,
    /// The amount of `fixed` and `cap`, in the call's money unit.
    #[serde(default)]
    pub value: Option<Money>,
    /// The floor of a `range`.
    #[serde(default)]
    pub min: Option<Money>,
    /// The ceiling of a `range`.
    #[serde(default)]
    pub max: Option<Money>,
    /// The amounts of `grades`, highest first as the notice lists them.
    #[serde(default)]
    pub grades: Vec<GradeSpec>,
    /// True when the notice says 原则上 of a cap or a range's ceiling: more is a warning.
    #[serde(default)]
    pub soft: bool,
    /// `after`: paid after the event or the evaluation (后奖补); nothing is requested up front.
    #[serde(default)]
    pub paid: Paid,
    /// The clause that says so.
    pub source: Option<String>,
}

/// One grade of a graded amount.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeSpec {
    /// The grade as the notice names it (A类, 一等).
    pub grade: String,
    /// Its amount per project.
    pub value: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AmountKind {
    Fixed,
    Cap,
    Range,
    Grades,
    Unstated,
}

/// When the funding is paid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paid {
    /// On award (in tranches, where the notice gives them).
    #[default]
    UpFront,
    /// After the event or the evaluation (后奖补).
    After,
}

/// One payment tranche.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "Tranche")]
pub struct TrancheSpec {
    /// Percentage of the project's funding; omit on the last tranche when it is "the rest".
    #[serde(default)]
    pub share: Option<Money>,
    /// True when the share is approximate (约50%).
    #[serde(default)]
    pub soft: bool,
    /// True when this tranche is the remainder (剩余经费).
    #[serde(default)]
    pub remainder: bool,
    /// When it is paid, in the notice's words.
    #[schemars(extend("x-required" = true))]
    pub when: Option<String>,
    /// The clause that says so.
    pub source: Option<String>,
}

// ── model ────────────────────────────────────────────────────────────────────────────────────

/// Funding per project, compiled.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    /// Exactly this much (0 for 无经费立项).
    Fixed(Money, Citation),
    /// At most this much; in principle only (原则上) when `soft`.
    Cap { max: Money, soft: bool, cite: Citation },
    /// From `min` to `max`; the ceiling in principle only when `soft`.
    Range { min: Money, max: Money, soft: bool, cite: Citation },
    /// By the grade the reviewers award, highest first.
    Grades(Vec<Grade>, Citation),
    /// The notice states no amount; never read as 0.
    Unstated(Option<Citation>),
}

/// One grade of a graded amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub name: String,
    pub value: Money,
}

impl Amount {
    /// The clause it cites, when the notice states one.
    pub fn cite(&self) -> Option<&Citation> {
        match self {
            Amount::Fixed(_, c) | Amount::Cap { cite: c, .. } | Amount::Range { cite: c, .. } | Amount::Grades(_, c) => Some(c),
            Amount::Unstated(c) => c.as_ref(),
        }
    }

    /// The most a draft may request without an error or a warning, if the amount bounds it.
    pub fn ceiling(&self) -> Option<Money> {
        match self {
            Amount::Fixed(v, _) | Amount::Cap { max: v, .. } | Amount::Range { max: v, .. } => Some(*v),
            Amount::Grades(g, _) => g.iter().map(|g| g.value).max(),
            Amount::Unstated(_) => None,
        }
    }

    /// The funding per project in words: `19.8 万元/项`, `最高 30 万元/项`, `原则上不超过 15 万元/项`,
    /// `3 至 5 万元/项`, `A类 3 万元/项；B类 2 万元/项`, `无经费`, `未列明`. With `paid_after`,
    /// `（后奖补）` follows.
    pub fn words(&self, unit: &str, paid_after: bool) -> Text {
        let t = match self {
            Amount::Fixed(m, _) if m.0.is_zero() => Text::new("no funding", "无经费"),
            Amount::Fixed(m, _) => Text::new(format!("{m} {unit} per project"), format!("{m} {unit}/项")),
            Amount::Cap { max, soft: false, .. } => Text::new(format!("at most {max} {unit} per project"), format!("最高 {max} {unit}/项")),
            Amount::Cap { max, soft: true, .. } => {
                Text::new(format!("in principle at most {max} {unit} per project"), format!("原则上不超过 {max} {unit}/项"))
            }
            Amount::Range { min, max, soft, .. } => {
                let (en, zh) = if *soft { ("in principle ", "原则上") } else { ("", "") };
                Text::new(format!("{en}{min} to {max} {unit} per project"), format!("{zh}{min} 至 {max} {unit}/项"))
            }
            Amount::Grades(grades, _) => Text::new(
                grades.iter().map(|g| format!("{} {} {unit}", g.name, g.value)).collect::<Vec<_>>().join(", ")
                    + " per project, by the grade awarded",
                grades.iter().map(|g| format!("{} {} {unit}/项", g.name, g.value)).collect::<Vec<_>>().join("；") + "（按评审等级）",
            ),
            Amount::Unstated(_) => Text::new("not stated", "未列明"),
        };
        if paid_after { Text::new(format!("{}, paid after the event", t.en), format!("{}（后奖补）", t.zh)) } else { t }
    }

    /// What a draft's requested amount must be, in words.
    pub fn requirement(&self, unit: &str, paid_after: bool) -> Text {
        if paid_after {
            return tr!(
                "requested = 0 {unit}: the funding is paid after the event (后奖补)",
                "申请经费 = 0 {unit}：资助在活动结束后拨付（后奖补）"
            );
        }
        match self {
            Amount::Fixed(v, _) => tr!("requested = {v} {unit} (fixed per project)", "申请经费 = {v} {unit}（每项定额资助）"),
            Amount::Cap { max, soft: false, .. } => tr!("requested ≤ {max} {unit}", "申请经费不超过 {max} {unit}"),
            Amount::Cap { max, soft: true, .. } => {
                tr!("in principle (原则上) requested ≤ {max} {unit}", "申请经费原则上不超过 {max} {unit}")
            }
            Amount::Range { min, max, soft: false, .. } => tr!("{min} {unit} ≤ requested ≤ {max} {unit}", "申请经费 {min} 至 {max} {unit}"),
            Amount::Range { min, max, soft: true, .. } => {
                tr!("{min} {unit} ≤ requested, in principle ≤ {max} {unit}", "申请经费不少于 {min} {unit}，原则上不超过 {max} {unit}")
            }
            Amount::Grades(..) => {
                let w = self.words(unit, false);
                Text::new(format!("requested = the amount of a grade: {}", w.en), format!("申请经费为某一等级的额度：{}", w.zh))
            }
            Amount::Unstated(_) => Text::new("no amount is stated", "通知未规定额度"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tranche {
    /// Percentage; `None` for the remainder.
    pub share: Option<Money>,
    /// 约: the share is approximate.
    pub soft: bool,
    pub when: String,
    pub cite: Citation,
}

// ── compile ──────────────────────────────────────────────────────────────────────────────────

/// Compiles an amount: the keys its kind takes, and nothing else. Returns it with whether it is
/// paid after the event; `None` when its kind, or a value it needs, could not be read.
pub(crate) fn compile(cx: &mut crate::compile::Cx, a: &AmountSpec, ptr: &str) -> Option<(Amount, bool)> {
    let cite = cx.cite(&a.source, ptr, tr!("amount", "资助额度"));
    let kind = a.kind?;
    if ["value", "min", "max", "grades"].iter().any(|k| cx.unusable(&format!("{ptr}/{k}"))) {
        return None;
    }
    let name = |k: AmountKind| match k {
        AmountKind::Fixed => "fixed",
        AmountKind::Cap => "cap",
        AmountKind::Range => "range",
        AmountKind::Grades => "grades",
        AmountKind::Unstated => "unstated",
    };
    // Keys a kind does not take are authoring mistakes: one of them was meant for another kind.
    let takes = |key: &str| match kind {
        AmountKind::Fixed => key == "value",
        AmountKind::Cap => key == "value" || key == "soft",
        AmountKind::Range => key == "min" || key == "max" || key == "soft",
        AmountKind::Grades => key == "grades",
        AmountKind::Unstated => false,
    };
    let given = [
        ("value", a.value.is_some()),
        ("min", a.min.is_some()),
        ("max", a.max.is_some()),
        ("grades", !a.grades.is_empty()),
        ("soft", a.soft),
    ];
    for (key, present) in given {
        if present && !takes(key) {
            cx.error(
                AMOUNT,
                tr!("a `{}` amount takes no `{key}`", "`{}` 类额度没有 `{key}`", name(kind)),
                &format!("{ptr}/{key}"),
                tr!("not for this kind", "不适用于此类额度"),
            )
            .help = Some(tr!(
                "fixed: value; cap: value (and soft); range: min and max (and soft); grades: grades; unstated: nothing",
                "fixed：value；cap：value（及 soft）；range：min 与 max（及 soft）；grades：grades；unstated：无"
            ));
        }
    }
    let missing = |cx: &mut crate::compile::Cx, key: &str| {
        cx.error(
            AMOUNT,
            tr!("a `{}` amount needs `{key}`", "`{}` 类额度须填写 `{key}`", name(kind)),
            &format!("{ptr}/kind"),
            tr!("no `{key}`", "缺少 `{key}`"),
        )
        .help = Some(tr!(
            "write the amount in the call's money unit, or use `kind: unstated` when the notice gives none",
            "请以通知的金额单位填写额度；通知未规定时改用 `kind: unstated`"
        ));
    };
    let amount = match kind {
        AmountKind::Unstated => Amount::Unstated(Some(cite)),
        AmountKind::Fixed | AmountKind::Cap => match a.value {
            None => {
                missing(cx, "value");
                Amount::Unstated(Some(cite))
            }
            Some(v) if kind == AmountKind::Fixed => Amount::Fixed(v, cite),
            Some(v) => Amount::Cap { max: v, soft: a.soft, cite },
        },
        AmountKind::Range => match (a.min, a.max) {
            (Some(min), Some(max)) => {
                if min > max {
                    cx.error(
                        crate::compile::codes::MIN_MAX,
                        tr!("`min` {min} is above `max` {max}", "`min` {min} 大于 `max` {max}"),
                        &format!("{ptr}/min"),
                        tr!("minimum", "下限"),
                    );
                }
                Amount::Range { min, max, soft: a.soft, cite }
            }
            (min, _) => {
                missing(cx, if min.is_none() { "min" } else { "max" });
                Amount::Unstated(Some(cite))
            }
        },
        AmountKind::Grades => {
            if a.grades.len() < 2 {
                cx.error(
                    AMOUNT,
                    tr!("a `grades` amount needs at least two grades", "`grades` 类额度至少须有两个等级"),
                    &format!("{ptr}/grades"),
                    tr!("one grade is a fixed amount", "只有一个等级即为定额"),
                )
                .help = Some(tr!("use `kind: fixed` for a single amount", "单一额度请用 `kind: fixed`"));
            }
            cx.duplicates(
                a.grades.iter().enumerate().map(|(i, g)| (Some(g.grade.as_str()), format!("{ptr}/grades/{i}/grade"))),
                tr!("grade", "等级"),
            );
            Amount::Grades(a.grades.iter().map(|g| Grade { name: g.grade.clone(), value: g.value }).collect(), cite)
        }
    };
    let paid_after = a.paid == Paid::After;
    if paid_after && matches!(amount, Amount::Unstated(_)) {
        cx.error(
            AMOUNT,
            tr!("`paid: after` needs an amount the notice states", "`paid: after` 须有通知规定的额度"),
            &format!("{ptr}/paid"),
            tr!("paid after, but how much?", "后奖补的额度未规定"),
        );
    }
    Some((amount, paid_after))
}

pub(crate) fn tranches(cx: &mut crate::compile::Cx, ts: &[TrancheSpec], ptr: &str) -> Vec<Tranche> {
    let mut out = Vec::new();
    let mut sum = rust_decimal::Decimal::ZERO;
    let mut remainder = false;
    // A share or flag that could not be read leaves the sum unknown: nothing is said of it.
    let readable = !cx.unusable(ptr)
        && (0..ts.len()).all(|i| !cx.unusable(&format!("{ptr}/{i}/share")) && !cx.unusable(&format!("{ptr}/{i}/remainder")));
    for (i, t) in ts.iter().enumerate() {
        let p = format!("{ptr}/{i}");
        let cite = cx.cite(&t.source, &p, tr!("payment tranche", "拨款"));
        match (t.share, t.remainder) {
            _ if !readable => {}
            (Some(_), true) => {
                cx.error(
                    TRANCHES,
                    tr!("a tranche is both a share and the remainder", "同一笔拨款既有比例又标为余额"),
                    &format!("{p}/share"),
                    tr!("remove the share or `remainder`", "请删除比例或 `remainder`"),
                );
            }
            (None, false) => {
                cx.error(
                    TRANCHES,
                    tr!("a tranche has neither a share nor `remainder: true`", "拨款既无比例也未标 `remainder: true`"),
                    &p,
                    tr!("no share", "缺少比例"),
                );
            }
            (None, true) if i + 1 != ts.len() => {
                cx.error(
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
        out.push(Tranche { share: if t.remainder { None } else { t.share }, soft: t.soft, when, cite });
    }
    let hundred = rust_decimal::Decimal::from(100);
    let shares: Vec<String> = ts.iter().filter_map(|t| t.share.map(|s| s.to_string())).collect();
    // The span is looked up only for a finding: the first lookup in a large spec sorts its index.
    if !readable {
    } else if !remainder && sum != hundred {
        let key_span = cx.doc().spans().key(ptr);
        let f = cx.error(
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
        let key_span = cx.doc().spans().key(ptr);
        let f = cx.error(
            TRANCHES,
            tr!("tranche shares already add up to {}% before the remainder", "余额之前的拨款比例已合计 {}%", sum.normalize()),
            ptr,
            tr!("these tranches", "这些拨款"),
        );
        f.labels[0].span = key_span;
        f.help =
            Some(tr!("a remainder tranche needs the other shares to add up to less than 100", "有余额拨款时，其他各笔比例合计须小于 100"));
    }
    out
}
