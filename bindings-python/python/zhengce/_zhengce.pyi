"""Type stubs of the compiled module ``zhengce._zhengce``.

Entries and results are dicts in the catalogue's JSON shape (see ``Catalogue.schema()``).
"""

from __future__ import annotations

import datetime
from typing import Any, Literal, final

import numpy as np
import numpy.typing as npt

__all__ = ["BatchResult", "Catalogue", "Comparison", "Evaluation", "Evaluator", "Scenario", "__version__"]
__version__: str

JSON = dict[str, Any]
DateLike = datetime.date | str

# --- catalogue ---

DocumentKind = Literal[
    "law", "administrative_regulation", "rule", "notice", "action_plan", "development_plan",
    "implementation_plan", "report",
]

@final
class Catalogue:
    """A validated catalogue of policy documents and everything they set, indexed by id.

    Build one with :meth:`builtin`, :meth:`from_json`, :meth:`from_value`, or :meth:`layered`.
    Loading validates the whole catalogue and raises :class:`zhengce.InvalidCatalogueError`
    listing every problem with its JSON path.
    """

    @staticmethod
    def builtin() -> Catalogue:
        """The built-in catalogue: the five source documents and the national rules behind them."""
    @staticmethod
    def builtin_size() -> int:
        """Size in bytes of the embedded catalogue JSON."""
    @staticmethod
    def from_json(text: str) -> Catalogue:
        """Loads and validates a catalogue from JSON text. Raises InvalidCatalogueError."""
    @staticmethod
    def from_value(value: JSON) -> Catalogue:
        """Loads and validates a catalogue from a dict in the JSON shape (Decimal and date allowed)."""
    @staticmethod
    def schema() -> JSON:
        """The JSON Schema of catalogue files."""
    def layered(self, overlay: str | JSON) -> Catalogue:
        """A new catalogue with ``overlay`` on top: same ids replace, new ids add; parameter values merge."""
    def to_json(self) -> str:
        """The content as catalogue JSON; loading it again gives an equal catalogue."""
    def to_value(self) -> JSON:
        """The content as a dict in the JSON shape."""
    def content_hash(self) -> str:
        """``sha256:`` and the hex digest of the content, as recorded in execution receipts."""
    def get(self, id: str) -> JSON:
        """Any entry by id, with a ``type`` field naming its kind. Raises NotFoundError."""
    def jurisdiction(self, id: str) -> JSON:
        """The jurisdiction with this id. Raises NotFoundError."""
    def document(self, id: str) -> JSON:
        """The document with this id, with its clause tree. Raises NotFoundError."""
    def clause(self, id: str) -> JSON:
        """The clause with this id, with its sub-clauses. Raises NotFoundError."""
    def unit(self, id: str) -> JSON:
        """The responsible unit with this id. Raises NotFoundError."""
    def programme(self, id: str) -> JSON:
        """The programme with this id. Raises NotFoundError."""
    def measure(self, id: str) -> JSON:
        """The measure with this id. Raises NotFoundError."""
    def community_type(self, id: str) -> JSON:
        """The community type with this id. Raises NotFoundError."""
    def community(self, id: str) -> JSON:
        """The community with this id. Raises NotFoundError."""
    def target(self, id: str) -> JSON:
        """The target with this id. Raises NotFoundError."""
    def observation(self, id: str) -> JSON:
        """The observation with this id. Raises NotFoundError."""
    def parameter(self, id: str) -> JSON:
        """The parameter with this key, with all its dated values. Raises NotFoundError."""
    def rule(self, id: str) -> JSON:
        """The rule with this id. Raises NotFoundError."""
    def document_of_clause(self, id: str) -> JSON:
        """The document a clause belongs to. Raises NotFoundError."""
    def ancestry(self, jurisdiction: str) -> list[JSON]:
        """The jurisdiction and its ancestors, nearest first. Raises NotFoundError."""
    def is_within(self, jurisdiction: str, ancestor: str) -> bool:
        """True if ``jurisdiction`` is ``ancestor`` or lies below it."""
    def documents(self, *, jurisdiction: str | None = ..., kind: DocumentKind | None = ...) -> list[JSON]:
        """Documents issued in ``jurisdiction`` or below it, optionally of one kind."""
    def measures(
        self, *, document: str | None = ..., programme: str | None = ..., unit: str | None = ...,
        community_type: str | None = ...,
    ) -> list[JSON]:
        """Measures, filtered; a unit matches as lead or co-responsible. Raises NotFoundError for an unknown id."""
    def targets(
        self, *, scope: str | None = ..., document: str | None = ..., measure: str | None = ...,
        programme: str | None = ..., unit: str | None = ..., community_type: str | None = ...,
    ) -> list[JSON]:
        """Targets, filtered; ``scope`` includes jurisdictions below it."""
    def observations(self, *, target: str | None = ..., scope: str | None = ...) -> list[JSON]:
        """Observations, filtered."""
    def units(self, *, jurisdiction: str | None = ...) -> list[JSON]:
        """Units of ``jurisdiction`` or below it."""
    def search(self, query: str, *, kinds: list[str] | None = ..., limit: int = ...) -> list[JSON]:
        """Searches titles, names and clause text in Chinese and English; every term must match."""
    def parameter_value(self, key: str, jurisdiction: str, date: DateLike) -> JSON:
        """The parameter's value in force on ``date`` in ``jurisdiction`` or its nearest ancestor, with its source."""

