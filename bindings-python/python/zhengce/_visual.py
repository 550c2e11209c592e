"""Plots and notebook views: scorecards, deadline timelines, evaluations and inspection plans.

matplotlib is optional (``pip install 'zhengce[plot]'``) and imported only when a plot is
drawn. Chinese labels need a CJK font; one is looked for among matplotlib's fonts (Noto Sans
CJK, Source Han, WenQuanYi, ...). Without one the labels are English and a warning says so,
once.
"""

from __future__ import annotations

import datetime
import html
import warnings
from typing import Any

from ._errors import invalid_input, require

STATUSES = ["met", "on_track", "at_risk", "off_track", "missed", "no_data"]
STATUS_COLOURS = {
    "met": "#1a7f37", "on_track": "#2da44e", "at_risk": "#bf8700",
    "off_track": "#cf222e", "missed": "#82071e", "no_data": "#6e7781",
}
DAY_COLOURS = {
    "working_day": "#d0e8d0", "make_up_working_day": "#2da44e", "weekend": "#d8d8d8",
    "statutory_holiday": "#cf222e", "swapped_rest_day": "#f0a0a0",
}
DAY_NAMES = {
    "working_day": ("工作日", "working day"), "make_up_working_day": ("调休上班", "make-up working day"),
    "weekend": ("周末", "weekend"), "statutory_holiday": ("法定节假日", "statutory holiday"),
    "swapped_rest_day": ("调休日", "swapped rest day"),
}
_CJK_NAMES = ("Noto Sans CJK", "Noto Serif CJK", "Noto Sans SC", "Source Han", "WenQuanYi", "SimHei", "SimSun",
              "Microsoft YaHei", "PingFang", "Heiti", "AR PL", "Droid Sans Fallback")
_font: dict[str, Any] = {"checked": False, "name": None, "warned": False}


def _pyplot(what: str) -> Any:
    require("matplotlib", "plot", what)
    import matplotlib.pyplot as plt

    return plt


def cjk_font() -> str | None:
    """The name of a font matplotlib can draw Chinese with, or None (looked up once)."""
    if not _font["checked"]:
        _font["checked"] = True
        from matplotlib import font_manager

        names = sorted({f.name for f in font_manager.fontManager.ttflist})
        _font["name"] = next((n for n in names if any(n.startswith(c) for c in _CJK_NAMES)), None)
    return _font["name"]


def _lang(lang: str | None) -> str:
    """``"zh"`` when asked for (or by default) and a CJK font exists; else ``"en"``, warning once."""
    font = cjk_font()
    if lang == "en":
        return "en"
    if font is not None:
        import matplotlib

        if font not in matplotlib.rcParams["font.sans-serif"]:
            matplotlib.rcParams["font.sans-serif"] = [font, *matplotlib.rcParams["font.sans-serif"]]
        return "zh"
    if lang == "zh" and not _font["warned"] or lang is None and not _font["warned"]:
        _font["warned"] = True
        warnings.warn(
            "zhengce: no CJK font found for matplotlib (install fonts-noto-cjk, e.g. apt-get install "
            "fonts-noto-cjk, then clear matplotlib's font cache); labels are in English",
            stacklevel=3,
        )
    return "en"


def _name(text: Any, lang: str, fallback: str = "") -> str:
    if isinstance(text, dict):
        return str(text.get(lang) or text.get("en") or text.get("zh") or fallback)
    return str(text or fallback)


