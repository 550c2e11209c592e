# Named calendar_tour.py, not calendar.py: the tour directory is on sys.path and must not shadow the standard library's calendar module.
"""Working days and deadlines from Python: the service promises for a request filed before a
long holiday, in Tianshan (with 古尔邦节) and in Putuo; coverage; numpy columns."""

import datetime

import numpy as np
import zhengce


def heading(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def services(cat: zhengce.Catalogue, jurisdiction: str) -> list[str]:
    out: list[str] = []
    for rule in cat.to_value().get("rules", []):
        logic = rule["logic"]
        if logic["kind"] == "time_limit" and cat.is_within(jurisdiction, rule["jurisdiction"]) and logic["service"] not in out:
            out.append(logic["service"])
    return out


def tour(ctx: zhengce.Context) -> None:
    cat = ctx.catalogue()
    heading("Working days and deadlines")
    filed = datetime.date(2025, 5, 30)
    print(f"A request filed on Friday {filed}, before Dragon Boat Festival and, in Xinjiang, 古尔邦节:")
    for place in ["cn-xj-urumqi-tianshan", "cn-sh-putuo"]:
        print(f"\n  in {cat.jurisdiction(place)['name']['en']}:")
        for service in services(cat, place):
            due = ctx.deadline(service, filed, place)
            print(f"  {service:<34} {due['duration']:>3} {due['unit']:<13} → {due['date']}")
            print(f"      {due['explanation']['zh']}")
    tianshan = ctx.calendar("cn-xj-urumqi-tianshan")
    try:
        tianshan.add_working_days(datetime.date(2024, 6, 14), 5)
    except zhengce.OutOfCoverageError as err:
        print(f"\n  2024 in Tianshan: {err}")
    print(f"  with assume='weekends_only': {tianshan.add_working_days(datetime.date(2024, 6, 14), 5, assume='weekends_only')}")
    cn = ctx.calendar("cn")
    days = np.arange(np.datetime64("2025-01-01"), np.datetime64("2026-01-01"))
    working = cn.is_working_day_batch(days)
    print(f"\n  a numpy column of the 365 days of 2025: {int(working.sum())} working days; "
          f"+5 working days from each: {cn.add_working_days_batch(days, 5)[:3]} ...")
