//! No panic crosses into Python: every entry point runs under [`guard`].
//!
//! PyO3 turns a Rust panic into `pyo3_runtime.PanicException`, a `BaseException` that
//! `except Exception` does not catch. The project's rule is that every failure is a
//! `zhengce.ZhengceError`, so each `#[pymethods]` block is written inside [`guarded!`], which
//! wraps every method body in [`guard`]: a panic becomes `zhengce.InternalError` (code
//! `internal`) carrying the panic message, and the module stays usable.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::prelude::*;

/// Runs `f`, turning a panic into `zhengce.InternalError`.
///
/// `AssertUnwindSafe` is sound here: the objects the body touches are frozen pyclasses
/// (immutable after construction) or `&mut self` of a class whose methods keep it valid at
/// every point a core call can return (a core call either succeeds or leaves it unchanged).
pub fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            Err(crate::error::internal(&message))
        }
    }
}

/// A `#[pymethods] impl` block whose every method body runs under [`guard`].
///
/// Methods returning `PyResult<T>` keep their type; any other return type `T` becomes
/// `PyResult<T>` (the same Python signature). Written as `guarded! { #[pymethods] impl X { ... } }`.
#[macro_export]
macro_rules! guarded {
    ($(#[$attr:meta])* impl $ty:ident { $($items:tt)* }) => {
        $crate::guarded!(@munch [$(#[$attr])*] $ty; []; $($items)*);
    };
    (@munch [$($attr:tt)*] $ty:ident; [$($done:tt)*];) => {
        $($attr)* impl $ty { $($done)* }
    };
    (@munch $attr:tt $ty:ident; [$($done:tt)*];
        $(#[$m:meta])* $v:vis fn $name:ident $(<$($lt:lifetime),+>)? ($($args:tt)*) -> PyResult<$t:ty> $body:block
        $($rest:tt)*
    ) => {
        $crate::guarded!(@munch $attr $ty; [$($done)*
            $(#[$m])* $v fn $name $(<$($lt),+>)? ($($args)*) -> PyResult<$t> {
                $crate::guard::guard(move || $body)
            }
        ]; $($rest)*);
    };
    (@munch $attr:tt $ty:ident; [$($done:tt)*];
        $(#[$m:meta])* $v:vis fn $name:ident $(<$($lt:lifetime),+>)? ($($args:tt)*) -> $t:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::guarded!(@munch $attr $ty; [$($done)*
            $(#[$m])* $v fn $name $(<$($lt),+>)? ($($args)*) -> PyResult<$t> {
                $crate::guard::guard(move || { let value: $t = $body; Ok(value) })
            }
        ]; $($rest)*);
    };
    (@munch $attr:tt $ty:ident; [$($done:tt)*];
        $(#[$m:meta])* $v:vis fn $name:ident $(<$($lt:lifetime),+>)? ($($args:tt)*) $body:block
        $($rest:tt)*
    ) => {
        $crate::guarded!(@munch $attr $ty; [$($done)*
            $(#[$m])* $v fn $name $(<$($lt),+>)? ($($args)*) -> PyResult<()> {
                $crate::guard::guard(move || { $body; Ok(()) })
            }
        ]; $($rest)*);
    };
}

/// Panics on purpose, so the tests can show a panic reaches Python as `InternalError`.
#[pyo3::pyfunction]
pub fn _panic_for_test(message: &Bound<'_, PyAny>) -> PyResult<()> {
    let message = crate::convert::str_arg(message, "message")?;
    let message = message.as_str();
    guard(move || panic!("{message}"))
}
