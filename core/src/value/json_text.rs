//! JSON text read strictly: a key given twice in one object is an error.
//!
//! `serde_json` keeps the last of two equal keys in a `Value` (and in any map), so an overlay
//! with `"parameters"` twice would silently drop the first section. Every JSON text a user
//! gives (catalogue and calendar files, overlays, scenario text) is checked here first.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// The deepest nesting of arrays and objects a JSON input may have (as serde_json's own limit
/// for text, and the bindings' limit for Python and JavaScript values).
///
/// # Example
///
/// ```
/// let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
/// assert_eq!(zhengce::value::MAX_DEPTH, 128);
/// assert!(zhengce::value::check_json_text(&deep).is_err());
/// ```
pub const MAX_DEPTH: usize = 128;

/// A key found twice in one object, or a syntax error.
///
/// # Example
///
/// ```
/// let err = zhengce::value::check_json_text("{").unwrap_err();
/// assert_eq!(err.code, "invalid_json");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonTextError {
    /// JSON path of the object (`$.parameters[0]`) or `$` for a syntax error.
    pub path: String,
    /// What went wrong, in the project's "expected X, got Y" form.
    pub message: String,
    /// `duplicate_key` or `invalid_json`.
    pub code: &'static str,
}

/// Checks JSON text for keys given twice in one object; syntax errors are reported too.
///
/// # Errors
///
/// A [`JsonTextError`] with code `duplicate_key` naming the object's path and the key, or
/// `invalid_json` for a syntax error (or nesting deeper than [`MAX_DEPTH`]).
///
/// # Example
///
/// ```
/// use zhengce::value::check_json_text;
///
/// assert!(check_json_text(r#"{"a": 1, "b": {"a": 2}}"#).is_ok());
/// let err = check_json_text(r#"{"a": [{"x": 1, "x": 2}]}"#).unwrap_err();
/// assert_eq!((err.code, err.path.as_str()), ("duplicate_key", "$.a[0]"));
/// ```
pub fn check_json_text(text: &str) -> Result<(), JsonTextError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut found = None;
    let result =
        Check { path: "$".to_owned(), found: &mut found }.deserialize(&mut de).and_then(|()| de.end());
    if let Some(err) = found {
        return Err(err);
    }
    result.map_err(|e| JsonTextError {
        path: "$".into(),
        message: format!("expected JSON, got a syntax error at line {} column {}: {e}", e.line(), e.column()),
        code: "invalid_json",
    })
}

struct Check<'a> {
    path: String,
    found: &'a mut Option<JsonTextError>,
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        loop {
            let path = format!("{}[{i}]", self.path);
            if seq.next_element_seed(Check { path, found: self.found })?.is_none() {
                return Ok(());
            }
            if self.found.is_some() {
                return Err(serde::de::Error::custom("duplicate key"));
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = format!("{}.{key}", self.path);
            if !keys.insert(key.clone()) {
                *self.found = Some(JsonTextError {
                    message: format!("expected each key once in an object, got '{key}' a second time"),
                    path: self.path.clone(),
                    code: "duplicate_key",
                });
                return Err(serde::de::Error::custom("duplicate key"));
            }
            map.next_value_seed(Check { path, found: self.found })?;
            if self.found.is_some() {
                return Err(serde::de::Error::custom("duplicate key"));
            }
        }
        Ok(())
    }
}
