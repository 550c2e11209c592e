#!/usr/bin/env python3
"""Cross-check core/data/calendar/cn.json (and cn-xj.json) against PyPI `chinesecalendar`.

Needs the `chinesecalendar` package (1.11.0 was used), e.g.
    python3 -m venv /tmp/cal-venv && /tmp/cal-venv/bin/pip install chinesecalendar==1.11.0 lunardate
    /tmp/cal-venv/bin/python tools/calendar/check_against_chinese_calendar.py

What it checks:
1. Structure of cn.json / cn-xj.json: sorted, duplicate-free date arrays; work ∩ off = ∅;
   work days are Sat/Sun; statutory ⊆ off (of the block, or of the host block for merged blocks).
2. For every date 2004-01-01..2026-12-31: our non-working set == {d : not chinese_calendar.is_workday(d)}.
3. Our weekend working days == chinese_calendar.workdays (restricted to the range).
4. Qingming dates used for `statutory` == chinese_calendar.get_solar_terms.
5. Working days per year, against the package and against the table in shared/spec/domain.md §5.
Every difference is printed.  A difference listed in KNOWN (with the notice that proves our
version) is reported as "documented"; any other difference makes the script exit 1.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import chinese_calendar as cc

ROOT = Path(__file__).resolve().parents[2]
CN = ROOT / "core" / "data" / "calendar" / "cn.json"
XJ = ROOT / "core" / "data" / "calendar" / "cn-xj.json"
FIRST, LAST = dt.date(2004, 1, 1), dt.date(2026, 12, 31)

# Differences proven by the official notice (see core/data/calendar/README.md).
KNOWN = {
    dt.date(2005, 12, 31): "国办发明电〔2005〕35号 (2006 notice), 元旦: '12月31日(星期六)上班' — a Saturday working day "
                           "that chinese-calendar 1.11.0 does not list in `workdays`.",
}

# Working days per year from shared/spec/domain.md §5 (computed there from chinese-calendar 1.11.0).
DOMAIN_TABLE = {
    2004: 252, 2005: 250, 2006: 251, 2007: 249, 2008: 251, 2009: 250, 2010: 250, 2011: 250, 2012: 249,
    2013: 250, 2014: 250, 2015: 249, 2016: 250, 2017: 249, 2018: 250, 2019: 250, 2020: 249, 2021: 250,
    2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248,
}


def days(a: dt.date, b: dt.date):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def check_structure(data: dict, label: str) -> list[str]:
    errors = []
    for y in data["years"]:
        blocks = y["holidays"]
        for b in blocks:
            where = f"{label} {y['year']} {b['festival']}"
            for key in ("off", "statutory", "work"):
                arr = b[key]
                if arr != sorted(arr):
                    errors.append(f"{where}: {key} not sorted")
                if len(arr) != len(set(arr)):
                    errors.append(f"{where}: {key} has duplicates")
            off, work = set(b["off"]), set(b["work"])
            if off & work:
                errors.append(f"{where}: work ∩ off = {sorted(off & work)}")
            for w in work:
                if dt.date.fromisoformat(w).weekday() < 5:
                    errors.append(f"{where}: work day {w} is not Sat/Sun")
            host = off
            if b.get("merged_into"):
                host = set().union(*(set(h["off"]) for h in blocks if h["festival"] == b["merged_into"]))
            missing = set(b["statutory"]) - host
            if missing:
                errors.append(f"{where}: statutory not off: {sorted(missing)}")
    return errors


def ours(data: dict):
    off, work = {}, {}
    for y in data["years"]:
        for b in y["holidays"]:
            for d in b["off"]:
                off[dt.date.fromisoformat(d)] = (y["year"], b["festival"])
            for d in b["work"]:
                work[dt.date.fromisoformat(d)] = (y["year"], b["festival"])
    return off, work


def is_workday(d: dt.date, off: dict, work: dict) -> bool:
    if d in work:
        return True
    if d in off:
        return False
    return d.weekday() < 5


def main() -> int:
    data = json.loads(CN.read_text(encoding="utf-8"))
    failures = 0
    print(f"chinese_calendar from {cc.__file__}")
    print(f"checking {CN.relative_to(ROOT)} for {FIRST}..{LAST}\n")

    errors = check_structure(data, "cn")
    print(f"[structure] {len(errors)} problem(s)")
    for e in errors:
        print("  ", e)
    failures += len(errors)

    off, work = ours(data)

    # 2. non-working days
    diffs = []
    for d in days(FIRST, LAST):
        mine = not is_workday(d, off, work)
        theirs = not cc.is_workday(d)
        if mine != theirs:
            diffs.append((d, mine, theirs))
    print(f"\n[non-working days] {len(diffs)} difference(s)")
    for d, mine, theirs in diffs:
        tag = "documented" if d in KNOWN else "UNDOCUMENTED"
        print(f"   {d} {d:%a}: ours={'off' if mine else 'work'} chinese_calendar={'off' if theirs else 'work'} [{tag}]"
              + (f" — {KNOWN[d]}" if d in KNOWN else ""))
        failures += d not in KNOWN

    # 3. weekend working days
    cc_work = {d for d in cc.workdays if FIRST <= d <= LAST}
    only_ours, only_cc = sorted(set(work) - cc_work), sorted(cc_work - set(work))
    print(f"\n[make-up working days] ours={len(work)} chinese_calendar={len(cc_work)}; "
          f"only ours: {len(only_ours)}, only chinese_calendar: {len(only_cc)}")
    for d in only_ours + only_cc:
        side = "only ours" if d in work else "only chinese_calendar"
        tag = "documented" if d in KNOWN else "UNDOCUMENTED"
        print(f"   {d} {d:%a}: {side} [{tag}]")
        failures += d not in KNOWN

    # 4. Qingming
    bad = []
    for y in data["years"]:
        for b in y["holidays"]:
            if b["festival"] == "tomb_sweeping":
                year = y["year"]
                terms = [t for t, name in cc.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 10)) if name == "清明"]
                if [t.isoformat() for t in terms] != b["statutory"]:
                    bad.append((year, b["statutory"], terms))
    print(f"\n[qingming] {len(bad)} mismatch(es) with chinese_calendar.get_solar_terms")
    for row in bad:
        print("  ", row)
    failures += len(bad)

    # 5. working days per year
    print("\n[working days per year] ours / chinese_calendar / domain.md §5")
    for year in range(FIRST.year, LAST.year + 1):
        ds = list(days(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        n_ours = sum(is_workday(d, off, work) for d in ds)
        n_cc = sum(cc.is_workday(d) for d in ds)
        n_dom = DOMAIN_TABLE.get(year)
        flag = ""
        if n_ours != n_cc or n_ours != n_dom:
            explained = [d for d in KNOWN if d.year == year]
            flag = "  <- differs; documented: " + ", ".join(map(str, explained)) if explained else "  <- UNDOCUMENTED"
            failures += not explained
        print(f"   {year}: {n_ours} / {n_cc} / {n_dom}{flag}")

    # Xinjiang overlay
    if XJ.exists():
        xj = json.loads(XJ.read_text(encoding="utf-8"))
        errors = check_structure(xj, "cn-xj")
        years = [y["year"] for y in xj["years"]]
        covered = []
        for r in xj["coverage"]:
            cov_from, cov_until = dt.date.fromisoformat(r["from"]), dt.date.fromisoformat(r["until"])
            covered += list(range(cov_from.year, cov_until.year + 1))
        if years != covered:
            errors.append(f"cn-xj: years {years} are not the covered years {covered}")
        print(f"\n[cn-xj structure] {len(errors)} problem(s)")
        for e in errors:
            print("  ", e)
        failures += len(errors)
        xoff, xwork = ours(xj)
        print("[cn-xj] regional days off and their national status:")
        for d in sorted(xoff):
            national = "national day off" if not is_workday(d, off, work) else "national working day"
            print(f"   {d} {d:%a} {xoff[d][1]}: {national}")
        for d in sorted(xwork):
            print(f"   {d} {d:%a} {xwork[d][1]}: regional working day")

    print(f"\nresult: {'OK' if failures == 0 else f'{failures} undocumented problem(s)'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
