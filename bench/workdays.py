"""Working-day arithmetic from Python (named workdays.py: calendar.py would shadow the standard library's
calendar module for every script in bench/, bench/targets.py included), side by side with chinese-calendar and a numpy reference.

    .venv/bin/python bench/workdays.py            # after `maturin develop --release`

Inputs: 1,000,000 random days of 2004-01-01..2026-06-30 (seed 4) and counts 0..=60, on the
national calendar. The numpy reference is the fastest plain-numpy way: a day-to-rank lookup table
built once from the same calendar (`working[d - base]`; add N = `index[rank_after[d - base] + n - 1]`),
with no coverage check. chinese-calendar walks day by day, so it gets fewer inputs. Prints
operations per second; nothing is asserted.
"""

from __future__ import annotations

import datetime
import time
from typing import Callable

import numpy as np
import zhengce

try:
    import chinese_calendar
except ImportError:  # optional peer
    chinese_calendar = None

N = 1_000_000
rng = np.random.default_rng(4)
BASE = np.datetime64("2004-01-01")
END = np.datetime64("2026-12-31")
DAYS = (BASE + rng.integers(0, (np.datetime64("2026-06-30") - BASE).astype(int), N)).astype("datetime64[D]")
COUNTS = rng.integers(0, 61, N).astype("int32")
CAL = zhengce.Calendar.builtin("cn")


def rate(label: str, n: int, run: Callable[[], object], repeat: int = 5) -> float:
    best = min(_timed(run) for _ in range(repeat))
    per_s = n / best
    print(f"  {label:<58} {per_s / 1e6:10.2f} M/s  ({best * 1e9 / n:8.1f} ns each)")
    return per_s


def _timed(run: Callable[[], object]) -> float:
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def reference_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """numpy reference: working flag, working days up to and including each day, rank -> day."""
    span = np.arange(BASE, END + 1)
    working = CAL.is_working_day_batch(span)
    rank_after = np.cumsum(working)            # working days in [BASE, d]
    index = np.flatnonzero(working)            # offset of the k-th working day
    return working, rank_after, index


def main() -> None:
    working, rank_after, index = reference_tables()
    offsets = (DAYS - BASE).astype("int64")
    dates = DAYS[:100_000].tolist()
    counts = COUNTS[:100_000].tolist()

    print("is_working_day")
    rate("zhengce batch (numpy datetime64[D] in, bool array out)", N, lambda: CAL.is_working_day_batch(DAYS))
    rate("numpy reference (working[d - base])", N, lambda: working[(DAYS - BASE).astype("int64")])
    rate("zhengce single calls (datetime.date)", len(dates), lambda: [CAL.is_working_day(d) for d in dates], 3)
    if chinese_calendar:
        rate("chinese-calendar is_workday", len(dates), lambda: [chinese_calendar.is_workday(d) for d in dates], 3)

    print("add N working days (N = 0..60 per row)")
    rate("zhengce batch (numpy in, datetime64[D] out)", N, lambda: CAL.add_working_days_batch(DAYS, COUNTS))
    rate(
        "numpy reference (index[rank_after[d - base] + n - 1], n >= 1)",
        N,
        lambda: BASE + index[rank_after[(DAYS - BASE).astype("int64")] + COUNTS - 1].astype("timedelta64[D]"),
    )
    rate("zhengce single calls", len(dates), lambda: [CAL.add_working_days(d, n) for d, n in zip(dates, counts)], 3)
    if chinese_calendar:
        few = list(zip(dates[:2_000], counts[:2_000]))
        rate("chinese-calendar find_workday", len(few), lambda: [chinese_calendar.find_workday(n, d) for d, n in few], 1)

    # The reference and zhengce agree (on working-day starts; the reference counts n = 0 as the
    # day itself and ignores coverage).
    ours = CAL.add_working_days_batch(DAYS[:1000], COUNTS[:1000] + 1)
    ref = BASE + index[rank_after[offsets[:1000]] + COUNTS[:1000]].astype("timedelta64[D]")
    assert (ours == ref).all()


if __name__ == "__main__":
    main()
