"""The Python binding of the calendar: conversions (dates, numpy, Arrow), exceptions, names.

Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
"""

from __future__ import annotations

import datetime

import numpy as np
import pyarrow as pa
import pytest
import zhengce

CN = zhengce.Calendar.builtin("cn")
TIANSHAN = zhengce.Calendar.builtin("cn-xj-urumqi-tianshan")
EVE = datetime.date(2024, 2, 9)  # Friday before Spring Festival 2024; Sunday 18 Feb is worked


@pytest.mark.parametrize(
    ("date", "ok"),
    [(EVE, True), ("2024-02-09", True), ("2024-2-9", False), (datetime.datetime(2024, 2, 9, 12), False), (20240209, False)],
)
def test_date_arguments(date: object, ok: bool) -> None:
    if ok:
        assert CN.add_working_days(date, 1) == datetime.date(2024, 2, 18)
    else:
        with pytest.raises(zhengce.InvalidInputError) as raised:
            CN.add_working_days(date, 1)
        assert raised.value.path == "date"


def test_results_are_dates_and_dicts() -> None:
    assert isinstance(CN.next_working_day(EVE), datetime.date)
    assert CN.working_days_between(EVE, datetime.date(2024, 2, 19)) == 2
    day = TIANSHAN.day(datetime.date(2023, 6, 29))
    assert day["kind"] == "statutory_holiday" and day["name"]["zh"] == "古尔邦节" and day["calendar"] == "cn-xj"
    assert CN.coverage() == [{"from": "2004-01-01", "until": "2026-12-31"}]
    assert TIANSHAN.layers() == ["cn", "cn-xj"] and TIANSHAN.jurisdiction() == "cn-xj-urumqi-tianshan"
    assert [d["date"] for d in CN.days("2024-02-09", "2024-02-11")] == ["2024-02-09", "2024-02-10", "2024-02-11"]


def test_out_of_coverage_and_the_opt_in() -> None:
    with pytest.raises(zhengce.OutOfCoverageError) as raised:
        TIANSHAN.is_working_day(datetime.date(2024, 6, 3))
    err = raised.value
    assert err.code == "out_of_coverage" and isinstance(err, ValueError)
    assert err.details["date"] == "2024-06-03"
    assert err.details["covered"][1] == {"from": "2025-01-01", "until": "2025-12-31"}
    assert TIANSHAN.is_working_day(datetime.date(2024, 6, 3), assume="weekends_only") is True
    with pytest.raises(zhengce.InvalidInputError) as bad:
        TIANSHAN.is_working_day(datetime.date(2024, 6, 3), assume="everything")
    assert bad.value.path == "options.assume"


def test_layered_reports_every_problem() -> None:
    with pytest.raises(zhengce.InvalidCalendarError) as raised:
        zhengce.Calendars.builtin().layered({"id": "cn", "name": {"zh": "全国", "en": "National"}, "jurisdiction": "cn",
                                             "coverage": [{"from": "2027-01-01", "until": "2027-12-31"}],
                                             "years": []})
    assert [p["code"] for p in raised.value.errors()] == ["missing_year"]
    text = '{"id": "cn", "name": {"zh": "全国", "en": "National"}, "jurisdiction": "cn", "coverage": [], "years": []}'
    with pytest.raises(zhengce.InvalidCalendarError):
        zhengce.Calendars.builtin().layered(text)


def test_deadline_functions() -> None:
    due = zhengce.Context.builtin().deadline("business-opening", datetime.date(2023, 6, 27), "cn-xj-urumqi-tianshan")
    assert due["date"] == "2023-07-04" and due["source"]["clause"] == "tianshan-2022-87/58"
    assert "古尔邦节" in due["explanation"]["zh"]
    cat = zhengce.Catalogue.builtin()
    same = zhengce.Context(cat, zhengce.Calendars.builtin()).deadline("business-opening", "2023-06-27", "cn-xj-urumqi-tianshan")
    assert same == due
    plain = CN.deadline(datetime.date(2024, 9, 11), 20, "calendar_days")
    assert (plain["nominal_end"], plain["date"]) == ("2024-10-01", "2024-10-08")
    with pytest.raises(zhengce.NotFoundError):
        zhengce.Context.builtin().deadline("no-such-service", EVE, "cn")
    with pytest.raises(zhengce.InvalidInputError):
        CN.deadline(EVE, 1, "fortnights")


DAYS = ["2024-02-04", "2024-02-09", "2024-02-10", "2024-02-18"]
WORKING = [True, True, False, True]


@pytest.mark.parametrize(
    "column",
    [
        np.array(DAYS, dtype="datetime64[D]"),
        np.array(DAYS, dtype="datetime64[D]").astype("int64"),
        np.array(DAYS, dtype="datetime64[D]").astype("int64").astype("int32"),
        pa.array([datetime.date.fromisoformat(d) for d in DAYS], type=pa.date32()),
        pa.chunked_array([pa.array([datetime.date.fromisoformat(d) for d in DAYS], type=pa.date32())]),
        [datetime.date.fromisoformat(d) for d in DAYS],
        DAYS,
    ],
    ids=["datetime64", "int64", "int32", "arrow", "chunked", "dates", "strings"],
)
def test_batch_columns(column: object) -> None:
    working = CN.is_working_day_batch(column)
    assert working.dtype == np.bool_ and working.tolist() == WORKING
    shifted = CN.add_working_days_batch(column, 1)
    assert shifted.dtype == np.dtype("datetime64[D]")
    assert [str(d) for d in shifted] == ["2024-02-05", "2024-02-18", "2024-02-18", "2024-02-19"]
    back = CN.sub_working_days_batch(shifted, np.ones(4, dtype="int32"))
    assert [str(d) for d in back][1] == "2024-02-09"
    between = CN.working_days_between_batch(column, shifted)
    assert between.dtype == np.int64 and between.tolist() == [1, 1, 1, 1]


def test_batch_errors_name_the_row() -> None:
    days = np.array(["2024-02-09", "NaT"], dtype="datetime64[D]")
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CN.add_working_days_batch(days, 1)
    assert raised.value.details["row"] == 1
    with pytest.raises(zhengce.OutOfCoverageError) as uncovered:
        CN.is_working_day_batch(np.array(["2026-12-31", "2027-01-01"], dtype="datetime64[D]"))
    assert "row 1" in str(uncovered.value)
    with pytest.raises(zhengce.InvalidInputError):
        CN.is_working_day_batch(np.array(["2024-02-09T10:00"], dtype="datetime64[m]"))
    with pytest.raises(zhengce.InvalidInputError):
        CN.is_working_day_batch(pa.array([None, datetime.date(2024, 1, 1)], type=pa.date32()))
    with pytest.raises(zhengce.InvalidInputError) as lengths:
        CN.add_working_days_batch(np.array(DAYS, dtype="datetime64[D]"), [1, 2])
    assert lengths.value.path == "n"


def test_names_match_the_rust_api() -> None:
    for name in ["day", "days", "is_working_day", "next_working_day", "previous_working_day", "add_working_days",
                 "sub_working_days", "working_days_between", "deadline", "is_working_day_batch",
                 "add_working_days_batch", "sub_working_days_batch", "working_days_between_batch", "coverage",
                 "is_covered", "layers", "jurisdiction"]:
        assert callable(getattr(zhengce.Calendar, name)), name
    assert repr(TIANSHAN).startswith("<zhengce.Calendar 'cn-xj-urumqi-tianshan'")
