//! The codes the compiler reports, one per kind of authoring mistake.

use crate::diagnostics::CodeInfo;

pub const MISSING_SOURCE: &CodeInfo = &CodeInfo {
    code: "spec.missing-source",
    summary: "a rule does not cite the clause of the notice it comes from",
    doc: "Every rule (amount, quota, KPI, deadline, exclusion, ...) must say which clause of the \
          notice it encodes, with `source: <clause id>`, so that every finding on an application \
          can quote the notice. Add the clause under `clauses:` and cite it.",
};
pub const UNKNOWN_REF: &CodeInfo = &CodeInfo {
    code: "spec.unknown-ref",
    summary: "a reference names a clause, applicant type or category the spec does not define",
    doc: "`source:` must name a key of `clauses:`; applicant types must be keys of \
          `applicant_types:`; category paths (in limits, deadlines, preferences, commitments) \
          must name a node of the category tree, ids joined by `/`. The finding suggests the \
          closest defined name.",
};
pub const DUPLICATE_ID: &CodeInfo = &CodeInfo {
    code: "spec.duplicate-id",
    summary: "two items that must be told apart share an id",
    doc: "Ids are how applications and findings refer to things: sibling categories, the KPIs \
          and deliverables of one category (including those inherited from its groups), \
          exclusions, limits, deadlines, partners, letters, preferences and commitments each need \
          ids unique in their scope. Both places are labelled.",
};
pub const AMOUNT: &CodeInfo = &CodeInfo {
    code: "spec.amount",
    summary: "an amount's kind and value do not agree",
    doc: "`fixed`, `cap` and `soft-cap` need a `value`; `unstated` must not have one (an \
          unstated amount is never read as 0: write `kind: fixed, value: 0` for 无经费立项).",
};
pub const TRANCHES: &CodeInfo = &CodeInfo {
    code: "spec.tranches",
    summary: "payment tranches do not add up to 100%",
    doc: "The shares of a category's tranches must add up to exactly 100. Where the notice pays \
          \"the rest\" (剩余经费), the last tranche is `remainder: true` without a share, and the \
          other shares must add up to less than 100. Only the last tranche may be the remainder.",
};
pub const DATE_ORDER: &CodeInfo = &CodeInfo {
    code: "spec.date-order",
    summary: "dates are out of order (a window closing before it opens, an extension before the deadline, ...)",
    doc: "A deadline's window must open before it closes and not close before the notice was \
          issued; an extension must end after the deadline it extends; a completion date must \
          come after the notice's deadlines.",
};
pub const MIN_MAX: &CodeInfo = &CodeInfo {
    code: "spec.min-max",
    summary: "a minimum is above its maximum, or a bound is missing",
    doc: "KPI targets, deliverable lengths and text limits with both a minimum and a maximum \
          need min ≤ max; a text limit needs at least one of them.",
};
pub const KPI_CHOICE: &CodeInfo = &CodeInfo {
    code: "spec.kpi-choice",
    summary: "a KPI choice (`options`) is malformed",
    doc: "A KPI with `options` is a choice: it is met when at least `at_least` (default 1) of \
          its options are met. It may not have its own `min`/`max`, `at_least` may not exceed \
          the number of options, and `at_least` without `options` means nothing.",
};
pub const QUOTA: &CodeInfo = &CodeInfo {
    code: "spec.quota",
    summary: "sub-category quotas add up to more than their group's (or the call's) quota",
    doc: "When a group (or the whole call) funds at most N projects, the quotas of the \
          categories under it cannot add up to more than N.",
};
pub const UNKNOWN_FIELD: &CodeInfo = &CodeInfo {
    code: "spec.unknown-field",
    summary: "a form rule names an application field that does not exist",
    doc: "Text limits name application fields by dotted path (`project.summary`); the finding \
          lists the fields that can be limited.",
};
pub const UNUSED_CLAUSE: &CodeInfo = &CodeInfo {
    code: "spec.unused-clause",
    summary: "a clause is defined but no rule cites it (advice)",
    doc: "A clause nobody cites is either a rule not yet written or a leftover. Encode it as a \
          rule, or as a `commitments:` entry if it binds only after the award.",
};

pub const DUPLICATE_CALL: &CodeInfo = &CodeInfo {
    code: "spec.duplicate-call",
    summary: "two spec files define the same call id",
    doc: "Applications name their call by id, so each id may be defined by one spec file only.",
};

/// Every compiler code, for the registry.
pub const FIELD: &CodeInfo = &CodeInfo {
    code: "spec.field",
    summary: "a declared form field is ill-formed",
    doc: "A field under `fields:` takes a key the application format already has, lists choices \
          without being a choice (or is a choice without any), or has a bound its type does not \
          take (`max_chars` on a date, a `min` that is not a date on a date field).",
};

pub const CONDITION: &CodeInfo = &CodeInfo {
    code: "spec.condition",
    summary: "a condition or check is not a valid expression, or names what a draft does not have",
    doc: "Conditions (`when:`) and checks (`checks:`) are CEL expressions over the draft: its sections \
          (project, lead, leader, contact, joint, partners, team, kpis, ...), their keys in the \
          application format, and the fields the call declares. A syntax error, an unknown section \
          or a misspelt key is reported on the expression, with the nearest name. Amounts are not \
          available to expressions.",
};

pub const VERSION: &CodeInfo = &CodeInfo {
    code: "spec.version",
    summary: "the spec is written in version 1 of the spec language",
    doc: "Version 2 says \"in principle\" one way everywhere (`soft: true`: a soft cap is `kind: cap, \
          soft: true`, an approximate quota `kind: exact, soft: true`, an approximate tranche \
          `soft: true`) and names how a required partner takes part (`role: co-applicant` for \
          version 1's `applicants_only: true`). `callspec migrate FILE --write` rewrites a version 1 \
          spec in place, keeping its comments and layout; nothing else in it changes.",
};

pub const ALL: &[&CodeInfo] = &[
    MISSING_SOURCE,
    UNKNOWN_REF,
    DUPLICATE_ID,
    AMOUNT,
    TRANCHES,
    DATE_ORDER,
    MIN_MAX,
    KPI_CHOICE,
    QUOTA,
    UNKNOWN_FIELD,
    UNUSED_CLAUSE,
    DUPLICATE_CALL,
    FIELD,
    CONDITION,
    VERSION,
];
