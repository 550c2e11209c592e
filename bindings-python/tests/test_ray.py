"""Ray's `map_batches` recipe of docs/researcher.md, run on a local one-CPU Ray when Ray is
installed (it is not in the test command's venv: skipped there).

Expected amounts are worked by hand from Tianshan's 87 measures, article 68: the bid bond is
1% of a lot's budget, at most 20,000 yuan, PPP lots exempt from the cap.
"""

from __future__ import annotations

import decimal

import pyarrow as pa
import pytest
import zhengce

ray = pytest.importorskip("ray")

D = decimal.Decimal


def test_map_batches_gives_the_bonds_of_one_call() -> None:
    bond = zhengce.Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond")

    def bonds(batch: pa.Table) -> pa.Table:
        return bond.evaluate_batch(batch.select(["budget", "lot_type"]), "2022-06-01").to_arrow()

    lots = pa.table({
        "budget": pa.array([D("1000000.00"), D("5000000.00"), D("5000000.00"), D("1234567.89")], pa.decimal128(14, 2)),
        "lot_type": ["ordinary", "ordinary", "ppp", "ordinary"],
    })
    ray.init(num_cpus=1, include_dashboard=False)
    try:
        refs = ray.data.from_arrow(lots).map_batches(bonds, batch_format="pyarrow").to_arrow_refs()
        out = pa.concat_tables(ray.get(refs))
    finally:
        ray.shutdown()
    # 1% of 1,000,000 = 10,000.00; 1% of 5,000,000 = 50,000 capped at 20,000.00; the PPP lot
    # keeps 50,000.00; 1% of 1,234,567.89 = 12,345.6789, to the fen 12,345.67.
    assert [(r["amount"], r["status"]) for r in out.to_pylist()] == [
        (D("10000.00"), "rate"), (D("20000.00"), "capped"), (D("50000.00"), "ppp"), (D("12345.67"), "rate")]
