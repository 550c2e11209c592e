"""Pickling and the panic boundary: what a process pool or a Dask worker relies on.

Every long-lived object pickles to a compact state (JSON plus its sha256 digest, the catalogue's
content hash checked on load); the unpickled object must compute exactly what the original did.
"""

from __future__ import annotations

import datetime
import pickle

import numpy as np
import pytest
import zhengce

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context(CAT)
BOND = "tianshan-2022-87/r68-bid-bond"
TIANSHAN = "cn-xj-urumqi-tianshan"
JUNE = datetime.date(2022, 6, 1)
CAP_50000 = {
    "name": "cap-50000",
    "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot", "jurisdiction": TIANSHAN,
                    "effective_from": "2022-05-18", "value": "50000"}],
}


def again(obj: object) -> object:
    return pickle.loads(pickle.dumps(obj))


def test_the_builtin_catalogue_pickles_to_a_few_hundred_bytes() -> None:
    data = pickle.dumps(CAT)
    assert len(data) < 600
    restored = pickle.loads(data)
    assert restored.content_hash() == CAT.content_hash()
    assert restored.clause("tianshan-2022-87/68")["summary"] == CAT.clause("tianshan-2022-87/68")["summary"]


def test_a_layered_catalogue_keeps_its_overlay() -> None:
    parameter = CAT.parameter("procurement.bid_bond.cap_per_lot")
    parameter["values"] = [{"jurisdiction": "cn", "effective_from": "2030-01-01", "value": "30000",
                            "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/68"}}]
    layered = CAT.layered({"parameters": [parameter]})
    assert layered.parameter_value("procurement.bid_bond.cap_per_lot", "cn", "2030-06-01")["value"] == "30000"
    restored = again(layered)
    assert restored.content_hash() == layered.content_hash() != CAT.content_hash()
    assert restored.to_json() == layered.to_json()
    assert restored.parameter_value("procurement.bid_bond.cap_per_lot", "cn", "2030-06-01")["value"] == "30000"


def test_an_evaluator_under_a_scenario_gives_the_same_amounts() -> None:
    # Article 68: the bid bond is 1% of the lot's budget, capped at 20,000 yuan; the scenario
    # raises the cap to 50,000 from 2022-05-18, so 8,000,000 yuan gives 50,000.00, not 80,000.
    scenario = CTX.with_scenario(CAP_50000)
    bond = scenario.evaluator(BOND)
    restored = again(bond)
    assert isinstance(restored, zhengce.Evaluator)
    assert restored.evaluate({"budget": 8_000_000}, JUNE).amount == "50000.00"
    assert restored.evaluate({"budget": 1_000_000}, JUNE).amount == "10000.00"
    budgets = np.array([100_000_00, 1_000_000_00, 8_000_000_00], dtype=np.int64)  # fen
    a = bond.evaluate_batch({"budget": budgets}, JUNE).to_json_value()
    b = restored.evaluate_batch({"budget": budgets}, JUNE).to_json_value()
    assert a == b
    assert restored.context().scenario_hash() == scenario.scenario_hash()
    assert again(scenario).evaluator(BOND).evaluate({"budget": 8_000_000}, JUNE).amount == "50000.00"
    assert again(CTX).scenario_name() == "baseline"
    assert len(pickle.dumps(CTX.evaluator(BOND))) < 1000  # built-in data: a few hundred bytes


def test_a_context_with_its_own_calendars_and_scenario() -> None:
    # Calendars of the national layer only (no Xinjiang overlay): Thursday 5 May 2022, Xinjiang's
    # day off for Eid al-Fitr (肉孜节), is a working day there; the set is not the built-in one,
    # so its layers travel in the pickle.
    national = zhengce.Calendars.empty().layered(zhengce.Calendars.builtin().layer("cn"))
    ctx = CTX.with_calendars(national).with_scenario(CAP_50000)
    assert CTX.calendar(TIANSHAN).is_working_day(datetime.date(2022, 5, 5)) is False
    restored = again(ctx)
    assert restored.calendar(TIANSHAN).is_working_day(datetime.date(2022, 5, 5)) is True
    assert restored.calendar(TIANSHAN).layers() == ["cn"]
    assert restored.scenario_hash() == ctx.scenario_hash()
    assert restored.evaluator(BOND).evaluate({"budget": 8_000_000}, JUNE).amount == "50000.00"

