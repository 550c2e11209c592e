"""The Python binding of the catalogue: conversions, exceptions, names.

Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
"""

from __future__ import annotations

import datetime
import decimal
import json

import pytest
import zhengce

CAT = zhengce.Catalogue.builtin()


def test_entries_come_back_in_the_json_shape() -> None:
    clause = CAT.clause("tianshan-2022-87/68")
    assert clause["id"] == "tianshan-2022-87/68"
    assert clause["label"] == "68."
    entry = CAT.get("tianshan-2022-87/68")
    assert entry["type"] == "clause"
    found = CAT.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan", datetime.date(2022, 6, 1))
    assert found["value"] == "0.01"  # decimals stay exact strings
    assert found["effective_from"] == "2022-05-18"


@pytest.mark.parametrize(
    ("date", "ok"),
    [
        (datetime.date(2022, 6, 1), True),
        ("2022-06-01", True),
        ("2022-6-1", False),
        (datetime.datetime(2022, 6, 1, 12, 0), False),
        (20220601, False),
    ],
)
def test_date_arguments(date: object, ok: bool) -> None:
    call = lambda: CAT.parameter_value("procurement.bid_bond.rate", "cn", date)  # noqa: E731
    if ok:
        assert call()["value"] == "0.02"
    else:
        with pytest.raises(zhengce.InvalidInputError) as raised:
            call()
        assert raised.value.code == "invalid_input"
        assert raised.value.path == "date"


def test_dicts_with_decimal_and_date_load_as_catalogues() -> None:
    cat = zhengce.Catalogue.from_json_value(
        {
            "jurisdictions": [{"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"}],
            "documents": [
                {"id": "d", "title": {"zh": "文", "en": "Doc"}, "kind": "notice", "jurisdiction": "cn",
                 "issuer": {"zh": "国务院", "en": "State Council"}, "issued": datetime.date(2020, 1, 2)}
            ],
            "parameters": [
                {"id": "p", "name": {"zh": "参数", "en": "Param"}, "unit": "ratio",
                 "values": [{"jurisdiction": "cn", "effective_from": datetime.date(2020, 1, 1),
                             "value": decimal.Decimal("0.015"), "source": {"document": "d"}}]}
            ],
        }
    )
    assert cat.document("d")["issued"] == "2020-01-02"
    assert cat.parameter_value("p", "cn", "2021-01-01")["value"] == "0.015"


def test_a_float_where_a_decimal_belongs_is_refused_by_the_core() -> None:
    param = {"id": "p", "name": {"zh": "参数", "en": "Param"}, "unit": "ratio",
             "values": [{"jurisdiction": "cn", "effective_from": "2020-01-01", "value": 0.1, "source": {"document": "d"}}]}
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        zhengce.Catalogue.from_json_value({"parameters": [param]})
    assert raised.value.errors()[0]["code"] == "invalid_decimal"
    assert raised.value.errors()[0]["path"] == "$.parameters[0].values[0].value"


def test_objects_that_are_not_json_are_refused() -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.Catalogue.from_json_value({"units": [object()]})
    assert raised.value.path == "catalogue.units[0]"


def test_invalid_catalogue_lists_every_problem() -> None:
    bad = {
        "jurisdictions": [
            {"id": "cn", "name": {"zh": "中国", "en": ""}, "level": "country"},
            {"id": "x", "name": {"zh": "某", "en": "X"}, "level": "planet", "parent": "cn"},
        ]
    }
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        zhengce.Catalogue.from_json_value(bad)
    err = raised.value
    assert isinstance(err, zhengce.ZhengceError) and isinstance(err, ValueError)
    assert err.code == "invalid_catalogue"
    assert [(p["code"], p["path"]) for p in err.errors()] == [
        ("unknown_variant", "$.jurisdictions[1].level"),
        ("empty_name", "$.jurisdictions[0].name.en"),
    ]
    assert "2 problems in catalogue" in str(err)


def test_not_found_is_a_lookup_error() -> None:
    with pytest.raises(LookupError) as raised:
        CAT.measure("nope")
    assert isinstance(raised.value, zhengce.NotFoundError)
    assert raised.value.details == {"code": "not_found", "kind": "measure", "id": "nope"}
    assert raised.value.errors() == []


def test_unknown_filter_keyword_is_refused() -> None:
    with pytest.raises(zhengce.InvalidInputError) as raised:
        CAT.measures(documnet="tianshan-2022-87")
    assert raised.value.path == "filter.documnet"


def test_layered_accepts_text_and_dicts_and_keeps_the_base() -> None:
    overlay = {"jurisdictions": [{"id": "cn-zj", "name": {"zh": "浙江省", "en": "Zhejiang"}, "level": "province", "parent": "cn"}]}
    layered = CAT.layered(overlay)
    assert layered.jurisdiction("cn-zj")["name"]["en"] == "Zhejiang"
    assert CAT.layered(json.dumps(overlay)).to_json() == layered.to_json()
    with pytest.raises(zhengce.NotFoundError):
        CAT.jurisdiction("cn-zj")
    with pytest.raises(zhengce.InvalidCatalogueError) as raised:
        CAT.layered({"units": [{"id": "u"}]})
    assert raised.value.errors()[0]["path"].startswith("overlay:$.units[0]")


def test_round_trip_and_hash() -> None:
    again = zhengce.Catalogue.from_json(CAT.to_json())
    assert again.content_hash() == CAT.content_hash()
    assert CAT.content_hash().startswith("sha256:")
    assert zhengce.Catalogue.schema()["title"] == "CatalogueData"
    assert zhengce.Catalogue.builtin_size() > 100_000
    assert "documents" in repr(CAT)


def test_public_names_match_the_stubs_and_have_docstrings() -> None:
    import ast
    import pathlib

    stub = pathlib.Path(zhengce.__file__).with_name("_zhengce.pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    declared = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))
                and not node.name.startswith("_")}
    python_only = {"cjk_font", "plot_deadline"}  # written in Python (zhengce/_visual.py), not the compiled module
    exported = {name for name in zhengce.__all__ if not name.endswith("Error") and not name.startswith("__")}
    assert exported - python_only == declared
    for name in zhengce.__all__:
        if not name.startswith("__"):
            assert getattr(zhengce, name).__doc__, f"{name} has no docstring"


def test_every_inventory_item_is_reachable_from_python() -> None:
    import pathlib

    coverage = pathlib.Path(__file__).resolve().parents[2] / "tests" / "coverage"
    ids = [req["id"] for f in sorted(coverage.glob("*.json")) for req in json.loads(f.read_text(encoding="utf-8"))["required"]]
    assert len(ids) >= 799
    for id_ in ids:
        assert CAT.get(id_)["id"] == id_
