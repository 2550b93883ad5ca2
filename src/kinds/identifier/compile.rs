//! Compiling the identifier rule.

use super::{IdentifierKind, spec};
use crate::compile::Cx;
use crate::model::Cited;
use crate::tr;

/// The identifier rule (`form.identifier`); `None` when its kind is unusable.
pub(crate) fn compile(cx: &mut Cx, x: &spec::IdentifierRule) -> Option<Cited<IdentifierKind>> {
    let cite = cx.cite(&x.source, "/form/identifier", tr!("identifier rule", "单位代码规则"));
    Some(Cited { value: x.kind?, cite })
}
