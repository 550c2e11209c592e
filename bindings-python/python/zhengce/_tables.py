"""Tables in and out of the binding: pandas and pyarrow, both optional.

In: a pandas DataFrame, a pyarrow Table or RecordBatch, or a list of dicts becomes a list of
dicts in the JSON shape the core reads (missing values become ``None``; a pandas datetime
column holding whole days becomes ``datetime.date``). Numbers are passed on as they are, so
the core refuses a float where a decimal belongs, as everywhere in the library.

Out: a scorecard's CSV (from the core) becomes a pandas DataFrame with the same columns, and
its ``to_json_value()`` dict an HTML table for notebooks. Decimals become ``decimal.Decimal`` and dates ``datetime.date``: exact values, as
the library computes them (``.astype(float)`` for plotting).
"""

from __future__ import annotations

import datetime
import decimal
import html
from typing import Any

GROUP_COLUMNS = [
    "dimension", "key", "name_zh", "name_en",
    "met", "on_track", "at_risk", "off_track", "missed", "no_data", "total",
]
ASSESSMENT_COLUMNS = [
    "target", "metric_zh", "metric_en", "status", "basis", "comparator", "unit", "target_value", "upper",
    "derived", "baseline", "baseline_date", "start", "deadline", "value", "qualifier", "observed_on",
    "progress", "elapsed", "expected", "gap", "note",
]
_DECIMALS = {"target_value", "upper", "baseline", "value", "progress", "elapsed", "expected", "gap"}
_DATES = {"baseline_date", "start", "deadline", "observed_on"}
STATUSES = ["met", "on_track", "at_risk", "off_track", "missed", "no_data"]
_COLOURS = {
    "met": "#1a7f37", "on_track": "#2da44e", "at_risk": "#bf8700",
    "off_track": "#cf222e", "missed": "#82071e", "no_data": "#6e7781",
}


def rows(table: Any) -> Any:
    """The rows of ``table`` as a list of dicts (other values are returned for the core to check)."""
    module = type(table).__module__
    if module.startswith("pyarrow") and hasattr(table, "to_pylist"):
        return table.to_pylist()
    if module.startswith("pandas") and hasattr(table, "to_dict") and hasattr(table, "columns"):
        return _frame_rows(table)
    return table


def columns(table: Any) -> dict[str, list[Any]] | None:
    """The columns of a pandas DataFrame or pyarrow Table as lists (``None`` for other values).

    The binding reads observation tables column by column, which is much faster than one dict
    per row; the values are the same as :func:`rows` gives.
    """
    module = type(table).__module__
    if module.startswith("pyarrow") and hasattr(table, "column_names") and hasattr(table, "column"):
        return {name: table.column(name).to_pylist() for name in table.column_names}
    if module.startswith("pandas") and hasattr(table, "to_dict") and hasattr(table, "columns"):
        frame = _normalise(table)
        return {str(name): frame[name].tolist() for name in frame.columns}
    return None


def _frame_rows(frame: Any) -> list[dict[str, Any]]:
    return _normalise(frame).to_dict("records")


def _pandas(what: str) -> Any:
    from ._errors import require

    return require("pandas", "pandas", what)


def _normalise(frame: Any) -> Any:
    import pandas as pd

    frame = frame.copy()
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column) and getattr(column.dt, "tz", None) is None:
            present = column.dropna()
            if (present == present.dt.normalize()).all():
                frame[name] = column.dt.date
    return frame.astype(object).where(frame.notna(), None)


def groups_frame(csv: str) -> Any:
    """A scorecard's groups CSV as a DataFrame (first row ``all``; counts as integers, absent values ``None``)."""
    import io

    pd = _pandas("Scorecard.to_pandas")
    frame = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    for column in GROUP_COLUMNS[4:]:
        frame[column] = frame[column].astype("int64")
    for column in GROUP_COLUMNS[1:4]:
        frame[column] = frame[column].where(frame[column] != "", None)
    return frame


