//! The functions a case can call, by name: one table per module, the same names as the
//! conformance vectors (`tests/vectors`) use.

use serde_json::Value;

use crate::{Context, Error};

mod calendar;
mod catalogue;
mod communities;
// In WebAssembly the drafter is the npm package's second, optional module (`zhengce/draft`):
// the main module's case runner leaves it out (about 45 KB of the module), so a case calling
// `draft.draft` is a `not_found` function there. Native builds keep it.
#[cfg(not(target_arch = "wasm32"))]
mod draft;
mod rules;
mod sampling;
mod targets;

/// A case call: the context the case runs in, the case's input, the result as JSON.
pub(super) type Call = fn(&Context, &Value) -> Result<Value, Error>;

pub(super) fn call_for(function: &str) -> Option<Call> {
    let (module, _) = function.split_once('.')?;
    match module {
        "catalogue" => catalogue::call(function),
        "calendar" => calendar::call(function),
        "rules" => rules::call(function),
        "sampling" => sampling::call(function),
        "targets" => targets::call(function),
        "communities" => communities::call(function),
        #[cfg(not(target_arch = "wasm32"))]
        "draft" => draft::call(function),
        _ => None,
    }
}

/// Serialises a core result as JSON.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Reads a typed argument out of the input.
fn arg<T: serde::de::DeserializeOwned>(input: &Value, key: &str) -> Result<T, Error> {
    crate::error::from_json_value(input.get(key).unwrap_or(&Value::Null), key)
}
