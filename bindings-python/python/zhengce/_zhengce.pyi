"""Type stubs of the compiled module ``zhengce._zhengce``.

Entries and results are dicts in the catalogue's JSON shape (see ``Catalogue.schema()``).
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any, Literal, final

__all__ = ["Catalogue", "Communities", "Monitor", "Scorecard", "__version__"]
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

# --- sampling ---

# --- targets ---

DecimalLike = decimal.Decimal | int | str
Table = Any  # a pandas DataFrame, a pyarrow Table or RecordBatch, or a list of dicts
Dimension = Literal["document", "group", "programme", "unit", "community_type", "community", "jurisdiction"]

@final
class Monitor:
    """Monitors a catalogue's targets against observed data.

    Holds the catalogue's own observations of targets (baselines) and the rows added with
    :meth:`add_observation` and :meth:`add_observations`. Status thresholds come from the
    catalogue (``monitoring.status.*``) unless overridden per call.
    """

    def __new__(cls, catalogue: Catalogue, communities: Communities | None = None) -> Monitor:
        """A monitor of ``catalogue``'s targets; ``communities`` (a copy is taken) for scorecards by community."""
    def with_communities(self, communities: Communities) -> Monitor:
        """A copy of this monitor using ``communities`` (copied) for scorecards by community."""
    def add_observation(self, observation: JSON) -> None:
        """Adds one observation: ``target``, ``date``, ``value`` (Decimal, int or str; never a float), ``unit`` and
        ``source``; optional ``id`` (default ``<target>@<date>``, replacing one held), ``qualifier``, ``metric``,
        ``scope``, ``reading``. Raises UnitMismatchError, NotFoundError, InvalidInputError, MissingInputError."""
    def add_observations(self, table: Table) -> int:
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

    def to_value(self) -> JSON:
        """The scorecard as a dict: ``as_of``, ``counts``, ``groups`` (counts and target ids per status), ``assessments``."""
    def to_json(self) -> str:
        """The scorecard as JSON text."""
    def to_csv(self) -> str:
        """The groups as CSV: dimension, key, name_zh, name_en, one column per status, total (first row: all)."""
    def assessments_to_csv(self) -> str:
        """The assessments as CSV, one row per target."""
    def to_pandas(self) -> Any:
        """The groups as a pandas DataFrame with the CSV's columns (needs pandas)."""
    def assessments_to_pandas(self) -> Any:
        """The assessments as a pandas DataFrame, decimals as ``Decimal`` and dates as ``date`` (needs pandas)."""
    def _repr_html_(self) -> str:
        """An HTML table of the groups for notebooks."""

# --- communities ---

@final
class Communities:
    """Concrete communities (district, sub-district, types, programmes, targets) and their responsibility chain."""

    def __new__(cls, catalogue: Catalogue) -> Communities:
        """A registry holding ``catalogue``'s communities."""
    def register(self, community: JSON) -> None:
        """Registers a community in the catalogue's JSON shape, checked against the catalogue."""
    def register_all(self, table: Table) -> int:
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
