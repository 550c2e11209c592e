"""Type stubs of the compiled module ``zhengce._zhengce``.

Entries and results are dicts in the catalogue's JSON shape (see ``Catalogue.schema()``).
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any, Literal, final

import numpy as np
import numpy.typing as npt

__all__ = [
    "BatchResult", "Calendar", "Calendars", "Catalogue", "Communities", "Comparison", "Context", "DatedEvaluator", "Evaluation",
    "Evaluator", "InspectionPlan", "Monitor", "Scorecard", "StratifiedDraw", "Table", "__version__", "_panic_for_test",
    "_restore", "Draft", "draft", "cases_schema", "parse_yaml", "run_cases",
]
__version__: str

#: Pickled state: (kind, JSON state, sha256 digest of the state), as ``__reduce__`` returns.
Reduced = tuple[Any, tuple[str, str, str]]

def _restore(kind: str, state: str, hash: str) -> Any:
    """Rebuilds a pickled object; refuses a state whose digest or catalogue content hash differs."""
def _panic_for_test(message: str) -> None:
    """Panics in Rust on purpose: the tests show it arrives as InternalError."""

#: Any object exposing the Arrow PyCapsule interface (``__arrow_c_array__`` or
#: ``__arrow_c_stream__``): pyarrow arrays, chunked arrays, tables, record batches; polars
#: Series and DataFrames; pandas Series and DataFrames (with pyarrow); DuckDB results.
ArrowLike = Any

@final
class Table:
    """A typed table of results or catalogue entries; any Arrow consumer reads it (``__arrow_c_stream__``).

    Money is ``decimal128(p, s)`` (fen: s = 2), dates ``date32``, labels dictionaries,
    explanations JSON text.
    """

    @property
    def num_rows(self) -> int:
        """The number of rows."""
    @property
    def column_names(self) -> list[str]:
        """The columns' names."""
    @property
    def schema_text(self) -> str:
        """``name: type`` per column, one per line."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow C stream capsule (PyCapsule interface)."""
    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` (needs pyarrow: ``zhengce[arrow]``)."""
    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` through pyarrow (``zhengce[pandas]``): decimals as Decimal, dates as date, labels as categories."""
    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` (``zhengce[polars]``)."""
    def _repr_html_(self) -> str:
        """The first rows as HTML, for notebooks."""
    def __len__(self) -> int: ...

JSON = dict[str, Any]
DateLike = datetime.date | str

@final
class Context:
    """A catalogue, working-day calendars and a scenario: what every computation runs in.

    Immutable; deriving one (a scenario, a layered calendar year, another catalogue) gives a
    new context. Rules, deadlines, inspection plans, monitors and community registries are all
    reached through a context.
    """

    def __reduce__(self) -> Reduced: ...

    def __new__(cls, catalogue: Catalogue | None = None, calendars: Calendars | None = None) -> Context: ...
    @staticmethod
    def builtin() -> Context:
        """The built-in catalogue and calendars, with no scenario (named ``baseline``)."""
    def with_scenario(self, spec: JSON | str) -> Context:
        """Under a scenario ``{"name", "parameters": [{"parameter", "jurisdiction", "effective_from", "until", "value"}], "overlay"}``."""
    def baseline(self) -> Context:
        """The same catalogue and calendars with no scenario."""
    def with_catalogue(self, catalogue: Catalogue) -> Context:
        """The same calendars and scenario over another catalogue."""
    def layered_catalogue(self, overlay: str | JSON, *, replace: bool = ..., redefine: bool = ...) -> Context:
        """The catalogue with an overlay layered on (``replace``/``redefine`` as for ``Catalogue.layered``). Raises InvalidCatalogueError."""
    def with_calendars(self, calendars: Calendars) -> Context:
        """The same catalogue and scenario on other calendars."""
    def layered_calendars(self, overlay: str | JSON) -> Context:
        """The calendars with calendar data layered on (a year added at run time). Raises InvalidCalendarError."""
    def catalogue(self) -> Catalogue:
        """The catalogue (with the scenario's overlay)."""
    def calendars(self) -> Calendars:
        """The calendar data layers."""
    def calendar(self, jurisdiction: str) -> Calendar:
        """The working-day calendar of a jurisdiction."""
    def scenario(self) -> JSON:
        """The scenario's spec."""
    def scenario_name(self) -> str:
        """The scenario's name (``baseline`` without one), recorded in execution receipts."""
    def scenario_hash(self) -> str:
        """``sha256:`` and the digest of the scenario."""
    def parameter_value(self, key: str, jurisdiction: str, date: DateLike) -> JSON:
        """The parameter's value in force under the scenario (``value`` None when none is), with where it came from."""
    def evaluator(self, rule: str) -> Evaluator:
        """Compiles a rule in this context. Raises NotFoundError."""
    def deadline(
        self, service: str, start: DateLike, jurisdiction: str, *,
        assume: Assume | None = ..., rest_day_start: RestDayStart = ...,
    ) -> JSON:
        """The deadline of a service promise (a service key or time-limit rule id) from ``start``, with its explanation."""
    def compare(
        self, alternative: Context, rule: str, columns: dict[str, ColumnLike], date: DatesLike, *,
        jurisdiction: str | None = ..., explain: bool = ..., text: Lang | None = ...,
    ) -> Comparison:
        """Compares this context's scenario with ``alternative``'s over a batch: per-row values, differences and totals."""

