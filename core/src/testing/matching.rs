//! Subset matching of an expected value against an actual one.

use rust_decimal::Decimal;
use serde_json::Value;

/// Pushes every mismatch between `expected` (matched as a subset) and `actual` onto `out`.
pub(super) fn matches(
    expected: &Value,
    actual: &Value,
    path: &str,
    tolerance: Option<Decimal>,
    out: &mut Vec<String>,
) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(av) => matches(v, av, &format!("{path}.{k}"), tolerance, out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                matches(ev, av, &format!("{path}[{i}]"), tolerance, out);
            }
        }
        (Value::Object(_) | Value::Array(_), _) => {
            out.push(format!("{path}: expected {expected}, got {actual}"))
        }
        _ if expected == actual => {}
        _ => {
            let close = tolerance.is_some_and(|t| match (decimal(expected), decimal(actual)) {
                (Some(e), Some(a)) => (e - a).abs() <= t,
                _ => false,
            });
            if !close {
                out.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
    }
}

/// A decimal string or an integer as a decimal (never a float).
fn decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => crate::value::parse_decimal(s),
        Value::Number(n) if n.is_i64() => n.as_i64().map(Decimal::from),
        _ => None,
    }
}
