//! `zhengce.DatedEvaluator`: an evaluator fixed at a date (`Evaluator.at`), called like a
//! function with the rule's inputs by position or by name.
//!
//! A call is the hot path of a Python loop over cases, so it converts as little as it can:
//! a `str` is read in place (UTF-8 the interpreter already holds), a `Decimal` through its
//! `str` (exact; never through a float), an `int` and a `bool` directly, and the answer is
//! built once (an amount as a `Decimal` of the type looked up once per interpreter).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString, PyTuple};
use zhengce::rules::{DatedEvaluator, InputValue, InputValueRef, Options, RuleValue};

use crate::convert::{from_py, serialize};
use crate::error::IntoPy;
use crate::rules::PyEvaluation;

/// A rule's evaluator fixed at a date and a jurisdiction.
#[pyclass(module = "zhengce._zhengce", name = "DatedEvaluator", frozen)]
pub struct PyDatedEvaluator {
    pub inner: DatedEvaluator,
    answers: Answers,
}

impl PyDatedEvaluator {
    pub fn new(inner: DatedEvaluator) -> PyDatedEvaluator {
        PyDatedEvaluator { inner, answers: Answers::default() }
    }
}

/// The `Decimal` objects of recent answers, by their exact digits and scale: a rule's
/// answers repeat (a capped amount is the cap; an exempt lot's is 0.00), and a `Decimal` is
/// immutable, so an answer seen before is returned again rather than built again (building
/// one is the largest part of a call).
#[derive(Default)]
struct Answers(std::sync::Mutex<[Option<Kept>; ANSWERS]>);

/// A kept answer: the decimal's exact bits (digits and scale) and its `Decimal`.
type Kept = ([u8; 16], Py<PyAny>);

/// The number of answers kept (a power of two).
const ANSWERS: usize = 16;

impl Answers {
    fn decimal<'py>(&self, py: Python<'py>, d: rust_decimal::Decimal) -> PyResult<Bound<'py, PyAny>> {
        let key = d.serialize();
        let slot = (d.mantissa() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) as usize >> 60 & (ANSWERS - 1);
        // try_lock: a call from another thread (or from code the interpreter runs while the
        // Decimal is built) meanwhile builds its own rather than waits.
        let mut kept = self.0.try_lock().ok();
        if let Some(kept) = &kept
            && let Some((k, object)) = &kept[slot]
            && *k == key
        {
            return Ok(object.bind(py).clone());
        }
        let object = crate::convert::decimal_to_py(py, d)?;
        if let Some(kept) = kept.as_mut() {
            kept[slot] = Some((key, object.clone().unbind()));
        }
        Ok(object)
    }
}

/// One argument as received, kept alive while the core borrows its text.
enum Held<'py> {
    Absent,
    Str(Bound<'py, PyString>),
    Ref(InputValueRef<'static>),
    Owned(InputValue),
}

/// The most inputs read without a heap allocation.
const ON_STACK: usize = 4;

/// Reads one argument the way `Evaluator.evaluate` reads a dict value, so both give the same
/// values and the same errors.
fn hold<'py>(v: &Bound<'py, PyAny>, field: &str) -> PyResult<Held<'py>> {
    if v.is_none() {
        return Ok(Held::Absent);
    }
    if let Ok(s) = v.cast_exact::<PyString>() {
        return Ok(Held::Str(s.clone()));
    }
    if crate::convert::is_decimal(v) {
        // Exact: str(Decimal) is the decimal's own digits ('1E+5' is refused by the core's
        // grammar rather than guessed).
        return Ok(Held::Str(v.str()?));
    }
    if let Ok(b) = v.cast_exact::<PyBool>() {
        return Ok(Held::Ref(InputValueRef::Bool(b.is_true())));
    }
    if let Some(i) = v.cast_exact::<PyInt>().ok().and_then(|i| i.extract::<i64>().ok()) {
        return Ok(Held::Ref(InputValueRef::Decimal(i.into())));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Held::Str(s.clone()));
    }
    Ok(Held::Owned(InputValue::from_json_value(&from_py(v, field).py()?)))
}