# --- calendar ---

# --- rules ---

Lang = Literal["en", "zh"]
#: A batch column: a numpy or pyarrow array, a pandas Series, or a list. Integer arrays are in
#: the input's own unit (fen for money); floats are refused.
ColumnLike = Any
#: One date for every row, or one per row (a list, numpy ``datetime64`` or pyarrow date array).
DatesLike = DateLike | list[DateLike] | Any

@final
class Scenario:
    """A catalogue with parameter overrides and added rules: the world an evaluation runs in.

    ``Scenario(catalogue, spec)`` takes a spec dict (or JSON text) ``{"name": ..., "parameters":
    [{"parameter", "jurisdiction", "effective_from", "until", "value"}], "overlay": {...}}``;
    ``Scenario.baseline(catalogue)`` is the catalogue as it is.
    """

    def __new__(cls, catalogue: Catalogue, spec: JSON | str) -> Scenario: ...
    @staticmethod
    def baseline(catalogue: Catalogue) -> Scenario:
        """The catalogue as it is, named ``baseline``."""
    def name(self) -> str:
        """The scenario's name, recorded in execution receipts."""
    def hash(self) -> str:
        """``sha256:`` and the digest of the scenario's spec."""
    def spec(self) -> JSON:
        """The scenario's spec."""
    def catalogue(self) -> Catalogue:
        """The scenario's catalogue (with its overlay)."""
    def evaluator(self, rule: str) -> Evaluator:
        """Compiles a rule under this scenario. Raises NotFoundError, or InvalidInputError (wrong_rule_kind) for a time limit."""
    def parameter_value(self, key: str, jurisdiction: str, date: DateLike) -> JSON:
        """The parameter's value in force under this scenario (``value`` None when none is), with where it came from."""
    def compare(
        self, alternative: Scenario, rule: str, columns: dict[str, ColumnLike], date: DatesLike, *,
        jurisdiction: str | None = ..., explain: bool = ..., text: Lang | None = ...,
    ) -> Comparison:
        """Compares this scenario with ``alternative`` over a batch: per-row values, differences and totals."""

