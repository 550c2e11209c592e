"""Three oracles for the national calendar: every day 2004-2026 against chinese-calendar
(PyPI ``chinesecalendar``), the ``holidays`` package (``holidays.China``) and holiday-cn's data
(NateScarlet/holiday-cn, 2007-2026, vendored in tests/calendar/holiday-cn/days.json, MIT).

Each disagreement must be listed below with the notice that decides it; a new disagreement, or
a listed one that went away, fails the test.
"""

import datetime
import json
import pathlib

import chinese_calendar
import holidays
import pytest

import zhengce

ROOT = pathlib.Path(__file__).resolve().parents[2]
CN = zhengce.Calendar.builtin("cn")
FIRST, LAST = datetime.date(2004, 1, 1), datetime.date(2026, 12, 31)

# date -> (what we say, the notice that decides it)
DECIDED = {
    "chinese_calendar": {
        "2005-12-31": (
            "working day",
            "国办发明电〔2005〕35号 (2006 notice), 一、元旦：“…12月31日(星期六)上班。” chinese-calendar 1.11.0 "
            "does not list this Saturday among its workdays.",
        ),
    },
    "holidays": {},
    "holiday_cn": {},
}


def _dates(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _disagreements(oracle_is_working, first: datetime.date = FIRST) -> dict[str, bool]:
    out = {}
    for d in _dates(first, LAST):
        ours = CN.is_working_day(d)
        if oracle_is_working(d) != ours:
            out[d.isoformat()] = ours
    return out


def _check(name: str, found: dict[str, bool]) -> None:
    decided = DECIDED[name]
    assert sorted(found) == sorted(decided), f"{name}: disagreements {found}, decided {sorted(decided)}"
    for date, working in found.items():
        assert (decided[date][0] == "working day") == working, (name, date)


def test_chinese_calendar() -> None:
    _check("chinese_calendar", _disagreements(chinese_calendar.is_workday))


def test_holidays_china() -> None:
    china = holidays.China(years=range(FIRST.year, LAST.year + 1))
    _check("holidays", _disagreements(china.is_working_day))


def test_holiday_cn() -> None:
    data = json.loads((ROOT / "tests" / "calendar" / "holiday-cn" / "days.json").read_text(encoding="utf-8"))
    off = {date: is_off for year in data["years"].values() for date, is_off in year["days"]}
    assert min(int(y) for y in data["years"]) == 2007

    def working(d: datetime.date) -> bool:
        key = d.isoformat()
        return not off[key] if key in off else d.weekday() < 5

    _check("holiday_cn", _disagreements(working, datetime.date(2007, 1, 1)))


def test_qingming_against_chinese_calendar_2008_2099() -> None:
    # 清明 is computed astronomically (core/src/calendar/lunar.rs); chinese-calendar's solar
    # terms are the reference. Statutory from 2008 (国务院令第513号).
    for year in range(2008, 2100):
        days = dict((k, v) for k, v in zhengce.Calendars.statutory_days(year))
        terms = chinese_calendar.get_solar_terms(datetime.date(year, 4, 1), datetime.date(year, 4, 10))
        qingming = [d.isoformat() for d, name in terms if "清明" in str(name)]
        assert days["tomb_sweeping"] == qingming, year


def test_an_undecided_disagreement_fails() -> None:
    with pytest.raises(AssertionError):
        _check("holidays", {"2024-02-12": True})
    with pytest.raises(AssertionError):
        _check("chinese_calendar", {})
