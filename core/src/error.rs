//! The one error type of the crate.
//!
//! Every fallible call returns [`Result<T>`], whose error is an [`Error`]. An error has a
//! [kind](ErrorKind) with a stable snake_case [code](Error::code) (`out_of_coverage`,
//! `invalid_input`, ...), a message that names the field, the value and what was expected,
//! and [details](Error::details) as JSON for the bindings. Python raises a
//! `zhengce.ZhengceError` subclass chosen by the code; JavaScript throws an `Error` whose
//! `code` and `details` carry the same values.
//!
//! # Example
//!
//! ```
//! let err = zhengce::Catalogue::builtin().parameter_value("procurement.bid_bond.rate", "cn",
//!     chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap()).unwrap_err();
//! assert_eq!(err.code(), "invalid_input");
//! assert_eq!(err.path(), Some("date"));
//! ```

use std::fmt;

use serde::Serialize;

/// The result type of every fallible call in the crate.
///
/// # Example
///
/// ```
/// fn rate() -> zhengce::Result<String> {
///     Ok(zhengce::Catalogue::builtin().parameter("procurement.bid_bond.rate")?.unit.clone())
/// }
/// assert_eq!(rate()?, "ratio");
/// # Ok::<(), zhengce::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from zhengce: what went wrong, where, and what was expected.
///
/// The error is one pointer wide so that `Result` stays small on hot paths.
///
/// # Example
///
/// ```
/// use zhengce::Catalogue;
///
/// let catalogue = Catalogue::builtin();
/// let err = catalogue.get("no-such-id").unwrap_err();
/// assert_eq!(err.code(), "not_found");
/// assert!(err.to_string().contains("'no-such-id'"));
/// ```
#[derive(Clone, PartialEq)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq)]
struct Inner {
    kind: ErrorKind,
    context: Vec<String>,
}

/// One problem found while loading catalogue or calendar data.
///
/// Loading reports every problem at once; each one names its place as a JSON path.
///
/// # Example
///
/// ```
/// use zhengce::Catalogue;
///
/// let err = Catalogue::from_json(r#"{"jurisdictions": [{"id": "x"}]}"#).unwrap_err();
/// let problems = err.problems();
/// assert_eq!(problems[0].path, "$.jurisdictions[0]");
/// assert_eq!(problems[0].code, "missing_field");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Problem {
    /// A stable snake_case code, e.g. `duplicate_id` or `dangling_reference`.
    pub code: String,
    /// Where the problem is, as a JSON path into the loaded document (`$.measures[3].source`).
    /// When the catalogue is layered, the path starts with the layer's label (`overlay:$...`).
    pub path: String,
    /// What is wrong, naming the value and what was expected.
    pub message: String,
}

