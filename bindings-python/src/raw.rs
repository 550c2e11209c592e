//! The binding's only `unsafe` code: reading (and, for an object just made, writing) the
//! memory of CPython `decimal.Decimal` objects and numpy string arrays, where going through
//! Python would cost more than the rest of a call.
//!
//! A `Decimal` crosses as text otherwise (`str()` out, a constructor call from text in): about
//! 250 ns of a call that is otherwise under 200. CPython's `_decimal` exports no C API in the
//! versions this wheel runs on (3.11 to 3.13 have no `_decimal._API` capsule), so the object is
//! read in place, under three rules that make it sound:
//!
//! - nothing is read before the type is known to be CPython's C `Decimal` with the instance
//!   size of its `PyDecObject` (header, hash, `mpd_t`, four inline words), so every read is
//!   within the object's own allocation, whatever its fields mean;
//! - the coefficient is read only when its word pointer points at those inline words, and at
//!   most two of them, so no pointer is followed out of the object;
//! - the meaning of the fields is checked once per process on probe values, built and read
//!   both ways and compared with `str()` and `==`; if any probe differs (another CPython
//!   layout, a 32-bit build, `_pydecimal`) the fast path stays off and every value goes
//!   through text, as before.
//!
//! A `Decimal` is written only while it is new: the result of `Decimal(0).copy_abs()`,
//! referenced by the caller alone, its hash not yet computed, its words inline. Its
//! coefficient, digits, exponent and sign are set before anything else can see it.
#![allow(unsafe_code)]

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use rust_decimal::Decimal;

/// `PyDecObject`'s layout on 64-bit CPython (checked on 3.11, 3.12 and 3.13): `PyObject_HEAD` (16 bytes),
/// `Py_hash_t hash`, then `mpd_t { uint8_t flags; mpd_ssize_t exp, digits, len, alloc;
/// mpd_uint_t *data; }`, then `mpd_uint_t data[4]`.
const HASH: usize = 16;
const FLAGS: usize = 24;
const EXP: usize = 32;
const DIGITS: usize = 40;
const LEN: usize = 48;
const ALLOC: usize = 56;
const DATA: usize = 64;
const INLINE: usize = 72;
const SIZE: isize = 104;
/// The sign and special-value bits of `flags` (MPD_NEG | MPD_INF | MPD_NAN | MPD_SNAN).
const SIGN_AND_SPECIAL: u8 = 0x0f;
/// libmpdec's word base on 64-bit builds.
const RADIX: u128 = 10_000_000_000_000_000_000;

/// The `Decimal` type and, when the layout checks passed, a maker of fresh objects.
struct Layout {
    ty: Py<PyType>,
    /// `Decimal(0).copy_abs`: each call returns a new zero (copy_abs reads no context).
    fresh: Option<Py<PyAny>>,
}

static LAYOUT: PyOnceLock<Layout> = PyOnceLock::new();

fn layout(py: Python<'_>) -> Option<&Layout> {
    LAYOUT.get_or_try_init(py, || probe(py)).ok()
}

/// Reads a word at `offset` of `obj`.
///
/// # Safety
/// `obj` must be an instance of a type whose instances are at least `offset + 8` bytes.
unsafe fn word(obj: *mut pyo3::ffi::PyObject, offset: usize) -> u64 {
    // SAFETY: within the object, as the caller promises; read_unaligned assumes no alignment.
    unsafe { std::ptr::read_unaligned((obj as *const u8).add(offset) as *const u64) }
}

/// The value of a `Decimal` exactly as `parse_decimal(str(d))` reads it, for the values whose
/// `str()` is in the grammar: non-negative, finite, no exponent (`exp <= 0` and an adjusted
/// exponent of at least -6, as the specification's to-sci-string writes), at most 28 places
/// and 96 bits. `None` for anything else (a subclass too): the caller goes through text, which
/// accepts or refuses it as before.
pub fn read_decimal(obj: &Bound<'_, PyAny>) -> Option<Decimal> {
    let l = layout(obj.py())?;
    l.fresh.as_ref()?;
    // SAFETY: `l.ty` passed `probe`'s checks (the fast path is on).
    unsafe { read_in_place(obj, &l.ty) }
}

