"""pytest plugin: collects zhengce case files (YAML or JSON) and runs each case as a test.

Registered through the ``pytest11`` entry point of the ``zhengce`` package. Files whose name
matches the ``zhengce_cases`` ini patterns (default ``test_*.yaml test_*.yml *.cases.yaml
*.cases.json``) are collected; e.g. ``pytest -o zhengce_cases="*.yaml" examples/cases``.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest

from . import testing

DEFAULT_PATTERNS = ["test_*.yaml", "test_*.yml", "*.cases.yaml", "*.cases.json"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "zhengce_cases",
        type="args",
        default=DEFAULT_PATTERNS,
        help="file name patterns of zhengce case files to collect",
    )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    patterns = parent.config.getini("zhengce_cases") or DEFAULT_PATTERNS
    if file_path.name != "manifest.json" and any(fnmatch(file_path.name, p) for p in patterns):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    """A case file: its cases are run together by the core, then reported one item each."""

    def collect(self):  # type: ignore[no-untyped-def]
        report = testing.run_cases(testing.load(self.path))
        for i, case in enumerate(report["cases"]):
            yield CaseItem.from_parent(self, name=f"{case['call']} :: {case['name']} [{i}]", result=case)


class CaseFailed(AssertionError):
    """A case whose output (or error) did not match."""


class CaseItem(pytest.Item):
    def __init__(self, *, result: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result

    def runtest(self) -> None:
        if not self.result["passed"]:
            raise CaseFailed("\n".join(self.result["problems"]))

    def repr_failure(self, excinfo, style=None):  # type: ignore[no-untyped-def]
        if isinstance(excinfo.value, CaseFailed):
            source = self.result.get("source")
            cite = f" [{source}]" if source else ""
            return f"{self.result['call']} :: {self.result['name']}{cite}\n{excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):  # type: ignore[no-untyped-def]
        return self.path, None, f"case: {self.name}"