@final
class Evaluator:
    """One rule compiled under a scenario, ready to evaluate cases."""

    def __new__(cls, scenario: Scenario, rule: str) -> Evaluator: ...
    def rule(self) -> JSON:
        """The rule evaluated."""
    def scenario(self) -> Scenario:
        """The scenario it runs under."""
    def check_table(self) -> JSON | None:
        """The static check of a decision table (overlaps, gaps); None for other kinds."""
    def evaluate(
        self, values: dict[str, Any], date: DateLike, *,
        jurisdiction: str | None = ..., explain: bool = ..., text: Lang | None = ...,
    ) -> Evaluation:
        """Evaluates one case. Amounts are Decimal, int or decimal strings (never floats).

        Raises InvalidInputError / MissingInputError naming the field and value.
        """
    def evaluate_batch(
        self, columns: dict[str, ColumnLike], date: DatesLike, *,
        jurisdiction: str | None = ..., explain: bool = ..., text: Lang | None = ...,
    ) -> BatchResult:
        """Evaluates a batch of cases given as columns; errors name the row (``details["row"]``)."""

@final
class Evaluation:
    """The result of one evaluation: the value and, if asked for, the explanation."""

    @property
    def value(self) -> JSON:
        """The rule's value for the case (``kind`` names the rule kind)."""
    @property
    def explanation(self) -> JSON | None:
        """The explanation with its receipt, when ``explain`` was set."""
    @property
    def amount(self) -> str | None:
        """A capped rate's amount as a decimal string (None for other kinds)."""
    @property
    def eligible(self) -> bool | None:
        """An eligibility rule's verdict (None while undecided or for other kinds)."""
    @property
    def compliant(self) -> bool | None:
        """A threshold's verdict (None when not applicable or for other kinds)."""
    @property
    def missing(self) -> list[str]:
        """The inputs an eligibility rule still needs."""
    def to_value(self) -> JSON:
        """``{"value": ..., "explanation": ...}`` in the JSON shape."""
    def to_text(self, lang: Lang = ...) -> str:
        """The result and the explanation as readable text in English or Chinese."""

@final
class BatchResult:
    """The result of a batch: one column per output."""

    @property
    def rows(self) -> int:
        """The number of rows."""
    def names(self) -> list[str]:
        """The columns' names."""
    def column(self, name: str) -> npt.NDArray[np.int64] | npt.NDArray[np.int32] | list[Any]:
        """A column: int64 units for amounts (see :meth:`scale`), int32 codes for labels (see :meth:`labels`; -1 is null), a list otherwise."""
    def __getitem__(self, name: str, /) -> npt.NDArray[np.int64] | npt.NDArray[np.int32] | list[Any]: ...
    def scale(self, name: str) -> int | None:
        """The power of ten an amount column is divided by (2: fen)."""
    def labels(self, name: str) -> list[str] | None:
        """The labels a code column indexes."""
    def strings(self, name: str) -> list[Any]:
        """A column in the JSON shape: decimal strings, booleans, labels, None."""
    def explanations(self) -> list[Evaluation] | None:
        """One explained evaluation per row, when ``explain`` was set."""
    def to_value(self) -> JSON:
        """``{"rows": n, "columns": {...}}`` in the JSON shape."""
    def __len__(self) -> int: ...

@final
class Comparison:
    """Two scenarios compared over one batch."""

    @property
    def column(self) -> str:
        """The output compared (``amount``, ``eligible``, ``compliant``, or a decision table's output)."""
    @property
    def baseline(self) -> BatchResult:
        """The baseline's results."""
    @property
    def alternative(self) -> BatchResult:
        """The alternative's results."""
    @property
    def difference(self) -> npt.NDArray[np.int64] | list[Any]:
        """Per row, alternative - baseline (int64 units for amounts)."""
    @property
    def totals(self) -> JSON:
        """``rows``, ``baseline``, ``alternative``, ``difference`` (decimal strings) and ``changed``."""
    def to_value(self) -> JSON:
        """The comparison in the JSON shape."""

# --- sampling ---

# --- targets ---

# --- communities ---
