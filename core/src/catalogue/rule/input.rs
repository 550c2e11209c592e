//! The inputs of one evaluation, and their checking against a rule's input specs.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{InputSpec, InputType};
use crate::error::{Error, Result};

/// The case one evaluation is about: its date, its jurisdiction and the rule's inputs.
///
/// Parameters are looked up in `jurisdiction` (the rule's own when absent) on `date`. Input
/// names must be inputs of the rule; values are checked against their type: an amount in yuan
/// must be a whole number of fen and not negative, a choice one of the rule's choices.
///
/// Its JSON shape is `{"date": "2022-06-01", "jurisdiction": "...", "values": {"budget":
/// "1000000", "lot_type": "ppp"}}`; decimals are strings (a JSON integer is accepted), never
/// floats.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rust_decimal::Decimal;
/// use zhengce::rules::Input;
///
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())
///     .with("budget", Decimal::new(1_000_000, 0))
///     .with("lot_type", "ppp");
/// assert_eq!(input.values.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// The date the case is judged on (a tender's publication date, an application's date).
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// Where the case is: the rule's jurisdiction or one below it; the rule's own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Input name to value.
    #[serde(default, with = "values_map")]
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub values: Vec<(String, InputValue)>,
}

impl Input {
    /// An input for `date` in the rule's own jurisdiction, with no values yet.
    ///
    /// # Example
    ///
    /// ```
    /// let input = zhengce::rules::Input::new(chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap());
    /// assert!(input.values.is_empty());
    /// ```
    pub fn new(date: NaiveDate) -> Input {
        Input { date, jurisdiction: None, values: Vec::new() }
    }

    /// The same input with one more value (replacing a value of the same name).
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let input = zhengce::rules::Input::new(d).with("is_ppp", true).with("is_ppp", false);
    /// assert_eq!(input.values.len(), 1);
    /// ```
    pub fn with(mut self, name: impl Into<String>, value: impl Into<InputValue>) -> Input {
        self.set(name, value);
        self
    }

    /// Sets one value (replacing a value of the same name).
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let mut input = zhengce::rules::Input::new(d);
    /// input.set("credit_class", "a");
    /// assert_eq!(input.values[0].0, "credit_class");
    /// ```
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<InputValue>) {
        let name = name.into();
        let value = value.into();
        match self.values.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name, value)),
        }
    }

    /// The same input in another jurisdiction.
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let input = zhengce::rules::Input::new(d).in_jurisdiction("cn-xj-urumqi-tianshan");
    /// assert_eq!(input.jurisdiction.as_deref(), Some("cn-xj-urumqi-tianshan"));
    /// ```
    pub fn in_jurisdiction(mut self, jurisdiction: impl Into<String>) -> Input {
        self.jurisdiction = Some(jurisdiction.into());
        self
    }

    /// An input from a JSON object of values (a Python dict or JS object converted by a
    /// binding): strings, booleans and integers are kept for checking against the rule; a
    /// `null` value counts as not given.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `values`) if `values` is not an object.
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let input = zhengce::rules::Input::from_json_value(d, &serde_json::json!({"budget": "1000000", "x": null}))?;
    /// assert_eq!(input.values.len(), 1);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn from_json_value(date: NaiveDate, values: &serde_json::Value) -> Result<Input> {
        let map = match values {
            serde_json::Value::Object(map) => map,
            serde_json::Value::Null => return Ok(Input::new(date)),
            other => return Err(Error::invalid_input("values", other, "an object of input values")),
        };
        let values = map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), InputValue::from_json_value(v)))
            .collect();
        Ok(Input { date, jurisdiction: None, values })
    }
}

/// One input value as given, before it is checked against the rule.
///
/// Serialises as its JSON shape: a decimal string, a boolean, a string, an ISO date.
///
/// # Example
///
/// ```
/// use zhengce::rules::InputValue;
///
/// assert_eq!(InputValue::from("ppp"), InputValue::Text("ppp".into()));
/// assert_eq!(serde_json::to_string(&InputValue::from(rust_decimal::Decimal::new(150, 2))).unwrap(), "\"1.50\"");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum InputValue {
    /// An exact decimal.
    Decimal(Decimal),
    /// True or false.
    Bool(bool),
    /// A string: a choice, or the text of a decimal or a date.
    Text(String),
    /// A date.
    Date(NaiveDate),
    /// Any other JSON value (a float, a list, an object): refused when checked.
    Json(serde_json::Value),
}

