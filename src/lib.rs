//! callspec makes funding calls (申报通知) machine-checkable.
//!
//! A call is written as a declarative YAML *call spec*; the compiler checks it and produces a
//! typed [`model::Call`]; the validator checks application drafts against it. Every stage
//! reports [`diagnostics::Finding`]s: a stable code, labels on the exact value, the notice's
//! requirement and cited clause, and a fix hint.
//!
//! ```text
//! file ─ source ─▶ text ─ document ─▶ JSON instance + span index ─ schema ─▶ typed spec
//!      ─ compile ─▶ model::Call ─ validate(application) ─▶ findings ─ render ─▶ output
//! ```
//!
//! ```
//! use callspec::{load, source::{Limits, SourceFile}};
//! let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/specs/hangzhou-2025.yaml")).unwrap();
//! let out = load::spec_source(SourceFile::new("hangzhou-2025.yaml", spec), &Limits::default());
//! let call = out.call.expect("the bundled spec compiles");
//! assert_eq!(call.document.as_deref(), Some("杭科协〔2025〕6号"));
//! ```

pub mod amend;
pub mod application;
pub mod batch;
pub mod bundled;
pub mod compile;
pub mod diagnostics;
pub mod diff;
pub mod document;
pub mod draft;
pub mod expect;
pub mod form;
pub mod guide;
pub mod i18n;
pub mod ident;
pub mod init;
pub mod kinds;
pub mod load;
pub mod migrate;
pub mod model;
pub mod notice;
pub mod plan;
pub mod registry;
pub mod render;
pub mod schema;
pub mod source;
pub mod spec;
pub mod validate;
pub mod values;
pub mod walk;
