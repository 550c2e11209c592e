"""Test cases that users write, in YAML or JSON, run by the core's case runner.

The same runner serves ``zhengce test`` (the command line), this module and JavaScript's
``runCases``, so a case file gives the same results everywhere. A case names a rule (with its
date, jurisdiction and input) or a library function (with its input), and the output or the
error expected (see docs/testing.md, and :func:`schema` for the JSON Schema)::

    import zhengce.testing
    report = zhengce.testing.run("examples/cases")
    assert report.failed == 0, report.summary()

With pytest, the plugin (registered by the package's ``pytest11`` entry point) collects case
files named ``test_*.yaml``, ``test_*.yml``, ``*.cases.yaml`` or ``*.cases.json``; set the
``zhengce_cases`` ini option to other patterns. Each case is one test item.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._zhengce import Context, cases_schema, parse_yaml, run_cases

__all__ = ["FileReport", "Report", "files", "load", "parse_yaml", "run", "run_cases", "schema"]


def schema() -> dict[str, Any]:
    """The JSON Schema of case documents (``core/schema/cases.schema.json``)."""
    return cases_schema()


def load(path: str | os.PathLike[str]) -> Any:
    """Reads a case file: YAML (``.yaml``, ``.yml``) with the core's reader, JSON otherwise.

    YAML floats such as ``10000.00`` become the exact decimal strings, as in ``zhengce test``.
    """
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    if p.suffix in (".yaml", ".yml"):
        return parse_yaml(text)
    return json.loads(text)


def files(*paths: str | os.PathLike[str]) -> Iterator[Path]:
    """Case files under the paths (directories searched recursively; ``manifest.json`` skipped)."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.suffix in (".yaml", ".yml", ".json") and child.name != "manifest.json":
                    yield child
        else:
            yield p


@dataclass
class FileReport:
    """The outcome of one file: counts and one dict per case (name, call, source, passed, problems)."""

    file: str
    passed: int
    failed: int
    cases: list[dict[str, Any]]


@dataclass
class Report:
    """The outcome of a run over files."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(f.passed for f in self.files)

    @property
    def failed(self) -> int:
        return sum(f.failed for f in self.files)

    def failures(self) -> Iterable[tuple[str, dict[str, Any]]]:
        """(file, case) for every failed case."""
        for f in self.files:
            for case in f.cases:
                if not case["passed"]:
                    yield f.file, case

    def summary(self) -> str:
        """The failures, one line per problem, then ``N passed, N failed``."""
        lines = []
        for file, case in self.failures():
            lines.append(f"FAIL {file} :: {case['call']} :: {case['name']}")
            lines.extend(f"    {p}" for p in case["problems"])
        lines.append(f"{self.passed} passed, {self.failed} failed")
        return "\n".join(lines)


def run(*paths: str | os.PathLike[str], context: Context | None = None) -> Report:
    """Runs every case file under the paths in the context (the built-in data by default)."""
    report = Report()
    for path in files(*paths):
        result = run_cases(load(path), context)
        report.files.append(FileReport(str(path), result["passed"], result["failed"], result["cases"]))
    return report