def assessments_frame(csv: str) -> Any:
    """A scorecard's assessments CSV as a DataFrame: decimals as ``Decimal``, dates as ``date``, absent values ``None``."""
    import io

    pd = _pandas("Scorecard.assessments_to_pandas")
    frame = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    for column in ASSESSMENT_COLUMNS:
        values = frame[column]
        if column in _DECIMALS:
            frame[column] = [decimal.Decimal(v) if v else None for v in values]
        elif column in _DATES:
            frame[column] = [datetime.date.fromisoformat(v) if v else None for v in values]
        elif column == "derived":
            frame[column] = values == "true"
        elif column == "qualifier":
            frame[column] = values.where(values != "", "exact")
        else:
            frame[column] = values.where(values != "", None)
    return frame


def scorecard_html(as_of: str, csv: str) -> str:
    """A scorecard's groups CSV as an HTML table for notebooks: counts per status, coloured."""
    import csv as csvlib
    import io

    records = list(csvlib.DictReader(io.StringIO(csv)))
    head = "".join(f'<th style="color:{_COLOURS[s]}">{s.replace("_", " ")}</th>' for s in STATUSES)
    lines = [
        f"<p><b>Scorecard as of {html.escape(as_of)}</b>: {records[0]['total']} targets</p>",
        "<table><thead><tr><th>dimension</th><th>group</th>" + head + "<th>total</th></tr></thead><tbody>",
    ]
    for r in records:
        label = r["name_zh"] or r["key"] or ("" if r["dimension"] == "all" else "(none stated)")
        title = f"{r['key']} {r['name_en']}".strip()
        cells = "".join(
            f'<td style="text-align:right;color:{_COLOURS[s]}">{"" if r[s] == "0" else r[s]}</td>' for s in STATUSES
        )
        lines.append(
            f'<tr><td>{html.escape(r["dimension"])}</td><td title="{html.escape(title)}">{html.escape(label)}</td>'
            f'{cells}<td style="text-align:right">{r["total"]}</td></tr>'
        )
    lines.append("</tbody></table>")
    return "\n".join(lines)



def to_arrow(table: Any) -> Any:
    """Any object exposing ``__arrow_c_stream__`` as a ``pyarrow.Table`` (needs pyarrow)."""
    from ._errors import require

    pa = require("pyarrow", "arrow", "to_arrow()")
    return pa.table(table)


def to_pandas(table: Any) -> Any:
    """A ``pandas.DataFrame`` through pyarrow: decimals as ``Decimal``, dates as ``date``, labels as ``Categorical``."""
    _pandas("to_pandas()")
    return to_arrow(table).to_pandas()


def to_polars(table: Any) -> Any:
    """A ``polars.DataFrame`` read straight from the Arrow stream (needs polars, not pyarrow)."""
    from ._errors import require

    pl = require("polars", "polars", "to_polars()")
    return pl.DataFrame(table)


def table_html(table: Any, limit: int = 20) -> str:
    """An HTML view of a table for notebooks: the first rows, column types, the row count."""
    try:
        import pyarrow as pa
    except ImportError:
        return f"<pre>{html.escape(repr(table))}</pre>"
    t = pa.table(table)
    head = "".join(f"<th>{html.escape(f.name)}<br><small>{html.escape(str(f.type))}</small></th>" for f in t.schema)
    lines = [f"<p><b>{t.num_rows:,} rows</b> × {t.num_columns} columns</p>", f"<table><thead><tr>{head}</tr></thead><tbody>"]
    for row in t.slice(0, limit).to_pylist():
        cells = "".join(f"<td>{'' if v is None else html.escape(_short(v))}</td>" for v in row.values())
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table>")
    if t.num_rows > limit:
        lines.append(f"<p><small>... {t.num_rows - limit:,} more rows</small></p>")
    return "\n".join(lines)


def _short(value: Any, width: int = 80) -> str:
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
