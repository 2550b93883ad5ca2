//! The `deadline` requirement kind. Submission deadlines per channel, with opening dates, postmarks and extensions.

mod deadline_missed;
mod deadline_not_open;

use crate::kinds::Kind;

pub const KIND: Kind = Kind { name: "deadline", rules: &[&deadline_missed::RULE, &deadline_not_open::RULE] };
