//! Typed values read out of a `serde_json::Value`, with the path of the element a failure
//! concerns (`parameters[4].values[0].effective_from`).
//!
//! The deserializer itself records the path: an error passing up through an array element or
//! an object member gets that index or key added, and its error type is serde_json's own, so
//! each type's visitor code is the one serde_json's deserializers use. Wrapping every visitor
//! instead (serde_path_to_error, used before) carried a second copy of each type's
//! deserializer: about 34 KB of the gzipped WebAssembly module. Paths and messages are the
//! same as before (`a.b[2].c`, `.` for the value itself; an unknown field's path ends at it).

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

/// A deserialization error and where it happened.
#[derive(Debug)]
pub(crate) struct PathError {
    inner: serde_json::Error,
    /// Innermost first: segments are added as the error passes up.
    segments: Vec<Segment>,
}

#[derive(Debug)]
enum Segment {
    Index(usize),
    Key(String),
}

impl PathError {
    /// The path of the element: `.` for the value itself, else keys joined by `.` and indices
    /// as `[i]` (`a.b[2].c`).
    pub(crate) fn path(&self) -> String {
        if self.segments.is_empty() {
            return ".".to_owned();
        }
        let mut out = String::new();
        for (i, segment) in self.segments.iter().rev().enumerate() {
            match segment {
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
                Segment::Key(key) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
        }
        out
    }

    /// The error without its path.
    pub(crate) fn inner(&self) -> &serde_json::Error {
        &self.inner
    }

    /// The error without its path.
    pub(crate) fn into_inner(self) -> serde_json::Error {
        self.inner
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

impl std::error::Error for PathError {}

/// Reads a `T` out of `value`; an error names the path of the element it concerns.
pub(crate) fn from_value<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, PathError> {
    let track = Track::default();
    T::deserialize(ValueDe(value, &track))
        .map_err(|inner| PathError { inner, segments: track.segments.into_inner() })
}

/// Where the error is: the deserializer's own error type stays serde_json's, so every
/// visitor's code is shared with serde_json's deserializers instead of copied for a new one.
#[derive(Default)]
struct Track {
    /// Innermost first: segments are added as the error passes up.
    segments: std::cell::RefCell<Vec<Segment>>,
}

impl Track {
    fn at(&self, segment: Segment, e: serde_json::Error) -> serde_json::Error {
        self.segments.borrow_mut().push(segment);
        e
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

struct ValueDe<'de, 't>(&'de Value, &'t Track);

impl<'de> de::Deserializer<'de> for ValueDe<'de, '_> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array(items, self.1, visitor),
            Value::Object(map) => visit_object(map, self.1, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(de::value::BorrowedStrDeserializer::new(s)),
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((variant, value)), None) => {
                        visitor.visit_enum(EnumDe { variant, value, track: self.1 })
                    }
                    _ => Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        visitor.visit_unit()
    }

    // As serde_json's: each asks only for the JSON type it takes (a string for `str`, a number
    // for `u32`), which also keeps each visitor's unused `visit_*` methods out of the module.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Array(items) => visit_array(items, self.1, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Object(map) => visit_object(map, self.1, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        match self.0 {
            Value::Array(items) => visit_array(items, self.1, visitor),
            Value::Object(map) => visit_object(map, self.1, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    serde::forward_to_deserialize_any! { bytes byte_buf }
}

macro_rules! number {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
            match self.0 {
                Value::Number(n) => visit_number(n, visitor),
                other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
            }
        })*
    };
}
use number;

fn visit_number<'de, V: Visitor<'de>>(
    n: &serde_json::Number,
    visitor: V,
) -> Result<V::Value, serde_json::Error> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => visitor.visit_u64(u),
        (None, Some(i)) => visitor.visit_i64(i),
        _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
    }
}

fn visit_array<'de, V: Visitor<'de>>(
    items: &'de [Value],
    track: &Track,
    visitor: V,
) -> Result<V::Value, serde_json::Error> {
    let mut seq = SeqDe { items: items.iter(), index: 0, track };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(items.len(), &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    map: &'de Map<String, Value>,
    track: &Track,
    visitor: V,
) -> Result<V::Value, serde_json::Error> {
    let mut access = MapDe { entries: map.iter(), value: None, track };
    let out = visitor.visit_map(&mut access)?;
    if access.entries.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(map.len(), &"fewer elements in map"))
    }
}

