//! The OpenAPI 3.1 document, built from the JSON Schemas the bindings already use
//! (`zhengce::schema::api()`, published as core/schema/api.schema.json, and the test-case
//! schema core/schema/cases.schema.json): their `$defs` become `components.schemas`, so the
//! HTTP API and the bindings describe the same shapes. Only the request envelopes are written
//! here.

use serde_json::{Map, Value, json};

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// `#/$defs/X` -> `#/components/schemas/X`, everywhere in a schema.
fn rebase(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref")
                && let Some(name) = r.strip_prefix("#/$defs/")
            {
                *r = format!("#/components/schemas/{name}");
            }
            map.values_mut().for_each(rebase);
        }
        Value::Array(items) => items.iter_mut().for_each(rebase),
        _ => {}
    }
}

fn requests() -> Vec<(&'static str, Value)> {
    let date = json!({"type": "string", "format": "date"});
    vec![
        (
            "EvaluateRequest",
            json!({
                "type": "object", "additionalProperties": false, "required": ["rule", "date"],
                "description": "One case of one rule.",
                "properties": {
                    "rule": {"type": "string", "description": "The rule's id."},
                    "date": date,
                    "jurisdiction": {"type": "string", "description": "The case's jurisdiction; the rule's own when absent."},
                    "input": {"type": "object", "description": "Input name to value (decimals as strings)."},
                    "scenario": schema_ref("ScenarioSpec"),
                    "explain": {"type": "boolean", "default": false},
                    "text": schema_ref("Lang")
                }
            }),
        ),
        (
            "BatchRequest",
            json!({
                "type": "object", "additionalProperties": false, "required": ["rule", "date", "columns"],
                "description": "Many cases of one rule, as columns.",
                "properties": {
                    "rule": {"type": "string"},
                    "date": {"oneOf": [date, {"type": "array", "items": date}]},
                    "jurisdiction": {"type": "string"},
                    "columns": {"type": "object", "additionalProperties": {"type": "array"}},
                    "scenario": schema_ref("ScenarioSpec"),
                    "explain": {"type": "boolean", "default": false}
                }
            }),
        ),
        (
            "DeadlineRequest",
            json!({
                "type": "object", "additionalProperties": false, "required": ["service", "start", "jurisdiction"],
                "properties": {"service": {"type": "string"}, "start": date, "jurisdiction": {"type": "string"}}
            }),
        ),
        (
            "DrawRequest",
            json!({
                "type": "object", "additionalProperties": false, "required": ["register", "directory", "spec"],
                "properties": {
                    "register": {"type": "array", "items": schema_ref("Entity")},
                    "directory": {"type": "array", "items": schema_ref("Inspector")},
                    "spec": schema_ref("PlanSpec")
                }
            }),
        ),
        (
            "VerifyRequest",
            json!({
                "type": "object", "additionalProperties": false, "required": ["plan", "register", "directory"],
                "properties": {
                    "plan": schema_ref("InspectionPlanData"),
                    "register": {"type": "array", "items": schema_ref("Entity")},
                    "directory": {"type": "array", "items": schema_ref("Inspector")}
                }
            }),
        ),
        (
            "Error",
            json!({
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                    "code": {"type": "string", "description": "A stable snake_case code: the library's (invalid_input, not_found, ...) or the server's (body_too_large, too_many_rows, timeout, invalid_json, invalid_arrow, no_route)."},
                    "message": {"type": "string"},
                    "path": {"type": ["string", "null"]},
                    "details": {},
                    "problems": {"type": "array", "items": schema_ref("Problem")}
                }}}
            }),
        ),
    ]
}

fn op(summary: &str, request: Option<&str>, response: Value, params: Value) -> Value {
    let error =
        |d: &str| json!({"description": d, "content": {"application/json": {"schema": schema_ref("Error")}}});
    let mut o = json!({
        "summary": summary,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": response}}},
            "400": error("Bad input: the error names the field, the value and what was expected."),
            "404": error("Not found."),
            "408": error("The computation took longer than the time limit."),
            "413": error("The body or the batch is larger than the limits."),
        }
    });
    if let Some(r) = request {
        o["requestBody"] =
            json!({"required": true, "content": {"application/json": {"schema": schema_ref(r)}}});
    }
    if params.as_array().is_some_and(|p| !p.is_empty()) {
        o["parameters"] = params;
    }
    o
}

fn param(name: &str, location: &str, description: &str) -> Value {
    json!({"name": name, "in": location, "required": location == "path", "description": description, "schema": {"type": "string"}})
}