impl InputValue {
    /// The value of a JSON value: an integer becomes a decimal, a string stays text.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::rules::InputValue;
    ///
    /// assert_eq!(InputValue::from_json_value(&serde_json::json!(5)), InputValue::Decimal(5.into()));
    /// assert!(matches!(InputValue::from_json_value(&serde_json::json!(0.1)), InputValue::Json(_)));
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> InputValue {
        match value {
            serde_json::Value::Bool(b) => InputValue::Bool(*b),
            serde_json::Value::String(s) => InputValue::Text(s.clone()),
            serde_json::Value::Number(n) if n.is_i64() => {
                InputValue::Decimal(Decimal::from(n.as_i64().unwrap_or_default()))
            }
            other => InputValue::Json(other.clone()),
        }
    }
}

/// One input value as given, borrowed: what [`InputValue`] holds, with text borrowed rather
/// than owned, so a binding can pass a string it holds without copying it (the prepared calls
/// of [`DatedEvaluator`](crate::rules::DatedEvaluator)). Checked exactly as the owned value is,
/// with the same errors.
///
/// # Example
///
/// ```
/// use zhengce::rules::{InputValue, InputValueRef};
///
/// let owned = InputValue::from("ppp");
/// assert_eq!(InputValueRef::from(&owned), InputValueRef::Text("ppp"));
/// assert_eq!(InputValue::from(InputValueRef::Text("ppp")), owned);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputValueRef<'a> {
    /// An exact decimal.
    Decimal(Decimal),
    /// True or false.
    Bool(bool),
    /// A string: a choice, or the text of a decimal or a date.
    Text(&'a str),
    /// A date.
    Date(NaiveDate),
    /// Any other JSON value (a float, a list, an object): refused when checked.
    Json(&'a serde_json::Value),
}

impl InputValueRef<'_> {
    fn describe(&self) -> String {
        match self {
            InputValueRef::Decimal(d) => d.to_string(),
            InputValueRef::Bool(b) => b.to_string(),
            InputValueRef::Text(s) => format!("'{s}'"),
            InputValueRef::Date(d) => crate::value::format_date(*d),
            InputValueRef::Json(v) => v.to_string(),
        }
    }
}

impl<'a> From<&'a InputValue> for InputValueRef<'a> {
    fn from(v: &'a InputValue) -> InputValueRef<'a> {
        match v {
            InputValue::Decimal(d) => InputValueRef::Decimal(*d),
            InputValue::Bool(b) => InputValueRef::Bool(*b),
            InputValue::Text(t) => InputValueRef::Text(t),
            InputValue::Date(d) => InputValueRef::Date(*d),
            InputValue::Json(j) => InputValueRef::Json(j),
        }
    }
}
impl From<InputValueRef<'_>> for InputValue {
    fn from(v: InputValueRef<'_>) -> InputValue {
        match v {
            InputValueRef::Decimal(d) => InputValue::Decimal(d),
            InputValueRef::Bool(b) => InputValue::Bool(b),
            InputValueRef::Text(t) => InputValue::Text(t.to_owned()),
            InputValueRef::Date(d) => InputValue::Date(d),
            InputValueRef::Json(j) => InputValue::Json(j.clone()),
        }
    }
}
impl<'a> From<&'a str> for InputValueRef<'a> {
    fn from(s: &'a str) -> InputValueRef<'a> {
        InputValueRef::Text(s)
    }
}
impl From<Decimal> for InputValueRef<'_> {
    fn from(d: Decimal) -> Self {
        InputValueRef::Decimal(d)
    }
}
impl From<bool> for InputValueRef<'_> {
    fn from(b: bool) -> Self {
        InputValueRef::Bool(b)
    }
}
impl From<NaiveDate> for InputValueRef<'_> {
    fn from(d: NaiveDate) -> Self {
        InputValueRef::Date(d)
    }
}

