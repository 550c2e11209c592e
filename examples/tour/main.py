"""A walk through zhengce from Python: ``python examples/tour/main.py``.

One section per capability, each in its own file of this directory (as in the Rust tour).
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import zhengce  # noqa: E402

import catalogue  # noqa: E402

import calendar_tour  # noqa: E402
import rules  # noqa: E402
import sampling  # noqa: E402
import communities  # noqa: E402
import targets  # noqa: E402


def main() -> None:
    # One context (catalogue, calendars, scenario) reaches every computation.
    ctx = zhengce.Context.builtin()
    print(f"zhengce {zhengce.__version__} — a tour of the built-in catalogue from Python")
    catalogue.tour(ctx.catalogue())
    calendar_tour.tour(ctx)
    rules.tour(ctx)
    sampling.tour(ctx)
    targets.tour(ctx)
    communities.tour(ctx)

if __name__ == "__main__":
    main()