/// The whole document.
pub fn document() -> Value {
    let mut schemas = Map::new();
    let mut api = zhengce::schema::api();
    rebase(&mut api);
    if let Some(defs) = api.get("$defs").and_then(Value::as_object) {
        schemas.extend(defs.clone());
    }
    let mut cases = zhengce::testing::json_schema();
    rebase(&mut cases);
    if let Some(defs) = cases.get("$defs").and_then(Value::as_object) {
        schemas.extend(defs.clone());
    }
    if let Some(obj) = cases.as_object_mut() {
        obj.remove("$defs");
        obj.remove("$schema");
        schemas.insert("CaseDocument".into(), Value::Object(obj.clone()));
    }
    for (name, schema) in requests() {
        schemas.insert(name.into(), schema);
    }
    let array_of = |name: &str| json!({"type": "array", "items": schema_ref(name)});
    let mut batch = op(
        "Evaluate a rule over a batch of cases (JSON columns, or an Arrow IPC stream)",
        Some("BatchRequest"),
        schema_ref("BatchResult"),
        json!([
            param("rule", "query", "Arrow requests: the rule's id"),
            param("date", "query", "Arrow requests: the date of every row without a date column"),
            param("jurisdiction", "query", "Arrow requests: the jurisdiction")
        ]),
    );
    batch["requestBody"]["content"]["application/vnd.apache.arrow.stream"] = json!({"schema": {"type": "string", "format": "binary", "description": "One column per input (text, integers, decimal128, booleans), optionally `date`."}});
    batch["responses"]["200"]["content"]["application/vnd.apache.arrow.stream"] = json!({"schema": {"type": "string", "format": "binary", "description": "The rule's output columns."}});
    let paths = json!({
        "/health": {"get": op("Liveness, version and the catalogue's content hash", None, json!({"type": "object"}), json!([]))},
        "/openapi.json": {"get": op("This document", None, json!({"type": "object"}), json!([]))},
        "/v1/evaluate": {"post": op("Evaluate a rule for one case", Some("EvaluateRequest"), schema_ref("Evaluation"), json!([]))},
        "/v1/explain": {"post": op("Evaluate with the explanation and its execution receipt (and a text)", Some("EvaluateRequest"), schema_ref("Evaluation"), json!([]))},
        "/v1/evaluate/batch": {"post": batch},
        "/v1/deadline": {"post": op("The deadline of a service's time limit", Some("DeadlineRequest"), schema_ref("Deadline"), json!([]))},
        "/v1/calendar/{jurisdiction}/{year}": {"get": op("Every day of a year, classified", None, array_of("Day"),
            json!([param("jurisdiction", "path", "e.g. cn-xj-urumqi-tianshan"), param("year", "path", "e.g. 2024")]))},
        "/v1/plans/draw": {"post": op("Draw a double-random inspection plan", Some("DrawRequest"), schema_ref("InspectionPlanData"), json!([]))},
        "/v1/plans/verify": {"post": op("Re-derive a published plan and list every difference", Some("VerifyRequest"), schema_ref("Verification"), json!([]))},
        "/v1/catalogue/entries/{id}": {"get": op("One catalogue entry by id (ids may contain '/')", None, schema_ref("Entry"), json!([param("id", "path", "e.g. tianshan-2022-87/68")]))},
        "/v1/catalogue/search": {"get": op("Full-text search of the catalogue", None, array_of("SearchHit"),
            json!([param("q", "query", "the words"), param("limit", "query", "most hits"), param("kinds", "query", "comma-separated entry kinds")]))},
        "/v1/catalogue/parameters/{key}": {"get": op("A dated parameter's value in a jurisdiction", None, schema_ref("ParameterLookup"),
            json!([param("key", "path", "e.g. procurement.bid_bond.rate"), param("jurisdiction", "query", "jurisdiction id"), param("date", "query", "YYYY-MM-DD")]))},
        "/v1/cases": {"post": op("Run test cases (the format of docs/testing.md)", Some("CaseDocument"), schema_ref("Report"), json!([]))},
    });
    let mut report =
        serde_json::to_value(schemars::schema_for!(zhengce::testing::Report)).unwrap_or(Value::Null);
    rebase(&mut report);
    if let Some(defs) =
        report.as_object_mut().and_then(|o| o.remove("$defs")).and_then(|d| d.as_object().cloned())
    {
        schemas.extend(defs);
    }
    if let Some(obj) = report.as_object_mut() {
        obj.remove("$schema");
    }
    schemas.insert("Report".into(), report);
    json!({
        "openapi": "3.1.0",
        "info": {"title": "zhengce", "version": zhengce::VERSION,
            "description": "Chinese local-government policy documents as data and executable rules. Money is decimal strings; dates are YYYY-MM-DD."},
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `$ref` points at a schema the document defines.
    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        fn walk(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    if let Some(Value::String(r)) = m.get("$ref") {
                        out.push(r.clone());
                    }
                    m.values().for_each(|v| walk(v, out));
                }
                Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut refs = Vec::new();
        walk(&doc, &mut refs);
        assert!(refs.len() > 50);
        for r in refs {
            let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("{r}"));
            assert!(schemas.contains_key(name), "{r}");
        }
    }
}
