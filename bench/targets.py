"""Target monitoring from Python at scale: 100,000 targets, 1,000,000 observations.

    .venv/bin/python bench/targets.py [targets]

The same synthetic catalogue and observations as `cargo bench -p zhengce-bench --bench
targets` (10 districts, one plan of 10 groups, 1,000 measures led by 100 units, every
comparator kind; ten observations per target), timed once per step, with records per second.
Needs pandas and pyarrow.
"""

from __future__ import annotations

import datetime
import sys
import time

import pyarrow as pa
import zhengce


def catalogue(n: int) -> dict:
    groups = [
        {"id": f"plan/g{g}", "title": {"zh": f"第{g}组", "en": f"Group {g}"}, "summary": "A group.",
         "children": [{"id": f"plan/{g}-{i}", "summary": "An item."} for i in range(100)]}
        for g in range(10)
    ]
    targets = []
    for t in range(n):
        v = {"id": f"plan/t{t}", "metric": {"zh": "指标", "en": "Metric"}, "unit": "count", "scope": f"cn-d{t % 10}",
             "measure": f"plan/m{t % 1000}", "programme": "plan/programme", "deadline": "2022-12-31",
             "source": {"document": "plan", "clause": f"plan/{(t // 100) % 10}-{t % 100}"}}
        kind = t % 6
        if kind == 0:
            v.update(comparator="at_least", value="100")
        elif kind == 1:
            v.update(comparator="at_most", value="50", aggregation="mean")
        elif kind == 2:
            v.update(comparator="reduce_by", value="30", baseline={"value": "100", "date": "2020-12-31"})
        elif kind == 3:
            v.update(comparator="equal", value="80")
        elif kind == 4:
            v.update(comparator="range", value="30", upper="60")
        else:
            v.update(comparator="achieve", unit="boolean")
        targets.append(v)
    return {
        "jurisdictions": [{"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"}]
        + [{"id": f"cn-d{d}", "name": {"zh": f"区{d}", "en": f"District {d}"}, "level": "district", "parent": "cn"} for d in range(10)],
        "documents": [{"id": "plan", "title": {"zh": "规划", "en": "Plan"}, "kind": "development_plan", "jurisdiction": "cn",
                       "issuer": {"zh": "政府", "en": "Government"}, "clauses": groups}],
        "units": [{"id": f"unit-{u}", "name": {"zh": f"单位{u}", "en": f"Unit {u}"}, "kind": "department", "jurisdiction": "cn",
                   "source": {"document": "plan"}} for u in range(100)],
        "programmes": [{"id": "plan/programme", "name": {"zh": "规划", "en": "Plan"}, "jurisdiction": "cn",
                        "period": {"from": "2021-01-01", "until": "2022-12-31"}, "source": {"document": "plan"}}],
        "measures": [{"id": f"plan/m{m}", "programme": "plan/programme", "title": {"zh": "措施", "en": "Measure"},
                      "lead_units": [f"unit-{m % 100}"], "co_units": [f"unit-{(m + 1) % 100}"],
                      "source": {"document": "plan", "clause": f"plan/{(m // 100) % 10}-{m % 100}"}} for m in range(1000)],
        "targets": targets,
    }


def observations(n: int, per: int = 10) -> pa.Table:
    start = datetime.date(2021, 1, 31)
    target, date, value, unit = [], [], [], []
    for t in range(n):
        for k in range(per):
            target.append(f"plan/t{t}")
            date.append(start + datetime.timedelta(days=70 * k))
            if t % 6 == 5:
                value.append(int(k == per - 1 and t % 12 == 5))
                unit.append("boolean")
            else:
                value.append(20 + (t * 7 + k * 13) % 90)
                unit.append("count")
    return pa.table({"target": target, "date": pa.array(date, pa.date32()), "value": pa.array(value, pa.int64()),
                     "unit": unit, "source": ["statistics bureau"] * len(target)})


def timed(label: str, records: int, fn):
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    print(f"{label:<52} {seconds:8.3f} s  {records / seconds:>12,.0f} records/s")
    return result


