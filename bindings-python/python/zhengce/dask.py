"""zhengce on Dask: rule batches per partition and stratified inspection draws across partitions.

Needs ``pip install 'zhengce[dask]'`` (dask[distributed], pandas, pyarrow). Every zhengce object
pickles to a compact state (an evaluator on the built-in catalogue: a few hundred bytes), so a
worker process unpickles it once per task instead of rebuilding the catalogue; the batch call
releases the GIL, so threads of one worker run in parallel too.

    import dask.dataframe as dd, zhengce, zhengce.dask
    lots = dd.read_parquet("lots/*.parquet")                  # budget in fen (int64), lot_type
    bond = zhengce.Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond")
    bonds = zhengce.dask.evaluate(bond, lots, date="2022-06-01")  # a dask DataFrame: amount, status
    draw = zhengce.dask.stratified_draw(ctx, spec, register, classes="credit_class")

A stratified draw in partitions selects exactly what one call over the whole register selects:
each partition counts its strata, the counts are summed and each partition gets the counts of
the partitions before it, then each partition draws from the same per-stratum streams and keeps
the positions that fall in its rows (see ``StratifiedDraw.draw_partition``).
"""

from __future__ import annotations

import datetime
from typing import Any

from ._errors import require

__all__ = ["evaluate", "stratified_draw"]


def _dask() -> Any:
    require("dask.dataframe", "dask", "zhengce.dask", package="dask")
    require("pyarrow", "dask", "zhengce.dask")
    import dask

    return dask


def _evaluate_partition(part: Any, evaluator: Any, date: Any, date_column: str | None, inputs: list[str] | None,
                        options: dict[str, Any]) -> Any:
    columns = part[inputs] if inputs is not None else part.drop(columns=[date_column]) if date_column else part
    dates = part[date_column] if date_column else date
    import pandas as pd

    # Arrow-backed columns: decimal128 money and dictionary labels stay columnar (no Decimal
    # object per row); .astype(float) or polars for arithmetic.
    result = evaluator.evaluate_batch(columns, dates, **options).to_arrow().to_pandas(types_mapper=pd.ArrowDtype)
    result.index = part.index
    return result


def evaluate(evaluator: Any, frame: Any, date: datetime.date | str | None = None, *, date_column: str | None = None,
             inputs: list[str] | None = None, **options: Any) -> Any:
    """``evaluator.evaluate_batch`` over every partition of a dask DataFrame: a dask DataFrame of
    the results with Arrow-backed dtypes (money ``decimal128(19, 2)[pyarrow]``, labels
    ``dictionary<...>[pyarrow]``), aligned with ``frame``'s index.

    ``date`` is one date for every row, or ``date_column`` names a column of dates;
    ``inputs`` picks the input columns (default: all but the date column). ``options`` are
    ``evaluate_batch``'s (``jurisdiction``, ``explain``, ``text``).
    """
    _dask()
    if (date is None) == (date_column is None):
        from ._errors import InvalidInputError

        raise InvalidInputError("give one of date= and date_column=", "invalid_input", "date",
                                {"code": "invalid_input", "field": "date"})
    meta = _evaluate_partition(frame._meta, evaluator, date, date_column, inputs, options)
    return frame.map_partitions(_evaluate_partition, evaluator, date, date_column, inputs, options, meta=meta)


def _column(part: Any, name: str | None) -> Any:
    if name is None:
        return None
    return part[name].to_numpy()


def _counts(part: Any, classes: str, strata: str | None, flags: str | None) -> Any:
    from . import StratifiedDraw

    return len(part), StratifiedDraw.counts(_column(part, classes), _column(part, strata), _column(part, flags))


def _draw(part: Any, context: Any, spec: Any, totals: Any, before: Any, classes: str, strata: str | None,
          flags: str | None) -> Any:
    from . import StratifiedDraw

    draw = StratifiedDraw.draw_partition(context, spec, totals, before, _column(part, classes),
                                         _column(part, strata), _column(part, flags))
    return {s["key"]: (draw.random_indices(s["key"]), draw.mandatory_indices(s["key"])) for s in draw.strata}, \
        draw.strata


def stratified_draw(context: Any, spec: Any, frame: Any, *, classes: str = "credit_class", strata: str | None = None,
                    flags: str | None = None) -> dict[str, Any]:
    """A stratified random draw over a register held as a dask DataFrame, in partitions.

    ``classes`` names a column of class codes (0 unclassified, 1 A ... 4 D), ``strata`` an
    optional column of stratum codes, ``flags`` an optional column of flag bits. Returns
    ``{"strata": [...], "random": {key: positions}, "mandatory": {key: positions}}``, positions
    counted over the whole frame in partition order: the same as ``StratifiedDraw.draw`` over
    the concatenated columns.
    """
    dask = _dask()
    import numpy as np

    from . import StratifiedDraw

    parts = frame.to_delayed()
    counted = dask.compute(*[dask.delayed(_counts)(p, classes, strata, flags) for p in parts])
    lengths = [n for n, _ in counted]
    counts = [c for _, c in counted]
    totals = StratifiedDraw.totals(counts)
    offsets = StratifiedDraw.offsets(counts)
    drawn = dask.compute(*[dask.delayed(_draw)(p, context, spec, totals, offsets[i], classes, strata, flags)
                           for i, p in enumerate(parts)])
    starts = np.cumsum([0, *lengths[:-1]])
    random: dict[str, Any] = {}
    mandatory: dict[str, Any] = {}
    for (positions, _), start in zip(drawn, starts):
        for key, (r, m) in positions.items():
            random.setdefault(key, []).append(r.astype(np.uint64) + np.uint64(start))
            mandatory.setdefault(key, []).append(m.astype(np.uint64) + np.uint64(start))
    return {
        "strata": drawn[0][1] if drawn else [],
        "random": {k: np.concatenate(v) for k, v in random.items()},
        "mandatory": {k: np.concatenate(v) for k, v in mandatory.items()},
    }
