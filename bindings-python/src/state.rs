//! Pickling: every long-lived object reduces to a compact JSON state and its hash.
//!
//! `obj.__reduce__()` gives `(zhengce._zhengce._restore, (kind, state, hash))`, where `state`
//! is JSON text and `hash` the `sha256:` digest of that text. `_restore` refuses a state whose
//! digest differs (a truncated or edited pickle), rebuilds the object through the same core
//! calls a user makes, and checks the rebuilt catalogue's content hash (and a context's
//! scenario hash) against the ones recorded, so an unpickled object computes exactly what the original
//! did. A catalogue or calendar set equal to the built-in one is recorded as `"builtin"`: the
//! state of an evaluator on the built-in catalogue is a few hundred bytes, which matters when
//! Dask ships it to every partition.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use zhengce::Context;
use zhengce::calendar::Calendars;
use zhengce::context::ScenarioSpec;
use zhengce::rules::Evaluator;
use zhengce::sampling::InspectionPlan;
use zhengce::targets::{Monitor, Scorecard};
use zhengce::{Catalogue, Error};

use crate::calendar::{PyCalendar, PyCalendars};
use crate::catalogue::PyCatalogue;
use crate::communities::PyCommunities;
use crate::context::PyContext;
use crate::error::IntoPy;
use crate::rules::PyEvaluator;
use crate::sampling::PyInspectionPlan;
use crate::targets::{PyMonitor, PyScorecard};

/// Version of the state layout; a pickle of another layout is refused with a clear message.
const LAYOUT: u64 = 1;

fn digest(text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

pub(crate) fn builtin_catalogue() -> &'static Arc<Catalogue> {
    static CAT: OnceLock<Arc<Catalogue>> = OnceLock::new();
    CAT.get_or_init(|| Arc::new(Catalogue::builtin()))
}

pub(crate) fn builtin_calendars() -> &'static Arc<Calendars> {
    static CALS: OnceLock<Arc<Calendars>> = OnceLock::new();
    CALS.get_or_init(|| Arc::new(Calendars::builtin()))
}

/// `__reduce__` of an object of `kind` whose state is `state`.
pub fn reduce(
    py: Python<'_>,
    kind: &str,
    mut state: Value,
) -> PyResult<(Py<PyAny>, (String, String, String))> {
    state["layout"] = json!(LAYOUT);
    let text = state.to_string();
    let hash = digest(&text);
    let restore = py.import("zhengce._zhengce")?.getattr("_restore")?.unbind();
    Ok((restore, (kind.to_owned(), text, hash)))
}

/// A catalogue as state: `"builtin"` or its JSON, with its content hash.
pub fn catalogue(cat: &Catalogue) -> Value {
    let hash = cat.content_hash();
    if hash == builtin_catalogue().content_hash() {
        json!({"builtin": true, "content_hash": hash})
    } else {
        json!({"json": cat.to_json(), "content_hash": hash})
    }
}

fn bad(what: &str, expected: &str) -> PyErr {
    crate::error::to_py_err(Error::invalid_input("pickle", what.to_owned(), expected.to_owned()))
}

fn restore_catalogue(state: &Value) -> PyResult<Arc<Catalogue>> {
    let cat = if state["builtin"] == json!(true) {
        builtin_catalogue().clone()
    } else {
        let text = state["json"].as_str().ok_or_else(|| bad("a catalogue state", "catalogue JSON"))?;
        Arc::new(Catalogue::from_json(text).py()?)
    };
    let recorded = state["content_hash"].as_str().unwrap_or_default();
    if cat.content_hash() != recorded {
        return Err(bad(
            &format!("a catalogue of content hash {}", cat.content_hash()),
            &format!(
                "the pickled catalogue's content hash {recorded} (built-in data of another zhengce version?)"
            ),
        ));
    }
    Ok(cat)
}

/// A calendar set as state: `"builtin"` or its layers.
pub fn calendars(cals: &Calendars) -> Value {
    if cals.layers() == builtin_calendars().layers() {
        json!({"builtin": true})
    } else {
        json!({"layers": serde_json::to_value(cals.layers()).unwrap_or(Value::Null)})
    }
}

fn restore_calendars(state: &Value) -> PyResult<Arc<Calendars>> {
    if state["builtin"] == json!(true) {
        return Ok(builtin_calendars().clone());
    }
    let layers = state["layers"].as_array().ok_or_else(|| bad("a calendars state", "calendar layers"))?;
    let mut cals = Calendars::empty();
    for layer in layers {
        cals = cals.layered_json_value(layer).py()?;
    }
    Ok(Arc::new(cals))
}

/// A context as state: its base catalogue (before the scenario's overlay), its calendars and
/// its scenario spec (with the spec's hash).
pub fn context(ctx: &Context) -> Value {
    let base = ctx.baseline().catalogue_shared();
    json!({"catalogue": catalogue(&base), "calendars": calendars(ctx.calendars()),
           "spec": serde_json::to_value(ctx.scenario()).unwrap_or(Value::Null), "hash": ctx.scenario_hash()})
}

fn restore_context(state: &Value) -> PyResult<Context> {
    let base = restore_catalogue(&state["catalogue"])?;
    let cals = restore_calendars(&state["calendars"])?;
    let spec: ScenarioSpec = zhengce::error::from_json_value(&state["spec"], "pickle.spec").py()?;
    let ctx = Context::new(base, cals).with_scenario(spec).py()?;
    if Some(ctx.scenario_hash()) != state["hash"].as_str() {
        return Err(bad("a scenario of another spec hash", "the pickled scenario's spec hash"));
    }
    Ok(ctx)
}

