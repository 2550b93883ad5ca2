//! The `pilot` requirement kind. Reference lists published with the notice (pilot cities and their industries).

mod pilot_city;
mod pilot_industry;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;

pub(crate) use compile::{pilot, references};

pub const KIND: Kind = Kind { name: "pilot", rules: &[&pilot_city::RULE, &pilot_industry::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub id: String,
    pub name: String,
    pub entries: Vec<ReferenceEntry>,
    pub cite: Citation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceEntry {
    pub name: String,
    pub aliases: Vec<String>,
    pub goal: Option<String>,
    pub industries: Vec<String>,
    pub cultivated: Vec<String>,
}

impl Reference {
    /// The entry a name designates: its printed name or an alias, or else the one entry whose
    /// name, compared without 省/市/自治区, is or ends with the given name (宁波市 → 浙江宁波).
    pub fn entry(&self, name: &str) -> Option<&ReferenceEntry> {
        let name = name.trim();
        if let Some(e) = self.entries.iter().find(|e| e.name == name || e.aliases.iter().any(|a| a == name)) {
            return Some(e);
        }
        let n = place(name);
        if n.chars().count() < 2 {
            return None;
        }
        let mut hits = self.entries.iter().filter(|e| std::iter::once(&e.name).chain(&e.aliases).any(|x| place(x).ends_with(&n)));
        match (hits.next(), hits.next()) {
            (Some(e), None) => Some(e),
            _ => None,
        }
    }
}

/// A place name without the administrative words people add or drop (省, 市, 自治区).
fn place(s: &str) -> String {
    s.trim().replace("自治区", "").replace(['省', '市'], "")
}

impl ReferenceEntry {
    /// Every industry the entry names.
    pub fn all_industries(&self) -> impl Iterator<Item = &str> {
        self.industries.iter().chain(&self.cultivated).map(String::as_str)
    }
}
