//! The `amount` requirement kind: funding per project, fixed, capped (hard or 原则上) or not stated.

mod budget_amount;
mod budget_over_cap;
mod budget_soft_cap;
mod budget_unstated;

use crate::kinds::Kind;

pub const KIND: Kind =
    Kind { name: "amount", rules: &[&budget_amount::RULE, &budget_over_cap::RULE, &budget_soft_cap::RULE, &budget_unstated::RULE] };
