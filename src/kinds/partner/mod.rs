//! The `partner` requirement kind. Bodies an application must include, as co-applicants or participants.

mod partner_missing;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "partner", rules: &[&partner_missing::RULE] };
