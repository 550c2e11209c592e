"""Issue 18's threads and fixed-cost figures, interleaved in one process, medians of 7 rounds.

    .venv/bin/python bench/threads.py

- the Tianshan bid bond (item 68) over the peers' 10 M lots (int64 fen budgets, an Arrow
  dictionary of lot types) on 1 and 2 threads, beside a plain copy of the same bytes and
  numpy's exact int64-fen expression (results checked equal to numpy's); process CPU time
  beside each wall time (CPU well above wall: the threads ran in parallel);
- the fixed cost of a 1-row batch call (20,000 calls), beside numpy's own 1-row expression;
- the working-day batches over the peers' 1 M (start, N) pairs (run it under `taskset -c 0`
  for the one-core figure: the calendar splits rows over the cores the process may use).
"""
import sys, time, statistics, resource, numpy as np, pyarrow as pa
sys.path.insert(0, "/work/shared/bench-peers")
import bid_bond as peer, zhengce
ctx = zhengce.Context.builtin()
n = 10_000_000
fen, kind = peer.population(n)
lot = pa.DictionaryArray.from_arrays(pa.array(kind.astype(np.int32)), pa.array(["ordinary", "ppp", "framework_entry"]))
bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")
def run(t): return bond.evaluate_batch({"budget": fen, "lot_type": lot}, "2022-06-01", threads=t)["amount"]
def cpy(): return fen.copy(), kind.copy(), np.empty_like(fen)
ref = peer.bond_fen_int64(fen, kind)
assert np.array_equal(run(1), ref) and np.array_equal(run(2), ref), "exact"
fs = [("t1", lambda: run(1)), ("t2", lambda: run(2)), ("copy", cpy), ("numpy", lambda: peer.bond_fen_int64(fen, kind))]
res = {k: [] for k, _ in fs}; cpu = {k: [] for k, _ in fs}
for r in range(7):
    for k, f in fs:
        c = resource.getrusage(resource.RUSAGE_SELF); t = time.perf_counter(); f()
        res[k].append(time.perf_counter() - t); c2 = resource.getrusage(resource.RUSAGE_SELF)
        cpu[k].append(c2.ru_utime + c2.ru_stime - c.ru_utime - c.ru_stime)
med = {k: statistics.median(v) for k, v in res.items()}
for k in med: print("%-6s %.1f ms (cpu %.1f ms)" % (k, 1000 * med[k], 1000 * statistics.median(cpu[k])))
print("speedup t1/t2 %.2f; t1/numpy %.2f; t1/copy %.2f" % (med["t1"] / med["t2"], med["t1"] / med["numpy"], med["t1"] / med["copy"]))
# Fixed cost: 1-row batches, 20,000 calls, median of 7.
f1, k1 = fen[:1].copy(), kind[:1].copy()
lot1 = pa.DictionaryArray.from_arrays(pa.array(k1.astype(np.int32)), pa.array(["ordinary", "ppp", "framework_entry"]))
def per_call(f, m=20000):
    out = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(m): f()
        out.append((time.perf_counter() - t) / m * 1e6)
    return statistics.median(out)
print("1-row evaluate_batch numpy budget        %.2f us" % per_call(lambda: bond.evaluate_batch({"budget": f1}, "2022-06-01")))
print("1-row evaluate_batch + ['amount']        %.2f us" % per_call(lambda: bond.evaluate_batch({"budget": f1}, "2022-06-01")["amount"]))
print("1-row evaluate_batch budget + Arrow lot  %.2f us" % per_call(lambda: bond.evaluate_batch({"budget": f1, "lot_type": lot1}, "2022-06-01")))
print("1-row numpy bond_fen_int64               %.2f us" % per_call(lambda: peer.bond_fen_int64(f1, k1)))
from workdays import pairs  # noqa: E402
cal = zhengce.Calendar.builtin("cn")
starts, ns = pairs(1_000_000)
wd = {"add_working_days_batch": lambda: cal.add_working_days_batch(starts, ns),
      "add_working_days_batch n=5": lambda: cal.add_working_days_batch(starts, 5),
      "is_working_day_batch": lambda: cal.is_working_day_batch(starts),
      "working_days_between_batch": lambda: cal.working_days_between_batch(starts, starts + 30)}
times = {k: [] for k in wd}
for _ in range(7):
    for k, g in wd.items():
        t = time.perf_counter(); g(); times[k].append(time.perf_counter() - t)
for k, v in times.items(): print("%-28s %.2f ms" % (k, 1000 * statistics.median(v)))
