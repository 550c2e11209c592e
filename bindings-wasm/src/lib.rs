//! The JavaScript module `zhengce`: a thin translation layer over the `zhengce` crate.
//!
//! Each method converts its arguments, makes one core call and converts the result. No
//! policy logic lives here. Names are the core's in camelCase; objects use the catalogue's
//! JSON shape (snake_case keys, decimal strings, ISO dates). Errors are thrown as `Error`
//! objects named `ZhengceError` with `code`, `path` and `details`.
//!
//! The crate builds one of two modules: the main one (`zhengce`), or with feature
//! `draft-module` the optional second one (`zhengce/draft`: the drafter and the YAML reader),
//! so a page that does not draft does not load their code.
#![forbid(unsafe_code)]
// The draft module uses only part of the shared conversion helpers.
#![cfg_attr(feature = "draft-module", allow(dead_code))]

use wasm_bindgen::prelude::*;

#[cfg(not(feature = "draft-module"))]
mod builtin;
#[cfg(not(feature = "draft-module"))]
mod calendar;
#[cfg(not(feature = "draft-module"))]
mod catalogue;
#[cfg(not(feature = "draft-module"))]
mod columns;
#[cfg(not(feature = "draft-module"))]
mod communities;
#[cfg(not(feature = "draft-module"))]
mod context;
mod convert;
#[cfg(feature = "draft-module")]
mod draft;
mod error;
#[cfg(not(feature = "draft-module"))]
mod prepared;
#[cfg(not(feature = "draft-module"))]
mod rules;
#[cfg(not(feature = "draft-module"))]
mod sampling;
#[cfg(not(feature = "draft-module"))]
mod targets;
#[cfg(not(feature = "draft-module"))]
mod testing;

// The TypeScript shapes of every object crossing the binding, generated from core/schema/api.schema.json
// (see tools/gen-ts-types.mjs); referenced by the `unchecked_*_type` annotations.
// The draft module's declarations import theirs from the main module's (npm/assemble.mjs).
#[cfg(not(feature = "draft-module"))]
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = include_str!("../types/api.d.ts");

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    zhengce::VERSION.to_owned()
}

/// The size in bytes of the module's linear memory: lets a caller (and the tests) check that
/// memory stays flat over many calls.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

/// Panics on purpose (a test hook, not API): with `panic = "abort"` this traps the wasm module,
/// so the tests can show the package's wrapper turns a trap into a `ZhengceError` with code
/// `internal` and restarts the module, after which calls work again (issue 13).
#[wasm_bindgen(js_name = "__panicForTest", skip_typescript)]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}
