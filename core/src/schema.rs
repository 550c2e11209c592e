//! The JSON Schemas of what zhengce reads and writes.
//!
//! - [`catalogue`]: catalogue files (published as `core/schema/catalogue.schema.json`).
//! - [`api`]: every type that crosses a binding (entries, filters, options, results), one
//!   `$defs` entry each (published as `core/schema/api.schema.json`; the TypeScript types of
//!   the npm package are generated from it).
//!
//! Descriptions are the first paragraphs of the Rust docs, without their examples. A test keeps
//! the published files equal to these functions.
//!
//! # Example
//!
//! ```
//! let api = zhengce::schema::api();
//! assert!(api["$defs"]["ParameterLookup"].is_object());
//! assert_eq!(zhengce::schema::catalogue()["title"], "CatalogueData");
//! ```

use serde_json::{Value, json};

use crate::catalogue::{
    CatalogueData, DocumentFilter, Entry, MeasureFilter, ObservationFilter, ParameterLookup, Period,
    SearchHit, SearchOptions, TargetFilter, UnitFilter,
};
use crate::error::Problem;

/// The JSON Schema (draft 2020-12) of catalogue files.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::schema::catalogue()["additionalProperties"], false);
/// ```
pub fn catalogue() -> Value {
    crate::value::described::<CatalogueData>()
}

/// One JSON Schema whose `$defs` hold every type that crosses a binding.
///
/// # Example
///
/// ```
/// let defs = &zhengce::schema::api()["$defs"];
/// assert!(defs["Entry"].is_object() && defs["Evaluation"].is_object());
/// ```
pub fn api() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    macro_rules! add {
        ($($ty:ty),* $(,)?) => { $( generator.subschema_for::<$ty>(); )* };
    }
    add!(
        CatalogueData,
        Entry<'static>,
        ParameterLookup,
        SearchHit,
        SearchOptions,
        DocumentFilter,
        MeasureFilter,
        TargetFilter,
        ObservationFilter,
        UnitFilter,
        Problem,
        crate::LayerOptions,
        crate::Replacement,
        crate::value::CsvOptions
    );
    add!(
        crate::calendar::CalendarData,
        crate::calendar::Day,
        crate::calendar::Deadline,
        crate::calendar::CalendarOptions,
        crate::calendar::DeadlineOptions,
        crate::calendar::Notice,
        Period
    );
    add!(
        crate::rules::Input,
        crate::rules::Options,
        crate::rules::CallOptions,
        crate::rules::BatchResult,
        crate::rules::Comparison,
        crate::rules::Evaluation,
        crate::context::ScenarioSpec,
        crate::catalogue::ParameterUse,
        crate::rules::TableCheck,
        crate::rules::ComparisonTotals,
        crate::rules::Lang
    );
    add!(
        crate::sampling::Entity,
        crate::sampling::Inspector,
        crate::sampling::PlanSpec,
        crate::sampling::SampleSpec,
        crate::sampling::InspectionPlan,
        crate::sampling::StratifiedDraw,
        crate::sampling::StratumSummary,
        crate::sampling::Verification
    );
    add!(
        crate::targets::Assessment,
        crate::targets::AssessOptions,
        crate::targets::ObservationInput,
        crate::targets::Scorecard,
        crate::targets::ScorecardOptions,
        crate::targets::RatioCheck,
        crate::targets::Thresholds
    );
    add!(crate::communities::Responsibility, crate::communities::CommunityFilter);
    add!(crate::draft::Draft, crate::draft::DraftMeta, crate::draft::DraftOptions);
    let defs = generator.take_definitions(true);
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhengce API types",
        "$defs": defs,
    });
    crate::value::trim(&mut schema);
    schema
}