impl<'py> Held<'py> {
    fn as_ref(&self, field: &str) -> PyResult<Option<InputValueRef<'_>>> {
        Ok(match self {
            Held::Absent => None,
            Held::Str(s) => {
                Some(InputValueRef::Text(s.to_str().map_err(|_| crate::convert::ill_formed(field)).py()?))
            }
            Held::Ref(r) => Some(*r),
            Held::Owned(v) => Some(v.into()),
        })
    }
}

impl PyDatedEvaluator {
    /// Reads `args` and `named` into `held`, one place per input.
    fn read<'py>(
        &self,
        args: &Bound<'py, PyTuple>,
        named: Option<&Bound<'py, PyDict>>,
        held: &mut [Held<'py>],
    ) -> PyResult<()> {
        let inputs = self.inner.inputs();
        if args.len() > inputs.len() {
            // The core words the error.
            let none: Vec<Option<InputValueRef<'_>>> = vec![None; args.len()];
            return self.inner.value(&none).map(|_| ()).py();
        }
        for ((h, spec), a) in held.iter_mut().zip(inputs).zip(args.iter()) {
            *h = hold(&a, &spec.name)?;
        }
        let Some(named) = named else { return Ok(()) };
        for (k, v) in named.iter() {
            let name = crate::convert::str_arg(&k, "values")?;
            if v.is_none() {
                // As in evaluate's dict: None is "not given".
                continue;
            }
            let value = hold(&v, &name)?;
            match inputs.iter().position(|s| s.name == name) {
                Some(slot) if matches!(held[slot], Held::Absent) => held[slot] = value,
                slot => {
                    // Unknown, or given twice: the core words the error.
                    let mut scratch: Vec<Option<InputValueRef<'_>>> = vec![None; inputs.len()];
                    let r = value.as_ref(&name)?;
                    if let Some(slot) = slot {
                        scratch[slot] = r;
                    }
                    if let Some(r) = r {
                        return self.inner.put(&mut scratch, &name, r).py();
                    }
                }
            }
        }
        Ok(())
    }

    /// Runs `f` on the call's values, held on the stack for a rule of up to [`ON_STACK`]
    /// inputs.
    fn call_with<'py, T>(
        &self,
        args: &Bound<'py, PyTuple>,
        named: Option<&Bound<'py, PyDict>>,
        f: impl FnOnce(&[Option<InputValueRef<'_>>]) -> zhengce::Result<T>,
    ) -> PyResult<T> {
        let inputs = self.inner.inputs();
        let n = inputs.len();
        let mut stack: [Held<'py>; ON_STACK] = std::array::from_fn(|_| Held::Absent);
        let mut heap: Vec<Held<'py>> = Vec::new();
        let held: &mut [Held<'py>] = if n <= ON_STACK {
            &mut stack[..n]
        } else {
            heap.extend((0..n).map(|_| Held::Absent));
            &mut heap
        };
        self.read(args, named, held)?;
        let mut stack_refs = [None; ON_STACK];
        let mut heap_refs = Vec::new();
        let refs: &mut [Option<InputValueRef<'_>>] = if n <= ON_STACK {
            &mut stack_refs[..n]
        } else {
            heap_refs.resize(n, None);
            &mut heap_refs
        };
        for ((r, h), spec) in refs.iter_mut().zip(held.iter()).zip(inputs) {
            *r = h.as_ref(&spec.name)?;
        }
        f(refs).py()
    }
}

/// One positional argument read without a conversion: `None` (not given), an exact `str`
/// (its UTF-8 in place), an exact `bool` or `int`, an exact `Decimal` read in place (`raw`);
/// `None` for anything else, which the general path reads.
fn quick<'a>(v: &'a Bound<'_, PyAny>) -> Option<Option<InputValueRef<'a>>> {
    if v.is_none() {
        return Some(None);
    }
    if let Ok(s) = v.cast_exact::<PyString>() {
        return s.to_str().ok().map(|t| Some(InputValueRef::Text(t)));
    }
    if let Some(d) = crate::raw::read_decimal(v) {
        return Some(Some(InputValueRef::Decimal(d)));
    }
    if let Ok(b) = v.cast_exact::<PyBool>() {
        return Some(Some(InputValueRef::Bool(b.is_true())));
    }
    let i = v.cast_exact::<PyInt>().ok()?.extract::<i64>().ok()?;
    Some(Some(InputValueRef::Decimal(i.into())))
}

impl PyDatedEvaluator {
    /// A call's value when every argument is positional and read by [`quick`] and the core
    /// answers; `None` otherwise, for the general path (which gives the errors: a `Decimal`
    /// read in place is reported as `str()` writes it there, as `evaluate` reports it).
    fn quick(&self, args: &Bound<'_, PyTuple>) -> Option<RuleValue> {
        let n = self.inner.inputs().len();
        if n > ON_STACK || args.len() > n {
            return None;
        }
        let held: [Option<Borrowed<'_, '_, PyAny>>; ON_STACK] =
            std::array::from_fn(|i| if i < args.len() { args.get_borrowed_item(i).ok() } else { None });
        let mut refs = [None; ON_STACK];
        for (r, a) in refs.iter_mut().zip(held.iter().take(args.len())) {
            *r = quick(a.as_ref()?)?;
        }
        self.inner.value(&refs[..n]).ok()
    }
}

/// The answer of a call as a Python object: an amount as a `Decimal` (None when the rule
/// does not apply), whether eligible or compliant (None while undecided), a deadline as a
/// `datetime.date`, a decision table's outputs as a dict (None when no row matched).
fn answer<'py>(py: Python<'py>, answers: &Answers, value: &RuleValue) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        RuleValue::CappedRate(v) => match v.amount {
            Some(a) => answers.decimal(py, a)?,
            None => py.None().into_bound(py),
        },
        RuleValue::Eligibility(v) => v.eligible.into_pyobject(py)?.to_owned().into_any(),
        RuleValue::Threshold(v) => v.compliant.into_pyobject(py)?.to_owned().into_any(),
        RuleValue::TimeLimit(v) => v.deadline.date.into_pyobject(py)?.into_any(),
        RuleValue::DecisionTable(v) => serialize(py, &v.outputs)?,
    })
}