DocumentKind = Literal[
    "law", "administrative_regulation", "rule", "notice", "action_plan", "development_plan",
    "implementation_plan", "report",
]

@final
class Catalogue:
    """A validated catalogue of policy documents and everything they set, indexed by id.

    Build one with :meth:`builtin`, :meth:`from_json`, :meth:`from_json_value`, or :meth:`layered`.
    Loading validates the whole catalogue and raises :class:`zhengce.InvalidCatalogueError`
    listing every problem with its JSON path.
    """

    def __reduce__(self) -> Reduced: ...

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
    def from_json_value(value: JSON) -> Catalogue:
        """Loads and validates a catalogue from a dict in the JSON shape (Decimal and date allowed)."""
    @staticmethod
    def schema() -> JSON:
        """The JSON Schema of catalogue files."""
    def layered(self, overlay: str | JSON, *, replace: bool = ..., redefine: bool = ...) -> Catalogue:
        """A new catalogue with ``overlay`` on top: new ids add, parameter values merge. Replacing an
        entry needs ``replace=True``; changing its kind, unit, level, parent or jurisdiction also
        ``redefine=True``. Replacements are listed by ``replacements()``."""
    def replacements(self) -> list[JSON]:
        """The entries overlays replaced: ``[{layer, kind, id, path, redefined}]``."""
    def to_json(self) -> str:
        """The content as catalogue JSON; loading it again gives an equal catalogue."""
    def table(self, kind: str) -> Table:
        """The entries of ``kind`` (``targets``, ``measures``, ``documents``, ``clauses``, ``parameters`` (one row per
        dated value), ``observations``, ``units``, ``programmes``, ``jurisdictions``, ``communities``,
        ``community_types``, ``rules``) as a typed table: dates as date32, values as decimal128, texts as ``name_zh`` /
        ``name_en``, citations as ``source_document`` / ``source_clause`` / ``source_quote``."""
    def to_json_value(self) -> JSON:
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

Assume = Literal["weekends_only", "statutory"]
RestDayStart = Literal["as_given", "next_working_day"]
TimeUnit = Literal["working_days", "calendar_days", "hours"]
Column = Any
"""A column of dates: numpy ``datetime64[D]`` or integer day numbers (days since 1970-01-01),
a pyarrow ``date32`` array, or a sequence of ``datetime.date`` / ISO strings."""

