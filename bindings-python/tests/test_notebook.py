"""The example notebook (examples/notebook/zhengce.ipynb) runs top to bottom and its outputs hold
the values worked by hand (the bid bond of 1,000,000 yuan in Tianshan in June 2022 is 10,000.00)."""

from __future__ import annotations

import os
import pathlib

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel")
pytest.importorskip("dask.distributed")

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "examples" / "notebook" / "zhengce.ipynb"


def text_of(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append(out["text"])
        data = out.get("data", {})
        parts.append(data.get("text/plain", ""))
        parts.append(data.get("text/html", ""))
    return "\n".join(parts)


def test_the_notebook_runs_and_shows_the_hand_worked_values(tmp_path: pathlib.Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend puts the figures in the outputs
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    by_tag = {tag: cell for cell in nb.cells for tag in cell.get("metadata", {}).get("tags", [])}
    assert "CHECKS OK" in text_of(by_tag["checks"])
    bonds = text_of(by_tag["bid-bonds"])
    assert "10000.00" in bonds and "20000.00" in bonds and "50000.00" in bonds
    assert "2022-10-09" in text_of(by_tag["deadlines"])
    assert "True" in text_of(by_tag["verified"]) and "True" in text_of(by_tag["dask"])
    assert "'changed'" in text_of(by_tag["comparison"])
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the deadline timeline and the scorecard plot
