"""Vector calls of the sampling module (see tests/vectors/README.md)."""

from typing import Any

import numpy as np


def _draw(z: Any, ctx: Any, i: dict[str, Any]) -> Any:
    return z.InspectionPlan.draw(ctx, i["register"], i["directory"], i["spec"])


def _set(value: Any, pointer: str, new: Any) -> None:
    *parents, last = [int(p) if p.isdigit() else p for p in pointer.split("/")[1:]]
    for p in parents:
        value = value[p]
    value[last] = new


def _verify(z: Any, ctx: Any, i: dict[str, Any]) -> Any:
    published = _draw(z, ctx, i).to_json_value()
    for t in i.get("tamper", []):
        _set(published, t["pointer"], t["value"])
    plan = z.InspectionPlan.from_json_value(published)
    return plan.verify(ctx, i.get("verify_register", i["register"]), i["directory"])


def _stratified(z: Any, ctx: Any, i: dict[str, Any]) -> Any:
    column = lambda key, dtype: None if key not in i else np.array(i[key], dtype=dtype)  # noqa: E731
    return z.StratifiedDraw.draw(
        ctx, i["spec"], column("classes", np.uint8), strata=column("strata", np.uint32), flags=column("flags", np.uint8)
    ).to_json_value()


CALLS = {
    "sampling.draw": lambda z, ctx, i: _draw(z, ctx, i).to_json_value(),
    "sampling.to_csv": lambda z, ctx, i: {"visits": _draw(z, ctx, i).to_csv(), "strata": _draw(z, ctx, i).strata_to_csv()},
    "sampling.verify": _verify,
    "sampling.stratified_draw": _stratified,
}