@final
class Calendars:
    """The calendar data layers: the national calendar (2004-2026) and regional overlays (Xinjiang).

    :meth:`layered` adds or corrects a year at run time from data in the format of the data
    files; a :class:`Context` holding them compiles the calendar of a jurisdiction.
    """

    def __reduce__(self) -> Reduced: ...

    @staticmethod
    def builtin() -> Calendars:
        """The built-in layers: ``cn`` (2004-2026) and ``cn-xj`` (2022, 2023, 2025)."""
    @staticmethod
    def empty() -> Calendars:
        """No layers; add them with :meth:`layered`."""
    @staticmethod
    def schema() -> JSON:
        """The JSON Schema of calendar data files."""
    def layered(self, overlay: str | JSON) -> Calendars:
        """A new set with ``overlay`` on top: its years replace or add years, its coverage is added. Raises InvalidCalendarError."""
    def as_known_on(self, date: datetime.date | str) -> Calendars:
        """The data as published on ``date``: later notices left out, later amendments undone."""
    def layered_notice(self, text: str) -> Calendars:
        """A new set with a holiday notice's text read in (annual, amendment or Xinjiang regional). Raises InvalidCalendarError naming the sentence."""
    @staticmethod
    def statutory_days(year: int) -> list[tuple[str, list[str]]]:
        """Each festival's statutory days in ``year`` under the 放假办法 in force (2000-2099). Raises InvalidInputError."""
    @staticmethod
    def parse_notice(text: str) -> JSON:
        """The notice parsed: year, layer, blocks and every day with the sentence that set it. Raises InvalidCalendarError."""
    def layers(self) -> list[JSON]:
        """The data layers, in order."""
    def layer(self, id: str) -> JSON:
        """The layer with this id. Raises NotFoundError."""

@final
class Calendar:
    """A working-day calendar compiled for one jurisdiction; every operation is O(1).

    The start day is never counted. A date outside the data raises OutOfCoverageError unless
    the call passes ``assume="weekends_only"``.
    """

    def __reduce__(self) -> Reduced: ...

    @staticmethod
    def builtin(jurisdiction: str) -> Calendar:
        """The calendar of a jurisdiction of the built-in catalogue, from the built-in data."""
    def jurisdiction(self) -> str:
        """The jurisdiction the calendar was compiled for."""
    def layers(self) -> list[str]:
        """The data layers used, national first."""
    def coverage(self) -> list[JSON]:
        """The ranges every layer covers (``{"from", "until"}``), sorted; need not be contiguous."""
    def is_covered(self, date: DateLike) -> bool:
        """True if every layer's data covers the date."""
    def day(self, date: DateLike, *, assume: Assume | None = ...) -> JSON:
        """The day's kind (working_day, weekend, statutory_holiday, swapped_rest_day, make_up_working_day), festival and layer."""
    def days(self, start: DateLike, end: DateLike, *, assume: Assume | None = ...) -> list[JSON]:
        """Every day from ``start`` to ``end`` (both included), classified."""
    def is_working_day(self, date: DateLike, *, assume: Assume | None = ...) -> bool:
        """True for a working day or a make-up working day."""
    def next_working_day(self, date: DateLike, *, assume: Assume | None = ...) -> datetime.date:
        """The first working day after the date."""
    def previous_working_day(self, date: DateLike, *, assume: Assume | None = ...) -> datetime.date:
        """The last working day before the date."""
    def add_working_days(self, date: DateLike, n: int, *, assume: Assume | None = ...) -> datetime.date:
        """The n-th working day after the date (before it for negative n); the date is not counted."""
    def sub_working_days(self, date: DateLike, n: int, *, assume: Assume | None = ...) -> datetime.date:
        """The n-th working day before the date."""
    def working_days_between(self, start: DateLike, end: DateLike, *, assume: Assume | None = ...) -> int:
        """Working days met going from ``start`` to ``end``: the start not counted, the end counted."""
    def deadline(
        self, start: DateLike, duration: int, unit: TimeUnit, *,
        assume: Assume | None = ..., rest_day_start: RestDayStart = ...,
    ) -> JSON:
        """The deadline of ``duration`` units from ``start`` (start day not counted; calendar days roll to a working day)."""
    def is_working_day_batch(self, days: Column, *, assume: Assume | None = ...) -> Any:
        """``is_working_day`` over a column; returns a numpy bool array."""
    def add_working_days_batch(self, days: Column, n: int | Any, *, assume: Assume | None = ...) -> Any:
        """``add_working_days`` over a column, ``n`` one count or one per row; returns numpy ``datetime64[D]``."""
    def sub_working_days_batch(self, days: Column, n: int | Any, *, assume: Assume | None = ...) -> Any:
        """``sub_working_days`` over a column; returns numpy ``datetime64[D]``."""
    def provisional_batch(self, start: Column, end: Column, *, assume: Assume | None = ...) -> Any:
        """For each row, True if the count from ``start`` to ``end`` ran through a provisional day (``assume="statutory"``)."""
    def working_days_between_batch(self, start: Column, end: Column, *, assume: Assume | None = ...) -> Any:
        """``working_days_between`` over two columns; returns numpy ``int64``."""