impl Problem {
    /// Makes a problem from its code, path and message.
    ///
    /// # Example
    ///
    /// ```
    /// let p = zhengce::Problem::new("empty_name", "$.units[0].name.zh", "expected a non-empty name");
    /// assert_eq!(p.to_string(), "$.units[0].name.zh: expected a non-empty name [code=empty_name]");
    /// ```
    pub fn new(code: &str, path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { code: code.to_owned(), path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [code={}]", self.path, self.message, self.code)
    }
}

/// What went wrong. Each kind has a stable code, see [`Error::code`].
///
/// The enum is `#[non_exhaustive]`: new kinds may be added without a breaking release.
///
/// # Example
///
/// ```
/// use zhengce::ErrorKind;
///
/// let err = zhengce::Catalogue::builtin().unit("nobody").unwrap_err();
/// match err.kind() {
///     ErrorKind::NotFound { kind, id } => assert_eq!((kind.as_str(), id.as_str()), ("unit", "nobody")),
///     other => panic!("unexpected {other}"),
/// }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ErrorKind {
    /// Catalogue data has one or more problems; all of them are listed.
    #[error("{} in catalogue{}", count(problems.len(), "problem"), list(problems))]
    InvalidCatalogue {
        /// Every problem found, in document order.
        problems: Vec<Problem>,
    },
    /// Calendar data has one or more problems; all of them are listed.
    #[error("{} in calendar data{}", count(problems.len(), "problem"), list(problems))]
    InvalidCalendar {
        /// Every problem found, in document order.
        problems: Vec<Problem>,
    },
    /// No entry of this kind has this id.
    #[error("no {kind} with id '{id}'")]
    NotFound {
        /// The kind of entry looked for (`document`, `rule`, `calendar`, ...).
        kind: String,
        /// The id that was asked for.
        id: String,
    },
    /// An input has a value outside what the call accepts.
    #[error("expected {expected}, got {value} for '{field}'{}", row_suffix(*row))]
    InvalidInput {
        /// The input's name, e.g. `budget` or `lots[2].budget`.
        field: String,
        /// The value received, as text.
        value: String,
        /// What the call accepts.
        expected: String,
        /// The row of a batch call, when the input was one row of a column.
        #[serde(skip_serializing_if = "Option::is_none")]
        row: Option<usize>,
    },
    /// A required input was not given.
    #[error("expected a value for '{field}', got none{}", row_suffix(*row))]
    MissingInput {
        /// The input's name.
        field: String,
        /// The row of a batch call.
        #[serde(skip_serializing_if = "Option::is_none")]
        row: Option<usize>,
    },
    /// A date lies outside the ranges the calendar's data covers.
    #[error("expected a date covered by the calendar of '{calendar}' ({}), got {date}", ranges(covered))]
    OutOfCoverage {
        /// The date asked about (for a count, the first day the data does not cover).
        #[serde(with = "crate::value::iso_date")]
        date: chrono::NaiveDate,
        /// The jurisdiction whose calendar was asked.
        calendar: String,
        /// First covered day.
        #[serde(with = "crate::value::iso_date")]
        from: chrono::NaiveDate,
        /// Last covered day.
        #[serde(with = "crate::value::iso_date")]
        until: chrono::NaiveDate,
        /// Every covered range: coverage need not be contiguous (Xinjiang: 2022, 2023, 2025).
        covered: Vec<crate::value::Period>,
    },
    /// A value came with a unit other than the one expected.
    #[error("expected unit '{expected}', got '{got}' for '{field}'")]
    UnitMismatch {
        /// The field or entry whose unit is wrong.
        field: String,
        /// The unit required.
        expected: String,
        /// The unit given.
        got: String,
    },
    /// A computation cannot be carried out with the inputs given (e.g. too few inspectors).
    #[error("cannot {what}: {why}")]
    Infeasible {
        /// What was attempted, e.g. `assign inspectors to visit 12`.
        what: String,
        /// Why it cannot be done.
        why: String,
    },
    /// A rule was asked to do something its kind does not support.
    #[error("expected a rule of kind {expected}, got '{rule}' of kind {got}")]
    WrongRuleKind {
        /// The rule's id.
        rule: String,
        /// The kind the call needs.
        expected: String,
        /// The rule's kind.
        got: String,
    },
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

fn ranges(covered: &[crate::value::Period]) -> String {
    if covered.is_empty() {
        return "no data".to_owned();
    }
    covered.iter().map(|p| format!("{}..={}", p.from, p.until)).collect::<Vec<_>>().join(", ")
}

fn row_suffix(row: Option<usize>) -> String {
    row.map(|r| format!(" at row {r}")).unwrap_or_default()
}

impl Error {
    /// Makes an error of the given kind.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{Error, ErrorKind};
    ///
    /// let err = Error::new(ErrorKind::MissingInput { field: "budget".into(), row: Some(3) });
    /// assert_eq!(err.to_string(), "expected a value for 'budget', got none at row 3");
    /// ```
    pub fn new(kind: ErrorKind) -> Error {
        Error { inner: Box::new(Inner { kind, context: Vec::new() }) }
    }

    /// An [`ErrorKind::InvalidInput`] error.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::Error::invalid_input("budget", "-1", "a non-negative amount in yuan");
    /// assert_eq!(err.to_string(), "expected a non-negative amount in yuan, got -1 for 'budget'");
    /// ```
    pub fn invalid_input(
        field: impl Into<String>,
        value: impl fmt::Display,
        expected: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::InvalidInput {
            field: field.into(),
            value: value.to_string(),
            expected: expected.into(),
            row: None,
        })
    }

    /// An [`ErrorKind::MissingInput`] error.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::Error::missing_input("credit_class").code(), "missing_input");
    /// ```
    pub fn missing_input(field: impl Into<String>) -> Error {
        Error::new(ErrorKind::MissingInput { field: field.into(), row: None })
    }

    /// An [`ErrorKind::NotFound`] error.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::Error::not_found("rule", "bid-bond");
    /// assert_eq!(err.to_string(), "no rule with id 'bid-bond'");
    /// ```
    pub fn not_found(kind: &str, id: impl Into<String>) -> Error {
        Error::new(ErrorKind::NotFound { kind: kind.to_owned(), id: id.into() })
    }

    /// An [`ErrorKind::InvalidCatalogue`] error from a list of problems.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::{Error, Problem};
    ///
    /// let err = Error::invalid_catalogue(vec![Problem::new("duplicate_id", "$.units[1].id", "duplicate id 'x'")]);
    /// assert_eq!(err.problems().len(), 1);
    /// ```
    pub fn invalid_catalogue(problems: Vec<Problem>) -> Error {
        Error::new(ErrorKind::InvalidCatalogue { problems })
    }

