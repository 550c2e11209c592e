"""Hostile input at the Python boundary (issue 13): every bad input is a typed ZhengceError,
nothing crashes, nothing is silently changed, and the module stays usable afterwards.

Inputs the shared vectors can express are in tests/vectors/hostile/; these are the ones only
Python can make: deep nesting, NaN, huge ints, lone surrogates, numpy columns, threads.
"""

from __future__ import annotations

import datetime
import decimal
import math
import threading

import numpy as np
import pytest
import zhengce

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context()
CN = zhengce.Calendar.builtin("cn")
EVE = datetime.date(2024, 2, 9)


def still_usable() -> None:
    """The module answers correctly after an error (Spring Festival 2024: 9 Feb + 1 = 18 Feb)."""
    assert CN.add_working_days(EVE, 1) == datetime.date(2024, 2, 18)
    assert CAT.get("cn")["type"] == "jurisdiction"


def nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [129, 15_000, 200_000])
def test_deep_nesting_is_an_error_not_a_crash(depth: int) -> None:
    # A list nested 15,000 deep used to kill the interpreter with SIGSEGV.
    for call in (
        lambda v: CAT.layered({"jurisdictions": v}),
        lambda v: CTX.with_scenario({"name": "x", "overlay": {"rules": v}}),
        lambda v: CAT.documents(**{"jurisdiction": v}),
    ):
        with pytest.raises(zhengce.InvalidInputError) as raised:
            call(nested(depth))
        assert "nested at most 128 deep" in str(raised.value)
        still_usable()


def test_nesting_up_to_the_limit_is_read() -> None:
    with pytest.raises(zhengce.InvalidCatalogueError):  # read, then refused by the catalogue's shape
        CAT.layered({"jurisdictions": nested(120)})


@pytest.mark.parametrize("bad", [1.5, math.nan, math.inf, -math.inf, True, 2**31, -(2**31) - 1, 2**32 + 1, "1", None, decimal.Decimal(1)])
def test_counts_are_whole_numbers_in_range(bad: object) -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CN.add_working_days(EVE, bad)
    assert raised.value.path == "n"
    with pytest.raises(zhengce.InvalidInputError):
        CN.deadline(EVE, bad, "working_days")
    still_usable()


@pytest.mark.parametrize("n", [2**32 + 1, -(2**40), 1.0, np.nan, True])
def test_batch_counts_are_not_wrapped(n: object) -> None:
    # 2**32 + 1 used to be read as 1 through numpy's int32 cast.
    days = np.array(["2024-02-09", "2024-02-09"], dtype="datetime64[D]")
    with pytest.raises(zhengce.InvalidInputError):
        CN.add_working_days_batch(days, n)
    if n is not True:  # numpy itself makes [1, True] an integer array
        with pytest.raises(zhengce.InvalidInputError):
            CN.add_working_days_batch(days, np.array([1, n]))
    still_usable()


@pytest.mark.parametrize("bad", ["today", "2024", "now", "NaT", "2024-02-09T00:00", "", None, 20240209, datetime.datetime(2024, 2, 9)])
def test_calendar_batches_read_dates_as_single_calls_do(bad: object) -> None:
    # numpy's parser read 'today' and '2024' as dates.
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CN.add_working_days_batch(["2024-02-09", bad], 1)
    assert raised.value.path == "days[1]"
    with pytest.raises(zhengce.InvalidInputError):
        CN.is_working_day_batch([bad])
    still_usable()


def test_nat_is_never_a_date() -> None:
    days = np.array(["2024-02-09", "NaT"], dtype="datetime64[D]")
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CN.add_working_days_batch(days, 1)
    assert "NaT" in str(raised.value)
    with pytest.raises(zhengce.InvalidInputError):
        CN.working_days_between_batch(days, days)
    still_usable()


def test_batches_stop_at_year_9999_as_the_single_call_does() -> None:
    last = np.array(["9999-12-31"], dtype="datetime64[D]")
    with pytest.raises(zhengce.InvalidInputError):
        CN.add_working_days(datetime.date(9999, 12, 31), 1, assume="weekends_only")
    with pytest.raises(zhengce.InvalidInputError):
        CN.add_working_days_batch(last, 1, assume="weekends_only")
    beyond = np.array([np.datetime64("10000-01-03", "D").astype("int64")], dtype="int64").view("datetime64[D]")
    with pytest.raises(zhengce.InvalidInputError):
        CN.is_working_day_batch(beyond, assume="weekends_only")
    still_usable()