Lang = Literal["en", "zh"]
#: A batch column: a numpy or pyarrow array, a pandas Series, or a list. Integer arrays are in
#: the input's own unit (fen for money); floats are refused.
ColumnLike = Any
#: One date for every row, or one per row (a list, numpy ``datetime64`` or pyarrow date array).
DatesLike = DateLike | list[DateLike] | Any

@final
class Evaluator:
    """One rule compiled in a context, ready to evaluate cases."""

    def __reduce__(self) -> Reduced: ...

    def __new__(cls, context: Context, rule: str) -> Evaluator: ...
    def rule(self) -> JSON:
        """The rule evaluated."""
    def context(self) -> Context:
        """The context it runs in."""
    def check_table(self) -> JSON | None:
        """The static check of a decision table (overlaps, gaps); None for other kinds."""
    def evaluate(
        self, values: dict[str, Any], date: DateLike, *,
        jurisdiction: str | None = ..., explain: bool = ..., text: Lang | None = ...,
    ) -> Evaluation:
        """Evaluates one case. Amounts are Decimal, int or decimal strings (never floats).

        Raises InvalidInputError / MissingInputError naming the field and value.
        """
    def at(self, date: DateLike, jurisdiction: str | None = None) -> DatedEvaluator:
        """This evaluator fixed at ``date`` in ``jurisdiction`` (the rule's own when None): the
        parameters in force are looked up once; call the result like a function, once per case.

        Raises InvalidInputError for a jurisdiction outside the rule's.
        """
    def evaluate_batch(
        self, columns: dict[str, ColumnLike], date: DatesLike, *,
        jurisdiction: str | None = ..., explain: bool = ..., text: Lang | None = ...,
        progress: bool | Any = ..., errors: Literal["raise", "null"] = ...,
        threads: int | None = ...,
    ) -> BatchResult:
        """Evaluates a batch of cases given as columns (a dict of arrays, or a table).

        ``errors="raise"`` (default): the first bad row raises, naming the row (``details["row"]``).
        ``errors="null"``: a bad row gets nulls and its error in ``error_code`` / ``error_message``
        columns (and :meth:`BatchResult.errors`); the other rows are evaluated.
        ``progress=True`` shows a tqdm bar; a callable gets ``(rows_done, rows_total)``.
        The batch runs without the GIL, its chunks on ``threads`` threads (default: every core;
        ``1``: the calling thread); the result does not depend on it. A C-contiguous int64 numpy
        column is read in place, without a copy, as numpy's ufuncs do: another Python thread must
        not write it during the call."""

#: What a :class:`DatedEvaluator` call answers, by the rule's kind: a capped rate's amount
#: (None when the rule does not apply), whether eligible or compliant (None while undecided),
#: a time limit's deadline, a decision table's outputs (None when no row matched).
Answer = decimal.Decimal | bool | datetime.date | JSON | None

