//! Shared value types and their text forms: dates, money, ids.
//!
//! - Dates are [`chrono::NaiveDate`], written as ISO `YYYY-MM-DD` and nothing else: `2022-5-18`
//!   or `2022-05-18T00:00` are rejected rather than guessed at.
//! - Money is [`rust_decimal::Decimal`] in yuan, written as a decimal string (`"20000.00"`), never
//!   a float. JSON numbers are rejected where a decimal is expected, because a float may
//!   already have lost the fen.
//! - Ids are lower-case ASCII: letters, digits and `-`, `_`, `.`, `/`, `@`, starting with a
//!   letter or digit (`tianshan-2022-87/68`).
//!
//! # Example
//!
//! ```
//! use zhengce::value::{parse_date, is_valid_id};
//!
//! assert_eq!(parse_date("2022-05-18").unwrap().to_string(), "2022-05-18");
//! assert!(parse_date("2022-5-18").is_none());
//! assert!(is_valid_id("tianshan-2022-87/68"));
//! assert!(!is_valid_id("Tianshan 68"));
//! ```

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod csv;
mod json_text;
mod path_de;
pub(crate) use csv::push_row as push_csv_row;
pub use csv::{CsvOptions, csv_cell};
pub use json_text::{JsonTextError, MAX_DEPTH, check_json_text};
pub(crate) use path_de::{PathError, from_value as from_value_at_path};

/// Parses an ISO date `YYYY-MM-DD` exactly: four-digit year, two-digit month and day.
///
/// Returns `None` for any other form or an impossible date.
///
/// # Example
///
/// ```
/// use zhengce::value::parse_date;
///
/// assert!(parse_date("2024-02-29").is_some());
/// assert!(parse_date("2023-02-29").is_none());
/// assert!(parse_date(" 2024-02-01").is_none());
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// True if `date` has a four-digit year (0001 to 9999): the dates zhengce reads and writes.
///
/// Results beyond that range (a deadline far beyond the data under a weekends-only
/// assumption) are errors, not dates that no ISO parser, Python `date` or our own
/// [`parse_date`] would read back.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::value::is_supported_date;
///
/// assert!(is_supported_date(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()));
/// assert!(!is_supported_date(NaiveDate::from_ymd_opt(10000, 1, 1).unwrap()));
/// ```
pub fn is_supported_date(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

/// Formats a date as ISO `YYYY-MM-DD`.
///
/// # Example
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2022, 5, 18).unwrap();
/// assert_eq!(zhengce::value::format_date(d), "2022-05-18");
/// ```
pub fn format_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The most decimal places a decimal string may have: what [`Decimal`] holds exactly.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::value::MAX_SCALE, 28);
/// ```
pub const MAX_SCALE: u32 = 28;

/// Parses a decimal string exactly, or not at all.
///
/// The grammar is `-?DIGITS(.DIGITS)?` in ASCII: an optional minus sign, at least one digit,
/// and, after a point, at least one digit. Nothing else is read as a number: no `+`, no
/// exponent (`1e5`), no separators (`1_000`, `1,000`), no blanks around it, no leading or
/// trailing point (`.5`, `5.`). A value [`Decimal`] cannot hold exactly (more than
/// [`MAX_SCALE`] decimal places, or more than 28 significant digits) is refused rather than
/// rounded: `0.000000000000000000000000000001` is not zero.
///
/// # Example
///
/// ```
/// use zhengce::value::parse_decimal;
///
/// assert_eq!(parse_decimal("20000.00").unwrap().to_string(), "20000.00");
/// assert!(parse_decimal("1e5").is_none());
/// assert!(parse_decimal("+1").is_none());
/// assert!(parse_decimal("").is_none());
/// assert!(parse_decimal("0.000000000000000000000000000001").is_none(), "30 places: not rounded");
/// ```
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    if let Some(d) = parse_short(text) {
        return Some(d);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if !all_digits(whole) || !fraction.is_none_or(all_digits) {
        return None;
    }
    let places = fraction.map_or(0, str::len);
    if places > MAX_SCALE as usize {
        return None;
    }
    let d: Decimal = text.parse().ok()?;
    // rust_decimal rounds digits it cannot hold; a changed scale means it did.
    (d.scale() as usize == places).then_some(d)
}

