//! The `field` requirement kind. Fields of the form: formats of the built-in ones, text lengths, and the fields a call declares.

mod contact_email;
mod contact_mobile;
mod contact_postal_code;
mod text_length;

use crate::kinds::Kind;

pub const KIND: Kind =
    Kind { name: "field", rules: &[&contact_mobile::RULE, &contact_email::RULE, &contact_postal_code::RULE, &text_length::RULE] };