@final
class DatedEvaluator:
    """A rule's evaluator fixed at a date and a jurisdiction (:meth:`Evaluator.at`).

    Call it with the rule's inputs by position (in the order of :attr:`inputs`) or by name;
    None is "not given". Each call gives what :meth:`Evaluator.evaluate` gives on that date in
    that jurisdiction, with the same errors, at a fraction of the cost: use it for many single
    cases on one date; use :meth:`Evaluator.evaluate_batch` for columns.
    """

    def __reduce__(self) -> Reduced: ...

    def __call__(self, *inputs: Any, **named: Any) -> Answer:
        """The rule's answer for one case (see :data:`Answer`). Amounts are Decimal, int or decimal
        strings (never floats); choices are strings.

        Raises InvalidInputError / MissingInputError naming the field and value, as evaluate does.
        """
    def evaluate(self, *inputs: Any, **named: Any) -> Evaluation:
        """The full evaluation of one case, with its explanation; inputs as for a call."""
    @property
    def date(self) -> datetime.date:
        """The date the cases are judged on."""
    @property
    def jurisdiction(self) -> str:
        """The jurisdiction the cases are in."""
    @property
    def inputs(self) -> list[str]:
        """The rule's input names: the order of positional inputs."""
    def evaluator(self) -> Evaluator:
        """The evaluator it was made from."""

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
    def to_json_value(self) -> JSON:
        """``{"value": ..., "explanation": ...}`` in the JSON shape."""
    def to_text(self, lang: Lang = ...) -> str:
        """The result and the explanation as readable text in English or Chinese."""
    def _repr_html_(self) -> str:
        """The value, the explanation and every clause it cites, as HTML."""

@final
class BatchResult:
    """The result of a batch: one column per output."""

    @property
    def rows(self) -> int:
        """The number of rows."""
    def names(self) -> list[str]:
        """The columns' names."""
    def column(self, name: str) -> npt.NDArray[np.int64] | npt.NDArray[np.int32] | npt.NDArray[np.datetime64] | list[Any]:
        """A column: int64 units for amounts (see :meth:`scale`), int32 codes for labels (see :meth:`labels`; -1 is null), ``datetime64[D]`` for a time limit's deadlines (NaT is null), a list otherwise."""
    def __getitem__(self, name: str, /) -> npt.NDArray[np.int64] | npt.NDArray[np.int32] | npt.NDArray[np.datetime64] | list[Any]: ...
    def scale(self, name: str) -> int | None:
        """The power of ten an amount column is divided by (2: fen)."""
    def labels(self, name: str) -> list[str] | None:
        """The labels a code column indexes."""
    def strings(self, name: str) -> list[Any]:
        """A column in the JSON shape: decimal strings, booleans, labels, ISO dates, None."""
    def table(self) -> Table:
        """The result as one typed table (money decimal128, dates date32, labels dictionaries, ``explanation`` JSON)."""
    def errors(self) -> list[JSON]:
        """With ``errors="null"``: ``{"row", "code", "message"}`` per bad row (``[]`` otherwise)."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The result as an Arrow C stream capsule: ``pyarrow.table(result)``, ``polars.DataFrame(result)``, DuckDB."""
    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` of the result."""
    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of the result (through pyarrow)."""
    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` of the result."""
    def _repr_html_(self) -> str:
        """The first rows as HTML, for notebooks."""
    def explanations(self) -> list[Evaluation] | None:
        """One explained evaluation per row, when ``explain`` was set."""
    def to_json_value(self) -> JSON:
        """``{"rows": n, "columns": {...}}`` in the JSON shape."""
    def __len__(self) -> int: ...

@final
class Comparison:
    """Two scenarios compared over one batch."""

    @property
    def column(self) -> str:
        """The output compared (``amount``, ``eligible``, ``compliant``, a decision table's output, or a time limit's ``deadline``)."""
    @property
    def baseline(self) -> BatchResult:
        """The baseline's results."""
    @property
    def alternative(self) -> BatchResult:
        """The alternative's results."""
    @property
    def difference(self) -> npt.NDArray[np.int64] | list[Any]:
        """Per row, alternative - baseline (int64 units for amounts; int64 calendar days for deadlines)."""
    @property
    def totals(self) -> JSON:
        """``rows``, ``baseline``, ``alternative``, ``difference`` (decimal strings) and ``changed``."""
    def to_json_value(self) -> JSON:
        """The comparison in the JSON shape."""

import numpy
import numpy.typing

