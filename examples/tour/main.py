"""A walk through zhengce from Python: ``python examples/tour/main.py``.

One section per capability, each in its own file of this directory (as in the Rust tour).
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import zhengce  # noqa: E402

import catalogue  # noqa: E402

# --- calendar ---
import calendar_tour  # noqa: E402
# --- rules ---
import rules  # noqa: E402
# --- sampling ---
import sampling  # noqa: E402
# --- targets ---
import targets  # noqa: E402

# --- communities ---
import communities  # noqa: E402
# --- draft ---
import draft_tour  # noqa: E402


def main() -> None:
    cat = zhengce.Catalogue.builtin()
    print(f"zhengce {zhengce.__version__} — a tour of the built-in catalogue from Python")
    catalogue.tour(cat)
    # --- calendar ---
    calendar_tour.tour(cat)
    # --- rules ---
    rules.tour(cat)
    # --- sampling ---
    sampling.tour(cat)
    # --- targets ---
    targets.tour(cat)
    # --- communities ---
    communities.tour(cat)
    # --- draft ---
    draft_tour.tour(cat)


if __name__ == "__main__":
    main()
