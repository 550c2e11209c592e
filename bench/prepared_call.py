"""One Python call at a time: a prepared evaluator handle (`Evaluator.at`) against the plain
Python function on `Decimal` (issue 18), interleaved in one process on the peer's lots.

    .venv/bin/python bench/prepared_call.py [--rounds 7] [--n 200000]

Prints each contender's median ns per call over the rounds and the ratio handle / plain.
Both loops are checked to give the same amounts (to the fen) before timing.
"""

import argparse
import datetime as dt
import statistics
import sys
import time

sys.path.insert(0, "/work/shared/bench-peers")

import bid_bond as peer  # noqa: E402

import zhengce  # noqa: E402

LABELS = ("ordinary", "ppp", "framework_entry")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--n", type=int, default=200_000)
    args = ap.parse_args()
    fen, kind = peer.population(args.n)
    budgets = peer.decimals_from_fen(fen)
    kinds = kind.tolist()
    labels = [LABELS[k] for k in kinds]
    ctx = zhengce.Context.builtin()
    evaluator = ctx.evaluator("tianshan-2022-87/r68-bid-bond")
    bond = evaluator.at(dt.date(2022, 6, 1))
    day = dt.date(2022, 6, 1)

    def plain() -> list:
        f = peer.bond_decimal
        return [f(b, k) for b, k in zip(budgets, kinds)]

    def handle() -> list:
        return [bond(b, k) for b, k in zip(budgets, labels)]

    def evaluate() -> list:
        return [evaluator.evaluate({"budget": b, "lot_type": k}, day).amount for b, k in zip(budgets, labels)]

    exact = peer.bond_fen_int64(fen, kind)
    assert (peer.decimal_to_fen(handle()) == exact).all(), "handle disagrees with the exact fen"
    assert (peer.decimal_to_fen(plain()) == exact).all(), "plain function disagrees with the exact fen"
    contenders = {"plain Python function on Decimal": plain, "zhengce DatedEvaluator call": handle,
                  "zhengce Evaluator.evaluate(dict, date).amount": evaluate}
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, f in contenders.items():
            start = time.perf_counter()
            f()
            times[name].append((time.perf_counter() - start) / args.n * 1e9)
    med = {name: statistics.median(t) for name, t in times.items()}
    for name, m in med.items():
        print(f"{name:48s} {m:8.1f} ns/call  (rounds: {', '.join(f'{x:.0f}' for x in times[name])})")
    base = med["plain Python function on Decimal"]
    for name, m in med.items():
        print(f"ratio {name} / plain: {m / base:.2f}")


if __name__ == "__main__":
    main()
