//! Parsing catalogue JSON into [`CatalogueData`], collecting every problem with its path.
//!
//! serde stops at the first error, so each entry of each list is deserialised on its own: a
//! bad entry gives one problem (with the path inside the entry, from `value::from_value_at_path`)
//! and the others are still read. Semantic checks then run over the entries that parsed.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::data::{CatalogueData, FORMAT, SECTIONS, for_each_section};
use super::rule::Rule;
use super::{
    Community, CommunityType, Document, Jurisdiction, Measure, Observation, Parameter, Programme, Target,
    Unit,
};
use crate::error::Problem;

/// What parsed out of one catalogue file, with each entry's position in the file.
///
/// An entry that fails to parse is left out, so positions are kept to give later problems
/// the path of the entry in the file, not in the shortened list.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) data: CatalogueData,
    pub(crate) positions: [Vec<u32>; SECTIONS.len()],
}

impl Parsed {
    /// Data that parsed entirely: every entry is at its own position.
    #[cfg(not(target_arch = "wasm32"))]
    fn whole(data: CatalogueData) -> Parsed {
        let mut positions: [Vec<u32>; SECTIONS.len()] = Default::default();
        macro_rules! count {
            ($field:ident, $ty:ty, $kind:literal) => {
                let i = SECTIONS.iter().position(|s| *s == stringify!($field)).expect("a section");
                positions[i] = (0..data.$field.len() as u32).collect();
            };
        }
        for_each_section!(count);
        Parsed { data, positions }
    }
}

/// Parses catalogue JSON text. Problems are appended to `problems`; what parsed is returned.
pub(crate) fn parse_text(text: &str, problems: &mut Vec<Problem>) -> Parsed {
    // A key given twice would be read as its last value (a whole section dropped).
    if let Err(e) = crate::value::check_json_text(text) {
        problems.push(Problem::new(e.code, e.path, e.message));
        return Parsed::default();
    }
    // Most catalogues are valid: read them straight into the typed data, and take the slower
    // entry-by-entry path only to find and report the problems of one that is not.
    // (serde would also read a struct from a JSON list of its fields: objects only.) Not in
    // WebAssembly, as for calendars: a second deserializer of every catalogue type (from text,
    // besides the one from a JSON value) was about 100 KB of the module, reached through the
    // case runner's `catalogue.load`.
    #[cfg(not(target_arch = "wasm32"))]
    if text.trim_start().starts_with('{')
        && let Ok(data) = serde_json::from_str::<CatalogueData>(text)
        && data.format.as_deref().is_none_or(|f| f == FORMAT)
    {
        return Parsed::whole(data);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => parse_value(&value, problems),
        Err(e) => {
            problems.push(Problem::new(
                "invalid_json",
                "$",
                format!("expected JSON, got a syntax error at line {} column {}: {e}", e.line(), e.column()),
            ));
            Parsed::default()
        }
    }
}

/// Reads catalogue data out of a parsed JSON value.
pub(crate) fn parse_value(value: &Value, problems: &mut Vec<Problem>) -> Parsed {
    let mut parsed = Parsed::default();
    let Some(object) = value.as_object() else {
        problems.push(Problem::new(
            "invalid_type",
            "$",
            format!("expected an object, got {}", type_name(value)),
        ));
        return parsed;
    };
    let data = &mut parsed.data;
    for (key, section) in object {
        if key == "format" {
            if section.as_str() != Some(FORMAT) {
                problems.push(Problem::new(
                    "unsupported_format",
                    "$.format",
                    format!("expected \"{FORMAT}\", got {section}"),
                ));
            } else {
                data.format = Some(FORMAT.to_owned());
            }
        } else if !SECTIONS.contains(&key.as_str()) {
            problems.push(Problem::new(
                "unknown_field",
                format!("$.{key}"),
                format!("expected one of format, {}, got '{key}'", SECTIONS.join(", ")),
            ));
        }
    }
    macro_rules! read {
        ($field:ident, $ty:ty, $kind:literal) => {
            if let Some(section) = object.get(stringify!($field)) {
                let position = SECTIONS.iter().position(|s| *s == stringify!($field)).expect("a section");
                (data.$field, parsed.positions[position]) =
                    parse_list::<$ty>(section, stringify!($field), problems);
            }
        };
    }
    for_each_section!(read);
    parsed
}

/// Parses each entry of a list on its own; returns the entries that parsed and their positions.
fn parse_list<T: DeserializeOwned>(
    value: &Value,
    name: &str,
    problems: &mut Vec<Problem>,
) -> (Vec<T>, Vec<u32>) {
    let Some(items) = value.as_array() else {
        problems.push(Problem::new(
            "invalid_type",
            format!("$.{name}"),
            format!("expected a list, got {}", type_name(value)),
        ));
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::with_capacity(items.len());
    let mut positions = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match crate::value::from_value_at_path::<T>(item) {
            Ok(entry) => {
                out.push(entry);
                positions.push(i as u32);
            }
            Err(e) => problems.push(entry_problem(name, i, e)),
        }
    }
    (out, positions)
}

/// The problem of an entry that did not parse. Not generic, and kept out of line: inlined into
/// each entry type's [`parse_list`] it was copied into the WebAssembly once per section.
#[inline(never)]
fn entry_problem(name: &str, i: usize, e: crate::value::PathError) -> Problem {
    let inner = e.path().to_string();
    let path = if inner == "." { format!("$.{name}[{i}]") } else { format!("$.{name}[{i}].{inner}") };
    let path = path.replace(".[", "[");
    serde_problem(path, &e.into_inner().to_string())
}

/// Gives a serde message its stable code.
fn serde_problem(path: String, message: &str) -> Problem {
    if let Some((code, rest)) = message.split_once(": ")
        && matches!(code, "invalid_date")
    {
        return Problem::new(code, path, rest);
    }
    let code = if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("unknown variant") {
        "unknown_variant"
    } else if message.starts_with("missing field") {
        "missing_field"
    } else if message.contains("a Decimal") {
        "invalid_decimal"
    } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
        "invalid_type"
    } else {
        "invalid_value"
    };
    Problem::new(code, path, message)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