def test_mismatched_columns_are_an_error_naming_them() -> None:
    days = np.array(["2024-02-09"] * 3, dtype="datetime64[D]")
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CN.add_working_days_batch(days, np.array([1, 2], dtype="int32"))
    assert raised.value.path == "n"
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CN.working_days_between_batch(days, days[:2])
    assert raised.value.path == "to"
    still_usable()


def test_large_batches_have_no_size_limit() -> None:
    n = 131_072 * 2 + 7
    days = np.full(n, np.datetime64("2024-02-09", "D"))
    out = CN.add_working_days_batch(days, 1)
    assert len(out) == n and out[-1] == np.datetime64("2024-02-18")


LONE = "\ud800"


@pytest.mark.parametrize("where", ["seed", "id", "key", "overlay"])
def test_lone_surrogates_are_refused_with_one_error(where: str) -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        if where == "seed":
            zhengce.StratifiedDraw.draw(CTX, {"jurisdiction": "cn", "date": "2023-01-01", "seed": "s" + LONE}, np.zeros(3, "uint8"))
        elif where == "id":
            CAT.layered({"jurisdictions": [{"id": "x" + LONE}]})
        elif where == "key":
            CAT.layered({"jurisdictions" + LONE: []})
        else:
            CAT.layered('{"jurisdictions": []}' + LONE)
    # The same message JavaScript gives (bindings-wasm/tests-js/hostile.test.mjs).
    assert str(raised.value).startswith("expected well-formed Unicode text, got text with a lone surrogate")
    still_usable()


def test_two_seeds_give_two_plans() -> None:
    # '\ud800' and '\udfff' both became U+FFFD, so two seeds gave one plan; now both are refused
    # and any two well-formed seeds differ.
    classes = np.array([2] * 50, dtype="uint8")
    spec = {"jurisdiction": "cn", "date": "2023-01-01", "base_ratio": "0.1"}
    a = zhengce.StratifiedDraw.draw(CTX, {**spec, "seed": "a"}, classes)
    b = zhengce.StratifiedDraw.draw(CTX, {**spec, "seed": "b"}, classes)
    c = zhengce.StratifiedDraw.draw(CTX, {**spec, "seed": "e\u0301"}, classes)
    d = zhengce.StratifiedDraw.draw(CTX, {**spec, "seed": "\u00e9"}, classes)
    assert list(a.random_indices("b")) != list(b.random_indices("b"))
    assert list(c.random_indices("b")) != list(d.random_indices("b")), "no Unicode normalisation"


def test_stratified_draw_owns_its_columns() -> None:
    # The draw used to read the numpy arrays after releasing the GIL; a thread rewriting them
    # could change the plan mid-draw. It now copies them first: the same inputs give the same
    # plan whatever another thread does to the arrays afterwards.
    classes = np.full(200_000, 2, dtype="uint8")
    spec = {"jurisdiction": "cn", "date": "2023-01-01", "seed": "s", "base_ratio": "0.1"}
    expected = list(zhengce.StratifiedDraw.draw(CTX, spec, classes.copy()).random_indices("b"))
    stop = threading.Event()

    def scribble() -> None:
        while not stop.is_set():
            classes[:] = 3
            classes[:] = 2

    t = threading.Thread(target=scribble)
    t.start()
    try:
        for _ in range(5):
            classes[:] = 2
            zhengce.StratifiedDraw.draw(CTX, spec, classes)
    finally:
        stop.set()
        t.join()
    classes[:] = 2
    assert list(zhengce.StratifiedDraw.draw(CTX, spec, classes).random_indices("b")) == expected


@pytest.mark.parametrize("bad", [{1: "x"}, {"a": object()}, {"a": {1, 2}}, {"a": b"bytes"}, {"a": math.nan}, {"a": 2**64}])
def test_unsupported_values_name_their_path(bad: dict) -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CAT.layered({"jurisdictions": [bad]})
    assert raised.value.path.startswith("overlay")
    still_usable()


