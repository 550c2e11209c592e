//! `zhengce.Catalogue`: load, layer, query and search a catalogue.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use zhengce::{
    Catalogue, DocumentFilter, MeasureFilter, ObservationFilter, SearchOptions, TargetFilter, UnitFilter,
};

use crate::convert::{extract_date, from_py, options, serialize};
use crate::error::IntoPy;

/// A validated catalogue of policy documents and everything they set.
#[pyclass(module = "zhengce._zhengce", name = "Catalogue", frozen)]
pub struct PyCatalogue {
    pub inner: Arc<Catalogue>,
}

impl PyCatalogue {
    fn wrap(inner: Catalogue) -> PyCatalogue {
        PyCatalogue { inner: Arc::new(inner) }
    }
}

/// A catalogue argument given as JSON text or as a dict in the catalogue's JSON shape.
enum Source {
    Text(String),
    Value(serde_json::Value),
}

fn source(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Source> {
    if let Ok(text) = obj.cast::<PyString>() {
        return crate::convert::text(text, what).map(Source::Text).py();
    }
    from_py(obj, what).map(Source::Value).py()
}

crate::guarded! {
#[pymethods]
impl PyCatalogue {
    #[staticmethod]
    fn builtin() -> PyCatalogue {
        PyCatalogue::wrap(Catalogue::builtin())
    }

    #[staticmethod]
    fn builtin_size() -> usize {
        Catalogue::builtin_size()
    }

    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<PyCatalogue> {
        let text = crate::convert::str_arg(text, "text")?;
        let text = text.as_str();
        Catalogue::from_json(text).map(PyCatalogue::wrap).py()
    }

    #[staticmethod]
    fn from_json_value(value: &Bound<'_, PyAny>) -> PyResult<PyCatalogue> {
        let json = from_py(value, "catalogue").py()?;
        Catalogue::from_json_value(&json).map(PyCatalogue::wrap).py()
    }

    #[staticmethod]
    fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        crate::convert::to_py(py, &zhengce::catalogue::json_schema())
    }

    #[pyo3(signature = (overlay, **options_))]
    fn layered(
        &self,
        overlay: &Bound<'_, PyAny>,
        options_: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyCatalogue> {
        let options: zhengce::LayerOptions = options(options_, "options").py()?;
        let result = match source(overlay, "overlay")? {
            Source::Text(text) => self.inner.layered_with(&text, options),
            Source::Value(value) => self.inner.layered_json_value_with(&value, options),
        };
        result.map(PyCatalogue::wrap).py()
    }

    fn replacements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.replacements())
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn table(&self, kind: &Bound<'_, PyAny>) -> PyResult<crate::table::PyTable> {
        let kind = crate::convert::str_arg(kind, "kind")?;
        let kind = kind.as_str();
        crate::table::catalogue_table(&self.inner, kind)
    }

    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        serialize(py, self.inner.data())
    }

    fn content_hash(&self) -> &str {
        self.inner.content_hash()
    }

    fn get<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, &self.inner.get(id).py()?)
    }

    fn jurisdiction<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.jurisdiction(id).py()?)
    }

    fn document<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.document(id).py()?)
    }

    fn clause<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.clause(id).py()?)
    }

    fn unit<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.unit(id).py()?)
    }

    fn programme<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.programme(id).py()?)
    }

    fn measure<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.measure(id).py()?)
    }

    fn community_type<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.community_type(id).py()?)
    }

    fn community<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.community(id).py()?)
    }

    fn target<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.target(id).py()?)
    }

    fn observation<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.observation(id).py()?)
    }

    fn parameter<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.parameter(id).py()?)
    }

    fn rule<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.rule(id).py()?)
    }

    fn document_of_clause<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.document_of_clause(id).py()?)
    }

    fn ancestry<'py>(&self, py: Python<'py>, jurisdiction: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        serialize(py, &self.inner.ancestry(jurisdiction).py()?)
    }

    fn is_within(&self, jurisdiction: &Bound<'_, PyAny>, ancestor: &Bound<'_, PyAny>) -> bool {
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        let ancestor = crate::convert::str_arg(ancestor, "ancestor")?;
        let ancestor = ancestor.as_str();
        self.inner.is_within(jurisdiction, ancestor)
    }

    #[pyo3(signature = (**filter))]
    fn documents<'py>(
        &self,
        py: Python<'py>,
        filter: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter: DocumentFilter = options(filter, "filter").py()?;
        serialize(py, &self.inner.documents(&filter).py()?)
    }

    #[pyo3(signature = (**filter))]
    fn measures<'py>(
        &self,
        py: Python<'py>,
        filter: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter: MeasureFilter = options(filter, "filter").py()?;
        serialize(py, &self.inner.measures(&filter).py()?)
    }

    #[pyo3(signature = (**filter))]
    fn targets<'py>(
        &self,
        py: Python<'py>,
        filter: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter: TargetFilter = options(filter, "filter").py()?;
        serialize(py, &self.inner.targets(&filter).py()?)
    }

    #[pyo3(signature = (**filter))]
    fn observations<'py>(
        &self,
        py: Python<'py>,
        filter: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter: ObservationFilter = options(filter, "filter").py()?;
        serialize(py, &self.inner.observations(&filter).py()?)
    }

    #[pyo3(signature = (**filter))]
    fn units<'py>(
        &self,
        py: Python<'py>,
        filter: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter: UnitFilter = options(filter, "filter").py()?;
        serialize(py, &self.inner.units(&filter).py()?)
    }

    #[pyo3(signature = (query, **options_))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: &Bound<'_, PyAny>,
        options_: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = crate::convert::str_arg(query, "query")?;
        let query = query.as_str();
        let opts: SearchOptions = options(options_, "options").py()?;
        serialize(py, &self.inner.search(query, &opts).py()?)
    }

    fn parameter_value<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'_, PyAny>,
        jurisdiction: &Bound<'_, PyAny>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let key = crate::convert::str_arg(key, "key")?;
        let key = key.as_str();
        let jurisdiction = crate::convert::str_arg(jurisdiction, "jurisdiction")?;
        let jurisdiction = jurisdiction.as_str();
        let date = extract_date(date, "date").py()?;
        serialize(py, &self.inner.parameter_value(key, jurisdiction, date).py()?)
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        crate::state::reduce(py, "Catalogue", serde_json::json!({"catalogue": crate::state::catalogue(&self.inner)}))
    }

    fn __repr__(&self) -> String {
        let d = self.inner.data();
        format!(
            "<zhengce.Catalogue: {} documents, {} measures, {} targets, {} parameters, {} rules>",
            d.documents.len(),
            d.measures.len(),
            d.targets.len(),
            d.parameters.len(),
            d.rules.len()
        )
    }
}
}
