"""Writes zhengce.ipynb from the cells below (outputs stripped), so the notebook's source stays
reviewable as Python. Run: .venv/bin/python examples/notebook/make_notebook.py"""

from __future__ import annotations

import pathlib

import nbformat

md = nbformat.v4.new_markdown_cell
code = nbformat.v4.new_code_cell

cells = [
    md("""# zhengce for researchers

Chinese local-government policy documents as data and executable rules, in a notebook: the
catalogue as typed tables, bid bonds on a parquet file of lots, deadlines for a column of filing
dates, a scenario comparison, a target scorecard with its plot, an inspection plan drawn and
verified, and the same rule run on Dask.

Install: `pip install 'zhengce[all]'` (numpy is required; pyarrow, pandas, polars, matplotlib and
dask are the extras). Every result cites its clause."""),
    code("""import datetime, decimal, pathlib, tempfile
import numpy as np, pandas as pd, polars as pl, pyarrow as pa, pyarrow.parquet as pq
import matplotlib
import zhengce

ctx = zhengce.Context.builtin()          # the built-in catalogue and calendars, the baseline scenario
cat = ctx.catalogue()
TIANSHAN = "cn-xj-urumqi-tianshan"
BOND = "tianshan-2022-87/r68-bid-bond"
ctx"""),
    md("## The catalogue as typed tables\n\nDates are `date32`, values `decimal128`, texts `*_zh` / `*_en`, citations `source_*` columns."),
    code("""targets = cat.table("targets").to_pandas()
targets[["id", "metric_zh", "comparator", "value", "unit", "deadline", "source_clause"]].head()"""),
    code("""params = cat.table("parameters").to_polars()
params.filter(pl.col("parameter").str.starts_with("procurement.bid_bond"))[
    ["parameter", "jurisdiction", "effective_from", "value", "source_clause"]]"""),
    md("""## Bid bonds on a parquet file of lots

Article 68 of Tianshan's 87 measures: the bid bond is 1% of a lot's budget, at most 20,000 yuan
per lot (PPP projects exempt from the cap). The lots are read from parquet as Arrow and go in
without a Python object per row; the result is one Arrow table (money `decimal128(19, 2)`)."""),
    code("""rng = np.random.default_rng(1)
n = 10_000
budget = rng.integers(10_000_00, 8_000_000_00, n)               # fen
budget[:3] = [1_000_000_00, 5_000_000_00, 5_000_000_00]
lot_type = np.where(rng.random(n) < 0.05, "ppp", "ordinary"); lot_type[:3] = ["ordinary", "ordinary", "ppp"]
folder = pathlib.Path(tempfile.mkdtemp())
yuan = pa.array([decimal.Decimal(int(b)).scaleb(-2) for b in budget], pa.decimal128(14, 2))
pq.write_table(pa.table({"budget": yuan, "lot_type": pa.array(lot_type).dictionary_encode()}), folder / "lots.parquet")
lots = pq.read_table(folder / "lots.parquet")
bond = ctx.evaluator(BOND)
bonds = bond.evaluate_batch(lots, datetime.date(2022, 6, 1))
bonds"""),
    code("""first = bonds.to_polars().head(3)
first""", metadata={"tags": ["bid-bonds"]}),
    md("""One lot explained, with the clause it cites:"""),
    code("""bond.evaluate({"budget": decimal.Decimal("1000000")}, datetime.date(2022, 6, 1), explain=True)"""),
    md("""## Deadlines for a column of filing dates

Opening a business in Tianshan takes at most 2 working days (article 58). Around National Day 2022
(1-7 October off, Saturday 8 and Sunday 9 October worked) the deadline jumps."""),
    code("""filed = pl.Series("filed", [datetime.date(2022, 9, 28), datetime.date(2022, 9, 30), datetime.date(2022, 10, 3)])
opening = ctx.evaluator("tianshan-2022-87/r58-business-opening")
due = opening.evaluate_batch({}, filed).to_polars().with_columns(filed)
due""", metadata={"tags": ["deadlines"]}),
    code("""d = ctx.deadline("business-opening", datetime.date(2022, 9, 30), TIANSHAN)
zhengce.plot_deadline(d, calendar=ctx.calendar(TIANSHAN));"""),
    md("""## A scenario comparison

What if the cap were 50,000 yuan from 18 May 2022? The same lots, both scenarios, per-row
differences and totals."""),
    code("""alt = ctx.with_scenario({"name": "cap-50000", "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot",
    "jurisdiction": TIANSHAN, "effective_from": "2022-05-18", "value": "50000"}]})
comparison = ctx.compare(alt, BOND, lots, datetime.date(2022, 6, 1))
comparison.totals""", metadata={"tags": ["comparison"]}),
    md("""## A scorecard and its plot

Observations load from an Arrow table; the scorecard counts targets per status by document."""),
    code("""monitor = zhengce.Monitor(ctx)
monitor.add_observations(pa.table({
    "target": ["tianshan-2022-87/t28", "tianshan-2022-87/t28"],
    "date": [datetime.date(2022, 3, 31), datetime.date(2022, 9, 30)],
    "value": pa.array([decimal.Decimal(60), decimal.Decimal(75)], pa.decimal128(5, 0)),
    "unit": ["%", "%"], "source": ["district statistics", "district statistics"]}))
card = monitor.scorecard("2022-10-15", by=["document"])
card"""),
    code("""card.plot();"""),
    md("""## An inspection plan, drawn and verified

Double-random inspections (双随机、一公开): the draw is a pure function of the register, the
directory, the spec and its published seed; anyone can re-derive it."""),
    code("""register = pd.DataFrame({"id": [f"firm-{i}" for i in range(400)],
                         "credit_class": [["a", "b", "c", "d"][i % 4] for i in range(400)]})
directory = pd.DataFrame({"id": [f"inspector-{i}" for i in range(12)], "department": ["amr"] * 12})
spec = {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "notebook-2022-06",
        "checks": [{"department": "amr", "items": ["licence"]}]}
plan = zhengce.InspectionPlan.draw(ctx, register, directory, spec)
plan"""),
    code("""verified = plan.verify(ctx, register, directory)
verified["matches"]""", metadata={"tags": ["verified"]}),
    md("""## The same rule on Dask

Two worker processes; the evaluator pickles to a few hundred bytes. Eight partitions give what one
call gives."""),
    code("""import dask.dataframe as dd
from dask.distributed import Client, LocalCluster
import zhengce.dask

cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
client = Client(cluster)
frame = lots.to_pandas(types_mapper=pd.ArrowDtype)
parted = zhengce.dask.evaluate(bond, dd.from_pandas(frame, npartitions=8), date=datetime.date(2022, 6, 1)).compute()
same = pa.Table.from_pandas(parted, preserve_index=False).column("amount").equals(bonds.to_arrow().column("amount"))
client.close(); cluster.close()
same""", metadata={"tags": ["dask"]}),
    md("""## Checks

Values worked by hand from the documents (the test command runs this notebook and reads them)."""),
    code("""amounts = bonds.to_arrow().column("amount").to_pylist()
assert amounts[0] == decimal.Decimal("10000.00")   # 1% of 1,000,000 yuan
assert amounts[1] == decimal.Decimal("20000.00")   # 1% of 5,000,000 = 50,000, capped at 20,000
assert amounts[2] == decimal.Decimal("50000.00")   # a PPP lot: no cap
assert due["deadline"].to_list() == [datetime.date(2022, 9, 30), datetime.date(2022, 10, 9), datetime.date(2022, 10, 9)]
assert verified["matches"] and same
print("CHECKS OK", amounts[:3])""", metadata={"tags": ["checks"]}),
]

nb = nbformat.v4.new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"}})
out = pathlib.Path(__file__).with_name("zhengce.ipynb")
nbformat.write(nb, out)
print(f"wrote {out}")
