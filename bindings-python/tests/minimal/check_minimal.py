"""Run in a plain venv holding only numpy and the zhengce wheel (scripts/test.sh makes one).

Every call either works or raises a ZhengceError saying what to install; nothing raises
ModuleNotFoundError or pyo3's PanicException. Exits non-zero on the first failure.
"""

from __future__ import annotations

import datetime
import importlib.util
import pickle
import sys

import numpy as np
import zhengce

OPTIONAL = ["pandas", "pyarrow", "polars", "matplotlib", "dask", "tqdm"]
present = [m for m in OPTIONAL if importlib.util.find_spec(m) is not None]
assert not present, f"this check needs a venv without {present}"

failures: list[str] = []
checked = 0


def works(label: str, fn) -> object:  # noqa: ANN001
    global checked
    checked += 1
    try:
        return fn()
    except BaseException as e:  # noqa: BLE001 - anything escaping is the failure reported
        failures.append(f"{label}: raised {type(e).__module__}.{type(e).__name__}: {e}")
        return None


def needs(label: str, fn, extra: str) -> None:  # noqa: ANN001
    global checked
    checked += 1
    try:
        fn()
    except zhengce.MissingDependencyError as e:
        if f"zhengce[{extra}]" not in str(e):
            failures.append(f"{label}: the message does not name zhengce[{extra}]: {e}")
    except BaseException as e:  # noqa: BLE001
        failures.append(f"{label}: raised {type(e).__module__}.{type(e).__name__} instead of MissingDependencyError: {e}")
    else:
        failures.append(f"{label}: worked without its optional package")


def sweep(label: str, obj: object) -> None:
    """Every public method callable without arguments: works or raises a ZhengceError."""
    global checked
    for name in dir(obj):
        if name.startswith("_") and name != "_repr_html_":
            continue
        attr = getattr(obj, name)
        if not callable(attr) or isinstance(attr, type):
            continue
        checked += 1
        try:
            attr()
        except (zhengce.ZhengceError, TypeError):
            pass  # a ZhengceError, or missing arguments (TypeError from the signature)
        except BaseException as e:  # noqa: BLE001
            failures.append(f"{label}.{name}(): raised {type(e).__module__}.{type(e).__name__}: {e}")


cat = works("Catalogue.builtin", zhengce.Catalogue.builtin)
june = datetime.date(2022, 6, 1)
works("Catalogue.clause", lambda: cat.clause("tianshan-2022-87/68"))
targets = works("Catalogue.table", lambda: cat.table("targets"))
needs("Table.to_arrow", lambda: targets.to_arrow(), "arrow")
needs("Table.to_pandas", lambda: targets.to_pandas(), "pandas")
needs("Table.to_polars", lambda: targets.to_polars(), "polars")
works("Table._repr_html_", lambda: targets._repr_html_())
works("Table.__arrow_c_stream__", lambda: targets.__arrow_c_stream__())

ctx = works("Context", lambda: zhengce.Context(cat))
bond = works("Evaluator", lambda: ctx.evaluator("tianshan-2022-87/r68-bid-bond"))
one = works("Evaluator.evaluate", lambda: bond.evaluate({"budget": 1_000_000}, june, explain=True))
assert one.amount == "10000.00", one.amount
works("Evaluation._repr_html_", lambda: one._repr_html_())
batch = works("Evaluator.evaluate_batch (numpy)",
              lambda: bond.evaluate_batch({"budget": np.array([100_000_000, 500_000_000])}, june))
assert batch.strings("amount") == ["10000.00", "20000.00"], batch.strings("amount")
works("evaluate_batch (dates as datetime64)",
      lambda: bond.evaluate_batch({"budget": np.array([1, 2])}, np.array(["2022-06-01"] * 2, dtype="datetime64[D]")))