/// # Safety
/// `ty` must be CPython's C `Decimal` with instances of [`SIZE`] bytes (checked in `probe`).
unsafe fn read_in_place(obj: &Bound<'_, PyAny>, ty: &Py<PyType>) -> Option<Decimal> {
    if obj.get_type_ptr() != ty.as_ptr().cast() {
        return None;
    }
    let p = obj.as_ptr();
    // SAFETY: `obj` is exactly `ty`, whose instances are SIZE (104) bytes; every offset read
    // is below that.
    let (flags, exp, digits, len, data) = unsafe {
        (word(p, FLAGS) as u8, word(p, EXP) as i64, word(p, DIGITS) as i64, word(p, LEN), word(p, DATA))
    };
    if flags & SIGN_AND_SPECIAL != 0 || data as usize != p as usize + INLINE || !(1..=2).contains(&len) {
        return None;
    }
    if !(-28..=0).contains(&exp) || exp + digits - 1 < -6 {
        return None;
    }
    // SAFETY: the words are inline (checked above), within the SIZE bytes; `len` is 1 or 2.
    let lo = u128::from(unsafe { word(p, INLINE) });
    let hi = if len == 2 { u128::from(unsafe { word(p, INLINE + 8) }) } else { 0 };
    let m = hi.checked_mul(RADIX)?.checked_add(lo)?;
    if m >> 96 != 0 {
        return None;
    }
    Decimal::try_from_i128_with_scale(m as i128, (-exp) as u32).ok()
}

/// `d` as a new `decimal.Decimal`, written in place; `None` when the layout checks did not
/// pass (the caller builds it from text).
pub fn new_decimal(py: Python<'_>, d: Decimal) -> Option<Bound<'_, PyAny>> {
    let l = layout(py)?;
    let fresh = l.fresh.as_ref()?;
    // SAFETY: `l.ty` passed `probe`'s checks (the fast path is on).
    unsafe { write_in_place(fresh.bind(py), &l.ty, d) }
}

/// # Safety
/// `ty` must be CPython's C `Decimal` with instances of [`SIZE`] bytes (checked in `probe`).
unsafe fn write_in_place<'py>(
    fresh: &Bound<'py, PyAny>,
    ty: &Py<PyType>,
    d: Decimal,
) -> Option<Bound<'py, PyAny>> {
    let obj = fresh.call0().ok()?;
    // SAFETY (Py_REFCNT): `obj` is a live object held here.
    if obj.get_type_ptr() != ty.as_ptr().cast() || unsafe { pyo3::ffi::Py_REFCNT(obj.as_ptr()) } != 1 {
        return None;
    }
    let p = obj.as_ptr();
    // SAFETY: `obj` is exactly `ty` (SIZE bytes): the reads are within it.
    let (hash, flags, alloc, data) =
        unsafe { (word(p, HASH) as i64, word(p, FLAGS) as u8, word(p, ALLOC), word(p, DATA)) };
    if hash != -1 || flags & SIGN_AND_SPECIAL != 0 || alloc < 2 || data as usize != p as usize + INLINE {
        return None;
    }
    let m = d.mantissa().unsigned_abs();
    let (lo, hi) = ((m % RADIX) as u64, (m / RADIX) as u64);
    let digits = if m == 0 { 1 } else { u64::from(m.ilog10()) + 1 };
    let negative = d.is_sign_negative() && m != 0;
    let base = p.cast::<u8>();
    // SAFETY: `obj` is new and referenced here alone (refcount 1, just returned by
    // `copy_abs`), its hash not computed and its words inline with room for two (checked
    // above): nothing else reads it while it is written, and every write is within its
    // SIZE bytes.
    unsafe {
        base.add(FLAGS).write((flags & !SIGN_AND_SPECIAL) | u8::from(negative));
        std::ptr::write_unaligned(base.add(EXP).cast::<i64>(), -i64::from(d.scale()));
        std::ptr::write_unaligned(base.add(DIGITS).cast::<u64>(), digits);
        std::ptr::write_unaligned(base.add(LEN).cast::<u64>(), if hi > 0 { 2 } else { 1 });
        std::ptr::write_unaligned(base.add(INLINE).cast::<u64>(), lo);
        std::ptr::write_unaligned(base.add(INLINE + 8).cast::<u64>(), hi);
    }
    Some(obj)
}

