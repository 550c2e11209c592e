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

/// Parses a decimal string such as `"1000000"` or `"0.01"`; rejects exponents and blanks.
///
/// # Example
///
/// ```
/// use zhengce::value::parse_decimal;
///
/// assert_eq!(parse_decimal("20000.00").unwrap().to_string(), "20000.00");
/// assert!(parse_decimal("1e5").is_none());
/// assert!(parse_decimal("").is_none());
/// ```
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let ok = !text.is_empty()
        && text.bytes().enumerate().all(|(i, c)| c.is_ascii_digit() || c == b'.' || (i == 0 && c == b'-'));
    if ok { text.parse().ok() } else { None }
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
        for bad in ["1e3", " 1", "1,000", "0x10", "1_000", "-"] {
            assert!(parse_decimal(bad).is_none(), "{bad} should be rejected");
        }
    }
}
