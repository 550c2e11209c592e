//! `zhengce.Communities`: the community registry and the responsibility chain.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use zhengce::communities::{Communities, CommunityFilter};

use crate::context::PyContext;
use crate::convert::{from_py, options, serialize};
use crate::error::IntoPy;

/// Concrete communities with their district, sub-district, types, programmes and targets;
/// answers "who is responsible for this target in this community?".
#[pyclass(module = "zhengce._zhengce", name = "Communities")]
pub struct PyCommunities {
    pub inner: Communities,
}

crate::guarded! {
#[pymethods]
impl PyCommunities {
    #[new]
    fn new(context: &Bound<'_, PyAny>) -> PyCommunities {
        let context = crate::convert::class_arg::<PyContext>(context, "context")?;
        let context = &*context;
        PyCommunities { inner: Communities::new(&context.inner) }
    }

    fn register(&mut self, community: &Bound<'_, PyAny>) -> PyResult<()> {
        let value = from_py(community, "community").py()?;
        self.inner.register_json_value(&value).py()
    }

    fn register_all(&mut self, table: &Bound<'_, PyAny>) -> PyResult<usize> {
        let value = crate::arrow::rows_or(table, "communities", |t| {
            from_py(&crate::targets::rows(t)?, "communities").py()
        })?;
        self.inner.register_all_json_value(&value).py()
    }

    fn community<'py>(&self, py: Python<'py>, id: &Bound<'_, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = crate::convert::str_arg(id, "id")?;
        let id = id.as_str();
        serialize(py, self.inner.community(id).py()?)
    }

    #[pyo3(signature = (**filter))]
    fn communities<'py>(
        &self,
        py: Python<'py>,
        filter: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter: CommunityFilter = options(filter, "filter").py()?;
        serialize(py, &self.inner.communities(&filter).py()?)
    }

    fn responsible<'py>(
        &self,
        py: Python<'py>,
        target: &Bound<'_, PyAny>,
        community: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let target = crate::convert::str_arg(target, "target")?;
        let target = target.as_str();
        let community = crate::convert::str_arg(community, "community")?;
        let community = community.as_str();
        serialize(py, &self.inner.responsible(target, community).py()?)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (String, String, String))> {
        let state = serde_json::json!({"context": crate::state::context(self.inner.context()),
            "communities": crate::state::registered(&self.inner)});
        crate::state::reduce(py, "Communities", state)
    }

    fn __repr__(&self) -> String {
        format!("<zhengce.Communities: {} communities>", self.inner.len())
    }
}
}
