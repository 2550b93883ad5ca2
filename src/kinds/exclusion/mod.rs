//! The `exclusion` requirement kind. Situations that bar an applicant, attested in the draft.

mod exclusion_applies;
mod exclusion_unattested;
mod exclusion_unknown;

use crate::kinds::Kind;

pub const KIND: Kind =
    Kind { name: "exclusion", rules: &[&exclusion_unattested::RULE, &exclusion_applies::RULE, &exclusion_unknown::RULE] };
