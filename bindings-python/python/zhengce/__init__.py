"""zhengce (政策, "policy"): Chinese local-government policy documents as data and executable rules.

Quick start::

    import zhengce
    cat = zhengce.Catalogue.builtin()
    cat.clause("tianshan-2022-87/68")["summary"]

Entries and results are dicts in the catalogue's JSON shape (dates and decimals as strings),
the same shape JavaScript and the conformance vectors use; single dates and amounts passed
as arguments are ``datetime.date`` and ``decimal.Decimal``. Columns and tables go in and come
out as Arrow (pyarrow, polars, pandas, DuckDB: anything with ``__arrow_c_stream__``); see
docs/researcher.md.
"""

from ._errors import (
    InfeasibleError,
    InternalError,
    InvalidCalendarError,
    InvalidCatalogueError,
    InvalidInputError,
    MissingDependencyError,
    MissingInputError,
    NotFoundError,
    OutOfCoverageError,
    UnitMismatchError,
    ZhengceError,
)
from ._zhengce import (
    BatchResult,
    Calendar,
    Calendars,
    Catalogue,
    Communities,
    Comparison,
    Context,
    DatedEvaluator,
    Evaluation,
    Evaluator,
    InspectionPlan,
    Monitor,
    Scorecard,
    StratifiedDraw,
    Table,
    __version__,
)
from ._visual import cjk_font, plot_deadline
from ._zhengce import Draft, draft  # noqa: E402

# The case runner's native functions; the Python API is zhengce.testing.
from ._zhengce import cases_schema, parse_yaml, run_cases  # noqa: E402

__all__ = [
    "BatchResult",
    "Calendar",
    "Calendars",
    "Catalogue",
    "Communities",
    "Comparison",
    "Context",
    "DatedEvaluator",
    "Draft",
    "Evaluation",
    "Evaluator",
    "InfeasibleError",
    "InternalError",
    "InspectionPlan",
    "InvalidCalendarError",
    "InvalidCatalogueError",
    "InvalidInputError",
    "MissingDependencyError",
    "MissingInputError",
    "Monitor",
    "NotFoundError",
    "OutOfCoverageError",
    "Scorecard",
    "StratifiedDraw",
    "Table",
    "UnitMismatchError",
    "ZhengceError",
    "__version__",
    "cjk_font",
    "plot_deadline",
    "draft",
    "cases_schema",
    "parse_yaml",
    "run_cases",
]
