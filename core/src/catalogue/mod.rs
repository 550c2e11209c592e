//! The catalogue: jurisdictions, documents and clauses, units, programmes and measures,
//! community types and communities, targets, observations, dated parameters and rules.
//!
//! A [`Catalogue`] is loaded from JSON (the format is described by
//! `core/schema/catalogue.schema.json`), validated as a whole, and indexed by id. Every entry
//! cites its source: a document and, usually, a clause. The built-in catalogue holds the five
//! source documents; a user catalogue can be layered over it to add a city's documents or to
//! override a district's parameter.
//!
//! # Example
//!
//! ```
//! use zhengce::{Catalogue, MeasureFilter};
//!
//! let cat = Catalogue::builtin();
//! let measure = cat.measure("tianshan-2022-87/m68")?;
//! let clause = cat.clause(measure.source.clause.as_deref().unwrap())?;
//! assert!(clause.text.as_ref().unwrap().contains("投标保证金"));
//!
//! let hits = cat.search("投标保证金", &Default::default())?;
//! assert!(!hits.is_empty());
//! # Ok::<(), zhengce::Error>(())
//! ```

#[allow(clippy::module_inception)]
mod catalogue;
mod common;
mod community;
mod data;
mod document;
mod jurisdiction;
mod layer;
mod load;
mod parameter;
mod programme;
mod query;
pub(crate) mod rule;
mod target;
mod unit;
mod validate;

pub use catalogue::{Catalogue, Entry};
pub use common::{Citation, Period, Text};
pub use community::{Community, CommunityType};
pub use data::{CatalogueData, FORMAT, json_schema};
pub use document::{Clause, Document, DocumentKind};
pub use jurisdiction::{Jurisdiction, JurisdictionLevel};
pub use layer::{LayerOptions, Replacement};
pub use parameter::{Parameter, ParameterLookup, ParameterUse, ParameterValue};
pub use programme::{ChainLink, ChainRole, ChainTier, Measure, Programme};
pub use query::{
    DocumentFilter, MeasureFilter, ObservationFilter, SearchHit, SearchOptions, TargetFilter, UnitFilter,
};
pub use target::{
    Aggregation, Baseline, Comparator, Every, Nature, Observation, Qualifier, StatedRange, Strength, Target,
    TargetKind,
};
pub use unit::{Unit, UnitKind};
