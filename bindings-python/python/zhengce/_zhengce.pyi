"""Type stubs of the compiled module ``zhengce._zhengce``.

Entries and results are dicts in the catalogue's JSON shape (see ``Catalogue.schema()``).
"""

from __future__ import annotations

import datetime
from typing import Any, Literal, final

__all__ = ["Catalogue", "InspectionPlan", "StratifiedDraw", "__version__"]
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

    @staticmethod
    def draw(catalogue: Catalogue, register: list[JSON], directory: list[JSON], spec: JSON) -> InspectionPlan:
        """Draws a plan. Raises InvalidInputError for bad inputs, InfeasibleError naming the visit
        that cannot get enough inspectors free of conflict."""
    @staticmethod
    def from_json(text: str) -> InspectionPlan:
        """Reads a published plan from its JSON text. Raises InvalidInputError."""
    @staticmethod
    def from_value(value: JSON) -> InspectionPlan:
        """Reads a plan from a dict in the JSON shape. Raises InvalidInputError."""
    def verify(self, catalogue: Catalogue, register: list[JSON], directory: list[JSON]) -> JSON:
        """Re-derives the plan from its recorded spec and seed; returns ``matches``, every
        difference (``path``, ``published``, ``derived``) and both library versions."""
    def to_value(self) -> JSON:
        """The plan as a dict in the JSON shape."""
    def to_json(self) -> str:
        """The plan's JSON text, the published form (identical in every language)."""
    def to_csv(self) -> str:
        """The visits as CSV, one row per visit."""
    def strata_to_csv(self) -> str:
        """The per-stratum figures as CSV."""
    @property
    def strata(self) -> list[JSON]:
        """Per-stratum population, flagged, pool, ratio, sample, selected and realised ratio."""
    @property
    def visits(self) -> list[JSON]:
        """The visits in register order."""
    def __len__(self) -> int:
        """The number of visits."""

@final
class StratifiedDraw:
    """A stratified random draw over a register given as numpy columns (the researcher's path).

    ``classes`` is a uint8 array (0 unclassified, 1 A, 2 B, 3 C, 4 D), ``strata`` an optional
    uint32 array of stratum codes, ``flags`` an optional uint8 array (1 complaint, 2 big-data
    alert, 4 referred case, 8 legal mandate). Columns are read without copying. Entities are
    named by position; map positions to ids with ``ids[draw.random_indices("b")]``.
    """

    @staticmethod
    def draw(
        catalogue: Catalogue, spec: JSON, classes: numpy.typing.ArrayLike,
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
    def to_value(self) -> JSON:
        """Everything as a dict, positions as lists (large for a whole country)."""

# --- targets ---

# --- communities ---
