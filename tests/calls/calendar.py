"""Vector calls of the calendar module (see tests/vectors/README.md)."""

import functools
from typing import Any

import zhengce


@functools.lru_cache(maxsize=None)
def _builtin() -> zhengce.Calendars:
    return zhengce.Calendars.builtin()


def _calendars(i: dict[str, Any]) -> zhengce.Calendars:
    c = _builtin().layered(i["overlay"]) if "overlay" in i else _builtin()
    if "notice" in i:
        c = c.layered_notice(i["notice"])
    if "as_known_on" in i:
        c = c.as_known_on(i["as_known_on"])
    return c


def _cal(cat: zhengce.Catalogue, i: dict[str, Any]) -> zhengce.Calendar:
    return _calendars(i).calendar(i["jurisdiction"], cat)


def _o(i: dict[str, Any]) -> dict[str, Any]:
    return i.get("options", {})


CALLS = {
    "calendar.parse_notice": lambda z, cat, i: zhengce.Calendars.parse_notice(i["text"]),
    "calendar.day": lambda z, cat, i: _cal(cat, i).day(i["date"], **_o(i)),
    "calendar.layered": lambda z, cat, i: _cal(cat, i).day(i["date"], **_o(i)),
    "calendar.is_working_day": lambda z, cat, i: _cal(cat, i).is_working_day(i["date"], **_o(i)),
    "calendar.add_working_days": lambda z, cat, i: _cal(cat, i).add_working_days(i["date"], i["n"], **_o(i)),
    "calendar.sub_working_days": lambda z, cat, i: _cal(cat, i).sub_working_days(i["date"], i["n"], **_o(i)),
    "calendar.next_working_day": lambda z, cat, i: _cal(cat, i).next_working_day(i["date"], **_o(i)),
    "calendar.previous_working_day": lambda z, cat, i: _cal(cat, i).previous_working_day(i["date"], **_o(i)),
    "calendar.working_days_between": lambda z, cat, i: _cal(cat, i).working_days_between(i["from"], i["to"], **_o(i)),
    "calendar.deadline": lambda z, cat, i: _calendars(i).deadline(
        i["service"], i["start"], i["jurisdiction"], cat, **_o(i)
    ),
    "calendar.days": lambda z, cat, i: _cal(cat, i).days(i["from"], i["until"], **_o(i)),
    "calendar.coverage": lambda z, cat, i: _cal(cat, i).coverage(),
    "calendar.calendar_deadline": lambda z, cat, i: _cal(cat, i).deadline(i["start"], i["duration"], i["unit"], **_o(i)),
    "calendar.sub_working_days_batch": lambda z, cat, i: [
        int(x) for x in _cal(cat, i).sub_working_days_batch(_days(i["days"]), i["n"], **_o(i)).view("int64")
    ],
    "calendar.working_days_between_batch": lambda z, cat, i: [
        int(x) for x in _cal(cat, i).working_days_between_batch(_days(i["from"]), _days(i["to"]), **_o(i))
    ],
    "calendar.is_working_day_batch": lambda z, cat, i: [
        bool(x) for x in _cal(cat, i).is_working_day_batch(_days(i["days"]), **_o(i))
    ],
    "calendar.add_working_days_batch": lambda z, cat, i: [
        int(x) for x in _cal(cat, i).add_working_days_batch(_days(i["days"]), i["n"], **_o(i)).view("int64")
    ],
}


def _days(days: list[int]) -> Any:
    import numpy as np

    return np.asarray(days, dtype="int64").view("datetime64[D]")
