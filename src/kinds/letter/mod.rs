//! The `letter` requirement kind. Recommendation letters an application must attach.

mod letter_missing;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "letter", rules: &[&letter_missing::RULE] };
