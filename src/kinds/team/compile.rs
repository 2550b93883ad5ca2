//! Compiling the team requirement.

use super::{Team, spec};
use crate::compile::Cx;
use crate::tr;

pub(crate) fn compile(cx: &mut Cx, t: &spec::Team, ptr: &str) -> Team {
    Team {
        min_members: t.min_members,
        leader_titles: t.leader_titles.clone(),
        cite: cx.cite(&t.source, ptr, tr!("team requirement", "团队要求")),
    }
}
