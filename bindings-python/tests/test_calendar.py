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
        TIANSHAN.is_working_day(datetime.date(2021, 6, 3))
    err = raised.value
    assert err.code == "out_of_coverage" and isinstance(err, ValueError)
    assert err.details["date"] == "2021-06-03"
    assert err.details["covered"][0] == {"from": "2022-01-01", "until": "2026-12-31"}
    assert TIANSHAN.is_working_day(datetime.date(2021, 6, 3), assume="weekends_only") is True
    with pytest.raises(zhengce.InvalidInputError) as bad:
        TIANSHAN.is_working_day(datetime.date(2021, 6, 3), assume="everything")
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


def test_batch_inputs_borrowed_or_copied_give_the_same_days() -> None:
    # 2024-02-09 is the Friday before the Spring Festival holiday (02-10..02-17); Sunday 02-18
    # is a make-up working day. Contiguous datetime64/int32 columns are borrowed in place,
    # strided ones and other integer widths are copied: the answers are the same.
    wide = np.array(["2024-02-09", "2000-01-01", "2024-02-09", "2000-01-01"], dtype="datetime64[D]")
    strided = wide[::2]
    assert not strided.flags["C_CONTIGUOUS"]
    contiguous = np.ascontiguousarray(strided)
    want = ["2024-02-18", "2024-02-19"]
    for days in (strided, contiguous, contiguous.astype("int64").astype("int32")):
        for n in (np.array([1, 2], dtype="int32"), np.array([1, 2], dtype="int64"), np.array([1, 2], dtype="uint8"),
                  np.array([1, 9, 2], dtype="int32")[::2]):
            got = CN.add_working_days_batch(days, n)
            assert [str(d) for d in got] == want, (days.dtype, n.dtype)
            assert got.flags["WRITEABLE"] and not np.shares_memory(got, days)
    assert [str(d) for d in wide] == ["2024-02-09", "2000-01-01", "2024-02-09", "2000-01-01"]
    back = CN.sub_working_days_batch(np.array(want, dtype="datetime64[D]"), np.array([1, 2], dtype="int32"))
    assert [str(d) for d in back] == ["2024-02-09", "2024-02-09"]
    ends = np.array(want, dtype="datetime64[D]")
    for f, t in ((contiguous, ends), (strided, ends.astype("int64").astype("int32"))):
        assert CN.working_days_between_batch(f, t).tolist() == [1, 2]


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


NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知（示例）\n一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。"


def test_provisional_deadline_today() -> None:
    putuo = zhengce.Context.builtin().calendar("cn-sh-putuo")
    with pytest.raises(zhengce.OutOfCoverageError):
        putuo.add_working_days(datetime.date(2026, 12, 4), 20)
    due = putuo.deadline(datetime.date(2026, 12, 4), 20, "working_days", assume="statutory")
    assert (due["date"], due["provisional"], due["provisional_days"]) == ("2027-01-04", True, ["2027-01-01"])
    assert "PROVISIONAL" in due["explanation"]["en"]
    day = putuo.day(datetime.date(2027, 1, 1), assume="statutory")
    assert day["provisional"] is True and day["notice"] == "国务院令第795号 (provisional)"


def test_notices_read_as_data() -> None:
    ctx = zhengce.Context.builtin()
    with_2027 = ctx.with_calendars(ctx.calendars().layered_notice(NOTICE_2027))
    assert with_2027.calendar("cn-sh-putuo").add_working_days(datetime.date(2026, 12, 4), 20) == datetime.date(2027, 1, 4)
    notice = zhengce.Calendars.parse_notice(NOTICE_2027)
    assert [d["date"] for d in notice["days"]] == ["2027-01-01", "2027-01-02", "2027-01-03"]
    assert notice["days"][0]["sentence"] == "1月1日（星期五）至3日（星期日）放假，共3天。"
    with pytest.raises(zhengce.InvalidCalendarError) as raised:
        zhengce.Calendars.parse_notice(NOTICE_2027.replace("星期五", "星期四"))
    assert raised.value.details["problems"][0]["code"] == "weekday_mismatch"
    assert "1月1日（星期四）" in raised.value.details["problems"][0]["path"]


def test_as_known_on_and_source_quality() -> None:
    ctx = zhengce.Context.builtin()
    before = ctx.with_calendars(ctx.calendars().as_known_on(datetime.date(2020, 1, 26))).calendar("cn")
    assert before.is_working_day(datetime.date(2020, 1, 31)) is True
    after = ctx.with_calendars(ctx.calendars().as_known_on("2020-01-27")).calendar("cn")
    assert after.is_working_day(datetime.date(2020, 1, 31)) is False
    assert TIANSHAN.day(datetime.date(2026, 3, 20))["source_quality"] == "state_media"


def test_batch_rows_flagged_provisional() -> None:
    putuo = zhengce.Context.builtin().calendar("cn-sh-putuo")
    start = np.array(["2026-12-04", "2026-12-04"], dtype="datetime64[D]")
    due = putuo.add_working_days_batch(start, np.array([5, 20]), assume="statutory")
    # 5 working days stay in 2026 (Fri 11 December); 20 run into 2027 (Mon 4 January).
    assert [str(d) for d in due] == ["2026-12-11", "2027-01-04"]
    assert putuo.provisional_batch(start, due, assume="statutory").tolist() == [False, True]
    assert putuo.provisional_batch(start, due).tolist() == [False, False]