    /// Records the row of a batch call on an input error, so the message names it.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::Error::invalid_input("budget", "-1", "a non-negative amount").at_row(7);
    /// assert!(err.to_string().ends_with("at row 7"));
    /// ```
    pub fn at_row(mut self, index: usize) -> Error {
        match &mut self.inner.kind {
            ErrorKind::InvalidInput { row, .. } | ErrorKind::MissingInput { row, .. } => {
                *row = Some(index);
            }
            _ => {}
        }
        self
    }

    /// Adds context ("failed to <verb> <object>") in front of the message.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::Error::missing_input("budget").context("failed to evaluate rule 'bid-bond'");
    /// assert_eq!(err.to_string(), "failed to evaluate rule 'bid-bond': expected a value for 'budget', got none");
    /// ```
    pub fn context(mut self, context: impl Into<String>) -> Error {
        self.inner.context.insert(0, context.into());
        self
    }

    /// The kind of error.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::ErrorKind;
    ///
    /// let err = zhengce::Error::not_found("unit", "x");
    /// assert!(matches!(err.kind(), ErrorKind::NotFound { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The stable snake_case code of the error's kind.
    ///
    /// Codes: `invalid_catalogue`, `invalid_calendar`, `not_found`, `invalid_input`,
    /// `missing_input`, `out_of_coverage`, `unit_mismatch`, `infeasible`, `wrong_rule_kind`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::Error::missing_input("x").code(), "missing_input");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.inner.kind {
            ErrorKind::InvalidCatalogue { .. } => "invalid_catalogue",
            ErrorKind::InvalidCalendar { .. } => "invalid_calendar",
            ErrorKind::NotFound { .. } => "not_found",
            ErrorKind::InvalidInput { .. } => "invalid_input",
            ErrorKind::MissingInput { .. } => "missing_input",
            ErrorKind::OutOfCoverage { .. } => "out_of_coverage",
            ErrorKind::UnitMismatch { .. } => "unit_mismatch",
            ErrorKind::Infeasible { .. } => "infeasible",
            ErrorKind::WrongRuleKind { .. } => "wrong_rule_kind",
        }
    }

    /// The place the error points at: the input field, or the first problem's JSON path.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::Error::invalid_input("lots[2].budget", "-5", "a non-negative amount");
    /// assert_eq!(err.path(), Some("lots[2].budget"));
    /// ```
    pub fn path(&self) -> Option<&str> {
        match &self.inner.kind {
            ErrorKind::InvalidCatalogue { problems } | ErrorKind::InvalidCalendar { problems } => {
                problems.first().map(|p| p.path.as_str())
            }
            ErrorKind::InvalidInput { field, .. }
            | ErrorKind::MissingInput { field, .. }
            | ErrorKind::UnitMismatch { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Every problem of an invalid catalogue or calendar; empty for other kinds.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Error::missing_input("x").problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match &self.inner.kind {
            ErrorKind::InvalidCatalogue { problems } | ErrorKind::InvalidCalendar { problems } => problems,
            _ => &[],
        }
    }

    /// The error's fields as JSON, with its `code`: what the bindings expose as `details`.
    ///
    /// # Example
    ///
    /// ```
    /// let details = zhengce::Error::not_found("rule", "x").details();
    /// assert_eq!(details["code"], "not_found");
    /// assert_eq!(details["id"], "x");
    /// ```
    pub fn details(&self) -> serde_json::Value {
        serde_json::to_value(&self.inner.kind).unwrap_or(serde_json::Value::Null)
    }

    /// True for [`ErrorKind::NotFound`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Error::not_found("rule", "x").is_not_found());
    /// ```
    pub fn is_not_found(&self) -> bool {
        matches!(self.inner.kind, ErrorKind::NotFound { .. })
    }

    /// True for [`ErrorKind::OutOfCoverage`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhengce::Error::not_found("rule", "x").is_out_of_coverage());
    /// ```
    pub fn is_out_of_coverage(&self) -> bool {
        matches!(self.inner.kind, ErrorKind::OutOfCoverage { .. })
    }

    /// True for [`ErrorKind::InvalidInput`] and [`ErrorKind::MissingInput`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::Error::missing_input("x").is_input());
    /// ```
    pub fn is_input(&self) -> bool {
        matches!(self.inner.kind, ErrorKind::InvalidInput { .. } | ErrorKind::MissingInput { .. })
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.inner.context {
            write!(f, "{c}: ")?;
        }
        write!(f, "{}", self.inner.kind)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({}: {self})", self.code())
    }
}

impl std::error::Error for Error {}

/// Parses JSON text a binding received as a string argument (`what` names it): a key given
/// twice, a syntax error or nesting deeper than [`MAX_DEPTH`](crate::value::MAX_DEPTH) is an `invalid_input` error.
///
/// # Errors
///
/// - `invalid_input` naming `what` and the problem.
///
/// # Example
///
/// ```
/// let err = zhengce::error::parse_json_text(r#"{"a": 1, "a": 2}"#, "overlay").unwrap_err();
/// assert_eq!(err.path(), Some("overlay"));
/// assert!(zhengce::error::parse_json_text("[1, 2]", "overlay").is_ok());
/// ```
pub fn parse_json_text(text: &str, what: &str) -> Result<serde_json::Value> {
    let bad = |e: crate::value::JsonTextError| {
        Error::invalid_input(what, format!("{} at {}", e.code, e.path), format!("JSON text ({})", e.message))
    };
    crate::value::check_json_text(text).map_err(bad)?;
    serde_json::from_str(text).map_err(|e| Error::invalid_input(what, "text", format!("JSON text ({e})")))
}

/// Reads a typed value (an options struct, a filter) out of JSON, as bindings receive it from a
/// Python dict or a JavaScript object.
///
/// `what` names the argument (`filter`, `options`); a bad or unknown field is an
/// `invalid_input` error naming `what.field`, the value given and what was expected.
///
/// # Errors
///
/// - `invalid_input` for an unknown field, a value of the wrong type or an unknown enum value.
///
/// # Example
///
/// ```
/// use zhengce::{DocumentFilter, error::from_json_value};
///
/// let filter: DocumentFilter = from_json_value(&serde_json::json!({"kind": "law"}), "filter")?;
/// assert!(filter.kind.is_some());
/// let err = from_json_value::<DocumentFilter>(&serde_json::json!({"kind": "poem"}), "filter").unwrap_err();
/// assert_eq!(err.path(), Some("filter.kind"));
/// assert!(err.to_string().starts_with("expected one of"));
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn from_json_value<T: serde::de::DeserializeOwned>(value: &serde_json::Value, what: &str) -> Result<T> {
    crate::value::from_value_at_path(value).map_err(|e| path_error(value, what, &e))
}

/// The `invalid_input` error of [`from_json_value`]. Not generic, and kept out of line: inlined
/// into each `T`'s copy it was about 2.5 KB of WebAssembly per options type.
#[inline(never)]
fn path_error(value: &serde_json::Value, what: &str, e: &crate::value::PathError) -> Error {
    let inner = e.path().to_string();
    let mut field = if inner == "." { what.to_owned() } else { format!("{what}.{inner}") }.replace(".[", "[");
    let message = e.inner().to_string();
    let expected = message.split_once(", expected ").map_or(message.as_str(), |(_, rest)| rest).to_owned();
    let given = if let Some(key) = message.strip_prefix("unknown field `").and_then(|r| r.split('`').next()) {
        if !field.ends_with(&format!(".{key}")) {
            field = format!("{field}.{key}");
        }
        format!("an unknown field '{key}'")
    } else {
        lookup(value, &inner).map_or_else(|| "nothing".to_owned(), |v| v.to_string())
    };
    Error::invalid_input(field, given, expected)
}
/// The value at a deserialization error's path (`a.b[2].c`) inside `value`.
fn lookup<'v>(value: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    if path == "." {
        return Some(value);
    }
    path.split('.').try_fold(value, |v, segment| {
        let (key, indices) = segment.split_once('[').map_or((segment, ""), |(k, rest)| (k, rest));
        let mut v = if key.is_empty() { v } else { v.get(key)? };
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            v = v.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
        Some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_one_pointer_wide() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn invalid_catalogue_lists_every_problem() {
        let err = Error::invalid_catalogue(vec![
            Problem::new("duplicate_id", "$.units[1].id", "duplicate id 'a'"),
            Problem::new("empty_name", "$.units[2].name.en", "expected a non-empty name"),
        ]);
        assert_eq!(
            err.to_string(),
            "2 problems in catalogue\n  $.units[1].id: duplicate id 'a' [code=duplicate_id]\n  \
             $.units[2].name.en: expected a non-empty name [code=empty_name]"
        );
        assert_eq!(err.path(), Some("$.units[1].id"));
        assert_eq!(err.details()["problems"][1]["code"], "empty_name");
    }

    #[test]
    fn at_row_leaves_other_kinds_alone() {
        let err = Error::not_found("rule", "x").at_row(3);
        assert_eq!(err.to_string(), "no rule with id 'x'");
    }
}