def plot_scorecard(card: Any, dimension: str | None = None, ax: Any = None, lang: str | None = None) -> Any:
    """Targets per status as stacked horizontal bars: overall, or per group of ``dimension``.

    Returns the matplotlib Axes.
    """
    plt = _pyplot("Scorecard.plot()")
    if ax is not None and not hasattr(ax, "barh"):
        raise invalid_input("ax", ax, "a matplotlib Axes or None")
    lang = _lang(lang)
    value = card.to_json_value()
    groups = value["groups"]
    if dimension is None and groups:
        dimension = groups[0]["dimension"]
    rows = [g for g in groups if g["dimension"] == dimension] if dimension else []
    labels = [_name(g.get("name"), lang, g.get("key") or ("(无)" if lang == "zh" else "(none stated)")) for g in rows]
    counts = [g["counts"] for g in rows]
    labels.insert(0, "全部" if lang == "zh" else "all")
    counts.insert(0, value["counts"])
    labels = [label if len(label) <= 40 else label[:39] + "…" for label in labels]
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.45 * len(labels) + 1.2))
    left = [0] * len(labels)
    names = {"met": "达成", "on_track": "进度正常", "at_risk": "有风险", "off_track": "滞后", "missed": "未达成",
             "no_data": "无数据"}
    for status in STATUSES:
        widths = [c[status] for c in counts]
        legend = names[status] if lang == "zh" else status.replace("_", " ")
        ax.barh(labels, widths, left=left, color=STATUS_COLOURS[status], label=legend)
        left = [a + b for a, b in zip(left, widths)]
    ax.invert_yaxis()
    title = f"目标进展 截至 {value['as_of']}" if lang == "zh" else f"Targets by status as of {value['as_of']}"
    ax.set_title(title)
    ax.set_xlabel("目标数" if lang == "zh" else "targets")
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_deadline(deadline: Any, calendar: Any = None, ax: Any = None, lang: str | None = None) -> Any:
    """A deadline's timeline: every day from the start to the due date, coloured by kind, the
    days skipped named by festival; several deadlines (a list) as one row each.

    ``deadline`` is what ``Context.deadline`` / ``Calendar.deadline`` return (or a time-limit
    evaluation's value); with ``calendar`` the make-up working days are shown too.
    Returns the matplotlib Axes.
    """
    plt = _pyplot("plot_deadline()")
    if ax is not None and not hasattr(ax, "barh"):
        raise invalid_input("ax", ax, "a matplotlib Axes or None")
    lang = _lang(lang)
    items = deadline if isinstance(deadline, list) else [deadline]
    items = [d.get("deadline", d) if isinstance(d, dict) and d.get("kind") == "time_limit" else d for d in items]
    if ax is None:
        longest = max((datetime.date.fromisoformat(d["date"]) - datetime.date.fromisoformat(d["start"])).days
                      for d in items)
        _, ax = plt.subplots(figsize=(max(6.0, 0.32 * (longest + 2)), 1.0 + 0.7 * len(items)))
    seen: set[str] = set()
    for row, d in enumerate(items):
        start = datetime.date.fromisoformat(d["start"])
        due = datetime.date.fromisoformat(d["date"])
        skipped = {s["date"]: s for s in d.get("skipped", [])}
        kinds = {}
        if calendar is not None:
            kinds = {day["date"]: day for day in calendar.days(start, due)}
        day = start
        while day <= due:
            iso = day.isoformat()
            info = skipped.get(iso) or kinds.get(iso) or {"kind": "working_day"}
            kind = info["kind"]
            label = None
            if kind not in seen:
                seen.add(kind)
                label = DAY_NAMES.get(kind, (kind, kind))[0 if lang == "zh" else 1]
            edge = "black" if day in (start, due) else "white"
            ax.barh(row, 1, left=(day - start).days, color=DAY_COLOURS.get(kind, "#ffffff"), edgecolor=edge, label=label)
            if info.get("festival") and info.get("name") and (day == start or (day - datetime.timedelta(days=1)).isoformat()
                                                              not in skipped):
                ax.text((day - start).days + 0.1, row - 0.45, _name(info["name"], lang), fontsize="small", va="bottom")
            day += datetime.timedelta(days=1)
        ax.text((due - start).days + 1.1, row, due.isoformat(), va="center", fontsize="small")
    names = [_name(d.get("name"), lang, d.get("service") or d.get("rule") or "") for d in items]
    ax.set_yticks(range(len(items)), [f"{n}\n{d['start']} +{d['duration']}" for n, d in zip(names, items)])
    ax.invert_yaxis()
    ax.set_xlabel("自起算日起的天数" if lang == "zh" else "days from the start")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25 if len(items) == 1 else -0.1), ncol=5, fontsize="small")
    return ax



def _citation(c: Any) -> str:
    if not isinstance(c, dict):
        return ""
    where = html.escape(c.get("clause") or c.get("document") or "")
    quote = c.get("quote")
    return f"<b>{where}</b>" + (f" 「{html.escape(quote)}」" if quote else "")


