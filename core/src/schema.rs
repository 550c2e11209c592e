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

use schemars::JsonSchema;
use serde_json::{Value, json};

use crate::*;

/// The JSON Schema (draft 2020-12) of catalogue files.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::schema::catalogue()["additionalProperties"], false);
/// ```
pub fn catalogue() -> Value {
    described::<CatalogueData>()
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
    // --- catalogue ---
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
    // --- calendar ---
    add!(
        crate::calendar::CalendarData,
        crate::calendar::Day,
        crate::calendar::Deadline,
        crate::calendar::CalendarOptions,
        crate::calendar::DeadlineOptions,
        crate::calendar::Notice,
        Period
    );
    // --- rules ---
    add!(
        crate::rules::Input,
        crate::rules::Options,
        crate::rules::CallOptions,
        crate::rules::BatchOptions,
        crate::rules::BatchResult,
        crate::rules::Comparison,
        crate::rules::Evaluation,
        crate::context::ScenarioSpec,
        crate::catalogue::ParameterUse,
        crate::rules::TableCheck,
        crate::rules::ComparisonTotals,
        crate::rules::Lang
    );
    // --- sampling ---
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
    // --- targets ---
    add!(
        crate::targets::Assessment,
        crate::targets::AssessOptions,
        crate::targets::ObservationInput,
        crate::targets::Scorecard,
        crate::targets::ScorecardOptions,
        crate::targets::RatioCheck,
        crate::targets::Thresholds
    );
    // --- communities ---
    add!(crate::communities::Responsibility, crate::communities::CommunityFilter);
    let defs = generator.take_definitions(true);
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhengce API types",
        "$defs": defs,
    });
    trim(&mut schema);
    schema
}

/// The schema of one type, descriptions trimmed.
fn described<T: JsonSchema>() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(T)).expect("a schema serialises");
    trim(&mut schema);
    schema
}

/// Cuts each description at its first `# ` heading, leaving the summary without examples.
fn trim(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(d)) = map.get_mut("description")
                && let Some(cut) = d.find("\n\n# ")
            {
                d.truncate(cut);
            }
            map.values_mut().for_each(trim);
        }
        Value::Array(items) => items.iter_mut().for_each(trim),
        _ => {}
    }
}
