"""Every argument of every public function and method, given the wrong type or a lone
surrogate, raises a ZhengceError subclass (never PyO3's TypeError or UnicodeEncodeError),
and the module answers correctly afterwards (issue 13).

The callables are found by introspection of ``zhengce._zhengce``, so a new class or method is
covered without editing this file; a class with no instance factory below fails the test.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable, Iterator

import pytest
import zhengce
from zhengce import _zhengce

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context()
CN = zhengce.Calendar.builtin("cn")
JUNE = datetime.date(2022, 6, 1)
BOND = CTX.evaluator("tianshan-2022-87/r68-bid-bond")
TIANSHAN = "cn-xj-urumqi-tianshan"
REGISTER = [{"id": f"e{i}", "credit_class": "abcd"[i % 4]} for i in range(40)]
DIRECTORY = [{"id": f"i{i}", "department": "amr"} for i in range(4)]
SPEC = {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "arguments",
        "checks": [{"department": "amr", "items": ["licence"]}]}

# One instance of each class, made through the public API.
INSTANCES: dict[str, Callable[[], object]] = {
    "Catalogue": lambda: CAT,
    "Context": lambda: CTX,
    "Calendars": zhengce.Calendars.builtin,
    "Calendar": lambda: CN,
    "Evaluator": lambda: BOND,
    "DatedEvaluator": lambda: BOND.at(JUNE),
    "Evaluation": lambda: BOND.evaluate({"budget": "1000000"}, JUNE),
    "BatchResult": lambda: BOND.evaluate_batch({"budget": ["1000000"]}, JUNE),
    "Comparison": lambda: CTX.compare(CTX, "tianshan-2022-87/r68-bid-bond", {"budget": ["1000000"]}, JUNE),
    "InspectionPlan": lambda: zhengce.InspectionPlan.draw(CTX, REGISTER, DIRECTORY, SPEC),
    "StratifiedDraw": lambda: zhengce.StratifiedDraw.draw(
        CTX, {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "arguments"}, [1, 2, 3, 4] * 10),
    "Monitor": lambda: zhengce.Monitor(CTX),
    "Scorecard": lambda: zhengce.Monitor(CTX).scorecard("2022-10-15"),
    "Communities": lambda: zhengce.Communities(CTX),
    "Table": lambda: CAT.table("targets"),
    "Draft": lambda: zhengce.draft("一、目标\n到2025年,新增学位500个以上。",
                                   {"id": "demo-draft", "jurisdiction": TIANSHAN, "issued": "2024-03-01"}),
}

# A good value for each parameter name, so that each call reaches the one bad argument (a
# parameter not listed here gets the bad value too).
PLAUSIBLE: dict[str, object] = {
    "alternative": CTX, "ancestor": "cn", "as_of": "2022-10-15", "calendars": zhengce.Calendars.builtin(),
    "catalogue": CAT, "classes": [1, 2, 3, 4] * 10, "columns": {"budget": ["1000000"]}, "context": CTX,
    "date": JUNE, "days": [JUNE], "directory": DIRECTORY, "duration": 5, "end": JUNE, "id": "cn",
    "jurisdiction": TIANSHAN, "key": "procurement.bid_bond.rate", "kind": "targets", "lang": "en",
    "meta": {"id": "demo-draft", "jurisdiction": TIANSHAN, "issued": "2024-03-01"}, "n": 1, "name": "amount",
    "overlay": {}, "query": "bond", "raw_text": False, "register": REGISTER, "rule": "tianshan-2022-87/r68-bid-bond",
    "service": "business-opening", "spec": SPEC, "start": JUNE, "text": "{}", "unit": "working_days",
    "value": {}, "values": {"budget": "1000000"}, "year": 2024,
}

BAD = {"an int": 12345, "a lone surrogate": "\ud800"}
SURROGATE = "expected well-formed Unicode text, got text with a lone surrogate"


def still_usable() -> None:
    """Spring Festival 2024: 9 Feb + 1 working day = 18 Feb; the catalogue still answers."""
    assert CN.add_working_days(datetime.date(2024, 2, 9), 1) == datetime.date(2024, 2, 18)
    assert CAT.get("cn")["type"] == "jurisdiction"


def callables() -> Iterator[tuple[str, Callable[..., object], inspect.Signature]]:
    """(name, bound callable, signature) for every public function and method of the module."""
    for name, obj in sorted(vars(_zhengce).items()):
        if name.startswith("__"):
            continue
        if isinstance(obj, type):
            if obj.__name__ not in INSTANCES:
                continue  # checked by test_every_class_has_an_instance
            for method in sorted(vars(obj)):
                if method.startswith("__") and method not in ("__getitem__",):
                    continue
                if method.startswith("_repr") or method.startswith("_ipython"):
                    continue
                attr = inspect.getattr_static(obj, method)
                if inspect.isdatadescriptor(attr):
                    continue  # a getter: no arguments
                if isinstance(attr, (staticmethod, classmethod)) or not callable(attr):
                    bound = getattr(obj, method)
                else:
                    bound = getattr(INSTANCES[obj.__name__](), method)
                yield f"{name}.{method}", bound, signature(bound)
            yield f"{name}()", obj, signature(obj)
        elif callable(obj):
            yield name, obj, signature(obj)


def signature(f: Callable[..., object]) -> inspect.Signature:
    try:
        return inspect.signature(f)
    except (TypeError, ValueError):  # no text signature: no named parameters to test
        return inspect.Signature()


def named(sig: inspect.Signature) -> list[inspect.Parameter]:
    return [p for p in sig.parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name not in ("self", "py")]


CASES = [(f"{name}({p.name}={label})", f, sig, p.name, bad)
         for name, f, sig in callables() for p in named(sig) for label, bad in BAD.items()]


def test_every_class_has_an_instance() -> None:
    classes = {o.__name__ for o in vars(_zhengce).values() if isinstance(o, type)}
    assert classes <= set(INSTANCES), f"add an instance factory for {classes - set(INSTANCES)}"
    assert len(CASES) > 150  # the enumeration found the API


def call_with(f: Callable[..., object], sig: inspect.Signature, target: str, bad: object) -> None:
    """Calls f with `target` = bad and every other required argument a plausible value."""
    args, kwargs = [], {}
    for p in named(sig):
        if p.name != target and p.default is not p.empty:
            continue
        value = bad if p.name == target else PLAUSIBLE.get(p.name, bad)
        if p.kind is p.KEYWORD_ONLY or p.default is not p.empty:
            kwargs[p.name] = value
        else:
            args.append(value)
    f(*args, **kwargs)


@pytest.mark.parametrize(("case", "f", "sig", "param", "bad"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_argument_is_a_zhengce_error(case: str, f: Callable[..., object], sig: inspect.Signature,
                                           param: str, bad: object) -> None:
    with pytest.raises(zhengce.ZhengceError) as raised:
        call_with(f, sig, param, bad)
    err = raised.value
    # A typed answer, not a caught panic (12345 is a valid count, so a count can be out of coverage).
    assert err.code != "internal", (case, err)
    if err.path == param and err.details.get("expected") == "a str" and bad == 12345:
        # The same argument with a lone surrogate gives the error JavaScript gives.
        with pytest.raises(zhengce.InvalidInputError, match=SURROGATE):
            call_with(f, sig, param, "\ud800")
    still_usable()


def test_str_arguments_name_the_field() -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CAT.get(5)
    assert (raised.value.path, raised.value.details["expected"]) == ("id", "a str")
    with pytest.raises(zhengce.InvalidInputError, match=SURROGATE) as raised:
        CAT.get("\ud800")
    assert raised.value.path == "id"
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.Context(catalogue=5)
    assert (raised.value.path, raised.value.details["expected"]) == ("catalogue", "a zhengce.Catalogue")
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.Calendars.statutory_days(2**40)
    assert raised.value.path == "year"
    still_usable()


def test_the_python_plot_helpers_check_ax() -> None:
    pytest.importorskip("matplotlib")
    deadline = CTX.deadline("business-opening", "2023-06-27", TIANSHAN)
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.plot_deadline(deadline, ax=5)
    assert raised.value.path == "ax"
    still_usable()
