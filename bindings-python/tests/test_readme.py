"""The Python snippets of the README and of the guides in docs/ run as written.

Each README snippet runs on its own; the snippets of one docs/ page run in order in one
namespace, so a page may build on its earlier snippets.
"""

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The guides whose snippets are tested here (a page joins the list when its snippets run).
GUIDES = [
    "docs/catalogue.md",
    "docs/calendar.md",
    "docs/rules.md",
    "docs/sampling.md",
    "docs/targets.md",
    "docs/errors.md",
    "docs/rust-service.md",
]


def python_blocks(relative: str) -> list[str]:
    text = (ROOT / relative).read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_readme_python_snippets_run() -> None:
    blocks = python_blocks("README.md")
    assert blocks, "the README has no Python snippet"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


@pytest.mark.parametrize("page", GUIDES)
def test_guide_python_snippets_run(page: str) -> None:
    namespace: dict[str, object] = {}
    for block in python_blocks(page):
        exec(compile(block, page, "exec"), namespace)
