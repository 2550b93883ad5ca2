//! Compiling a recommendation letter: its condition checked.

use super::{Letter, spec};
use crate::compile::Cx;
use crate::tr;

/// The letter at `ptr`.
pub(crate) fn compile(cx: &mut Cx, x: &spec::Letter, ptr: &str) -> Letter {
    let cite = cx.cite(&x.source, ptr, tr!("recommendation letter", "推荐函"));
    let (id, name, issuer) = (x.id.clone().unwrap_or_default(), x.name.clone().unwrap_or_default(), x.issuer.clone().unwrap_or_default());
    let when = x.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when")));
    Letter { id, name, issuer, when, cite }
}
