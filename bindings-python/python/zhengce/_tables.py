"""Tables in and out of the binding: pandas and pyarrow, both optional.

In: a pandas DataFrame, a pyarrow Table or RecordBatch, or a list of dicts becomes a list of
dicts in the JSON shape the core reads (missing values become ``None``; a pandas datetime
column holding whole days becomes ``datetime.date``). Numbers are passed on as they are, so
the core refuses a float where a decimal belongs, as everywhere in the library.

Out: a scorecard (its ``to_value()`` dict) becomes a pandas DataFrame or an HTML table for
notebooks. Decimals become ``decimal.Decimal`` and dates ``datetime.date``: exact values, as
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


def _frame_rows(frame: Any) -> list[dict[str, Any]]:
    import pandas as pd

    frame = frame.copy()
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column) and getattr(column.dt, "tz", None) is None:
            present = column.dropna()
            if (present == present.dt.normalize()).all():
                frame[name] = column.dt.date
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict("records")


def groups_frame(card: dict[str, Any]) -> Any:
    """A scorecard's counts as a DataFrame: a first row ``all``, then one row per group (the CSV's columns)."""
    import pandas as pd

    records = [{"dimension": "all", "key": None, "name_zh": None, "name_en": None, **card["counts"]}]
    for group in card["groups"]:
        name = group.get("name") or {}
        records.append(
            {"dimension": group["dimension"], "key": group.get("key"), "name_zh": name.get("zh"),
             "name_en": name.get("en"), **group["counts"]}
        )
    return pd.DataFrame.from_records(records, columns=GROUP_COLUMNS)


def _cell(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column in _DECIMALS:
        return decimal.Decimal(value)
    if column in _DATES:
        return datetime.date.fromisoformat(value)
    return value


def assessments_frame(card: dict[str, Any]) -> Any:
    """A scorecard's assessments as a DataFrame, one row per target (the assessments CSV's columns)."""
    import pandas as pd

    records = []
    for a in card["assessments"]:
        row = {column: _cell(column, a.get(column)) for column in ASSESSMENT_COLUMNS}
        row["metric_zh"], row["metric_en"] = a["metric"]["zh"], a["metric"]["en"]
        row["derived"] = bool(a.get("derived", False))
        row["qualifier"] = a.get("qualifier", "exact")
        records.append(row)
    return pd.DataFrame.from_records(records, columns=ASSESSMENT_COLUMNS)


def scorecard_html(card: dict[str, Any]) -> str:
    """A scorecard as an HTML table for notebooks: counts per status, coloured, per group."""
    head = "".join(
        f'<th style="color:{_COLOURS[s]}">{s.replace("_", " ")}</th>' for s in STATUSES
    )
    lines = [
        f"<p><b>Scorecard as of {html.escape(card['as_of'])}</b>: {card['counts']['total']} targets</p>",
        "<table><thead><tr><th>dimension</th><th>group</th>" + head + "<th>total</th></tr></thead><tbody>",
    ]

    def row(dimension: str, label: str, title: str, counts: dict[str, int]) -> None:
        cells = "".join(
            f'<td style="text-align:right;color:{_COLOURS[s]}">{counts[s] or ""}</td>' for s in STATUSES
        )
        lines.append(
            f"<tr><td>{html.escape(dimension)}</td><td title=\"{html.escape(title)}\">{html.escape(label)}</td>"
            f"{cells}<td style=\"text-align:right\">{counts['total']}</td></tr>"
        )

    row("all", "", "", card["counts"])
    for group in card["groups"]:
        name = group.get("name") or {}
        label = name.get("zh") or group.get("key") or "(none)"
        title = f"{group.get('key') or ''} {name.get('en') or ''}".strip()
        row(group["dimension"], label, title, group["counts"])
    lines.append("</tbody></table>")
    return "\n".join(lines)
