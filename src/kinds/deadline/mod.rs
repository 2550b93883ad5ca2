//! The `deadline` requirement kind. Submission deadlines per channel, with opening dates, postmarks and extensions.

mod deadline_missed;
mod deadline_not_open;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;
use crate::model::{Call, Category};
use crate::values::When;

pub(crate) use compile::deadlines;
pub use spec::Channel;

pub const KIND: Kind = Kind { name: "deadline", rules: &[&deadline_missed::RULE, &deadline_not_open::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub id: String,
    pub name: String,
    pub channel: Channel,
    /// Where: a portal's address, a postal or e-mail address, an account.
    pub address: Option<String>,
    pub opens: Option<When>,
    /// The last moment (that of `with` when the spec gives none of its own).
    pub closes: When,
    /// The deadline it closes with, by id, when it has no closing moment of its own.
    pub with: Option<String>,
    pub postmark: bool,
    pub extensions: Vec<Extension>,
    pub categories: Vec<String>,
    pub cite: Citation,
}

impl Deadline {
    /// Whether the deadline applies to the category applied for (a deadline without
    /// categories applies to all).
    pub fn applies(&self, category: Option<&Category>) -> bool {
        Call::in_scope(&self.categories, category)
    }

    /// The declared submissions the deadline is judged on: (index in `submission`, moment,
    /// field). Where the deadline counts the courier's send date and one is given, that is the
    /// moment.
    pub fn declared_moments(&self, app: &crate::application::Application) -> Vec<(usize, When, &'static str)> {
        app.submission
            .iter()
            .enumerate()
            .filter(|(_, s)| s.channel.is_some_and(|by| self.channel.accepts(by)))
            .filter_map(|(i, s)| match (self.postmark, s.sent) {
                (true, Some(sent)) => Some((i, sent, "sent")),
                _ => Some((i, s.at?, "at")),
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub until: When,
    pub when_fewer_applicants_than: u32,
    pub cite: Citation,
}
