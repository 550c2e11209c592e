"""Dask past one machine: a LocalCluster with worker processes (2 workers, 1 thread each).

A rule evaluation in 8 partitions equals one call; a stratified inspection draw across N
partitions selects what one call selects. Kept small for the shared CI machine (the 10 M-row
run is in docs/researcher.md); the equalities, not the speed, are what is tested.
"""

from __future__ import annotations

import datetime

import numpy as np
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
import zhengce  # noqa: E402
import zhengce.dask  # noqa: E402

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context(CAT)
JUNE = datetime.date(2022, 6, 1)
ROWS = 200_000


@pytest.fixture(scope="module")
def client():  # noqa: ANN201
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def lots(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    budget = rng.integers(1_000_00, 10_000_000_00, n, dtype=np.int64)  # fen
    budget[:3] = [100_000_000, 500_000_000, 123_456_789]
    lot_type = np.where(rng.random(n) < 0.1, "ppp", "ordinary")
    lot_type[:3] = "ordinary"
    return pd.DataFrame({"budget": budget, "lot_type": pd.Categorical(lot_type)})


def test_a_rule_in_8_partitions_equals_one_call(client) -> None:  # noqa: ANN001
    bond = CTX.evaluator("tianshan-2022-87/r68-bid-bond")
    frame = lots(ROWS)
    whole = bond.evaluate_batch(frame, JUNE).to_arrow()
    ddf = dd.from_pandas(frame, npartitions=8)
    assert ddf.npartitions == 8
    parted = zhengce.dask.evaluate(bond, ddf, date=JUNE).compute()
    assert len(parted) == ROWS
    got = pa.Table.from_pandas(parted, preserve_index=False)
    assert got.column("amount").equals(whole.column("amount"))
    assert got.column("status").cast(pa.string()).equals(whole.column("status").cast(pa.string()))
    # Hand-worked: 1% of 1,000,000 yuan; 5,000,000 yuan capped at 20,000; 1% of 1,234,567.89 to the fen.
    import decimal

    assert list(parted["amount"][:3]) == [decimal.Decimal(x) for x in ("10000.00", "20000.00", "12345.67")]


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_a_stratified_draw_in_partitions_equals_one_call(client, partitions: int) -> None:  # noqa: ANN001
    rng = np.random.default_rng(11)
    n = 60_000
    register = pd.DataFrame({
        "credit_class": rng.integers(0, 5, n).astype(np.uint8),
        "industry": rng.integers(0, 4, n).astype(np.uint32),
        "flags": (rng.random(n) < 0.002).astype(np.uint8),
    })
    spec = {"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "dask"}
    one = zhengce.StratifiedDraw.draw(CTX, spec, register["credit_class"].to_numpy(),
                                      register["industry"].to_numpy(), register["flags"].to_numpy())
    ddf = dd.from_pandas(register, npartitions=partitions)
    parted = zhengce.dask.stratified_draw(CTX, spec, ddf, classes="credit_class", strata="industry", flags="flags")
    assert parted["strata"] == one.strata
    for s in one.strata:
        assert parted["random"][s["key"]].tolist() == one.random_indices(s["key"]).tolist()
        assert parted["mandatory"][s["key"]].tolist() == one.mandatory_indices(s["key"]).tolist()
    # The ratio of class A is 3% x 0.5 (policy multiplier) per the credit-class rule: check one
    # stratum's sample is ceil(pool x ratio), as the notice says (不少于, never fewer).
    b = next(s for s in one.strata if s["key"].startswith("b|"))
    import decimal
    import math

    assert b["sample"] == math.ceil(b["pool"] * decimal.Decimal(b["ratio"]))
