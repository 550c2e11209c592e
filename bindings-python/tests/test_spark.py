"""Spark's `mapInArrow` recipe of docs/researcher.md, run on a local Spark when PySpark and a
Java runtime are installed (they are not in the test command's venv: skipped there).

Expected amounts are worked by hand from Tianshan's 87 measures, article 68: the bid bond is
1% of a lot's budget, at most 20,000 yuan, PPP lots exempt from the cap.
"""

from __future__ import annotations

import decimal
import os
import shutil
import sys

import pyarrow as pa
import pytest
import zhengce

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

D = decimal.Decimal


def test_map_in_arrow_gives_the_bonds_of_one_call() -> None:
    from pyspark.sql import SparkSession

    # The workers run this interpreter, so that they import the same zhengce.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    bond = zhengce.Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond")

    def bonds(batches):  # noqa: ANN001, ANN202 - an iterator of pyarrow.RecordBatch
        for batch in batches:
            out = bond.evaluate_batch(batch, "2022-06-01").to_arrow()
            # Spark reads no dictionary column: the label goes as plain text.
            out = out.set_column(out.schema.get_field_index("status"), "status", out["status"].cast(pa.string()))
            yield from out.to_batches()

    try:
        lots = spark.createDataFrame(
            [(D("1000000.00"), "ordinary"), (D("5000000.00"), "ordinary"), (D("5000000.00"), "ppp"),
             (D("1234567.89"), "ordinary")],
            "budget decimal(14,2), lot_type string",
        )
        rows = lots.mapInArrow(bonds, "amount decimal(19,2), status string").collect()
    finally:
        spark.stop()
    # 1% of 1,000,000 = 10,000.00; 1% of 5,000,000 = 50,000 capped at 20,000.00; the PPP lot
    # keeps 50,000.00; 1% of 1,234,567.89 = 12,345.6789, to the fen 12,345.67.
    assert [(r.amount, r.status) for r in rows] == [
        (D("10000.00"), "rate"), (D("20000.00"), "capped"), (D("50000.00"), "ppp"), (D("12345.67"), "rate")]
