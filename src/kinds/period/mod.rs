//! The `period` requirement kind. The project period: its order, completion dates, execution windows, lengths.

mod period_completion;
mod period_order;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "period", rules: &[&period_order::RULE, &period_completion::RULE] };