needs("BatchResult.to_arrow", lambda: batch.to_arrow(), "arrow")
needs("BatchResult.to_pandas", lambda: batch.to_pandas(), "pandas")
needs("BatchResult.to_polars", lambda: batch.to_polars(), "polars")
works("BatchResult._repr_html_", lambda: batch._repr_html_())
needs("evaluate_batch(progress=True)", lambda: bond.evaluate_batch({"budget": np.array([1])}, june, progress=True),
      "progress")
seen: list[tuple[int, int]] = []
works("evaluate_batch(progress=callable)",
      lambda: bond.evaluate_batch({"budget": np.array([1, 2])}, june, progress=lambda d, t: seen.append((d, t))))
assert seen == [(2, 2)], seen

cal = works("Calendar.builtin", lambda: zhengce.Calendar.builtin("cn-xj-urumqi-tianshan"))
days = np.array(["2022-09-30", "2022-10-03", "2022-10-08"], dtype="datetime64[D]")
assert works("Calendar.is_working_day_batch", lambda: cal.is_working_day_batch(days)).tolist() == [True, False, True]
works("Calendar.is_working_day_batch (list)", lambda: cal.is_working_day_batch([datetime.date(2022, 10, 8)]))
deadline = works("deadline", lambda: ctx.deadline("business-opening", datetime.date(2022, 9, 30),
                                                "cn-xj-urumqi-tianshan"))
needs("plot_deadline", lambda: zhengce.plot_deadline(deadline), "plot")

spec = {"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "minimal"}
draw = works("StratifiedDraw.draw", lambda: zhengce.StratifiedDraw.draw(ctx, spec, np.array([1, 2, 3, 4] * 50, np.uint8)))
works("StratifiedDraw.draw (int64)", lambda: zhengce.StratifiedDraw.draw(ctx, spec, np.array([1, 2] * 50)))
register = [{"id": f"e{i}", "credit_class": "abcd"[i % 4]} for i in range(40)]
directory = [{"id": f"i{i}", "department": "amr"} for i in range(4)]
plan = works("InspectionPlan.draw", lambda: zhengce.InspectionPlan.draw(
    ctx, register, directory, {**spec, "checks": [{"department": "amr", "items": ["licence"]}]}))
works("InspectionPlan._repr_html_", lambda: plan._repr_html_())

monitor = works("Monitor", lambda: zhengce.Monitor(ctx))
works("Monitor.add_observations (dicts)", lambda: monitor.add_observations(
    [{"target": "tianshan-2022-87/t28", "date": "2022-09-30", "value": 75, "unit": "%", "source": "s"}]))
card = works("Monitor.scorecard", lambda: monitor.scorecard("2022-12-31", by=["document"]))
needs("Scorecard.to_pandas", lambda: card.to_pandas(), "pandas")
needs("Scorecard.assessments_to_pandas", lambda: card.assessments_to_pandas(), "pandas")
needs("Scorecard.plot", lambda: card.plot(), "plot")
works("Scorecard._repr_html_", lambda: card._repr_html_())


def dask_evaluate() -> None:
    import zhengce.dask

    zhengce.dask.evaluate(bond, None, date=june)


needs("zhengce.dask.evaluate", dask_evaluate, "dask")

for obj in (cat, bond, plan, card, monitor, cal, zhengce.Calendars.builtin(), ctx):
    works(f"pickle {type(obj).__name__}", lambda obj=obj: pickle.loads(pickle.dumps(obj)))

for label, obj in [("Catalogue", cat), ("Context", ctx), ("Evaluator", bond), ("Evaluation", one), ("BatchResult", batch),
                   ("Calendar", cal), ("StratifiedDraw", draw), ("InspectionPlan", plan), ("Monitor", monitor),
                   ("Scorecard", card), ("Table", targets), ("Calendars", zhengce.Calendars.builtin())]:
    sweep(label, obj)

try:
    zhengce._zhengce._panic_for_test("minimal")
except zhengce.InternalError:
    pass
except BaseException as e:  # noqa: BLE001
    failures.append(f"a panic raised {type(e).__name__}, not InternalError")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"minimal venv (numpy only): {checked} calls, each worked or named the extra to install")