@final
class InspectionPlan:
    """A double-random inspection plan (双随机、一公开) drawn by credit class.

    The plan is a pure function of the catalogue, the register, the inspector directory, the
    spec and its published seed: the same inputs give the same plan, byte for byte, in Rust,
    Python and JavaScript. ``register`` is a list of entity dicts (``id``, ``credit_class``
    ``"a"``–``"d"`` or ``"unclassified"``, ``industry``, ``district``, ``flags``); ``directory``
    a list of inspector dicts (``id``, ``department``, ``conflicts`` such as
    ``{"entity": id}``, ``{"industry": x}``, ``{"district": x}``); ``spec`` a dict
    (``jurisdiction``, ``date``, ``seed``, ``checks``, optional ``stratify_by``, ``base_ratio``,
    ``policies``, ``inspectors_per_check``, ``workload``, ``joint``).
    """

    def __reduce__(self) -> Reduced: ...

    @staticmethod
    def draw(context: Context, register: list[JSON], directory: list[JSON], spec: JSON) -> InspectionPlan:
        """Draws a plan. Raises InvalidInputError for bad inputs, InfeasibleError naming the visit
        that cannot get enough inspectors free of conflict."""
    @staticmethod
    def from_json(text: str) -> InspectionPlan:
        """Reads a published plan from its JSON text. Raises InvalidInputError."""
    @staticmethod
    def from_json_value(value: JSON) -> InspectionPlan:
        """Reads a plan from a dict in the JSON shape. Raises InvalidInputError."""
    def verify(self, context: Context, register: list[JSON], directory: list[JSON]) -> JSON:
        """Re-derives the plan from its recorded spec and seed; returns ``matches``, every
        difference (``path``, ``published``, ``derived``) and both library versions."""
    def to_json_value(self) -> JSON:
        """The plan as a dict in the JSON shape."""
    def to_json(self) -> str:
        """The plan's JSON text, the published form (identical in every language)."""
    def to_csv(self, *, raw_text: bool = ...) -> str:
        """The visits as CSV, one row per visit; cells starting with = + - @ tab or CR get a leading ' unless ``raw_text``."""
    def strata_to_csv(self, *, raw_text: bool = ...) -> str:
        """The per-stratum figures as CSV."""
    @property
    def strata(self) -> list[JSON]:
        """Per-stratum population, flagged, pool, ratio, sample, selected and realised ratio."""
    @property
    def visits(self) -> list[JSON]:
        """The visits in register order."""
    def __len__(self) -> int:
        """The number of visits."""
    def _repr_html_(self) -> str:
        """The seed, the per-stratum figures and the first visits, as HTML."""

@final
class StratifiedDraw:
    """A stratified random draw over a register given as numpy columns (the researcher's path).

    ``classes`` is an integer column (0 unclassified, 1 A, 2 B, 3 C, 4 D; numpy of any integer
    dtype, or Arrow), ``strata`` an optional column of stratum codes (fitting uint32), ``flags``
    an optional column (1 complaint, 2 big-data
    alert, 4 referred case, 8 legal mandate). Columns are read without copying. Entities are
    named by position; map positions to ids with ``ids[draw.random_indices("b")]``.
    """

    @staticmethod
    def draw(
        context: Context, spec: JSON, classes: numpy.typing.ArrayLike,
        strata: numpy.typing.ArrayLike | None = ..., flags: numpy.typing.ArrayLike | None = ...,
    ) -> StratifiedDraw:
        """Draws ``ceil(pool x ratio)`` per stratum; the same selection as InspectionPlan.draw."""
    @property
    def strata(self) -> list[JSON]:
        """The per-stratum figures, in order (keys ``"a"``, ``"b|code=17"``, ...)."""
    def random_indices(self, key: str) -> numpy.typing.NDArray[numpy.uint64]:
        """Positions drawn at random in the stratum, ascending. Raises NotFoundError."""
    def mandatory_indices(self, key: str) -> numpy.typing.NDArray[numpy.uint64]:
        """Positions of the stratum's flagged entities, ascending. Raises NotFoundError."""
    def to_json_value(self) -> JSON:
        """Everything as a dict, positions as lists (large for a whole country)."""
    @staticmethod
    def counts(
        classes: numpy.typing.ArrayLike, strata: numpy.typing.ArrayLike | None = None,
        flags: numpy.typing.ArrayLike | None = None,
    ) -> list[JSON]:
        """One partition's strata: ``key``, ``credit_class``, ``code``, ``population``, ``flagged`` (step 1 of a partitioned draw)."""
    @staticmethod
    def totals(partitions: list[list[JSON]]) -> list[JSON]:
        """The partitions' counts summed per stratum (step 2)."""
    @staticmethod
    def offsets(partitions: list[list[JSON]]) -> list[list[JSON]]:
        """Each partition's offsets: the summed counts of the partitions before it (step 2)."""
    @staticmethod
    def draw_partition(
        context: Context, spec: JSON, totals: list[JSON], before: list[JSON], classes: numpy.typing.ArrayLike,
        strata: numpy.typing.ArrayLike | None = None, flags: numpy.typing.ArrayLike | None = None,
    ) -> StratifiedDraw:
        """One partition's draw (step 3): positions are this partition's rows, stratum figures the whole
        register's; with every partition's positions shifted by its first row, the one-call draw."""

