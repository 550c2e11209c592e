"""zhengce beside its peers, on the peers' own inputs, interleaved in one process.

    .venv/bin/pip install -r bench/requirements-peers.txt
    .venv/bin/python bench/compare.py [--quick] [--only bid_bond,fixed_cost,single,workdays,sampling]
                                [--register 180000000]

The populations come from the peer scripts in ``../shared/bench-peers`` (``population()`` of
bid_bond.py, ``pairs()`` of workdays.py, ``register()`` of sampling.py; set ZHENGCE_PEERS to
another folder holding them), so every contender computes on identical inputs. Each task runs
its contenders round-robin (zhengce, peer, zhengce, peer, ...) and reports the median of the
rounds, so a busy machine slows all of them alike and the ratios stay meaningful. Before it
times anything, each task checks every contender's answer against an exact reference and
prints how many rows differ: a fast wrong answer is reported as wrong, not as fast.

Prints one table per task (median seconds, rows per second, ratio to zhengce, rows that differ
from the exact answer) and the machine and versions. bench/README.md is written from this
output. Nothing here is asserted: speed is measured, never tested.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

HERE = Path(__file__).resolve().parent
PEERS = Path(os.environ.get("ZHENGCE_PEERS", HERE.parent.parent / "shared" / "bench-peers"))
# The script's own folder must not shadow the standard library (bench/ has had a calendar.py).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(PEERS))

import zhengce  # noqa: E402

KIND_LABELS = ["ordinary", "ppp", "framework_entry"]  # the peers' codes 0, 1, 2
BOND_DATE = "2022-06-01"  # Tianshan item 68 in force: 1 %, at most 20,000 yuan per lot
TIANSHAN = "cn-xj-urumqi-tianshan"
REGISTER_ROWS = 10_000_000  # --register sets it (the peers also use 180,000,000)


@dataclass
class Contender:
    name: str
    run: Callable[[], Any]
    n: int
    note: str = ""
    exact: bool | None = None  # None: not checked
    differ: int | None = None
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def race(title: str, contenders: list[Contender], rounds: int) -> None:
    """Runs the contenders round-robin, `rounds` times each after one warm-up, and prints the
    table. The first contender is zhengce: ratios are peer time per row over zhengce's."""
    for c in contenders:
        c.run()  # warm-up (and first-touch of inputs)
    for _ in range(rounds):
        for c in contenders:
            t = time.perf_counter()
            c.run()
            c.times.append(time.perf_counter() - t)
    ours = contenders[0]
    per_row_ours = ours.median / ours.n
    print(f"\n## {title}\n")
    print("| contender | rows | median | per row | rows/s | time per row ÷ zhengce's | exact |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for c in contenders:
        ratio = "1" if c is ours else f"{(c.median / c.n) / per_row_ours:.2f}"
        exact = "" if c.exact is None else ("yes" if c.exact else f"no: {c.differ:,} rows differ")
        note = f" ({c.note})" if c.note else ""
        print(f"| {c.name}{note} | {c.n:,} | {fmt_seconds(c.median)} | {fmt_per_row(c.median / c.n)} "
              f"| {c.n / c.median / 1e6:,.2f} M "
              f"| {ratio} | {exact} |")


def fmt_seconds(s: float) -> str:
    return f"{s * 1e3:,.1f} ms" if s < 10 else f"{s:,.1f} s"


def fmt_per_row(s: float) -> str:
    return f"{s * 1e9:,.1f} ns" if s < 1e-6 else f"{s * 1e6:,.2f} µs"


def differ(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.count_nonzero(np.asarray(a) != np.asarray(b)))


def mark(c: Contender, got: np.ndarray, want: np.ndarray) -> Contender:
    c.differ = differ(got, want)
    c.exact = c.differ == 0
    return c


def bid_bond(ctx: Any, quick: bool) -> None:
    import bid_bond as peer  # the peers' population and implementations
    import pyarrow as pa

    n = 1_000_000 if quick else 10_000_000
    rounds = 3 if quick else 7
    fen, kind = peer.population(n)
    exact = peer.bond_fen_int64(fen, kind)  # the exact answer: integer fen, rounded down

    bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")
    lot_type = pa.DictionaryArray.from_arrays(pa.array(kind.astype(np.int32)), pa.array(KIND_LABELS))

    def ours(threads: int = 1) -> np.ndarray:
        return np.asarray(bond.evaluate_batch({"budget": fen, "lot_type": lot_type}, BOND_DATE, threads=threads)["amount"])

    contenders = [mark(Contender("zhengce batch, int64 fen + lot-type dictionary", ours, n, "1 thread"), ours(), exact)]
    cores = os.cpu_count() or 1
    if cores > 1:
        contenders.append(mark(Contender("zhengce batch, int64 fen + lot-type dictionary", lambda: ours(cores), n,
                                         f"{cores} threads"), ours(cores), exact))
    contenders.append(mark(Contender("numpy int64 fen", lambda: peer.bond_fen_int64(fen, kind), n, "np.where/np.minimum"),
                           peer.bond_fen_int64(fen, kind), exact))
    budget = fen / 100.0
    floats = np.rint(peer.bond_float64_floor_fen(budget, kind) * 100).astype(np.int64)
    contenders.append(mark(Contender("numpy float64 yuan", lambda: peer.bond_float64_floor_fen(budget, kind), n,
                                     "floor to the fen"), floats, exact))

    # decimal128(18, 2): the fen as 128-bit little-endian integers.
    words = np.stack([fen, fen >> 63], axis=1).astype("<i8")
    dec = pa.Array.from_buffers(pa.decimal128(18, 2), n, [None, pa.py_buffer(words.tobytes())])

    def ours_decimal() -> np.ndarray:
        return np.asarray(bond.evaluate_batch({"budget": dec, "lot_type": lot_type}, BOND_DATE, threads=1)["amount"])

    contenders.append(mark(Contender("zhengce batch, decimal128(18,2) + lot-type dictionary", ours_decimal, n, "1 thread"),
                           ours_decimal(), exact))
    copy = Contender("a plain copy of the same bytes (floor)", lambda: (fen.copy(), kind.copy(), np.empty_like(fen)), n,
                     "reads 9 B, writes 8 B a row")
    contenders.append(copy)
    race(f"Bid bond (Tianshan item 68), {n:,} lots of the peers' population, from Python", contenders, rounds)

    # Slow peers on a prefix, each checked against the exact answer.
    nd = 100_000 if quick else 1_000_000
    budgets_dec = peer.decimals_from_fen(fen[:nd])
    kinds = kind[:nd].tolist()
    slow = [Contender("zhengce batch (same prefix)", lambda: ours_prefix(bond, fen[:nd], lot_type[:nd]), nd)]
    mark(slow[0], ours_prefix(bond, fen[:nd], lot_type[:nd]), exact[:nd])
    dec_out = peer.decimal_to_fen([peer.bond_decimal(b, k) for b, k in zip(budgets_dec, kinds)])
    slow.append(mark(Contender("python decimal.Decimal loop", lambda: [peer.bond_decimal(b, k) for b, k in zip(budgets_dec, kinds)],
                               nd, "quantize ROUND_DOWN"), dec_out, exact[:nd]))
    try:
        tbs = peer.openfisca_system()

        def of() -> np.ndarray:
            sim = peer.openfisca_build(tbs, budget[:nd], kind[:nd])
            return sim.calculate("bid_bond", peer.OF_PERIOD)

        got = np.floor(of().astype(np.float64) * 100.0 + 1e-6).astype(np.int64)
        slow.append(mark(Contender("OpenFisca build + calculate", of, nd, "float32 variables"), got, exact[:nd]))
    except ImportError:
        print("\n(OpenFisca not installed: pip install openfisca-core)")
    try:
        import zen

        nz = 20_000 if quick else 100_000
        engine = zen.ZenEngine({"loader": {"type": "static", "content": {"bid_bond_loop": peer.ZEN_LOOP_JDM}}})
        ctxs = peer.zen_contexts(fen[:nz], kind[:nz])

        def zen_loop() -> list:
            return engine.evaluate("bid_bond_loop", {"lots": ctxs})["result"]["lots"]

        got = peer.yuan_floats_to_fen([r["bond"] for r in zen_loop()])
        slow.append(mark(Contender("ZEN ZenEngine.evaluate, loop node", zen_loop, nz), got, exact[:nz]))
    except ImportError:
        print("\n(ZEN not installed: pip install zen-engine)")
    race("Bid bond against the slower peers (a prefix of the same population)", slow, 3)


def ours_prefix(bond: Any, fen: np.ndarray, lot_type: Any) -> np.ndarray:
    return np.asarray(bond.evaluate_batch({"budget": fen, "lot_type": lot_type}, BOND_DATE, threads=1)["amount"])


def fixed_cost(ctx: Any, quick: bool) -> None:
    """The fixed cost of one batch call: many calls of a one-row batch, against numpy's exact
    int64 expression on the same one-row arrays (numpy's own per-call overhead)."""
    import bid_bond as peer
    import pyarrow as pa

    calls = 2_000 if quick else 20_000
    fen, kind = peer.population(1)
    exact = peer.bond_fen_int64(fen, kind)
    bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")
    lot_type = pa.DictionaryArray.from_arrays(pa.array(kind.astype(np.int32)), pa.array(KIND_LABELS))
    codes = np.array([KIND_LABELS[k] for k in kind])

    def one(columns: dict) -> np.ndarray:
        return np.asarray(bond.evaluate_batch(columns, BOND_DATE, threads=1)["amount"])

    def calls_of(f: Callable[[], Any]) -> Callable[[], Any]:
        return lambda: [f() for _ in range(calls)][-1]

    arrow = {"budget": fen, "lot_type": lot_type}
    strings = {"budget": fen, "lot_type": codes}
    contenders = [
        mark(Contender("zhengce evaluate_batch, 1 row (int64 + Arrow dictionary)", calls_of(lambda: one(arrow)), calls,
                       "per call"), one(arrow), exact),
        mark(Contender("zhengce evaluate_batch, 1 row (int64 + numpy str)", calls_of(lambda: one(strings)), calls,
                       "per call"), one(strings), exact),
        mark(Contender("numpy int64 fen, 1 row", calls_of(lambda: peer.bond_fen_int64(fen, kind)), calls, "per call"),
             peer.bond_fen_int64(fen, kind), exact),
    ]
    race("The fixed cost of a batch call (calls of a one-row batch; rows = calls)", contenders, 3 if quick else 7)


def single(ctx: Any, quick: bool) -> None:
    import bid_bond as peer

    n = 20_000 if quick else 200_000
    fen, kind = peer.population(n)
    budgets = peer.decimals_from_fen(fen)
    kinds = kind.tolist()
    lots = [{"budget": b, "lot_type": KIND_LABELS[k]} for b, k in zip(budgets, kinds)]
    exact = peer.bond_fen_int64(fen, kind)
    bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")
    day = dt.date(2022, 6, 1)

    def ours() -> list:
        return [bond.evaluate(lot, day).amount for lot in lots]

    dated = bond.at(day)  # the parameters in force on the day resolved once; inputs by position
    labels = [KIND_LABELS[k] for k in kinds]

    def ours_dated() -> list:
        return [dated(b, k) for b, k in zip(budgets, labels)]

    def fen_of(amounts: list) -> np.ndarray:
        return np.array([int(decimal.Decimal(a).scaleb(2)) for a in amounts], dtype=np.int64)

    contenders = [mark(Contender("zhengce Evaluator.at(date) handle, called per lot", ours_dated, n), fen_of(ours_dated()),
                       exact)]
    contenders.append(mark(Contender("zhengce Evaluator.evaluate(dict, date).amount", ours, n), fen_of(ours()), exact))
    contenders.append(mark(Contender("plain Python function on Decimal", lambda: [peer.bond_decimal(b, k) for b, k in zip(budgets, kinds)], n),
                           peer.decimal_to_fen([peer.bond_decimal(b, k) for b, k in zip(budgets, kinds)]), exact))
    try:
        import zen

        nz = min(n, 20_000)
        engine = zen.ZenEngine({"loader": {"type": "static", "content": {"bid_bond": peer.ZEN_EXPRESSION_JDM}}})
        ctxs = peer.zen_contexts(fen[:nz], kind[:nz])

        def zen_each() -> list:
            return [engine.evaluate("bid_bond", c)["result"]["bond"] for c in ctxs]

        contenders.append(mark(Contender("ZEN ZenEngine.evaluate per record", zen_each, nz, "expression node"),
                               peer.yuan_floats_to_fen(zen_each()), exact[:nz]))
    except ImportError:
        pass
    race("One call at a time from Python (the peers' lots, Decimal budgets)", contenders, 3)


def workdays(ctx: Any, quick: bool) -> None:
    import workdays as peer

    n = 200_000 if quick else 1_000_000
    starts, ns = peer.pairs(n)
    ns32 = ns.astype(np.int32)
    cal = ctx.calendar("cn")

    # The numpy rank table over the same calendar (zhengce's days, so both answer the same
    # question), built once outside the timing, as the peer script does.
    base, last = np.datetime64("2004-01-01"), np.datetime64("2026-12-31")
    span = np.arange(base, last + 1)
    working = np.asarray(cal.is_working_day_batch(span)).astype(np.int32)
    rank = np.cumsum(working, dtype=np.int32)
    index = np.flatnonzero(working)

    def rank_table() -> np.ndarray:
        off = (starts - base).astype(np.int64)
        return base + index[rank[off] + ns - 1].astype("timedelta64[D]")

    def ours() -> np.ndarray:
        return cal.add_working_days_batch(starts, ns32)

    exact = rank_table()
    contenders = [mark(Contender("zhengce add_working_days_batch", ours, n, "coverage checked"), ours(), exact)]
    contenders.append(mark(Contender("numpy rank table", rank_table, n, "no coverage check"), rank_table(), exact))
    wd = base + index.astype("timedelta64[D]")
    contenders.append(mark(Contender("numpy searchsorted", lambda: peer.add_workdays_searchsorted(wd, starts, ns), n),
                           peer.add_workdays_searchsorted(wd, starts, ns), exact))
    try:
        import chinese_calendar as cc

        nc = 2_000 if quick else 20_000
        pairs = [(d, int(k)) for d, k in zip(starts[:nc].astype(dt.date), ns[:nc])]

        def cc_run() -> np.ndarray:
            return np.array([cc.find_workday(k - 1, d + dt.timedelta(days=1)) for d, k in pairs], dtype="datetime64[D]")

        contenders.append(mark(Contender("chinese-calendar find_workday(n-1, d+1)", cc_run, nc), cc_run(), exact[:nc]))
    except ImportError:
        print("\n(chinese-calendar not installed)")
    race(f"Add N working days, {n:,} (start, N) pairs of the peers' population, national calendar", contenders,
         3 if quick else 7)


def sampling(ctx: Any, quick: bool) -> None:
    import sampling as peer

    n = 1_000_000 if quick else REGISTER_ROWS
    ids, cls = peer.register(n)
    classes = (cls + 1).astype(np.uint8)  # zhengce: 0 unclassified, 1 A .. 4 D; the peers: 0 A .. 3 D
    # The peers' ratios A 2.5 %, B 5 %, C 10 %, D 20 %: a 5 % base ratio with multipliers.
    modes = {"a": "not_proactive", "b": "normal", "c": "normal", "d": "required"}
    spec = {"jurisdiction": TIANSHAN, "date": BOND_DATE, "seed": str(peer.PLAN_SEED), "base_ratio": "0.05",
            "policies": [{"class": k, "ratio_multiplier": str(decimal.Decimal(pm) / 50), "on_site": modes[k]}
                         for k, pm in zip("abcd", peer.RATIO_PER_MILLE)]}

    def ours() -> int:
        d = zhengce.StratifiedDraw.draw(ctx, spec, classes)
        return sum(len(ids[d.random_indices(s["key"])]) for s in d.strata)

    # Sample sizes: zhengce rounds each stratum's size up (the ratio is a floor: at least 5 %),
    # the peer script rounds half up; each is checked against its own rule.
    sizes = [int((cls == k).sum()) for k in range(4)]
    want_ceil = sum(-(-n_k * pm // 1000) for n_k, pm in zip(sizes, peer.RATIO_PER_MILLE))
    want_half_up = sum(int(peer.sample_count(n_k, pm)) for n_k, pm in zip(sizes, peer.RATIO_PER_MILLE))
    ours_c = Contender("zhengce StratifiedDraw (ChaCha20 per stratum)", ours, n, "sizes rounded up")
    got = ours()
    ours_c.exact, ours_c.differ = got == want_ceil, abs(got - want_ceil)
    peer_c = Contender("numpy Generator.choice per stratum", lambda: sum(len(s) for s in peer.plan_choice(ids, cls)), n,
                       "sizes rounded half up")
    got = sum(len(s) for s in peer.plan_choice(ids, cls))
    peer_c.exact, peer_c.differ = got == want_half_up, abs(got - want_half_up)
    contenders = [ours_c, peer_c]
    race(f"Stratified inspection draw, {n:,} entities of the peers' register (A/B/C/D at 2.5/5/10/20 %)",
         contenders, 3)


def machine() -> None:
    from importlib import metadata

    versions = {}
    for m in ("numpy", "pyarrow", "openfisca-core", "zen-engine", "chinese-calendar"):
        try:
            versions[m] = metadata.version(m)
        except metadata.PackageNotFoundError:
            versions[m] = "not installed"
    print(f"zhengce {zhengce.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print("peers: " + ", ".join(f"{k} {v}" for k, v in versions.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller inputs and fewer rounds (a smoke run)")
    ap.add_argument("--only", default="bid_bond,fixed_cost,single,workdays,sampling", help="comma-separated tasks")
    ap.add_argument("--register", type=int, default=REGISTER_ROWS, help="entities in the sampling register")
    args = ap.parse_args()
    globals()["REGISTER_ROWS"] = args.register
    if not PEERS.is_dir():
        sys.exit(f"peer scripts not found at {PEERS}: set ZHENGCE_PEERS")
    machine()
    ctx = zhengce.Context.builtin()
    tasks = {"bid_bond": bid_bond, "fixed_cost": fixed_cost, "single": single, "workdays": workdays, "sampling": sampling}
    for name in args.only.split(","):
        tasks[name](ctx, args.quick)
    print(json.dumps({"load_average_at_end": os.getloadavg()[0]}))


if __name__ == "__main__":
    main()
