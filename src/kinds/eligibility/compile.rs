//! Compiling who may apply: every applicant type named is one the spec defines.

use super::{Joint, spec};
use crate::compile::Cx;
use crate::model::Cited;
use crate::tr;

/// Whether individuals may apply; `None` when the spec says nothing readable.
pub(crate) fn individuals(cx: &mut Cx, i: &spec::Individuals) -> Option<Cited<bool>> {
    let cite = cx.cite(&i.source, "/eligibility/individuals", tr!("the individuals rule", "个人申报规则"));
    i.allowed.map(|value| Cited { value, cite })
}

pub(crate) fn leads(cx: &mut Cx, l: &spec::Leads, ptr: &str) -> Cited<Vec<String>> {
    let types = l.types.clone().unwrap_or_default();
    cx.applicant_types(&types, &format!("{ptr}/types"));
    Cited { value: types, cite: cx.cite(&l.source, ptr, tr!("the lead-applicant rule", "申报主体规则")) }
}

pub(crate) fn joint(cx: &mut Cx, j: &spec::Joint, ptr: &str) -> Joint {
    cx.applicant_types(&j.types, &format!("{ptr}/types"));
    Joint {
        allowed: j.allowed.unwrap_or_default(),
        types: j.types.clone(),
        open: j.open,
        cite: cx.cite(&j.source, ptr, tr!("the joint-applicant rule", "联合申报规则")),
    }
}