impl From<Decimal> for InputValue {
    fn from(d: Decimal) -> InputValue {
        InputValue::Decimal(d)
    }
}
impl From<i64> for InputValue {
    fn from(i: i64) -> InputValue {
        InputValue::Decimal(Decimal::from(i))
    }
}
impl From<bool> for InputValue {
    fn from(b: bool) -> InputValue {
        InputValue::Bool(b)
    }
}
impl From<&str> for InputValue {
    fn from(s: &str) -> InputValue {
        InputValue::Text(s.to_owned())
    }
}
impl From<String> for InputValue {
    fn from(s: String) -> InputValue {
        InputValue::Text(s)
    }
}
impl From<NaiveDate> for InputValue {
    fn from(d: NaiveDate) -> InputValue {
        InputValue::Date(d)
    }
}

impl Serialize for InputValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            InputValue::Decimal(d) => s.serialize_str(&d.to_string()),
            InputValue::Bool(b) => s.serialize_bool(*b),
            InputValue::Text(t) => s.serialize_str(t),
            InputValue::Date(d) => s.serialize_str(&crate::value::format_date(*d)),
            InputValue::Json(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for InputValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<InputValue, D::Error> {
        Ok(InputValue::from_json_value(&serde_json::Value::deserialize(d)?))
    }
}

mod values_map {
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    use super::InputValue;

    pub(super) fn serialize<S: Serializer>(values: &[(String, InputValue)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(values.len()))?;
        for (k, v) in values {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(String, InputValue)>, D::Error> {
        let map: serde_json::Map<String, serde_json::Value> = serde::Deserialize::deserialize(d)?;
        Ok(map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), InputValue::from_json_value(v)))
            .collect())
    }
}

/// A checked input value, typed by its spec.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Val {
    Dec(Decimal),
    Bool(bool),
    /// Index into the spec's choices.
    Choice(u16),
    Date(NaiveDate),
}

impl Val {
    /// The value in the JSON shape, for explanations.
    pub(crate) fn to_json(self, spec: &InputSpec) -> serde_json::Value {
        match self {
            Val::Dec(d) => serde_json::Value::String(d.to_string()),
            Val::Bool(b) => serde_json::Value::Bool(b),
            Val::Choice(i) => serde_json::Value::String(spec.choices[i as usize].clone()),
            Val::Date(d) => serde_json::Value::String(crate::value::format_date(d)),
        }
    }
}

/// What a value of this type must look like, for error messages.
pub(crate) fn expected(spec: &InputSpec) -> String {
    match spec.ty {
        InputType::Money => "a non-negative amount in yuan with at most 2 decimal places, at most \
             92,233,720,368,547,758.07 (a decimal string)"
            .into(),
        InputType::Decimal => match spec.min {
            Some(min) => format!("a decimal of at least {min} (a decimal string)"),
            None => "a decimal (a decimal string)".into(),
        },
        InputType::Count => "a whole number of at least 0".into(),
        InputType::Boolean => "true or false".into(),
        InputType::Choice => format!("one of {}", quoted(&spec.choices)),
        InputType::Date => "an ISO date YYYY-MM-DD".into(),
    }
}