def _citations(value: Any, out: list[str]) -> None:
    """Every citation (a dict with ``document`` and ``clause``/``quote``) found in ``value``."""
    if isinstance(value, dict):
        if "document" in value and ("clause" in value or "quote" in value):
            text = _citation(value)
            if text not in out:
                out.append(text)
        for v in value.values():
            _citations(v, out)
    elif isinstance(value, list):
        for v in value:
            _citations(v, out)


def evaluation_html(evaluation: Any) -> str:
    """An evaluation: its value, its explanation text and every clause it cites."""
    v = evaluation.to_json_value()
    value = v["value"]
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td>{html.escape(str(x))}</td></tr>"
        for k, x in value.items() if not isinstance(x, (dict, list))
    )
    parts = [f"<p><b>zhengce evaluation</b> ({html.escape(str(value.get('kind', '')))})</p>", f"<table>{rows}</table>"]
    explanation = v.get("explanation")
    if explanation:
        text = explanation.get("text")
        if text:
            parts.append(f"<p>{html.escape(str(text))}</p>")
        receipt = explanation.get("receipt") or {}
        if receipt:
            parts.append("<p><small>" + html.escape(", ".join(f"{k}: {x}" for k, x in receipt.items()
                                                              if not isinstance(x, (dict, list)))) + "</small></p>")
    cites: list[str] = []
    _citations(v, cites)
    if cites:
        parts.append("<p>Cites:</p><ul>" + "".join(f"<li>{c}</li>" for c in cites) + "</ul>")
    else:
        parts.append("<p><small>(evaluate with explain=True for the explanation and its citations)</small></p>")
    return "\n".join(parts)


def plan_html(plan: Any, limit: int = 15) -> str:
    """An inspection plan: its seed, per-stratum figures and the first visits."""
    v = plan.to_json_value()
    spec = v.get("spec", {})
    head = (f"<p><b>Inspection plan</b> {html.escape(str(spec.get('jurisdiction', '')))} "
            f"{html.escape(str(spec.get('date', '')))}, seed <code>{html.escape(str(spec.get('seed', '')))}</code>: "
            f"{len(v.get('visits', []))} visits in {len(v.get('strata', []))} strata</p>")
    columns = ["key", "population", "flagged", "pool", "ratio", "sample", "selected", "realised_ratio"]
    strata = "".join("<tr>" + "".join(f"<td>{html.escape(str(s.get(c, '')))}</td>" for c in columns) + "</tr>"
                     for s in v.get("strata", []))
    table = f"<table><thead><tr>{''.join(f'<th>{c}</th>' for c in columns)}</tr></thead><tbody>{strata}</tbody></table>"
    visits = v.get("visits", [])
    vcols = [c for c in ("visit", "entity", "credit_class", "reason", "mode", "inspectors") if visits and c in visits[0]]
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(x.get(c, '')))}</td>" for c in vcols) + "</tr>"
                   for x in visits[:limit])
    more = f"<p><small>... {len(visits) - limit} more visits</small></p>" if len(visits) > limit else ""
    vtable = f"<table><thead><tr>{''.join(f'<th>{c}</th>' for c in vcols)}</tr></thead><tbody>{body}</tbody></table>"
    return "\n".join([head, table, vtable, more])




class Progress:
    """Opt-in progress for long batches: a tqdm bar when tqdm is installed, else nothing.

    ``progress=True`` asks for tqdm (a MissingDependencyError if absent); a callable is called
    with ``(rows_done, rows_total)`` after every chunk.
    """

    def __init__(self, progress: Any, total: int) -> None:
        self.callback = None
        self.bar = None
        if callable(progress):
            self.callback = progress
        elif progress:
            tqdm = require("tqdm", "progress", "progress=True")
            self.bar = tqdm.tqdm(total=total, unit="rows", unit_scale=True, desc="zhengce")
        self.done = 0
        self.total = total

    def __call__(self, rows: int) -> None:
        self.done += rows
        if self.bar is not None:
            self.bar.update(rows)
            if self.done >= self.total:
                self.bar.close()
        if self.callback is not None:
            self.callback(self.done, self.total)
