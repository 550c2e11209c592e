//! zhengce (政策, "policy") turns Chinese local-government policy documents into data and
//! executable rules.
//!
//! The [`Catalogue`] holds the documents and everything they set: jurisdictions, clauses,
//! responsible units, programmes and measures, community types and communities, targets,
//! observations, dated parameters and rules. Every entry cites the clause it comes from.
//!
//! The crate is pure: no I/O, no threads, no global state. The same core runs in Rust
//! services, in Python (PyO3) and in JavaScript (wasm-bindgen), with the same results.
//!
//! # Example
//!
//! ```
//! let cat = zhengce::Catalogue::builtin();
//! let item = cat.clause("tianshan-2022-87/68")?;
//! println!("{}: {}", item.id, item.summary);
//! # Ok::<(), zhengce::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod calendar;
pub mod catalogue;
pub mod communities;
pub mod context;
pub mod draft;
pub mod error;
pub mod rules;
pub mod sampling;
pub mod schema;
pub mod targets;
pub mod testing;
pub mod value;

pub use calendar::{Calendar, Calendars, Deadline};
pub use catalogue::{
    Baseline, Catalogue, CatalogueData, ChainLink, ChainRole, ChainTier, Citation, Clause, Community,
    CommunityType, Comparator, Document, DocumentFilter, DocumentKind, Entry, Jurisdiction,
    JurisdictionLevel, LayerOptions, Measure, MeasureFilter, Nature, Observation, ObservationFilter,
    Parameter, ParameterLookup, ParameterValue, Period, Programme, Replacement, SearchHit, SearchOptions,
    Strength, Target, TargetFilter, Text, Unit, UnitFilter, UnitKind,
};
pub use communities::Communities;
pub use context::Context;
pub use error::{Error, ErrorKind, Problem, Result};
pub use rules::Rule;
pub use sampling::{InspectionPlan, StratifiedDraw};
pub use targets::{Assessment, Monitor, Scorecard, Status};
pub use value::VERSION;

// The Rust snippets of the README and of the guides in docs/ run as doc tests (their Python
// and JS snippets run in the bindings' suites).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/rust-service.md")]
mod docs_rust_service {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/rules.md")]
mod docs_rules {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/sampling.md")]
mod docs_sampling {}
#[cfg(doctest)]
#[doc = include_str!("../../docs/targets.md")]
mod docs_targets {}