crate::guarded! {
#[pymethods]
impl PyDatedEvaluator {
    #[pyo3(signature = (*inputs, **named))]
    fn __call__<'py>(
        &self,
        py: Python<'py>,
        inputs: &Bound<'py, PyTuple>,
        named: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if named.is_none_or(|n| n.is_empty())
            && let Some(value) = self.quick(inputs)
        {
            return answer(py, &self.answers, &value);
        }
        let value = self.call_with(inputs, named, |values| self.inner.value(values))?;
        answer(py, &self.answers, &value)
    }

    #[pyo3(signature = (*inputs, **named))]
    fn evaluate<'py>(
        &self,
        inputs: &Bound<'py, PyTuple>,
        named: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<PyEvaluation> {
        let options = Options::explained();
        let inner = self.call_with(inputs, named, |values| self.inner.evaluate(values, &options))?;
        Ok(PyEvaluation { inner })
    }

    #[getter]
    fn date(&self) -> chrono::NaiveDate {
        self.inner.date()
    }

    #[getter]
    fn jurisdiction(&self) -> &str {
        self.inner.jurisdiction()
    }

    #[getter]
    fn inputs(&self) -> Vec<String> {
        self.inner.inputs().iter().map(|s| s.name.clone()).collect()
    }

    fn evaluator(&self) -> crate::rules::PyEvaluator {
        crate::rules::PyEvaluator { inner: self.inner.evaluator().clone() }
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let ev = self.inner.evaluator();
        let state = serde_json::json!({"context": crate::state::context(ev.context()),
            "rule": ev.rule().id, "date": zhengce::value::format_date(self.inner.date()),
            "jurisdiction": Some(self.inner.jurisdiction()).filter(|j| *j != ev.rule().jurisdiction)});
        crate::state::reduce(py, "DatedEvaluator", state)
    }

    fn __repr__(&self) -> String {
        let ev = self.inner.evaluator();
        let r = ev.rule();
        format!(
            "<zhengce.DatedEvaluator '{}' ({}) on {} in '{}' under '{}'>",
            r.id,
            r.logic.kind(),
            self.inner.date(),
            self.inner.jurisdiction(),
            ev.context().scenario_name()
        )
    }
}
}
