//! CSV text as the exports write it: RFC 4180 quoting and the OWASP rule against formula
//! injection.
//!
//! A spreadsheet reads a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
//! as a formula, so a register entry named `=HYPERLINK(...)` would run when the plan is
//! opened. By default such a cell gets a leading `'` (and is quoted), as OWASP recommends;
//! a cell that is a plain decimal number (`-0.5`) is left as it is, since a number is not a
//! formula. [`CsvOptions::raw_text`] writes every cell as it is, for a program that reads
//! the CSV back.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How exports write text cells.
///
/// # Example
///
/// ```
/// let raw: zhengce::value::CsvOptions = serde_json::from_str(r#"{"raw_text": true}"#).unwrap();
/// assert!(raw.raw_text);
/// assert!(!zhengce::value::CsvOptions::default().raw_text);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CsvOptions {
    /// Write cells starting with `=`, `+`, `-`, `@`, tab or CR as they are (default false:
    /// they get a leading `'` so a spreadsheet shows them as text).
    pub raw_text: bool,
}

/// The cell as it is written: neutralised unless `raw`, then quoted if it must be.
///
/// # Example
///
/// ```
/// use zhengce::value::{CsvOptions, csv_cell};
///
/// assert_eq!(csv_cell("=1+2", &CsvOptions::default()), "\"'=1+2\"");
/// assert_eq!(csv_cell("-0.5", &CsvOptions::default()), "-0.5");
/// assert_eq!(csv_cell("=1+2", &CsvOptions { raw_text: true }), "=1+2");
/// assert_eq!(csv_cell("a,b", &CsvOptions::default()), "\"a,b\"");
/// ```
pub fn csv_cell(text: &str, options: &CsvOptions) -> String {
    let mut out = String::new();
    push_cell(&mut out, text, options);
    out
}

pub(crate) fn push_cell(out: &mut String, text: &str, options: &CsvOptions) {
    let formula = !options.raw_text
        && text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && super::parse_decimal(text).is_none();
    if formula || text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Writes one row of cells and a `\n`.
pub(crate) fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S], options: &CsvOptions) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref(), options);
    }
    out.push('\n');
}