DecimalLike = decimal.Decimal | int | str
TableLike = Any  # a list of dicts, or any table: pyarrow, polars, pandas, DuckDB (``__arrow_c_stream__``)
Dimension = Literal["document", "group", "programme", "unit", "community_type", "community", "jurisdiction"]

@final
class Monitor:
    """Monitors a catalogue's targets against observed data.

    Holds the catalogue's own observations of targets (baselines) and the rows added with
    :meth:`add_observation` and :meth:`add_observations`. Status thresholds come from the
    catalogue (``monitoring.status.*``) unless overridden per call.
    """

    def __reduce__(self) -> Reduced: ...

    def __new__(cls, context: Context, communities: Communities | None = None) -> Monitor:
        """A monitor of ``catalogue``'s targets; ``communities`` (a copy is taken) for scorecards by community."""
    def with_communities(self, communities: Communities) -> Monitor:
        """A copy of this monitor using ``communities`` (copied) for scorecards by community."""
    def add_observation(self, observation: JSON) -> None:
        """Adds one observation: ``target``, ``as_of`` (the date the value refers to; ``date`` accepted),
        ``value`` (Decimal, int or str; never a float), ``unit`` and ``source``; optional ``published`` (the date
        it became known), ``id`` (default ``<target>@<as_of>``, replacing one held), ``qualifier``, ``metric``,
        ``scope``, ``reading``. Raises UnitMismatchError, NotFoundError, InvalidInputError, MissingInputError."""
    def add_observations(self, table: TableLike) -> int:
        """Adds rows of a DataFrame, pyarrow Table or list of dicts, all or none; errors name the row."""
    def observations(self, target: str | None = None) -> list[JSON]:
        """The observations held (of one target, or all), in the catalogue's observation shape."""
    def assess(
        self, target: str, as_of: DateLike, *, on_track_lag: DecimalLike | None = ...,
        at_risk_lag: DecimalLike | None = ..., early_share: DecimalLike | None = ...,
    ) -> JSON:
        """Where ``target`` stands at ``as_of``: status, basis, progress, elapsed, expected, gap, note."""
    def scorecard(
        self, as_of: DateLike, *, by: list[Dimension] | None = ..., scope: str | None = ...,
        document: str | None = ..., measure: str | None = ..., programme: str | None = ...,
        unit: str | None = ..., community_type: str | None = ..., community: str | None = ...,
        on_track_lag: DecimalLike | None = ..., at_risk_lag: DecimalLike | None = ...,
        early_share: DecimalLike | None = ...,
    ) -> Scorecard:
        """Assesses the selected targets and rolls them up by the dimensions in ``by``."""
    def check_ratio(self, ratio_target: str, count_target: str, population: DecimalLike | None = None) -> JSON:
        """Whether a count target and the per-N ratio target it raises agree (implied population; given one, consistency)."""
    def __len__(self) -> int:
        """The number of observations held."""