@pytest.mark.parametrize("amount", ["1e5", "+1", "1_000", " 1", "1 ", "0.000000000000000000000000000001", decimal.Decimal("1E+5"), decimal.Decimal("NaN"), 1.5])
def test_decimals_follow_the_grammar(amount: object) -> None:
    overlay = {"parameters": [{"id": "x.y", "name": {"zh": "某", "en": "X"}, "unit": "yuan",
                               "values": [{"jurisdiction": "cn", "effective_from": "2024-01-01", "value": amount,
                                           "source": {"document": "tianshan-2022-87"}}]}]}
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        CAT.layered(overlay)
    assert raised.value.errors()[0]["path"] == "overlay:$.parameters[0].values[0].value"
    still_usable()


def test_money_with_30_decimal_places_is_refused_not_rounded() -> None:
    with pytest.raises(zhengce.InvalidInputError):
        zhengce.Monitor(CTX).check_ratio("x", "y", "0.000000000000000000000000000001")


def test_overlays_say_what_they_do() -> None:
    rate = CAT.parameter("procurement.bid_bond.rate")
    overlay = {"parameters": [{**rate, "unit": "yuan"}]}
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        CAT.layered(overlay)
    assert raised.value.errors()[0]["code"] == "replaces_entry"
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        CAT.layered(overlay, replace=True)
    assert raised.value.errors()[0]["code"] == "redefines_entry"
    layered = CAT.layered(overlay, replace=True, redefine=True)
    assert layered.replacements() == [{"layer": "overlay", "kind": "parameter", "id": "procurement.bid_bond.rate",
                                       "path": "overlay:$.parameters[0]", "redefined": ["unit"]}]
    with pytest.raises(zhengce.InvalidInputError):
        CAT.layered(overlay, replace="yes")
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        CAT.layered('{"jurisdictions": [], "jurisdictions": []}')
    assert raised.value.errors()[0]["code"] == "duplicate_key"


def test_csv_exports_neutralise_formulas() -> None:
    register = [{"id": "=HYPERLINK(\"http://x\")", "credit_class": "b"}]
    directory = [{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]
    spec = {"jurisdiction": "cn", "date": "2022-06-01", "seed": "s", "checks": [{"department": "amr", "items": ["licence"]}]}
    try:
        plan = zhengce.InspectionPlan.draw(CTX, register, directory, spec)
    except zhengce.InvalidInputError:
        pytest.skip("register ids are checked before export")
    assert "\"'=HYPERLINK(" in plan.to_csv()
    assert ",=HYPERLINK(" in plan.to_csv(raw_text=True) or "\"=HYPERLINK(" in plan.to_csv(raw_text=True)


BOND = "tianshan-2022-87/r68-bid-bond"
JUNE = "2022-06-01"


@pytest.mark.parametrize("n", [5, 131_072 + 5, 3 * 131_072])
def test_rule_batch_columns_must_all_match(n: int) -> None:
    # Over 131,072 rows (one chunk) a shorter column was silently truncated to the shortest.
    bond = zhengce.Evaluator(CTX, BOND)
    budget = np.full(n, 100_000_000, dtype=np.int64)
    fiscal = np.ones(n - 1, dtype=bool)
    with pytest.raises(zhengce.InvalidInputError) as raised:
        bond.evaluate_batch({"budget": budget, "fiscal_funds": fiscal}, JUNE)
    assert "rows" in str(raised.value)
    with pytest.raises(zhengce.InvalidInputError):
        bond.evaluate_batch({"budget": budget}, np.full(n - 1, np.datetime64(JUNE, "D")))
    out = bond.evaluate_batch({"budget": budget, "fiscal_funds": np.ones(n, dtype=bool)}, JUNE)
    assert len(out) == n and out["amount"][-1] == 1_000_000
    still_usable()


def test_rule_batches_never_read_nat_or_nan() -> None:
    bond = zhengce.Evaluator(CTX, BOND)
    with pytest.raises(zhengce.InvalidInputError):
        bond.evaluate_batch({"budget": np.array([1e6, np.nan])}, JUNE)
    with pytest.raises(zhengce.InvalidInputError):
        bond.evaluate_batch({"budget": np.array([100_000_000, 100_000_000])},
                            np.array([JUNE, "NaT"], dtype="datetime64[D]"))
    still_usable()