pub(crate) fn quoted(items: &[String]) -> String {
    items.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

/// True if `d` is a whole number of fen (at most 2 decimal places once trailing zeros go).
pub(crate) fn is_fen(d: Decimal) -> bool {
    d.scale() <= 2 || d.normalize().scale() <= 2
}

/// The largest amount of money an input may hold: `i64::MAX` fen, the bound of the batch
/// kernel, so a single evaluation and a batch accept the same amounts.
pub(crate) const MONEY_MAX: Decimal = Decimal::from_parts(u32::MAX, u32::MAX >> 1, 0, false, 2);

/// The integer part of [`MONEY_MAX`].
const MONEY_MAX_WHOLE: i128 = 92_233_720_368_547_758;

/// Checks a decimal against its spec; `field` names it in errors.
pub(crate) fn check_decimal(spec: &InputSpec, d: Decimal, field: &str) -> Result<Val> {
    let ok = match spec.ty {
        // A mantissa up to MONEY_MAX's integer part is within it at any scale, without the
        // decimal comparison.
        InputType::Money => {
            !d.is_sign_negative() && is_fen(d) && (d.mantissa() <= MONEY_MAX_WHOLE || d <= MONEY_MAX)
        }
        InputType::Count => !d.is_sign_negative() && d.fract().is_zero(),
        InputType::Decimal => spec.min.is_none_or(|m| d >= m),
        _ => false,
    };
    if ok { Ok(Val::Dec(d)) } else { Err(Error::invalid_input(field, d, expected(spec))) }
}

/// Checks one given value against its spec.
pub(crate) fn check(spec: &InputSpec, value: &InputValue) -> Result<Val> {
    check_ref(spec, value.into())
}

/// Checks one given value, borrowed, against its spec.
pub(crate) fn check_ref(spec: &InputSpec, value: InputValueRef<'_>) -> Result<Val> {
    let field = spec.name.as_str();
    let bad = || Error::invalid_input(field, value.describe(), expected(spec));
    match (spec.ty, value) {
        (_, InputValueRef::Text(t)) => check_text(spec, t),
        (InputType::Money | InputType::Decimal | InputType::Count, InputValueRef::Decimal(d)) => {
            check_decimal(spec, d, field)
        }
        (InputType::Boolean, InputValueRef::Bool(b)) => Ok(Val::Bool(b)),
        (InputType::Date, InputValueRef::Date(d)) => Ok(Val::Date(d)),
        _ => Err(bad()),
    }
}

/// Checks a string against its spec without allocating (the batch path).
pub(crate) fn check_text(spec: &InputSpec, text: &str) -> Result<Val> {
    let field = spec.name.as_str();
    let bad = || Error::invalid_input(field, format!("'{text}'"), expected(spec));
    match spec.ty {
        InputType::Money | InputType::Decimal | InputType::Count => {
            let d = crate::value::parse_decimal(text).ok_or_else(bad)?;
            check_decimal(spec, d, field).map_err(|_| bad())
        }
        InputType::Choice => choice(spec, text).ok_or_else(bad),
        InputType::Date => crate::value::parse_date(text).map(Val::Date).ok_or_else(bad),
        InputType::Boolean => Err(bad()),
    }
}

/// The index of a choice.
pub(crate) fn choice(spec: &InputSpec, text: &str) -> Option<Val> {
    spec.choices.iter().position(|c| c == text).map(|i| Val::Choice(i as u16))
}

/// Checks a literal JSON value (a default, a test operand, a table cell) against a spec.
pub(crate) fn literal(spec: &InputSpec, value: &serde_json::Value) -> Option<Val> {
    check(spec, &InputValue::from_json_value(value)).ok()
}

#[cfg(test)]
mod money_bound {
    use super::*;

    #[test]
    fn the_money_bound_is_i64_max_fen() {
        assert_eq!(MONEY_MAX.to_string(), "92233720368547758.07");
        assert_eq!(MONEY_MAX * Decimal::ONE_HUNDRED, Decimal::from(i64::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;

    fn spec(ty: InputType) -> InputSpec {
        InputSpec {
            name: "x".into(),
            label: Text::new("x", "x"),
            ty,
            choices: vec!["a".into(), "b".into()],
            unit: None,
            min: None,
            default: None,
            required: true,
        }
    }

    #[test]
    fn money_is_whole_fen_and_not_negative() {
        let money = spec(InputType::Money);
        assert!(check(&money, &"1000000.00".into()).is_ok());
        assert!(check(&money, &"1.500".into()).is_ok(), "trailing zeros are still whole fen");
        let err = check(&money, &"1.005".into()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a non-negative amount in yuan with at most 2 decimal places, at most 92,233,720,368,547,758.07 (a decimal string), got '1.005' for 'x'"
        );
        assert!(check(&money, &"-1".into()).is_err());
        assert!(check(&money, &InputValue::Json(serde_json::json!(0.5))).is_err(), "floats are refused");
    }

    #[test]
    fn choices_and_types_are_strict() {
        let c = spec(InputType::Choice);
        assert_eq!(check(&c, &"b".into()).unwrap(), Val::Choice(1));
        let err = check(&c, &"e".into()).unwrap_err();
        assert_eq!(err.to_string(), "expected one of 'a', 'b', got 'e' for 'x'");
        assert!(check(&spec(InputType::Boolean), &"true".into()).is_err());
        assert!(check(&spec(InputType::Count), &"2.5".into()).is_err());
    }
}
