"""The Python binding of sampling: conversions (dicts, numpy columns), exceptions, names.

The draw's logic is tested in Rust and by the shared vectors; this checks what the binding adds.
"""

from __future__ import annotations

import datetime

import numpy as np
import pytest
import zhengce

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context(CAT)
REGISTER = [{"id": f"e{i}", "credit_class": "abcd"[i % 4]} for i in range(40)] + [
    {"id": "flagged", "credit_class": "a", "flags": ["complaint"]}
]
DIRECTORY = [{"id": f"i{i}", "department": "amr"} for i in range(4)]
SPEC = {
    "jurisdiction": "cn-xj-urumqi-tianshan",
    "date": datetime.date(2022, 6, 1),
    "seed": "python",
    "checks": [{"department": "amr", "items": ["licence"]}],
}
SAMPLE = {"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "python"}


def test_a_plan_comes_back_in_the_json_shape_and_round_trips() -> None:
    plan = zhengce.InspectionPlan.draw(CTX, REGISTER, DIRECTORY, SPEC)
    value = plan.to_json_value()
    assert value["spec"]["date"] == "2022-06-01"  # a datetime.date argument, an ISO string back
    assert value["base_ratio"] == "0.03"  # decimals stay strings
    assert len(plan) == len(plan.visits) == sum(s["selected"] for s in plan.strata)
    flagged = next(v for v in plan.visits if v["entity"] == "flagged")
    assert (flagged["reason"], flagged["flags"], flagged["mode"]) == ("mandatory", ["complaint"], "on_site")
    again = zhengce.InspectionPlan.from_json(plan.to_json())
    assert again.to_json() == plan.to_json()
    assert zhengce.InspectionPlan.from_json_value(value).to_json() == plan.to_json()
    assert plan.to_csv().startswith("visit,entity,")
    assert plan.strata_to_csv().splitlines()[1].startswith("a,a,")
    assert "visits" in repr(plan)


def test_verify_reports_each_difference() -> None:
    plan = zhengce.InspectionPlan.draw(CTX, REGISTER, DIRECTORY, SPEC)
    assert plan.verify(CTX, REGISTER, DIRECTORY) == {
        "matches": True, "differences": [], "published_version": zhengce.__version__,
        "verifier_version": zhengce.__version__,
    }
    value = plan.to_json_value()
    value["visits"][0]["inspectors"][0]["id"] = "someone-else"
    report = zhengce.InspectionPlan.from_json_value(value).verify(CTX, REGISTER, DIRECTORY)
    assert not report["matches"]
    assert report["differences"][0]["published"] == "someone-else"


def test_bad_inputs_raise_with_their_path() -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.InspectionPlan.draw(CTX, [{"id": "x", "credit_class": "e"}], DIRECTORY, SPEC)
    assert raised.value.path == "register[0].credit_class"
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.InspectionPlan.draw(CTX, REGISTER, DIRECTORY, {**SPEC, "inspectors_per_check": 1})
    assert raised.value.path == "spec.inspectors_per_check"
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.InspectionPlan.draw(CTX, REGISTER, DIRECTORY, {**SPEC, "base_ratio": 0.03})  # a float
    assert raised.value.path == "spec.base_ratio"
    with pytest.raises(zhengce.InvalidInputError):
        zhengce.InspectionPlan.from_json("{}")


def test_an_infeasible_plan_names_the_visit() -> None:
    with pytest.raises(zhengce.InfeasibleError) as raised:
        zhengce.InspectionPlan.draw(CTX, REGISTER, DIRECTORY[:1], SPEC)
    assert raised.value.code == "infeasible"
    assert raised.value.details["what"].startswith("assign inspectors to visit 1 ")


def test_columns_are_numpy_arrays_in_and_out() -> None:
    classes = np.array([1, 2, 2, 3, 4, 0] * 100, dtype=np.uint8)
    flags = np.zeros(len(classes), dtype=np.uint8)
    flags[7] = 1
    draw = zhengce.StratifiedDraw.draw(CTX, SAMPLE, classes, flags=flags)
    keys = [s["key"] for s in draw.strata]
    assert keys == ["a", "b", "c", "d", "unclassified"]
    picked = draw.random_indices("b")
    assert picked.dtype == np.uint64 and len(picked) == draw.strata[1]["sample"]
    assert (classes[picked] == 2).all()
    assert list(draw.mandatory_indices("b")) == [7]
    strata = (np.arange(len(classes)) // 6 % 2).astype(np.uint32)
    assert [s["key"] for s in zhengce.StratifiedDraw.draw(CTX, SAMPLE, classes, strata).strata][:2] == ["a|code=0", "a|code=1"]


def test_columns_of_another_dtype_or_length_are_refused() -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.StratifiedDraw.draw(CTX, SAMPLE, np.array([1.0, 2.0]))
    assert raised.value.path == "classes"
    # Any integer dtype is read (checked to fit): the same draw as uint8.
    wide = zhengce.StratifiedDraw.draw(CTX, SAMPLE, np.array([1, 2], dtype=np.int64)).to_json_value()
    assert wide == zhengce.StratifiedDraw.draw(CTX, SAMPLE, np.array([1, 2], dtype=np.uint8)).to_json_value()
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.StratifiedDraw.draw(CTX, SAMPLE, np.array([1, 9], dtype=np.uint8))
    assert raised.value.details["row"] == 1
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.StratifiedDraw.draw(CTX, SAMPLE, np.array([1, 2], dtype=np.uint8), flags=np.zeros(3, dtype=np.uint8))
    assert raised.value.path == "flags"
    draw = zhengce.StratifiedDraw.draw(CTX, SAMPLE, np.array([1], dtype=np.uint8))
    with pytest.raises(zhengce.NotFoundError):
        draw.random_indices("b")
