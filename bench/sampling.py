"""The columnar inspection draw from Python on numpy arrays, next to numpy's own per-stratum draw.

    .venv/bin/python bench/sampling.py              # 10 million entities
    .venv/bin/python bench/sampling.py 180000000    # the national register (needs ~5 GB free)

Each contender runs in its own process (so peak memory is its own): the register is built as
numpy columns (ids uint64 0..n, classes uint8 with Xinjiang's credit mix), then

- zhengce: ``StratifiedDraw.draw`` over the classes, and the selected positions mapped to ids
  with ``ids[positions]`` per stratum;
- numpy: per class, ``np.flatnonzero(classes == c)`` and ``Generator.choice(..., replace=False)``
  of the same sample size, then ids.

Printed: the draw's wall time (best of 3) and the process's peak resident memory, inputs included.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

import numpy as np

MIX = np.array([0.4860, 0.4152, 0.0642, 0.0346])  # A, B, C, D (Xinjiang, end of 2022)
SPEC = {"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "benchmark"}


def register(n: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.arange(n, dtype=np.uint64)
    classes = np.empty(n, dtype=np.uint8)
    rng, cum, chunk = np.random.default_rng(7), np.cumsum(MIX), 10_000_000
    for start in range(0, n, chunk):  # in chunks, so building the input adds no large temporaries
        size = min(chunk, n - start)
        classes[start : start + size] = np.searchsorted(cum, rng.random(size) * cum[-1], side="right") + 1
    return ids, classes


def run(mode: str, n: int) -> dict:
    ids, classes = register(n)
    if mode == "zhengce":
        import zhengce

        cat = zhengce.Catalogue.builtin()

        def draw() -> int:
            d = zhengce.StratifiedDraw.draw(zhengce.Context(cat), SPEC, classes)
            return sum(len(ids[d.random_indices(s["key"])]) for s in d.strata)
    else:
        import zhengce

        sizes = {s["credit_class"]: s["sample"] for s in zhengce.StratifiedDraw.draw(
            zhengce.Context.builtin(), SPEC, classes).strata}
        codes = {"a": 1, "b": 2, "c": 3, "d": 4}
        rng = np.random.default_rng(2022)

        def draw() -> int:
            total = 0
            for name, k in sizes.items():
                members = np.flatnonzero(classes == codes[name])
                total += len(ids[rng.choice(members, k, replace=False)])
            return total

    times = []
    for _ in range(3):
        start = time.perf_counter()
        selected = draw()
        times.append(time.perf_counter() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mode": mode, "n": n, "selected": selected, "seconds": min(times), "peak_gb": peak_kb / 1024**2}


def main() -> None:
    if len(sys.argv) > 2:
        print(json.dumps(run(sys.argv[2], int(sys.argv[1]))))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    print(f"{n:,} entities (ids uint64 {n * 8 / 1e9:.2f} GB + classes uint8 {n / 1e9:.2f} GB)")
    for mode in ["zhengce", "numpy"]:
        out = subprocess.run([sys.executable, __file__, str(n), mode], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"  {r['mode']:<8} {r['seconds']:7.3f} s  peak {r['peak_gb']:5.2f} GB  {r['selected']:,} selected")


if __name__ == "__main__":
    main()
