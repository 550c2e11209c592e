"""zhengce.testing runs the same cases as ``zhengce test``, with the same results."""

from pathlib import Path

import pytest

import zhengce
import zhengce.testing

ROOT = Path(__file__).resolve().parents[2]


def test_the_example_cases_pass():
    report = zhengce.testing.run(ROOT / "examples" / "cases")
    assert (report.passed, report.failed) == (14, 0), report.summary()


def test_the_conformance_vectors_pass_as_cases():
    report = zhengce.testing.run(ROOT / "tests" / "vectors")
    assert report.failed == 0, report.summary()
    assert report.passed > 500


def test_a_wrong_expectation_fails_naming_the_field():
    # Tianshan item 68: 1 % of 1,000,000 is 10,000.00.
    doc = zhengce.testing.parse_yaml(
        "- name: wrong on purpose\n  rule: tianshan-2022-87/r68-bid-bond\n  date: 2022-06-01\n"
        "  input: {budget: 1000000}\n  output: {amount: 9000.00}\n"
    )
    report = zhengce.testing.run_cases(doc)
    assert report["failed"] == 1
    assert report["cases"][0]["problems"] == ['$.amount: expected "9000.00", got "10000.00"']


def test_yaml_floats_stay_exact_decimals():
    assert zhengce.testing.parse_yaml("a: 10000.00\nb: 0.1\nc: 3\nd: 2022-06-01\n") == {
        "a": "10000.00",
        "b": "0.1",
        "c": 3,
        "d": "2022-06-01",
    }


def test_a_bad_document_raises_an_invalid_input_error():
    with pytest.raises(zhengce.InvalidInputError) as e:
        zhengce.testing.run_cases([{"name": "x", "tolerence": "1"}])
    assert e.value.path == "cases[0].tolerence"
    with pytest.raises(zhengce.InvalidInputError):
        zhengce.testing.parse_yaml("a: [1, 2")


def test_the_schema_describes_cases():
    assert zhengce.testing.schema()["$defs"]["Case"]["additionalProperties"] is False


def test_the_context_given_is_used():
    overlay = {
        "parameters": [
            {
                "id": "procurement.bid_bond.cap_per_lot",
                "name": {"zh": "单个标段投标保证金上限", "en": "Bid-bond cap per lot"},
                "unit": "yuan",
                "values": [
                    {
                        "jurisdiction": "cn-xj-urumqi-tianshan",
                        "effective_from": "2022-05-18",
                        "value": "30000",
                        "source": {"document": "tianshan-2022-87"},
                    }
                ],
            }
        ]
    }
    ctx = zhengce.Context.builtin().layered_catalogue(overlay, replace=True)
    case = {"name": "cap 30,000", "rule": "tianshan-2022-87/r68-bid-bond", "date": "2022-06-01",
            "input": {"budget": "5000000"}, "output": {"amount": "30000.00"}}
    assert zhengce.testing.run_cases(case, ctx)["passed"] == 1
    assert zhengce.testing.run_cases(case)["failed"] == 1
