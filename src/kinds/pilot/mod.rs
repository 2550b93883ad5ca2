//! The `pilot` requirement kind. Reference lists published with the notice (pilot cities and their industries).

mod pilot_city;
mod pilot_industry;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "pilot", rules: &[&pilot_city::RULE, &pilot_industry::RULE] };
