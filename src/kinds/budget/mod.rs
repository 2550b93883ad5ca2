//! The `budget` kind: the form's budget arithmetic (`form.budget`: totals, itemised lines,
//! phases adding up) and caps on a share of the budget (`form.line_caps`: 管理费不超过5%).
//!
//! ```yaml
//! form:
//!   budget:
//!     - { rule: items-sum-to-requested, source: c8 }
//!   line_caps:
//!     - { lines: [管理费], max_percent: 5, of: requested, source: c9 }   # 管理费不超过申请经费的5%
//! ```
//!
//! A capped line is found by its name: an itemised line whose name contains one of `lines`.

mod budget_items;
mod budget_line_cap;
mod budget_phases;
mod budget_total;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::kinds::Kind;
use crate::tr;
use crate::values::Money;

pub const KIND: Kind =
    Kind { name: "budget", rules: &[&budget_total::RULE, &budget_items::RULE, &budget_phases::RULE, &budget_line_cap::RULE] };

/// A cap on the lines of the itemised budget with one of these names, as a share of the
/// requested amount or of the total.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LineCapSpec {
    /// Names of the capped lines as the form prints them (管理费, 劳务费); a line whose name
    /// contains one of them counts.
    #[schemars(extend("x-required" = true))]
    pub lines: Option<Vec<String>>,
    /// The most they may take, in percent.
    #[schemars(extend("x-required" = true))]
    pub max_percent: Option<Money>,
    /// Of what: the requested amount (default) or the total.
    #[serde(default)]
    pub of: Of,
    /// True when the notice says 原则上: going over is a warning.
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

/// What a share is taken of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Of {
    #[default]
    Requested,
    Total,
}

/// A budget-arithmetic rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetRule {
    #[schemars(extend("x-required" = true))]
    pub rule: Option<BudgetRuleKind>,
    /// The clause that says so.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetRuleKind {
    /// The requested amount follows the category's amount (请按文件中的委托经费额度填报).
    RequestedMatchesAmount,
    /// total = requested + other.
    TotalIsRequestedPlusOther,
    /// The itemised lines add up to the requested amount.
    ItemsSumToRequested,
    /// The itemised lines add up to the total.
    ItemsSumToTotal,
    /// The phase budgets add up to the total.
    PhasesSumToTotal,
}

/// A cap on budget lines, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct LineCap {
    pub lines: Vec<String>,
    pub max_percent: Money,
    pub of: Of,
    pub soft: bool,
    pub cite: Citation,
}

impl LineCap {
    /// `管理费不超过申请经费的 5%`.
    pub fn words(&self) -> Text {
        let (of_en, of_zh) = match self.of {
            Of::Requested => ("the requested amount", "申请经费"),
            Of::Total => ("the total", "经费总预算"),
        };
        let (n_en, n_zh) = (self.lines.join(", "), self.lines.join("、"));
        let p = self.max_percent;
        let t = tr!("{n_en} at most {p}% of {of_en}", "{n_zh}不超过{of_zh}的 {p}%");
        if self.soft { Text::new(format!("in principle {}", t.en), format!("原则上{}", t.zh)) } else { t }
    }
}

/// Compiles the line caps.
pub(crate) fn line_caps(cx: &mut crate::compile::Cx, specs: &[LineCapSpec]) -> Vec<LineCap> {
    let mut out = Vec::new();
    for (i, c) in specs.iter().enumerate() {
        let ptr = format!("/form/line_caps/{i}");
        let cite = cx.cite(&c.source, &ptr, tr!("budget rule", "预算规则"));
        let (Some(lines), Some(max_percent)) = (c.lines.clone(), c.max_percent) else { continue };
        if max_percent.0 > rust_decimal::Decimal::from(100) {
            cx.error(
                crate::compile::codes::MIN_MAX,
                tr!("a share of {max_percent}% is more than the whole", "比例 {max_percent}% 超过 100%"),
                &format!("{ptr}/max_percent"),
                tr!("over 100", "超过 100"),
            );
        }
        out.push(LineCap { lines, max_percent, of: c.of, soft: c.soft, cite });
    }
    out
}

/// Compiles the budget arithmetic rules (`form.budget`); a rule whose kind is unusable is left out.
pub(crate) fn rules(cx: &mut crate::compile::Cx, specs: &[BudgetRule]) -> Vec<crate::model::Cited<BudgetRuleKind>> {
    let mut out = Vec::new();
    for (i, b) in specs.iter().enumerate() {
        let cite = cx.cite(&b.source, &format!("/form/budget/{i}"), tr!("budget rule", "预算规则"));
        out.extend(b.rule.map(|value| crate::model::Cited { value, cite }));
    }
    out
}