/// [`parse_decimal`] of an unsigned decimal of at most 18 digits (most amounts) in one pass,
/// without rust_decimal's general parser; `None` for any other text (the general path then
/// decides). The same value and scale as the general path: the digits are the mantissa.
#[inline]
fn parse_short(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 19 {
        return None;
    }
    let (mut mantissa, mut point, mut digits) = (0u64, None, 0usize);
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                digits += 1;
            }
            b'.' if point.is_none() && i > 0 && i + 1 < bytes.len() => point = Some(i),
            _ => return None,
        }
    }
    // 18 digits fit in 63 bits; a 19th would not always.
    if digits > 18 {
        return None;
    }
    let scale = point.map_or(0, |p| bytes.len() - p - 1) as u32;
    Some(Decimal::from_i128_with_scale(i128::from(mantissa), scale))
}

/// Parses a decimal string as [`parse_decimal`] does and checks it has at most `max_scale`
/// decimal places (trailing zeros count: `"1.500"` has three).
///
/// # Example
///
/// ```
/// use zhengce::value::parse_decimal_scale;
///
/// assert!(parse_decimal_scale("0.01", 2).is_some());
/// assert!(parse_decimal_scale("0.001", 2).is_none());
/// ```
pub fn parse_decimal_scale(text: &str, max_scale: u32) -> Option<Decimal> {
    parse_decimal(text).filter(|d| d.scale() <= max_scale)
}

/// Serde for a [`Decimal`] read strictly from a decimal string ([`parse_decimal`]); use with
/// `#[serde(with = "...")]` on input fields. rust_decimal's own serde also reads `1e5`, `+1`
/// and `1_000`, and rounds what it cannot hold.
///
/// # Example
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Row {
///     #[serde(with = "zhengce::value::strict_decimal")]
///     amount: rust_decimal::Decimal,
/// }
/// assert!(serde_json::from_str::<Row>(r#"{"amount": "1.50"}"#).is_ok());
/// assert!(serde_json::from_str::<Row>(r#"{"amount": "1e5"}"#).is_err());
/// assert!(serde_json::from_str::<Row>(r#"{"amount": 1.5}"#).is_err());
/// ```
pub mod strict_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    /// Writes the decimal as a string.
    // no example: a serde hook, shown in the module's example.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Reads a decimal string of the strict grammar.
    // no example: a serde hook, shown in the module's example.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_str(Strict)
    }

    struct Strict;

    impl serde::de::Visitor<'_> for Strict {
        type Value = Decimal;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a Decimal string -?DIGITS(.DIGITS)? with at most {} decimal places", super::MAX_SCALE)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
            super::parse_decimal(text)
                .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(text), &self))
        }
    }
}

/// Serde for an optional [`Decimal`] read strictly; pair with `#[serde(default)]`. Null and
/// absence are `None`.
///
/// # Example
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Row {
///     #[serde(default, with = "zhengce::value::opt_strict_decimal")]
///     amount: Option<rust_decimal::Decimal>,
/// }
/// assert!(serde_json::from_str::<Row>(r#"{"amount": null}"#).unwrap().amount.is_none());
/// assert!(serde_json::from_str::<Row>(r#"{"amount": "1_000"}"#).is_err());
/// ```
pub mod opt_strict_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the decimal as a string, or null.
    // no example: a serde hook, shown in the module's example.
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    /// Reads a strict decimal string or null.
    // no example: a serde hook, shown in the module's example.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::strict_decimal")] Decimal);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

/// True if `id` has the form of a catalogue id.
///
/// # Example
///
/// ```
/// assert!(zhengce::value::is_valid_id("procurement.bid_bond.rate"));
/// assert!(!zhengce::value::is_valid_id("-leading-dash"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && bytes.all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.' | b'/' | b'@')
        })
}