/// Rebuilds a pickled object (the callable of every `__reduce__`).
#[pyfunction]
pub fn _restore(
    py: Python<'_>,
    kind: &Bound<'_, PyAny>,
    state: &Bound<'_, PyAny>,
    hash: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let kind = crate::convert::str_arg(kind, "kind")?;
    let kind = kind.as_str();
    let state = crate::convert::str_arg(state, "state")?;
    let state = state.as_str();
    let hash = crate::convert::str_arg(hash, "hash")?;
    let hash = hash.as_str();
    crate::guard::guard(move || {
        if digest(state) != hash {
            return Err(bad("a pickled state whose digest does not match", "an intact pickle"));
        }
        let state: Value = serde_json::from_str(state).map_err(|_| bad("a pickled state", "JSON text"))?;
        if state["layout"] != json!(LAYOUT) {
            return Err(bad(
                &format!("a pickle of layout {}", state["layout"]),
                &format!("layout {LAYOUT} (pickled by another zhengce version)"),
            ));
        }
        let object: Py<PyAny> = match kind {
            "Catalogue" => {
                Py::new(py, PyCatalogue { inner: restore_catalogue(&state["catalogue"])? })?.into_any()
            }
            "Calendars" => {
                Py::new(py, PyCalendars { inner: restore_calendars(&state["calendars"])? })?.into_any()
            }
            "Calendar" => {
                let cals = restore_calendars(&state["calendars"])?;
                let cat = restore_catalogue(&state["catalogue"])?;
                let jurisdiction = state["jurisdiction"].as_str().unwrap_or_default();
                let inner = Context::new(cat.clone(), cals.clone()).calendar(jurisdiction).py()?;
                Py::new(py, PyCalendar::new(inner, cals, cat))?.into_any()
            }
            "Context" => Py::new(py, PyContext { inner: restore_context(&state["context"])? })?.into_any(),
            "Evaluator" => {
                let ctx = restore_context(&state["context"])?;
                let rule = state["rule"].as_str().unwrap_or_default();
                let inner = Evaluator::new(&ctx, rule).py()?;
                Py::new(py, PyEvaluator { inner })?.into_any()
            }
            "DatedEvaluator" => {
                let ctx = restore_context(&state["context"])?;
                let rule = state["rule"].as_str().unwrap_or_default();
                let date = state["date"].as_str().and_then(zhengce::value::parse_date);
                let date = date.ok_or_else(|| bad("a dated evaluator state", "an ISO date"))?;
                let inner = Evaluator::new(&ctx, rule).py()?.at(date, state["jurisdiction"].as_str()).py()?;
                Py::new(py, crate::prepared::PyDatedEvaluator::new(inner))?.into_any()
            }
            "InspectionPlan" => {
                let inner = InspectionPlan::from_json_value(&state["plan"]).py()?;
                Py::new(py, PyInspectionPlan { inner })?.into_any()
            }
            "Communities" => {
                let ctx = restore_context(&state["context"])?;
                let mut inner = zhengce::communities::Communities::new(&ctx);
                inner.register_all_json_value(&state["communities"]).py()?;
                Py::new(py, PyCommunities { inner })?.into_any()
            }
            "Monitor" => {
                let ctx = restore_context(&state["context"])?;
                let mut communities = zhengce::communities::Communities::new(&ctx);
                communities.register_all_json_value(&state["communities"]).py()?;
                let mut inner = Monitor::new(&ctx).with_communities(communities).py()?;
                inner.add_observations_json_value(&state["observations"]).py()?;
                Py::new(py, PyMonitor { inner })?.into_any()
            }
            "Scorecard" => {
                let inner: Scorecard = zhengce::error::from_json_value(&state["scorecard"], "pickle").py()?;
                Py::new(py, PyScorecard { inner })?.into_any()
            }
            other => return Err(bad(&format!("a pickle of kind '{other}'"), "a zhengce object")),
        };
        Ok(object)
    })
}

/// The communities a registry holds beyond its catalogue's own.
pub fn registered(c: &zhengce::communities::Communities) -> Value {
    let all = c.communities(&Default::default()).unwrap_or_default();
    beyond_catalogue(all, c.catalogue())
}

/// The communities of `all` that are not the catalogue's own.
fn beyond_catalogue(all: Vec<&zhengce::Community>, cat: &Catalogue) -> Value {
    let own: std::collections::HashSet<&str> = cat.data().communities.iter().map(|x| x.id.as_str()).collect();
    let extra: Vec<_> = all.into_iter().filter(|x| !own.contains(x.id.as_str())).collect();
    serde_json::to_value(extra).unwrap_or(Value::Array(vec![]))
}

/// A monitor as state: its catalogue, registered communities and every observation held.
pub fn monitor(m: &Monitor) -> PyResult<Value> {
    let observations = m.observations(None).py()?;
    Ok(json!({
        "context": context(m.context()),
        "communities": beyond_catalogue(m.communities().iter().collect(), m.catalogue()),
        "observations": serde_json::to_value(observations).unwrap_or(Value::Null),
    }))
}