struct SeqDe<'de, 't> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    track: &'t Track,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'de, '_> {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, serde_json::Error> {
        let Some(item) = self.items.next() else { return Ok(None) };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDe(item, self.track))
            .map(Some)
            .map_err(|e| self.track.at(Segment::Index(index), e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'de, 't> {
    entries: serde_json::map::Iter<'de>,
    value: Option<(&'de String, &'de Value)>,
    track: &'t Track,
}

impl<'de> de::MapAccess<'de> for MapDe<'de, '_> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, serde_json::Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some((key, value));
        // A key refused (an unknown field) is reported at that key, as for its value.
        seed.deserialize(KeyDe(key)).map(Some).map_err(|e| self.track.at(Segment::Key(key.clone()), e))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, serde_json::Error> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        seed.deserialize(ValueDe(value, self.track)).map_err(|e| self.track.at(Segment::Key(key.clone()), e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An object's key: a string, or (as serde_json reads keys) a number or boolean written as one.
struct KeyDe<'de>(&'de str);

macro_rules! parsed_key {
    ($($method:ident => $visit:ident: $ty:ty),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
            match self.0.parse::<$ty>() {
                Ok(n) => visitor.$visit(n),
                Err(_) => visitor.visit_borrowed_str(self.0),
            }
        })*
    };
}

impl<'de> de::Deserializer<'de> for KeyDe<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        visitor.visit_borrowed_str(self.0)
    }

    parsed_key! {
        deserialize_bool => visit_bool: bool,
        deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32, deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8, deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32, deserialize_u64 => visit_u64: u64,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        i128 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// An enum written as `{"variant": value}`; errors inside the value are under the variant's name.
struct EnumDe<'de, 't> {
    variant: &'de String,
    value: &'de Value,
    track: &'t Track,
}

impl<'de> de::EnumAccess<'de> for EnumDe<'de, '_> {
    type Error = serde_json::Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), serde_json::Error> {
        let variant = seed.deserialize(KeyDe(self.variant))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for EnumDe<'de, '_> {
    type Error = serde_json::Error;

    fn unit_variant(self) -> Result<(), serde_json::Error> {
        de::Deserialize::deserialize(ValueDe(self.value, self.track)).map_err(|e| self.at(e))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, serde_json::Error> {
        seed.deserialize(ValueDe(self.value, self.track)).map_err(|e| self.at(e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Array(_) => de::Deserializer::deserialize_any(ValueDe(self.value, self.track), visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &"tuple variant")),
        }
        .map_err(|e| self.at(e))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, serde_json::Error> {
        match self.value {
            Value::Object(map) => visit_object(map, self.track, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &"struct variant")),
        }
        .map_err(|e| self.at(e))
    }
}

impl EnumDe<'_, '_> {
    fn at(&self, e: serde_json::Error) -> serde_json::Error {
        self.track.at(Segment::Key(self.variant.clone()), e)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        n: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        Plain,
        Wrapped { n: u32 },
    }

    fn error(value: serde_json::Value) -> (String, String) {
        let e = from_value::<Outer>(&value).unwrap_err();
        (e.path(), e.inner().to_string())
    }

    #[test]
    fn errors_name_the_path_and_keep_serde_json_words() {
        assert_eq!(
            error(json!({"items": [{"n": 1}, {"n": "x"}]})),
            ("items[1].n".to_owned(), "invalid type: string \"x\", expected u32".to_owned())
        );
        assert_eq!(
            error(json!({"items": [{"n": null}]})),
            ("items[0].n".to_owned(), "invalid type: null, expected u32".to_owned())
        );
        assert_eq!(error(json!({"items": [], "extra": 1})).0, "extra");
        assert!(error(json!({"items": [], "extra": 1})).1.starts_with("unknown field `extra`"));
        assert_eq!(error(json!({})), (".".to_owned(), "missing field `items`".to_owned()));
        assert_eq!(
            error(json!({"items": [], "kind": {"wrapped": {"n": -1}}})),
            ("kind.wrapped.n".to_owned(), "invalid value: integer `-1`, expected u32".to_owned())
        );
        assert_eq!(
            error(json!({"items": [], "kind": "odd"})),
            ("kind".to_owned(), "unknown variant `odd`, expected `plain` or `wrapped`".to_owned())
        );
        assert!(from_value::<Outer>(&json!({"items": [{"n": 3}], "kind": "plain"})).is_ok());
    }
}
