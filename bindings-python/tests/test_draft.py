"""The draft binding: conversions, errors and types (the logic is tested in Rust)."""

import json

import pytest

import zhengce

TEXT = "一、目标\n到2025年,新增學位５００個以上。\n二、服务\n企业开办2个工作日内办结。(责任单位:区市场监管局)"
META = {"id": "demo-draft", "jurisdiction": "cn-xj-urumqi-tianshan", "issued": "2024-03-01"}


def test_draft_returns_an_object_with_the_json_shape():
    d = zhengce.draft(TEXT, META)
    assert isinstance(d, zhengce.Draft)
    assert json.loads(d.to_json()) == d.to_json_value()
    target = d.items[0]
    assert (target["kind"], target["value"], target["unit"], target["comparator"]) == ("target", "500", "places", "at_least")
    # Spans count characters, so they index a Python str.
    assert TEXT[target["span"]["start"]:target["span"]["end"]] == target["text"] == "５００個以上"
    assert d.stats["time_limits"] == 1
    assert d.layer["units"][0]["name"]["zh"] == "区市场监管局"
    assert "demo-draft/g2" in [c["id"] for c in d.clauses]


def test_the_layer_layers_over_the_builtin_catalogue():
    d = zhengce.draft(TEXT, META)
    cat = zhengce.Catalogue.builtin().layered(d.layer_json())
    assert cat.clause("demo-draft/g1")["title"]["zh"] == "目标"


def test_errors_are_typed_and_the_module_stays_usable():
    with pytest.raises(zhengce.InvalidInputError) as e:
        zhengce.draft("   ", META)
    assert e.value.path == "text"
    with pytest.raises(zhengce.InvalidInputError):
        zhengce.draft(TEXT, {"id": "demo-draft"})
    with pytest.raises(zhengce.InvalidInputError):
        zhengce.draft(TEXT, META, max_lines=3)
    assert zhengce.draft(TEXT, META, max_items=1).stats["truncated"]