/// Serde for a [`NaiveDate`] as a strict ISO string; use with `#[serde(with = "...")]`.
///
/// # Example
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Row {
///     #[serde(with = "zhengce::value::iso_date")]
///     day: chrono::NaiveDate,
/// }
/// assert!(serde_json::from_str::<Row>(r#"{"day": "2022-05-18"}"#).is_ok());
/// assert!(serde_json::from_str::<Row>(r#"{"day": "2022-5-18"}"#).is_err());
/// ```
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    /// Writes the date as `YYYY-MM-DD`.
    // no example: a serde hook, shown in the module's example.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_date(*date))
    }

    /// Reads a `YYYY-MM-DD` string, rejecting any other form.
    // no example: a serde hook, shown in the module's example.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::parse_date(&text).ok_or_else(|| {
            D::Error::custom(format!("invalid_date: expected an ISO date YYYY-MM-DD, got '{text}'"))
        })
    }
}

/// Serde for an optional [`NaiveDate`]; pair with `#[serde(default)]`.
///
/// # Example
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Row {
///     #[serde(default, with = "zhengce::value::opt_iso_date")]
///     day: Option<chrono::NaiveDate>,
/// }
/// assert!(serde_json::from_str::<Row>(r#"{}"#).unwrap().day.is_none());
/// assert!(serde_json::from_str::<Row>(r#"{"day": null}"#).unwrap().day.is_none());
/// ```
pub mod opt_iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the date as `YYYY-MM-DD`, or null.
    // no example: a serde hook, shown in the module's example.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Reads a `YYYY-MM-DD` string or null.
    // no example: a serde hook, shown in the module's example.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::iso_date")] NaiveDate);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

/// The library's version, recorded in execution receipts and inspection plans.
///
/// # Example
///
/// ```
/// assert!(!zhengce::VERSION.is_empty());
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A closed range of days: `from` and `until` both included.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
///
/// let p: zhengce::Period = serde_json::from_str(r#"{"from": "2022-01-01", "until": "2024-12-31"}"#).unwrap();
/// assert!(p.contains(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()));
/// assert!(!p.contains(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub from: NaiveDate,
    /// Last day, included.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub until: NaiveDate,
}
impl Period {
    /// True if `date` lies within the period, ends included.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2022, m, day).unwrap();
    /// let p = zhengce::Period { from: d(1, 1), until: d(12, 31) };
    /// assert!(p.contains(d(1, 1)));
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.until
    }
}

/// The schema of one type, descriptions trimmed.
pub(crate) fn described<T: schemars::JsonSchema>() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(T)).expect("a schema serialises");
    trim(&mut schema);
    schema
}
/// Cuts each description at its first `# ` heading, leaving the summary without examples.
pub(crate) fn trim(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(d)) = map.get_mut("description")
                && let Some(cut) = d.find("\n\n# ")
            {
                d.truncate(cut);
            }
            map.values_mut().for_each(trim);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(trim),
        _ => {}
    }
}

/// The ranges covered by every list.
pub(crate) fn intersect<'a>(lists: impl Iterator<Item = &'a [Period]>) -> Vec<Period> {
    let mut acc: Option<Vec<Period>> = None;
    for list in lists {
        acc = Some(match acc {
            None => list.to_vec(),
            Some(prev) => {
                let mut out = Vec::new();
                for a in &prev {
                    for b in list {
                        let (from, until) = (a.from.max(b.from), a.until.min(b.until));
                        if from <= until {
                            out.push(Period { from, until });
                        }
                    }
                }
                out.sort_by_key(|p| p.from);
                out
            }
        });
    }
    acc.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        for bad in
            ["2022-5-18", "2022/05/18", "22-05-18", "2022-05-18T00", "2022-13-01", "2022-00-10", "+202-05-18"]
        {
            assert!(parse_date(bad).is_none(), "{bad} should be rejected");
        }
        assert_eq!(parse_date("2004-01-01"), NaiveDate::from_ymd_opt(2004, 1, 1));
    }

    #[test]
    fn decimals_are_strict() {
        assert_eq!(parse_decimal("-0.5"), Some(Decimal::new(-5, 1)));
        for bad in [
            "1e3",
            " 1",
            "1 ",
            "1,000",
            "0x10",
            "1_000",
            "-",
            "+1",
            ".5",
            "5.",
            "1.2.3",
            "--1",
            "١",
            "NaN",
            "inf",
            "0.000000000000000000000000000001",
            "99999999999999999999999999999999",
        ] {
            assert!(parse_decimal(bad).is_none(), "{bad} should be rejected");
        }
    }
}
