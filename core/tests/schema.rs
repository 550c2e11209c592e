//! The published JSON Schemas must match the Rust types (`zhengce::schema`).
//!
//! - `core/schema/catalogue.schema.json`: the catalogue file format.
//! - `core/schema/calendar.schema.json`: the calendar data file format (the npm package returns
//!   this file from `Calendars.schema()` instead of carrying schema code).
//! - `core/schema/api.schema.json`: every type that crosses a binding, from which
//!   `bindings-wasm/types/api.d.ts` is generated.
//!
//! Regenerate after changing such a type: `ZHENGCE_UPDATE_SCHEMA=1 cargo test -p zhengce --test schema`,
//! then `node tools/gen-ts-types.mjs`. A new boundary type is listed in `core/src/schema.rs`.

use std::path::Path;

use serde_json::Value;

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

#[test]
fn published_catalogue_schema_matches_the_rust_types() {
    check("catalogue.schema.json", &zhengce::schema::catalogue());
}

#[test]
fn published_calendar_schema_matches_the_rust_types() {
    check("calendar.schema.json", &zhengce::calendar::json_schema());
}

#[test]
fn published_api_schema_matches_the_rust_types() {
    check("api.schema.json", &zhengce::schema::api());
}

#[test]
fn catalogue_schema_names_every_section_and_rejects_unknown_keys() {
    let schema = zhengce::schema::catalogue();
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
