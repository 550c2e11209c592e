"""zhengce (政策, "policy"): Chinese local-government policy documents as data and executable rules.

Quick start::

    import zhengce
    cat = zhengce.Catalogue.builtin()
    cat.clause("tianshan-2022-87/68")["summary"]

Entries and results are dicts in the catalogue's JSON shape (dates and decimals as strings),
the same shape JavaScript and the conformance vectors use; single dates and amounts passed
as arguments are ``datetime.date`` and ``decimal.Decimal``.
"""

from ._errors import (
    InfeasibleError,
    InvalidCalendarError,
    InvalidCatalogueError,
    InvalidInputError,
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
    Evaluation,
    Evaluator,
    InspectionPlan,
    Monitor,
    Scorecard,
    StratifiedDraw,
    __version__,
)

__all__ = [
    "BatchResult",
    "Calendar",
    "Calendars",
    "Catalogue",
    "Communities",
    "Comparison",
    "Context",
    "Evaluation",
    "Evaluator",
    "InfeasibleError",
    "InspectionPlan",
    "InvalidCalendarError",
    "InvalidCatalogueError",
    "InvalidInputError",
    "MissingInputError",
    "Monitor",
    "NotFoundError",
    "OutOfCoverageError",
    "Scorecard",
    "StratifiedDraw",
    "UnitMismatchError",
    "ZhengceError",
    "__version__",
]
