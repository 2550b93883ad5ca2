//! Compiling a required partner: its applicant types known, its condition checked.

use super::{Partner, spec};
use crate::compile::Cx;
use crate::tr;

/// The required partner at `ptr`.
pub(crate) fn compile(cx: &mut Cx, x: &spec::Partner, ptr: &str) -> Partner {
    let types = x.types.clone().unwrap_or_default();
    cx.applicant_types(&types, &format!("{ptr}/types"));
    let cite = cx.cite(&x.source, ptr, tr!("required partner", "必需的合作单位"));
    let when = x.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when")));
    Partner { id: x.id.clone().unwrap_or_default(), name: x.name.clone().unwrap_or_default(), types, min: x.min, role: x.role, when, cite }
}
