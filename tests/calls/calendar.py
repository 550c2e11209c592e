"""Vector calls of the calendar module (see tests/vectors/README.md)."""

from typing import Any

import zhengce


def _ctx(ctx: zhengce.Context, i: dict[str, Any]) -> zhengce.Context:
    """The case's context with the input's calendar `overlay` layered on, a `notice` text read
    in and the data `as_known_on` a date, each if given."""
    out = ctx.layered_calendars(i["overlay"]) if "overlay" in i else ctx
    if "notice" in i:
        out = out.with_calendars(out.calendars().layered_notice(i["notice"]))
    if "as_known_on" in i:
        out = out.with_calendars(out.calendars().as_known_on(i["as_known_on"]))
    return out


def _cal(ctx: zhengce.Context, i: dict[str, Any]) -> zhengce.Calendar:
    return _ctx(ctx, i).calendar(i["jurisdiction"])


def _o(i: dict[str, Any]) -> dict[str, Any]:
    return i.get("options", {})


CALLS = {
    "calendar.parse_notice": lambda z, ctx, i: zhengce.Calendars.parse_notice(i["text"]),
    "calendar.day": lambda z, ctx, i: _cal(ctx, i).day(i["date"], **_o(i)),
    "calendar.layered": lambda z, ctx, i: _cal(ctx, i).day(i["date"], **_o(i)),
    "calendar.is_working_day": lambda z, ctx, i: _cal(ctx, i).is_working_day(i["date"], **_o(i)),
    "calendar.add_working_days": lambda z, ctx, i: _cal(ctx, i).add_working_days(i["date"], i["n"], **_o(i)),
    "calendar.sub_working_days": lambda z, ctx, i: _cal(ctx, i).sub_working_days(i["date"], i["n"], **_o(i)),
    "calendar.next_working_day": lambda z, ctx, i: _cal(ctx, i).next_working_day(i["date"], **_o(i)),
    "calendar.previous_working_day": lambda z, ctx, i: _cal(ctx, i).previous_working_day(i["date"], **_o(i)),
    "calendar.working_days_between": lambda z, ctx, i: _cal(ctx, i).working_days_between(i["from"], i["to"], **_o(i)),
    "calendar.deadline": lambda z, ctx, i: _ctx(ctx, i).deadline(i["service"], i["start"], i["jurisdiction"], **_o(i)),
    "calendar.days": lambda z, ctx, i: _cal(ctx, i).days(i["from"], i["until"], **_o(i)),
    "calendar.coverage": lambda z, ctx, i: _cal(ctx, i).coverage(),
    "calendar.calendar_deadline": lambda z, ctx, i: _cal(ctx, i).deadline(i["start"], i["duration"], i["unit"], **_o(i)),
    "calendar.sub_working_days_batch": lambda z, ctx, i: [
        int(x) for x in _cal(ctx, i).sub_working_days_batch(_days(i["days"]), i["n"], **_o(i)).view("int64")
    ],
    "calendar.working_days_between_batch": lambda z, ctx, i: [
        int(x) for x in _cal(ctx, i).working_days_between_batch(_days(i["from"]), _days(i["to"]), **_o(i))
    ],
    "calendar.is_working_day_batch": lambda z, ctx, i: [
        bool(x) for x in _cal(ctx, i).is_working_day_batch(_days(i["days"]), **_o(i))
    ],
    "calendar.add_working_days_batch": lambda z, ctx, i: [
        int(x) for x in _cal(ctx, i).add_working_days_batch(_days(i["days"]), i["n"], **_o(i)).view("int64")
    ],
}


def _days(days: list[int]) -> Any:
    import numpy as np

    return np.asarray(days, dtype="int64").view("datetime64[D]")