def pandas_statuses(data: dict, table: pa.Table, as_of: str) -> "pd.Series":
    """The same targets' statuses by a hand-written pandas pipeline (the peer): the latest value
    (or the period mean), the baseline (stated, else the earliest observation), the straight-line
    path from the baseline date to the deadline, and the status rules of zhengce's targets module
    (met; on_track if progress >= elapsed; at_risk within 0.1; off_track; achieve targets by
    elapsed share; slipped or overshot equal/range targets off_track). Vectorised throughout."""
    import numpy as np
    import pandas as pd

    cut = pd.Timestamp(as_of)
    obs = table.to_pandas()
    obs["date"] = pd.to_datetime(obs["date"])
    obs = obs[obs["date"] <= cut].sort_values(["target", "date"], kind="stable")
    g = obs.groupby("target", sort=False)
    first = g.first()
    last = g.last()
    mean = g["value"].mean()
    t = pd.DataFrame(data["targets"]).set_index("id")
    t["target_value"] = pd.to_numeric(t["value"])
    t["upper"] = pd.to_numeric(t.get("upper"))
    stated = t["baseline"].apply(lambda b: b if isinstance(b, dict) else None)
    t["b_value"] = stated.apply(lambda b: float(b["value"]) if b else np.nan)
    t["b_date"] = pd.to_datetime(stated.apply(lambda b: b["date"] if b else None))
    t = t.join(last[["value", "date"]].rename(columns={"value": "v", "date": "v_date"}))
    t = t.join(first[["value", "date"]].rename(columns={"value": "first", "date": "first_date"}))
    t["mean"] = mean
    t["v"] = t["v"].astype("float64")
    t["first"] = t["first"].astype("float64")
    is_mean = t["aggregation"].eq("mean")
    t.loc[is_mean, "v"] = t.loc[is_mean, "mean"]
    no_base = t["b_value"].isna() & (t["first_date"] < t["v_date"])
    t.loc[no_base, "b_value"] = t.loc[no_base, "first"]
    t.loc[no_base, "b_date"] = t.loc[no_base, "first_date"]
    deadline = pd.to_datetime(t["deadline"])
    start = t["b_date"].fillna(pd.Timestamp("2021-01-01"))
    elapsed = ((t["v_date"] - start) / (deadline - start)).clip(0, 1)
    c, v, b, goal, up = t["comparator"], t["v"], t["b_value"], t["target_value"].copy(), t["upper"]
    goal = goal.astype("float64")
    goal[c.eq("reduce_by")] = b * (1 - t["target_value"] / 100)
    met = (
        (c.eq("at_least") & (v >= goal)) | (c.eq("at_most") & (v <= goal)) | (c.eq("reduce_by") & (v <= goal))
        | (c.eq("equal") & (v == goal)) | (c.eq("range") & (v >= goal) & (v <= up)) | (c.eq("achieve") & (v == 1))
    )
    aim = goal.where(~c.eq("range"), np.where(v < goal, goal, up))
    progress = (v - b) / (aim - b)
    status = np.where(progress >= elapsed, "on_track", np.where(progress >= elapsed - 0.1, "at_risk", "off_track"))
    status = pd.Series(status, index=t.index)
    overshot = (c.isin(["equal", "range"])) & (((b < aim) & (v > aim)) | ((b > aim) & (v < aim)))
    base_met = (
        (c.eq("at_least") & (b >= goal)) | (c.eq("at_most") & (b <= goal)) | (c.eq("equal") & (b == goal))
        | (c.eq("range") & (b >= goal) & (b <= up))
    )
    status[overshot | base_met] = "off_track"
    status[c.eq("achieve")] = np.where(elapsed[c.eq("achieve")] < 0.5, "on_track", "at_risk")
    status[met] = "met"
    status[v.isna()] = "no_data"
    return status


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    data = catalogue(n)
    cat = timed(f"Catalogue.from_json_value ({n:,} targets)", n, lambda: zhengce.Catalogue.from_json_value(data))
    table = observations(n)
    monitor = zhengce.Monitor(zhengce.Context(cat))
    timed(f"Monitor.add_observations (pyarrow, {table.num_rows:,} rows)", table.num_rows, lambda: monitor.add_observations(table))
    card = timed(f"Monitor.scorecard ({n:,} targets)", n, lambda: monitor.scorecard("2022-10-31"))
    card = timed("Monitor.scorecard (by group, unit, jurisdiction)", n,
                 lambda: monitor.scorecard("2022-10-31", by=["group", "unit", "jurisdiction"]))
    timed("Scorecard.to_json_value (dicts)", n, card.to_json_value)
    timed("Scorecard.to_pandas (groups)", n, card.to_pandas)
    timed("Scorecard.assessments_to_pandas", n, card.assessments_to_pandas)
    timed("Scorecard.assessments_to_csv", n, card.assessments_to_csv)
    print(repr(card))

    # End to end against the pandas peer: 1 M observations in, 100,000 statuses out.
    print()

    def ours():  # noqa: ANN202
        m = zhengce.Monitor(zhengce.Context(cat))
        m.add_observations(table)
        return m.scorecard("2022-10-31")

    card = timed(f"zhengce: load {table.num_rows:,} observations + scorecard", n, ours)
    theirs = timed(f"pandas pipeline: {table.num_rows:,} observations -> statuses", n,
                   lambda: pandas_statuses(data, table, "2022-10-31"))
    import time as _t

    t0 = _t.perf_counter()
    ours()
    zs = _t.perf_counter() - t0
    t0 = _t.perf_counter()
    pandas_statuses(data, table, "2022-10-31")
    ps = _t.perf_counter() - t0
    status = {a["target"]: a["status"] for a in card.to_json_value()["assessments"]}
    agree = sum(status[k] == v for k, v in theirs.items())
    print(f"second run: zhengce {zs:.3f} s, pandas {ps:.3f} s: zhengce is {ps / zs:.2f}x the pandas pipeline's speed")
    print(f"statuses agreeing with the pandas pipeline: {agree:,} of {len(theirs):,}")


if __name__ == "__main__":
    main()
