//! Runs the shared conformance vectors (tests/vectors) against the Rust core.
//!
//! The calls are the core's own table (`zhengce::testing::call`, which `zhengce test` uses too);
//! expected values live only in the vector files (see tests/vectors/README.md).

use std::path::{Path, PathBuf};

use serde_json::Value;
use zhengce::calendar::Calendars;
use zhengce::{Catalogue, Context, Error};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Serialises a core result as JSON.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("results serialise")
}

/// Reads a typed argument out of the input.
pub fn arg<T: serde::de::DeserializeOwned>(input: &Value, key: &str) -> Result<T, Error> {
    zhengce::error::from_json_value(input.get(key).unwrap_or(&Value::Null), key)
}

/// Every mismatch between an expected value (matched as a subset) and the actual one.
pub fn matches(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(av) => matches(v, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                matches(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        (Value::Object(_) | Value::Array(_), _) => {
            out.push(format!("{path}: expected {expected}, got {actual}"))
        }
        _ if expected != actual => out.push(format!("{path}: expected {expected}, got {actual}")),
        _ => {}
    }
}

fn catalogue_for(builtin: &Catalogue, case: &Value) -> Catalogue {
    match case.get("catalogue") {
        None => builtin.clone(),
        Some(spec) if spec.get("overlay").is_some() => {
            let options =
                spec.get("options").map(|o| serde_json::from_value(o.clone()).unwrap()).unwrap_or_default();
            builtin.layered_json_value_with(&spec["overlay"], options).unwrap()
        }
        Some(spec) => Catalogue::from_json_value(&spec["value"]).unwrap(),
    }
}

/// The context a case runs in: its catalogue, the built-in calendars with the case's
/// `context.calendars` overlays layered on, under the case's `context.scenario`.
fn context_for(builtin: &Catalogue, calendars: &Calendars, case: &Value) -> Result<Context, Error> {
    let mut ctx = Context::new(catalogue_for(builtin, case), calendars.clone());
    let spec = case.get("context").cloned().unwrap_or(Value::Null);
    for overlay in spec.get("calendars").and_then(Value::as_array).into_iter().flatten() {
        ctx = ctx.layered_calendars(overlay)?;
    }
    if let Some(scenario) = spec.get("scenario") {
        ctx = ctx.with_scenario(zhengce::error::from_json_value(scenario, "context.scenario")?)?;
    }
    Ok(ctx)
}

#[test]
fn the_manifest_lists_every_vector_file() {
    let dir = vectors_dir();
    let manifest = read(&dir.join("manifest.json"));
    let mut listed: Vec<String> =
        manifest["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect();
    let mut on_disk = Vec::new();
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out);
            } else if name.ends_with(".json") && name != "manifest.json" {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    walk(&dir, "", &mut on_disk);
    listed.sort();
    on_disk.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn conformance_vectors() {
    let dir = vectors_dir();
    let manifest = read(&dir.join("manifest.json"));
    let builtin = Catalogue::builtin();
    let calendars = Calendars::builtin();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in manifest["files"].as_array().unwrap() {
        let file = file.as_str().unwrap();
        let doc = read(&dir.join(file));
        let function = doc["function"].as_str().unwrap();
        if !zhengce::testing::FUNCTIONS.contains(&function) {
            failures.push(format!("{file}: no Rust call for {function}"));
            continue;
        }
        for case in doc["cases"].as_array().unwrap() {
            count += 1;
            let name = format!("{file} :: {}", case["name"].as_str().unwrap_or("?"));

            let input = case.get("input").cloned().unwrap_or(Value::Object(Default::default()));
            let ids = case.get("output").or(doc.get("output")).and_then(Value::as_str) == Some("ids");
            let mut problems = Vec::new();
            let result = context_for(&builtin, &calendars, case)
                .and_then(|ctx| zhengce::testing::call(&ctx, function, &input));
            match (result, case.get("error")) {
                (Ok(result), None) => {
                    let result = if ids {
                        Value::Array(result.as_array().unwrap().iter().map(|e| e["id"].clone()).collect())
                    } else {
                        result
                    };
                    matches(&case["expect"], &result, "$", &mut problems);
                }
                (Ok(result), Some(error)) => problems.push(format!("expected error {error}, got {result}")),
                (Err(err), Some(error)) => {
                    let actual =
                        serde_json::json!({"code": err.code(), "path": err.path(), "details": err.details()});
                    matches(error, &actual, "$", &mut problems);
                }
                (Err(err), None) => problems.push(format!("unexpected error: {err}")),
            }
            if !problems.is_empty() {
                failures.push(format!("{name}\n    {}", problems.join("\n    ")));
            }
        }
    }
    assert!(count > 0, "no vector cases ran");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    println!("{count} vector cases passed");
}
