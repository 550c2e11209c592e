"""The national calendar against PyPI chinese-calendar 1.11.0, date by date, 2004-2026.

Differences are either fixed or listed here with their proof:

- 2005-12-31 (Saturday): a working day by the 2006 notice (国办发明电〔2005〕35号, 元旦:
  "12月31日(星期六)上班"); chinese-calendar has it off. See core/data/calendar/README.md.
- find_workday(delta, d) with delta >= 0 and d a rest day counts the first working day on or
  after d as day 0 (as if the request were received then); our add_working_days never counts
  the start day, so there find_workday(delta, d) == add_working_days(d, delta + 1), which is
  our deadline with rest_day_start="next_working_day". Everywhere else the two agree exactly.
"""

from __future__ import annotations

import datetime
import random

import numpy as np
import pytest
import zhengce

chinese_calendar = pytest.importorskip("chinese_calendar")

FIRST, LAST = datetime.date(2004, 1, 1), datetime.date(2026, 12, 31)
PROVEN = {datetime.date(2005, 12, 31): "国办发明电〔2005〕35号: 12月31日(星期六)上班"}
CAL = zhengce.Calendar.builtin("cn")


def test_every_date_2004_to_2026() -> None:
    days = np.arange(np.datetime64(FIRST), np.datetime64(LAST) + 1)
    ours = CAL.is_working_day_batch(days)
    assert len(ours) == 8401
    differences = {}
    for day, working in zip(days.tolist(), ours.tolist()):
        theirs = chinese_calendar.is_workday(day)
        if working != theirs:
            differences[day] = (working, theirs)
    assert set(differences) == set(PROVEN), differences
    assert differences[datetime.date(2005, 12, 31)] == (True, False)


def test_holiday_names_agree_on_statutory_and_swapped_days() -> None:
    """Every day chinese-calendar calls a holiday (weekends aside) is off with us, and names agree."""
    names = {"New Year's Day": "new_year", "Spring Festival": "spring_festival", "Tomb-sweeping Day": "tomb_sweeping",
             "Labour Day": "labour_day", "Dragon Boat Festival": "dragon_boat", "Mid-autumn Festival": "mid_autumn",
             "National Day": "national_day", "Anti-Fascist 70th Day": "victory_day_70th"}
    day = FIRST
    checked = 0
    while day <= LAST:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        if on_holiday and name is not None and day.weekday() < 5:
            ours = CAL.day(day)
            assert not ours["working"], day
            # A merged Mid-Autumn/National Day block names one festival per day; either is right.
            assert ours["festival"] in {names[name], "mid_autumn", "national_day"}, (day, name, ours)
            checked += 1
        day += datetime.timedelta(days=1)
    assert checked > 300


def test_find_workday_on_a_random_sample() -> None:
    rng = random.Random(20240101)
    span = (datetime.date(2026, 10, 31) - datetime.date(2004, 3, 1)).days
    compared = rest_day_starts = 0
    for _ in range(4000):
        start = datetime.date(2004, 3, 1) + datetime.timedelta(days=rng.randrange(span))
        delta = rng.randrange(-40, 41)
        theirs = chinese_calendar.find_workday(delta, start)
        lo, hi = min(start, theirs), max(start, theirs)
        if any(lo <= d <= hi for d in PROVEN):
            continue  # the proven data difference, tested above
        if delta >= 0 and not CAL.is_working_day(start):
            rest_day_starts += 1
            assert theirs == CAL.add_working_days(start, delta + 1), (start, delta)
            if delta > 0:
                due = CAL.deadline(start, delta, "working_days", rest_day_start="next_working_day")
                assert due["date"] == theirs.isoformat(), (start, delta)
        else:
            assert theirs == CAL.add_working_days(start, delta), (start, delta)
        compared += 1
    assert compared > 3900 and rest_day_starts > 500


def test_outside_the_data_both_refuse() -> None:
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(datetime.date(2027, 1, 4))
    with pytest.raises(zhengce.OutOfCoverageError) as raised:
        CAL.is_working_day(datetime.date(2027, 1, 4))
    assert raised.value.details["until"] == "2026-12-31"
