//! The `identifier` requirement kind. The organisation identifier the form asks for (统一社会信用代码, 组织机构代码).

mod identifier_credit_code;
mod identifier_missing;
mod identifier_org_code;

mod compile;
pub mod spec;

use crate::kinds::Kind;

pub(crate) use compile::compile;
pub use spec::IdentifierKind;

pub const KIND: Kind =
    Kind { name: "identifier", rules: &[&identifier_missing::RULE, &identifier_credit_code::RULE, &identifier_org_code::RULE] };
