"""Bid bonds from Python, side by side with numpy and (if installed) the ZEN engine.

    .venv/bin/pip install zen-engine   # optional peer
    .venv/bin/python bench/rules.py [lots]

Compares, on the same budgets (int64 fen):
- zhengce batch on a numpy int64 fen column and on a pyarrow decimal128 column (exact);
- numpy doing the same exact integer-fen arithmetic itself (min(budget * 1 // 100, cap));
- numpy float64 (counting lots wrong in the last fen);
- single evaluations from Python, zhengce versus the ZEN engine's per-record evaluate;
- time limits in a batch (deadlines per filing date) beside the calendar's own batch form.
"""

from __future__ import annotations

import decimal
import sys
import time

import numpy as np
import pyarrow as pa
import zhengce

LOTS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
SINGLE = 200_000
CAP_FEN = 2_000_000


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds / 1e6:8.1f} M/s"


def main() -> None:
    cat = zhengce.Catalogue.builtin()
    bond = zhengce.Context(cat).evaluator("tianshan-2022-87/r68-bid-bond")
    singles(bond)
    rng = np.random.default_rng(7)
    fen = rng.integers(100_000, 1_000_000_000, size=LOTS, dtype=np.int64)
    print(f"\nbid bond over {LOTS:,} lots (2022-06-01, Tianshan: 1 %, cap 20,000 yuan), best of 3")

    out = bond.evaluate_batch({"budget": fen}, "2022-06-01")
    ours = out["amount"]
    t = best(lambda: bond.evaluate_batch({"budget": fen}, "2022-06-01")["amount"])
    print(f"  zhengce batch, numpy int64 fen in, numpy int64 fen out  {rate(LOTS, t)}  ({t * 1e3:.0f} ms)")

    exact = np.minimum(fen // 100, CAP_FEN)  # 1 % of fen, rounded down, capped
    t_np = best(lambda: np.minimum(fen // 100, CAP_FEN))
    assert np.array_equal(ours, exact), "zhengce and exact numpy disagree"
    print(f"  numpy int64, exact fen arithmetic                        {rate(LOTS, t_np)}  ({t_np * 1e3:.0f} ms)")

    yuan = fen / 100.0
    t_f = best(lambda: np.minimum(np.floor(yuan * 0.01 * 100) / 100, 20_000.0))
    floats = np.minimum(np.floor(yuan * 0.01 * 100) / 100, 20_000.0)
    wrong = int(np.count_nonzero(np.round(floats * 100).astype(np.int64) != exact))
    print(f"  numpy float64 (yuan)                                     {rate(LOTS, t_f)}  ({t_f * 1e3:.0f} ms), "
          f"wrong in the last fen for {wrong:,} lots (1 in {LOTS // max(wrong, 1):,})")

    n_arrow = min(LOTS, 2_000_000)
    # decimal128(18, 2) values are the fen as 128-bit little-endian integers.
    words = np.stack([fen[:n_arrow], fen[:n_arrow] >> 63], axis=1).astype("<i8")
    arrow = pa.Array.from_buffers(pa.decimal128(18, 2), n_arrow, [None, pa.py_buffer(words.tobytes())])
    assert arrow[0].as_py() == decimal.Decimal(int(fen[0])) / 100
    t_a = best(lambda: bond.evaluate_batch({"budget": arrow}, "2022-06-01"))
    print(f"  zhengce batch, pyarrow decimal128(18,2) in ({n_arrow:,})    {rate(n_arrow, t_a)}")
    deadlines(cat)


def deadlines(cat) -> None:
    """Time limits in a batch: one deadline per filing date on Tianshan's calendar (Xinjiang's
    festivals included), beside the calendar's own add_working_days_batch."""
    n = 1_000_000
    starts = np.datetime64("2022-05-18") + (np.arange(n) % 480).astype("timedelta64[D]")
    s = zhengce.Context(cat)
    funding = s.evaluator("tianshan-2022-87/r67-xinyidai-funding")
    notice = s.evaluator("tianshan-2022-87/r59-simple-deregistration-notice")
    cal = zhengce.Context(cat).calendar("cn-xj-urumqi-tianshan")
    assert np.array_equal(funding.evaluate_batch({}, starts)["deadline"], cal.add_working_days_batch(starts, 30))
    print(f"\ntime limits over {n:,} filing dates (2022-05-18 onwards, Tianshan), best of 3")
    t = best(lambda: funding.evaluate_batch({}, starts))
    print(f"  信易贷 funding, 30 working days (rules batch)             {rate(n, t)}")
    t = best(lambda: notice.evaluate_batch({}, starts))
    print(f"  deregistration notice, 20 calendar days (rules batch)    {rate(n, t)}")
    t = best(lambda: cal.add_working_days_batch(starts, 30))
    print(f"  the calendar's add_working_days_batch(starts, 30)        {rate(n, t)}")


def singles(bond) -> None:
    """Single evaluations, measured first: after the large batches above the heap is fragmented
    and every small allocation is slower, which would be charged to the evaluation."""
    # Per-record use: each result is read and dropped (a list of 200,000 results would time the
    # allocator as much as the evaluation; the ZEN loop below is measured the same way).
    def each(fn, n: int) -> None:
        for _ in range(n):
            fn()

    lot = {"budget": decimal.Decimal("5000000"), "lot_type": "ordinary"}
    each(lambda: bond.evaluate(lot, "2022-06-01", explain=True).amount, SINGLE // 10)  # warm up
    t1 = best(lambda: each(lambda: bond.evaluate(lot, "2022-06-01"), SINGLE), 2)
    print(f"single evaluations from Python ({SINGLE:,})")
    print(f"  zhengce Evaluator.evaluate                               {SINGLE / t1 / 1e3:8.0f} k/s  ({t1 / SINGLE * 1e9:.0f} ns each)")
    t2 = best(lambda: each(lambda: bond.evaluate(lot, "2022-06-01").amount, SINGLE), 2)
    print(f"  ... and reading .amount                                 {SINGLE / t2 / 1e3:8.0f} k/s")
    t3 = best(lambda: each(lambda: bond.evaluate(lot, "2022-06-01", explain=True), SINGLE // 10), 2)
    print(f"  ... with explanation                                     {SINGLE / 10 / t3 / 1e3:8.0f} k/s")
    try:
        import zen  # type: ignore[import-not-found]
    except ImportError:
        print("  ZEN engine: not installed (pip install zen-engine); the issue quotes about 185 k/s for its per-record evaluate")
        return
    table = {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "request", "position": {"x": 0, "y": 0}},
            {"id": "expr", "type": "expressionNode", "name": "bond", "position": {"x": 200, "y": 0},
             "content": {"expressions": [{"id": "e1", "key": "amount", "value": "min([floor(budget * 0.01 * 100) / 100, 20000])"}]}},
            {"id": "out", "type": "outputNode", "name": "response", "position": {"x": 400, "y": 0}},
        ],
        "edges": [{"id": "a", "sourceId": "in", "targetId": "expr", "type": "edge"},
                  {"id": "b", "sourceId": "expr", "targetId": "out", "type": "edge"}],
    }
    # ZenEngine.evaluate with a static loader is ZEN's fast path; a ZenDecision made by
    # create_decision re-enters the engine on every call and is many times slower.
    engine = zen.ZenEngine({"loader": {"type": "static", "content": {"bond": table}}})
    record = {"budget": 5_000_000}
    assert engine.evaluate("bond", record)["result"]["amount"] == 20000
    tz = best(lambda: each(lambda: engine.evaluate("bond", record)["result"]["amount"], SINGLE // 4), 2)
    print(f"  ZEN ZenEngine.evaluate (same bond, expression node)       {SINGLE / 4 / tz / 1e3:8.0f} k/s")
    print(f"  zhengce / ZEN                                            {(SINGLE / t2) / (SINGLE / 4 / tz):8.1f} x")


if __name__ == "__main__":
    main()
