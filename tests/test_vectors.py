"""Runs the shared conformance vectors (tests/vectors) against the Python binding.

The calls live in tests/calls/<module>.py as ``CALLS = {"module.function": fn(zhengce, context, input)}``;
expected values live only in the vector files.
"""

from __future__ import annotations

import datetime
import decimal
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
import zhengce

ROOT = Path(__file__).resolve().parent
VECTORS = ROOT / "vectors"
MANIFEST = json.loads((VECTORS / "manifest.json").read_text(encoding="utf-8"))["files"]


def _calls(module: str) -> dict[str, Any]:
    path = ROOT / "calls" / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"vector_calls_{module}", path)
    assert spec and spec.loader, f"no calls file {path}"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.CALLS


def _cases() -> list[Any]:
    params = []
    for file in MANIFEST:
        doc = json.loads((VECTORS / file).read_text(encoding="utf-8"))
        for case in doc["cases"]:
            params.append(pytest.param(doc, case, id=f"{file}::{case['name']}"))
    return params


def test_manifest_lists_every_vector_file() -> None:
    on_disk = sorted(str(p.relative_to(VECTORS)) for p in VECTORS.rglob("*.json") if p.name != "manifest.json")
    assert on_disk == sorted(MANIFEST)


_BUILTIN = zhengce.Catalogue.builtin()
_CALENDARS = zhengce.Calendars.builtin()


def catalogue_for(case: dict[str, Any]) -> zhengce.Catalogue:
    spec = case.get("catalogue")
    if spec is None:
        return _BUILTIN
    if "overlay" in spec:
        return _BUILTIN.layered(spec["overlay"], **spec.get("options", {}))
    return zhengce.Catalogue.from_json_value(spec["value"])


def context_for(case: dict[str, Any]) -> zhengce.Context:
    """The case's catalogue and the built-in calendars, with the case's `context` applied."""
    ctx = zhengce.Context(catalogue_for(case), _CALENDARS)
    spec = case.get("context", {})
    for overlay in spec.get("calendars", []):
        ctx = ctx.layered_calendars(overlay)
    if "scenario" in spec:
        ctx = ctx.with_scenario(spec["scenario"])
    return ctx


def to_json_shape(value: Any) -> Any:
    """Python results in the JSON shape: dates and decimals as strings, tuples as lists."""
    if isinstance(value, dict):
        return {k: to_json_shape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_shape(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "to_json_value"):
        return to_json_shape(value.to_json_value())
    return value


def matches(expected: Any, actual: Any, path: str = "$") -> list[str]:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        out = []
        for k, v in expected.items():
            if k not in actual:
                out.append(f"{path}.{k}: missing")
            else:
                out.extend(matches(v, actual[k], f"{path}.{k}"))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected a list of {len(expected)}, got {actual!r}"]
        return [m for i, (e, a) in enumerate(zip(expected, actual)) for m in matches(e, a, f"{path}[{i}]")]
    if type(expected) is not type(actual) or expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


@pytest.mark.parametrize(("doc", "case"), _cases())
def test_vector(doc: dict[str, Any], case: dict[str, Any]) -> None:
    function = doc["function"]
    calls = _calls(function.split(".")[0])
    assert function in calls, f"no Python call for {function}"
    call = calls[function]
    output = case.get("output", doc.get("output"))
    if "error" in case:
        with pytest.raises(zhengce.ZhengceError) as raised:
            call(zhengce, context_for(case), case.get("input", {}))
        err = raised.value
        actual = {"code": err.code, "path": err.path, "details": err.details}
        problems = matches(case["error"], actual)
    else:
        result = to_json_shape(call(zhengce, context_for(case), case.get("input", {})))
        if output == "ids":
            result = [item["id"] for item in result]
        problems = matches(case["expect"], result)
    assert not problems, "\n".join(problems)