def test_calendars_and_a_calendar() -> None:
    cal = zhengce.Calendar.builtin(TIANSHAN)
    restored = again(cal)
    # 2022 National Day: 1-7 October off, Saturday 8 October a make-up working day.
    assert not restored.is_working_day(datetime.date(2022, 10, 3))
    assert restored.is_working_day(datetime.date(2022, 10, 8))
    assert restored.layers() == cal.layers()
    cals = again(zhengce.Calendars.builtin())
    assert [layer["id"] for layer in cals.layers()] == [layer["id"] for layer in zhengce.Calendars.builtin().layers()]
    from_set = again(CTX.calendar(TIANSHAN))
    assert from_set.add_working_days(datetime.date(2022, 9, 30), 1) == datetime.date(2022, 10, 8)


def test_an_inspection_plan_is_the_same_plan() -> None:
    register = [{"id": f"e{i}", "credit_class": "abcd"[i % 4]} for i in range(40)]
    directory = [{"id": f"i{i}", "department": "amr"} for i in range(4)]
    spec = {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "pickle",
            "checks": [{"department": "amr", "items": ["licence"]}]}
    plan = zhengce.InspectionPlan.draw(CTX, register, directory, spec)
    restored = again(plan)
    assert restored.to_json() == plan.to_json()
    assert restored.verify(CTX, register, directory)["matches"]


def test_a_monitor_with_observations_and_communities_and_its_scorecard() -> None:
    registry = zhengce.Communities(CTX)
    registry.register(
        {"id": "tianshan-pilot-1", "name": {"zh": "试点一", "en": "Pilot 1"}, "jurisdiction": TIANSHAN,
         "sub_district": "tianshan-subdistricts", "types": ["childcare-services"],
         "programmes": ["urumqi-2022-startup-communities/programme"], "targets": ["tianshan-2022-87/t81a"],
         "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}}
    )
    assert len(again(registry)) == 1
    monitor = zhengce.Monitor(CTX, communities=registry)
    monitor.add_observations([{"target": "tianshan-2022-87/t28", "date": "2022-09-30", "value": 75, "unit": "%",
                               "source": "synthetic"}])
    restored = again(monitor)
    assert len(restored) == len(monitor)
    assert restored.observations() == monitor.observations()
    for by in (None, ["community", "unit"]):
        kwargs = {} if by is None else {"by": by}
        assert restored.scorecard("2022-12-31", **kwargs).to_json() == monitor.scorecard("2022-12-31", **kwargs).to_json()
    card = monitor.scorecard("2022-12-31")
    assert again(card).to_json() == card.to_json()


def test_a_tampered_pickle_is_refused() -> None:
    fn, (kind, state, digest) = CAT.__reduce__()
    with pytest.raises(zhengce.InvalidInputError):
        fn(kind, state.replace("true", "false"), digest)
    with pytest.raises(zhengce.InvalidInputError):
        fn("Catalogue", state.replace('"builtin":true', '"json":"{}"'), digest)


def test_a_panic_is_an_internal_error_and_the_module_stays_usable() -> None:
    with pytest.raises(zhengce.InternalError) as raised:
        zhengce._zhengce._panic_for_test("boom")
    assert isinstance(raised.value, Exception)  # unlike pyo3's PanicException, a BaseException
    assert raised.value.code == "internal"
    assert "boom" in str(raised.value)
    assert CAT.clause("tianshan-2022-87/68")["id"] == "tianshan-2022-87/68"
