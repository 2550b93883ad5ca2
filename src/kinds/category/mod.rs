//! The `category` requirement kind: the tree of groups, categories and sub-types, what each
//! node inherits from its groups, quotas and the fewest applicants; the form's rules on the
//! category (one project per form, the call's scope, each project once). Its rules check that
//! a form applies for one existing category of the call named.

mod call_mismatch;
mod category_count;
mod category_unknown;

mod compile;
pub mod spec;

use crate::diagnostics::Citation;
use crate::kinds::Kind;
use crate::model::{Amount, Call, Cited, Completion, Deliverable, Joint, Kpi, Letter, Partner, Team, Tranche};

pub(crate) use compile::{form_rules, quota, tree};
pub use spec::QuotaKind;

pub const KIND: Kind = Kind { name: "category", rules: &[&call_mismatch::RULE, &category_count::RULE, &category_unknown::RULE] };

// ── model ──────────────────────────────────────────────────────────────────────────────────

/// Finding categories in the compiled tree, and whether a requirement scoped to category
/// paths applies.
impl Call {
    /// The category at a path (`major/startup-growth`).
    pub fn category(&self, path: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.path == path)
    }

    /// The category a person names: by its path (`key/international`), its full name
    /// (`重点支持项目 / 国际交流助力产业发展行动`, the separator's spaces optional) or its own name
    /// when no other category has it (`国际交流助力产业发展行动`).
    pub fn find_category(&self, named: &str) -> Option<&Category> {
        let named = named.trim();
        if let Some(c) = self.category(named) {
            return Some(c);
        }
        // Compared with white space left out, without writing either side out.
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<char>>();
        let wanted = squeeze(named);
        let same = |text: &mut dyn Iterator<Item = char>| text.filter(|c| !c.is_whitespace()).eq(wanted.iter().copied());
        let full = |c: &Category| {
            let mut names = c.names.iter().enumerate().flat_map(|(i, n)| (i > 0).then_some('/').into_iter().chain(n.chars()));
            same(&mut names)
        };
        if let Some(c) = self.categories.iter().find(|c| full(c)) {
            return Some(c);
        }
        let mut own = self.categories.iter().filter(|c| c.names.last().is_some_and(|n| same(&mut n.chars())));
        match (own.next(), own.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }

    /// The paths of the categories an application may name.
    pub fn leaf_paths(&self) -> impl Iterator<Item = &str> {
        self.categories.iter().filter(|c| c.leaf).map(|c| c.path.as_str())
    }

    /// Whether a requirement scoped to category paths (`categories:`; empty: every category)
    /// applies to the category applied for; with no category known, only an unscoped one does.
    pub fn in_scope(scopes: &[String], category: Option<&Category>) -> bool {
        scopes.is_empty() || category.is_some_and(|c| scopes.iter().any(|s| Call::within(&c.path, s)))
    }

    /// Whether `path` is `scope` or lies under it.
    pub fn within(path: &str, scope: &str) -> bool {
        path == scope || path.strip_prefix(scope).is_some_and(|rest| rest.starts_with('/'))
    }
}

/// One node of the category tree, with inherited settings resolved.
#[derive(Debug, Clone)]
pub struct Category {
    /// Ids from the root, joined by `/`.
    pub path: String,
    /// The notice's names from the root, e.g. [重大引领项目, 初创企业成长计划].
    pub names: Vec<String>,
    pub code: Option<String>,
    /// True when an application may name it (it has no children).
    pub leaf: bool,
    pub cite: Option<Citation>,
    pub amount: Amount,
    /// The funding is paid after the event (后奖补): nothing is requested up front.
    pub paid_after: bool,
    pub quota: Option<Cited<Quota>>,
    pub min_applicants: Option<Cited<u32>>,
    pub tranches: Vec<Tranche>,
    pub leads: Option<Cited<Vec<String>>>,
    pub joint: Option<Joint>,
    pub partners: Vec<Partner>,
    pub letters: Vec<Letter>,
    pub kpis: Vec<Kpi>,
    pub deliverables: Vec<Deliverable>,
    pub team: Option<Team>,
    pub completion: Option<Completion>,
    /// When the project may run (执行时间).
    pub window: Option<crate::kinds::period::Window>,
    /// How long the project runs.
    pub duration: Option<crate::kinds::period::Duration>,
    /// The reference list the pilot city and industry must come from.
    pub pilot: Option<Cited<String>>,
    /// The ids of the work plan's priorities it implements (its own and its groups').
    pub implements: Vec<String>,
}

impl Category {
    /// The full Chinese name, e.g. 重大引领项目 / 初创企业成长计划.
    pub fn full_name(&self) -> String {
        self.names.join(" / ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quota {
    pub kind: QuotaKind,
    /// The number of projects (0 for `unlimited`).
    pub value: u32,
    /// 左右, 约: not added up against the quota above it.
    pub soft: bool,
    pub reserved: bool,
    /// Set when the notice does not state the number: how it follows from others.
    pub derived: Option<Derived>,
}

/// A quota the notice does not state, derived as `total` less `others` (66 − 36 − 19 − 8),
/// each number with the clause that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub total: Cited<u32>,
    pub others: Vec<Cited<u32>>,
}
