"""Exceptions raised by zhengce.

Every error from the library is a :class:`ZhengceError` subclass chosen by its stable
``code``. Each carries the message, the ``code``, the ``path`` it points at (an input field or
a JSON path) and ``details`` (the error's fields as a dict).
"""

from __future__ import annotations

from typing import Any


class ZhengceError(Exception):
    """Base class of every zhengce error.

    Attributes:
        code: Stable snake_case code, e.g. ``"out_of_coverage"``.
        path: The input field or JSON path the error points at, if any.
        details: The error's fields, with ``code``, as a dict.
    """

    code: str
    path: str | None
    details: dict[str, Any]

    def __init__(self, message: str, code: str, path: str | None, details: dict[str, Any]) -> None:
        super().__init__(message)
        self.code = code
        self.path = path
        self.details = details

    def errors(self) -> list[dict[str, Any]]:
        """Every problem of an invalid catalogue or calendar (``code``, ``path``, ``message``); else ``[]``."""
        return list(self.details.get("problems", []))


class InvalidCatalogueError(ZhengceError, ValueError):
    """Catalogue data has problems; :meth:`errors` lists every one with its JSON path."""


class InvalidCalendarError(ZhengceError, ValueError):
    """Calendar data has problems; :meth:`errors` lists every one with its JSON path."""


class NotFoundError(ZhengceError, LookupError):
    """No entry of the requested kind has the id (``details["kind"]``, ``details["id"]``)."""


class InvalidInputError(ZhengceError, ValueError):
    """An input is outside what the call accepts (``details["field"]``, ``["value"]``, ``["expected"]``)."""


class MissingInputError(InvalidInputError):
    """A required input was not given (``details["field"]``)."""


class UnitMismatchError(InvalidInputError):
    """A value came with a unit other than the one expected."""


class OutOfCoverageError(ZhengceError, ValueError):
    """A date lies outside the calendar's data (``details["from"]``, ``details["until"]``)."""


class InfeasibleError(ZhengceError):
    """The computation cannot be carried out with the inputs given (e.g. too few inspectors)."""


class InternalError(ZhengceError, RuntimeError):
    """A defect of the library (a caught Rust panic, say): please report it. The module stays usable."""


class MissingDependencyError(ZhengceError, ImportError):
    """An optional package is needed: ``details["package"]`` and the ``pip install`` line (``details["install"]``)."""


def invalid_input(field: str, value: Any, expected: str) -> InvalidInputError:
    """The error the library raises for a bad argument, made on the Python side (same shape)."""
    got = repr(value)
    return InvalidInputError(
        f"expected {expected}, got {got} for '{field}'",
        "invalid_input",
        field,
        {"code": "invalid_input", "field": field, "value": got, "expected": expected},
    )


def missing_dependency(package: str, extra: str, what: str) -> MissingDependencyError:
    """The error for an optional package that is not installed (``zhengce[extra]`` brings it)."""
    install = f"pip install 'zhengce[{extra}]'"
    return MissingDependencyError(
        f"{what} needs {package}, which is not installed: {install} (or pip install {package})",
        "missing_dependency",
        None,
        {"code": "missing_dependency", "package": package, "extra": extra, "install": install},
    )


def require(module: str, extra: str, what: str, package: str | None = None):  # noqa: ANN201
    """Imports an optional module, or raises :class:`MissingDependencyError` saying what to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise missing_dependency(package or module.split(".")[0], extra, what) from None
