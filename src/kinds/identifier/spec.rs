//! What a spec says of the organisation identifier the form asks for (`form.identifier`).

use schemars::JsonSchema;
use serde::Deserialize;

/// The organisation identifier the form asks for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierRule {
    /// `uscc` (统一社会信用代码), `org-code` (组织机构代码/法人代码) or `either`.
    #[schemars(extend("x-required" = true))]
    pub kind: Option<IdentifierKind>,
    /// The clause that says so.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum IdentifierKind {
    Uscc,
    OrgCode,
    Either,
}
