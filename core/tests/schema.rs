//! The published JSON Schemas must match the Rust types.
//!
//! - `core/schema/catalogue.schema.json`: the catalogue file format.
//! - `core/schema/api.schema.json`: every type that crosses a binding (entries, filters,
//!   results), from which `bindings-wasm/types/api.d.ts` is generated.
//!
//! Regenerate after changing such a type: `ZHENGCE_UPDATE_SCHEMA=1 cargo test -p zhengce --test schema`,
//! then `node tools/gen-ts-types.mjs`.

use std::path::Path;

use serde_json::{Value, json};
use zhengce::*;

fn check(file: &str, schema: &Value) {
    let generated = serde_json::to_string_pretty(schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema").join(file);
    if std::env::var_os("ZHENGCE_UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "{} is out of date with the Rust types; regenerate it with ZHENGCE_UPDATE_SCHEMA=1 cargo test -p zhengce --test schema",
        path.display()
    );
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

/// One schema whose `$defs` hold every type crossing a binding.
fn api_schema() -> Value {
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
        Problem
    );
    // --- calendar ---
    add!(
        calendar::CalendarData,
        calendar::Day,
        calendar::Deadline,
        calendar::CalendarOptions,
        calendar::DeadlineOptions,
        Period
    );
    // --- rules ---
    add!(
        zhengce::rules::Input,
        zhengce::rules::Options,
        zhengce::rules::CallOptions,
        zhengce::rules::BatchOptions,
        zhengce::rules::BatchResult,
        zhengce::rules::Comparison,
        zhengce::rules::Evaluation,
        zhengce::rules::ScenarioSpec,
        zhengce::rules::ParameterUse,
        zhengce::rules::TableCheck,
        zhengce::rules::ComparisonTotals,
        zhengce::rules::Lang
    );
    // --- sampling ---
    add!(
        zhengce::sampling::Entity,
        zhengce::sampling::Inspector,
        zhengce::sampling::PlanSpec,
        zhengce::sampling::SampleSpec,
        zhengce::sampling::InspectionPlan,
        zhengce::sampling::StratifiedDraw,
        zhengce::sampling::StratumSummary,
        zhengce::sampling::Verification
    );
    // --- targets ---
    add!(
        targets::Assessment,
        targets::AssessOptions,
        targets::ObservationInput,
        targets::Scorecard,
        targets::ScorecardOptions,
        targets::RatioCheck,
        targets::Thresholds
    );
    // --- communities ---
    add!(communities::Responsibility, communities::CommunityFilter);
    let defs = generator.take_definitions(true);
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhengce API types",
        "$defs": defs,
    });
    trim(&mut schema);
    schema
}

#[test]
fn published_catalogue_schema_matches_the_rust_types() {
    check("catalogue.schema.json", &zhengce::catalogue::json_schema());
}

#[test]
fn published_api_schema_matches_the_rust_types() {
    check("api.schema.json", &api_schema());
}

#[test]
fn catalogue_schema_names_every_section_and_rejects_unknown_keys() {
    let schema = zhengce::catalogue::json_schema();
    let properties = schema["properties"].as_object().unwrap();
    for section in [
        "jurisdictions",
        "documents",
        "units",
        "programmes",
        "measures",
        "community_types",
        "communities",
        "targets",
        "observations",
        "parameters",
        "rules",
        "format",
    ] {
        assert!(properties.contains_key(section), "schema lacks '{section}'");
    }
    assert_eq!(schema["additionalProperties"], false, "unknown top-level keys must be rejected");
}
