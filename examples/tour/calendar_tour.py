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
    for rule in cat.to_json_value().get("rules", []):
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
    putuo = ctx.calendar("cn-sh-putuo")
    try:
        putuo.add_working_days(datetime.date(2026, 12, 4), 20)
    except zhengce.OutOfCoverageError as err:
        print(f"\n  today, 2027 not yet published: {err}")
    due = putuo.deadline(datetime.date(2026, 12, 4), 20, "working_days", assume="statutory")
    print(f"  with assume='statutory': {due['date']} provisional={due['provisional']} days assumed {due['provisional_days']}")
    text = "国务院办公厅关于2027年部分节假日安排的通知（示例）\n一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。"
    notice = zhengce.Calendars.parse_notice(text)
    print(f"  a notice read as data: {[(d['date'], d['sentence']) for d in notice['days']][:1]} ...")
    with_2027 = ctx.with_calendars(ctx.calendars().layered_notice(text)).calendar("cn-sh-putuo")
    print(f"  after layered_notice: {with_2027.add_working_days(datetime.date(2026, 12, 4), 20)}")
    cn = ctx.calendar("cn")
    days = np.arange(np.datetime64("2025-01-01"), np.datetime64("2026-01-01"))
    working = cn.is_working_day_batch(days)
    print(f"\n  a numpy column of the 365 days of 2025: {int(working.sum())} working days; "
          f"+5 working days from each: {cn.add_working_days_batch(days, 5)[:3]} ...")