@final
class Scorecard:
    """Assessments of many targets at one date, with counts per status overall and per group."""

    def __reduce__(self) -> Reduced: ...

    def to_json_value(self) -> JSON:
        """The scorecard as a dict: ``as_of``, ``counts``, ``groups`` (counts and target ids per status), ``assessments``."""
    def to_json(self) -> str:
        """The scorecard as JSON text."""
    def to_csv(self, *, raw_text: bool = ...) -> str:
        """The groups as CSV: dimension, key, name_zh, name_en, one column per status, total (first row: all)."""
    def assessments_to_csv(self, *, raw_text: bool = ...) -> str:
        """The assessments as CSV, one row per target."""
    def table(self) -> Table:
        """The groups as a typed table (first row ``all``): ``dimension``, ``key``, ``name_zh``, ``name_en``, ``counts_*`` integers."""
    def assessments_table(self) -> Table:
        """One row per target: decimals as decimal128 (``target_value``, ``value``, ``progress``, ``gap``, ...), dates as date32."""
    def to_pandas(self) -> Any:
        """The groups as a pandas DataFrame with the CSV's columns (needs pandas)."""
    def assessments_to_pandas(self) -> Any:
        """The assessments as a pandas DataFrame, decimals as ``Decimal`` and dates as ``date`` (needs pandas)."""
    def _repr_html_(self) -> str:
        """An HTML table of the groups for notebooks."""
    def plot(self, dimension: Dimension | None = None, ax: Any = None, lang: Lang | None = None) -> Any:
        """Targets per status as stacked bars, overall and per group of ``dimension`` (the first asked for by
        default); returns the matplotlib Axes. Needs ``zhengce[plot]``; Chinese labels need a CJK font."""

@final
class Communities:
    """Concrete communities (district, sub-district, types, programmes, targets) and their responsibility chain."""

    def __reduce__(self) -> Reduced: ...

    def __new__(cls, context: Context) -> Communities:
        """A registry holding ``catalogue``'s communities."""
    def register(self, community: JSON) -> None:
        """Registers a community in the catalogue's JSON shape, checked against the catalogue."""
    def register_all(self, table: TableLike) -> int:
        """Registers rows of a list of dicts (or a table), all or none; errors name the row."""
    def community(self, id: str) -> JSON:
        """The community with this id. Raises NotFoundError."""
    def communities(
        self, *, jurisdiction: str | None = ..., sub_district: str | None = ..., community_type: str | None = ...,
        programme: str | None = ..., target: str | None = ...,
    ) -> list[JSON]:
        """Communities, filtered; ``jurisdiction`` includes those below it."""
    def responsible(self, target: str, community: str) -> JSON:
        """Who is responsible for ``target`` in ``community``: units, the district-to-community chain, the clauses."""
    def __len__(self) -> int:
        """The number of communities held."""


@final
class Draft:
    """A draft catalogue layer read from a policy text, and the evidence (span, clause, confidence) of every entry.

    Spans count Unicode scalar values, like Python ``str`` indices: ``text[item["span"]["start"]:item["span"]["end"]]``.
    """

    @property
    def layer(self) -> JSON:
        """The catalogue layer (document and clause tree, targets, observations, units, parameters)."""
    @property
    def clauses(self) -> list[JSON]:
        """The clauses found, in document order, with their spans."""
    @property
    def items(self) -> list[JSON]:
        """Everything drafted (targets, observations, time limits, fees, units), in document order."""
    @property
    def stats(self) -> JSON:
        """Counts, and whether ``max_items`` stopped the draft early."""
    def to_json_value(self) -> JSON:
        """The whole draft as a dict."""
    def to_json(self) -> str:
        """The whole draft as compact JSON, byte for byte the same as from Rust and JavaScript."""
    def layer_json(self) -> str:
        """The layer as JSON, ready for ``Catalogue.layered``."""

def draft(text: str, meta: JSON, *, max_chars: int = ..., max_items: int = ...) -> Draft:
    """Drafts a catalogue layer from a policy document's text.

    ``meta``: ``{"id", "jurisdiction"}`` and optionally ``"title"``, ``"issued"`` (ISO date), ``"period"``
    (``{"from", "until"}``). Raises InvalidInputError for an empty or over-long text or bad metadata.
    """

def run_cases(document: Any, context: Context | None = None) -> JSON:
    """Runs a case document (a dict with ``cases``, a list of cases, or one case) in the context; returns the report."""

def parse_yaml(text: str) -> Any:
    """Reads one YAML document as the case runner does (floats kept as exact decimal strings)."""

def cases_schema() -> JSON:
    """The JSON Schema of case documents."""