/// Looks up `Decimal` and checks the layout on probe values: the fast paths are on only if
/// every probe reads and writes as `parse_decimal(str(d))` and `Decimal(text)` say.
fn probe(py: Python<'_>) -> PyResult<Layout> {
    let ty = py.import("decimal")?.getattr("Decimal")?.cast_into::<PyType>()?;
    let off = Layout { ty: ty.clone().unbind(), fresh: None };
    if !cfg!(all(target_pointer_width = "64", target_endian = "little")) {
        return Ok(off);
    }
    let c_decimal = py.import("_decimal").and_then(|m| m.getattr("Decimal")).is_ok_and(|t| t.is(&ty));
    let cpython =
        py.import("sys")?.getattr("implementation")?.getattr("name")?.extract::<String>()? == "cpython";
    let basic: isize = ty.getattr("__basicsize__")?.extract()?;
    let item: isize = ty.getattr("__itemsize__")?.extract()?;
    if !(c_decimal && cpython && basic == SIZE && item == 0) {
        return Ok(off);
    }
    // From here the type is the C Decimal of SIZE bytes, so reads and writes are in bounds;
    // the probes decide whether the fields mean what the constants say.
    let ty_py = ty.clone().unbind();
    let fresh = ty.call1(("0",))?.getattr("copy_abs")?;
    let strict = zhengce::value::parse_decimal;
    let reads = [
        ("0", true),
        ("0.00", true),
        ("12345.67", true),
        ("20000.00", true),
        ("0.000001", true),
        ("1234567890123456789.01", true),
        ("79228162514264337593543950335", true),
        ("7922816251426433759354395033.5", true),
        ("0.0000000000000000000000000001", false), // str() writes 1E-28
        ("79228162514264337593543950336", false),
        ("0.0000001", false),
        ("1E+6", false),
        ("-1", false),
        ("NaN", false),
        ("-Infinity", false),
    ];
    for (text, read) in reads {
        let obj = ty.call1((text,))?;
        // SAFETY: `ty` is the C Decimal of SIZE bytes (checked above).
        let got = unsafe { read_in_place(&obj, &ty_py) };
        let expected = if read { strict(text) } else { None };
        if got != expected || got.map(|d| d.scale()) != expected.map(|d| d.scale()) {
            return Ok(off);
        }
    }
    let writes = [
        "0",
        "0.00",
        "12345.67",
        "-12345.67",
        "20000.00",
        "0.000001",
        "12345678901234567890",
        "1234567890123456789.01",
        "79228162514264337593543950335",
        "-0.0000000000000000000000000001",
    ];
    for text in writes {
        let Some(d) = strict(text) else { return Ok(off) };
        // SAFETY: as above.
        let Some(made) = (unsafe { write_in_place(&fresh, &ty_py, d) }) else { return Ok(off) };
        let expected = ty.call1((text,))?;
        let same = made.str()?.to_str()? == expected.str()?.to_str()?
            && made.eq(&expected)?
            && made.hash()? == expected.hash()?
            && made.call_method0("as_tuple")?.eq(expected.call_method0("as_tuple")?)?;
        if !same {
            return Ok(off);
        }
    }
    Ok(Layout { ty: ty_py, fresh: Some(fresh.unbind()) })
}

/// The strings of a 1-D numpy unicode array (`<U`, native order), read from its fixed-width
/// UCS-4 items in place (any stride), each without its trailing NULs as numpy's `tolist()`
/// gives it. `None` for any other array (the caller goes through `tolist()`); a code point
/// that is not a Unicode scalar value (a lone surrogate) is the error `tolist()`'s text would
/// give, at `name[row]`.
pub fn numpy_strings(a: &Bound<'_, numpy::PyUntypedArray>, name: &str) -> Option<PyResult<Vec<String>>> {
    use numpy::{PyArrayDescrMethods, PyUntypedArrayMethods};
    let dtype = a.dtype();
    let native = cfg!(target_endian = "little") && matches!(dtype.byteorder(), b'=' | b'<');
    let width = dtype.itemsize();
    if a.ndim() != 1 || dtype.kind() != b'U' || !native || width % 4 != 0 {
        return None;
    }
    let (n, stride) = (a.len(), a.strides()[0]);
    // SAFETY: numpy's own description of a live 1-D array (held by `a`, the GIL held): item
    // `i` starts at data + i * stride and is `width` bytes, for i < n.
    let data = unsafe { (*a.as_array_ptr()).fields.data } as *const u8;
    let mut out = Vec::with_capacity(n);
    let mut chars: Vec<u32> = Vec::with_capacity(width / 4);
    for row in 0..n {
        chars.clear();
        // SAFETY: as above; unaligned reads, as a strided view need not be aligned.
        unsafe {
            let item = data.offset(row as isize * stride);
            chars.extend((0..width / 4).map(|k| std::ptr::read_unaligned(item.add(4 * k).cast::<u32>())));
        }
        let end = chars.iter().rposition(|&c| c != 0).map_or(0, |p| p + 1);
        let text: Option<String> = chars[..end].iter().map(|&c| char::from_u32(c)).collect();
        match text {
            Some(t) => out.push(t),
            None => {
                let path = format!("{name}[{row}]");
                return Some(Err(crate::error::to_py_err(crate::convert::ill_formed(&path))));
            }
        }
    }
    Some(Ok(out))
}
