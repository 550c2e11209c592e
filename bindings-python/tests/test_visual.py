"""Plots and notebook views: Scorecard.plot, plot_deadline, _repr_html_, progress, CJK fonts."""

from __future__ import annotations

import datetime
import warnings

import numpy as np
import pytest
import zhengce
from zhengce import _visual

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context(CAT)
TIANSHAN = "cn-xj-urumqi-tianshan"


def test_a_scorecard_plot_stacks_every_target() -> None:
    monitor = zhengce.Monitor(CTX)
    card = monitor.scorecard("2022-12-31", by=["document"])
    ax = card.plot(lang="en")
    total = card.to_json_value()["counts"]["total"]
    # The first row is "all": its bars add up to every target assessed.
    widths = [p.get_width() for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - 0) < 1e-9]
    assert sum(widths) == total
    assert "as of 2022-12-31" in ax.get_title()
    plt.close("all")


def test_a_deadline_timeline_shows_the_days_skipped() -> None:
    # Filed Friday 30 September 2022: 1-7 October are National Day (3 statutory days, 4 swapped
    # rest days), Saturday 8 and Sunday 9 October are worked; 2 working days end on the 9th.
    d = CTX.deadline("business-opening", datetime.date(2022, 9, 30), TIANSHAN)
    cal = zhengce.Calendar.builtin(TIANSHAN)
    ax = zhengce.plot_deadline(d, calendar=cal, lang="en")
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert len(colours) == 10  # 30 September .. 9 October
    assert colours.count(_visual.DAY_COLOURS["statutory_holiday"]) == 3
    assert colours.count(_visual.DAY_COLOURS["swapped_rest_day"]) == 4
    assert colours.count(_visual.DAY_COLOURS["make_up_working_day"]) == 2
    assert "National Day" in [t.get_text() for t in ax.texts]
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"statutory holiday", "swapped rest day", "make-up working day"} <= labels
    plt.close("all")


def test_without_a_cjk_font_labels_are_english_and_it_is_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(_visual._font, "checked", True)
    monkeypatch.setitem(_visual._font, "name", None)
    monkeypatch.setitem(_visual._font, "warned", False)
    card = zhengce.Monitor(CTX).scorecard("2022-12-31")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = card.plot(lang="zh")
        card.plot(lang="zh")
    assert len([w for w in caught if "CJK" in str(w.message)]) == 1
    assert ax.get_title().startswith("Targets by status")
    plt.close("all")


def test_with_a_cjk_font_labels_are_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(_visual._font, "checked", True)
    monkeypatch.setitem(_visual._font, "name", "DejaVu Sans")  # any installed font stands in
    ax = zhengce.Monitor(CTX).scorecard("2022-12-31").plot()
    assert ax.get_title().startswith("目标进展")
    plt.close("all")


def test_html_views_cite_their_clauses() -> None:
    bond = CTX.evaluator("tianshan-2022-87/r68-bid-bond")
    page = bond.evaluate({"budget": 5_000_000}, "2022-06-01", explain=True)._repr_html_()
    assert "tianshan-2022-87/68" in page and "20000.00" in page
    register = [{"id": f"e{i}", "credit_class": "abcd"[i % 4]} for i in range(40)]
    plan = zhengce.InspectionPlan.draw(CTX, register, [{"id": "i0", "department": "amr"}, {"id": "i1", "department": "amr"}],
                                       {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "html",
                                        "checks": [{"department": "amr", "items": ["licence"]}]})
    assert "<code>html</code>" in plan._repr_html_()
    batch = bond.evaluate_batch({"budget": np.array([100_000_000])}, "2022-06-01")
    assert "decimal128(19, 2)" in batch._repr_html_()


def test_progress_is_opt_in_and_counts_every_row() -> None:
    bond = CTX.evaluator("tianshan-2022-87/r68-bid-bond")
    seen: list[tuple[int, int]] = []
    n = 300_000  # more than two chunks of 131,072 rows
    bond.evaluate_batch({"budget": np.full(n, 100_000_000)}, "2022-06-01", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (n, n) and len(seen) == 3
    pytest.importorskip("tqdm")
    bond.evaluate_batch({"budget": np.full(10, 1)}, "2022-06-01", progress=True)
