//! YAML case files, read into the same JSON the runner takes.

use std::borrow::Cow;

use saphyr::{Scalar, ScalarStyle, Yaml, YamlLoader};
use serde_json::{Map, Number, Value};

use crate::error::{Error, Result};

/// The most nodes a document may expand aliases into (a bound against "billion laughs").
const ALIAS_LIMIT: usize = 10_000;
/// The deepest nesting accepted.
const MAX_DEPTH: usize = 64;

/// Reads one YAML document (YAML 1.2, core schema) into JSON, keeping decimals exact.
///
/// A plain scalar that YAML would read as a float (`10000.00`, `0.01`) becomes the JSON
/// *string* of its text, so money and rates stay exact decimals (`"10000.00"`, not
/// `10000.0`) as everywhere in the library; integers, booleans and null keep their types,
/// quoted scalars are strings, and dates (`2022-06-01`) are strings. Mapping keys must be
/// scalars.
///
/// # Errors
///
/// - `invalid_input` (field `yaml`) for text that is not YAML, naming the line and column;
///   for several documents in one file; for a key that is not a scalar; for nesting deeper
///   than 64 levels or aliases expanding past 10,000 nodes.
///
/// # Example
///
/// ```
/// let doc = zhengce::testing::parse_yaml("amount: 10000.00\nrate: 0.01\nyear: 2022\ndate: 2022-06-01\n")?;
/// assert_eq!(doc, serde_json::json!({"amount": "10000.00", "rate": "0.01", "year": 2022, "date": "2022-06-01"}));
/// let err = zhengce::testing::parse_yaml("a: [1, 2\n").unwrap_err();
/// assert!(err.to_string().contains("line 2"), "{err}"); // the end of the text, where the list is still open
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn parse_yaml(text: &str) -> Result<Value> {
    let mut loader: YamlLoader<'_, Yaml<'_>> = YamlLoader::default();
    loader.early_parse(false);
    loader.alias_limit(ALIAS_LIMIT);
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    let bad = |message: String| Error::invalid_input("yaml", message, "a YAML document");
    parser.load(&mut loader, true).map_err(|e| bad(describe(&e)))?;
    if let Some(e) = loader.error() {
        return Err(bad(describe(e)));
    }
    let mut docs = loader.into_documents();
    match docs.len() {
        0 => Ok(Value::Null),
        1 => to_json(docs.remove(0), 0),
        n => Err(bad(format!("{n} documents"))),
    }
}

fn describe(e: &saphyr::ScanError) -> String {
    let m = e.marker();
    format!("{} at line {}, column {}", e.info(), m.line(), m.col() + 1)
}

fn to_json(node: Yaml<'_>, depth: usize) -> Result<Value> {
    if depth > MAX_DEPTH {
        return Err(Error::invalid_input("yaml", "deeper nesting", "at most 64 levels"));
    }
    Ok(match node {
        Yaml::Representation(text, style, tag) => scalar(text, style, tag.as_ref()),
        Yaml::Value(s) => plain(s, None),
        Yaml::Sequence(items) => {
            Value::Array(items.into_iter().map(|i| to_json(i, depth + 1)).collect::<Result<_>>()?)
        }
        Yaml::Mapping(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let key = match to_json(k, depth + 1)? {
                    Value::String(s) => s,
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    other => return Err(Error::invalid_input("yaml", other, "a scalar mapping key")),
                };
                out.insert(key, to_json(v, depth + 1)?);
            }
            Value::Object(out)
        }
        Yaml::Tagged(_, inner) => to_json(*inner, depth + 1)?,
        Yaml::Alias(_) | Yaml::BadValue => Value::Null,
    })
}

fn scalar(text: Cow<'_, str>, style: ScalarStyle, tag: Option<&Cow<'_, saphyr::Tag>>) -> Value {
    if style != ScalarStyle::Plain {
        return Value::String(text.into_owned());
    }
    let raw = text.clone().into_owned();
    match Scalar::parse_from_cow_and_metadata(text, style, tag) {
        Some(s) => plain(s, Some(raw)),
        None => Value::String(raw),
    }
}

fn plain(s: Scalar<'_>, raw: Option<String>) -> Value {
    match s {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(b),
        Scalar::Integer(i) => Value::Number(Number::from(i)),
        // Exact: the text as written, never a binary float.
        Scalar::FloatingPoint(f) => Value::String(raw.unwrap_or_else(|| f.to_string())),
        Scalar::String(s) => Value::String(s.into_owned()),
    }
}
