"""The README's Python snippets run as written."""

import pathlib
import re


def test_readme_python_snippets_run() -> None:
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "the README has no Python snippet"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
