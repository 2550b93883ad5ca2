//! Compiling a deliverable: its length bounds in order.

use super::{Deliverable, spec};
use crate::compile::Cx;
use crate::tr;

/// The deliverable at `ptr`.
pub(crate) fn compile(cx: &mut Cx, d: &spec::Deliverable, ptr: &str) -> Deliverable {
    cx.min_max(d.min_chars, d.max_chars, ptr, "min_chars", "max_chars");
    let cite = cx.cite(&d.source, ptr, tr!("deliverable", "成果"));
    Deliverable {
        id: d.id.clone().unwrap_or_default(),
        name: d.name.clone().unwrap_or_default(),
        count: d.count,
        min_chars: d.min_chars,
        max_chars: d.max_chars,
        nominal_chars: d.nominal_chars,
        cite,
    }
}
