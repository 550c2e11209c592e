//! How to evaluate: the options of single and batch evaluations, and of the bindings' calls.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How to evaluate: whether to build the full explanation, and what a batch does with a row
/// that fails.
///
/// # Example
///
/// ```
/// let opts: zhengce::rules::Options = serde_json::from_str(r#"{"explain": true, "errors": "null"}"#).unwrap();
/// assert!(opts.explain);
/// assert_eq!(opts.errors, zhengce::rules::ErrorMode::Null);
/// assert!(!zhengce::rules::Options::default().explain);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Build the explanation: the rule and its clause, every parameter with its value, date and
    /// source, every condition with its outcome, the steps, and the execution receipt.
    #[serde(default)]
    pub explain: bool,
    /// Also render the result and explanation as readable text in this language, in
    /// `explanation.text` (implies `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<super::Lang>,
    /// In a batch, what a row that fails does: fail the batch (`raise`, the default) or give
    /// nulls and its error (`null`). A single evaluation always fails.
    #[serde(default, skip_serializing_if = "ErrorMode::is_raise")]
    pub errors: ErrorMode,
}

/// What a batch does with a row that fails (a bad input, a parameter without a value on the
/// row's date, an overflow).
///
/// # Example
///
/// ```
/// use zhengce::rules::ErrorMode;
/// assert_eq!(serde_json::to_value(ErrorMode::Null).unwrap(), "null");
/// assert_eq!(ErrorMode::default(), ErrorMode::Raise);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ErrorMode {
    /// The first row that fails fails the batch, its error naming the row.
    #[default]
    Raise,
    /// A row that fails gives nulls in every output and its error's code and message in the
    /// result's errors; the other rows are unaffected.
    Null,
}

impl ErrorMode {
    /// True for [`ErrorMode::Raise`].
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::ErrorMode::Raise.is_raise());
    /// ```
    pub fn is_raise(&self) -> bool {
        *self == ErrorMode::Raise
    }
}

impl Options {
    /// Options that build the full explanation.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::Options::explained().explain);
    /// ```
    pub fn explained() -> Options {
        Options { explain: true, ..Options::default() }
    }
}
/// The options of the bindings' `evaluate` and `evaluate_batch` calls, in one object: the
/// case's jurisdiction (the rule's own when absent) and the evaluation [`Options`].
///
/// # Example
///
/// ```
/// let o: zhengce::rules::CallOptions = serde_json::from_str(r#"{"jurisdiction": "cn-xj-urumqi-tianshan", "explain": true}"#).unwrap();
/// assert!(o.options().explain);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallOptions {
    /// The case's jurisdiction: the rule's or one within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Build the explanation (null counts as false: JavaScript callers may pass `undefined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<bool>,
    /// Render the explanation as text in this language (implies `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<super::Lang>,
    /// In a batch: `raise` (null counts as the default, raise) or `null` (see [`ErrorMode`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<ErrorMode>,
}
impl CallOptions {
    /// The evaluation options.
    ///
    /// # Example
    ///
    /// See [`CallOptions`].
    ///
    /// # Example
    ///
    /// ```
    /// let o = zhengce::rules::CallOptions { explain: Some(true), ..Default::default() };
    /// assert!(o.options().explain);
    /// ```
    pub fn options(&self) -> Options {
        Options {
            explain: self.explain.unwrap_or(false),
            text: self.text,
            errors: self.errors.unwrap_or_default(),
        }
    }
}

/// How [`Evaluator::evaluate_batch_chunked`](super::Evaluator::evaluate_batch_chunked) cuts a
/// batch: the rows per chunk, the threads the chunks run on, and the batch's first row within
/// a larger one. None of these changes a result.
///
/// # Example
///
/// ```
/// let c = zhengce::rules::Chunking { rows: 1 << 16, ..Default::default() };
/// assert_eq!((c.threads, c.first_row), (1, 0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunking {
    /// Rows per chunk (at least 1).
    pub rows: usize,
    /// Threads the chunks run on; more than 1 needs the cargo feature `threads` (without it
    /// the chunks run one after the other on the calling thread).
    pub threads: usize,
    /// The batch is rows `first_row..` of a larger batch the caller feeds in parts: chunk
    /// starts, error rows and [`RowError`](super::RowError) rows name the larger batch's rows.
    pub first_row: usize,
}

impl Default for Chunking {
    fn default() -> Chunking {
        Chunking { rows: usize::MAX, threads: 1, first_row: 0 }
    }
}
