"""The Python binding of targets and communities: tables in, DataFrames out, exceptions, names.

Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
"""

from __future__ import annotations

import datetime
import decimal

import pandas as pd
import pyarrow as pa
import pytest
import zhengce

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context(CAT)
T28 = "tianshan-2022-87/t28"


def rows(values: list[tuple[str, str]]) -> list[dict[str, object]]:
    return [{"target": T28, "date": d, "value": v, "unit": "%", "source": "synthetic"} for d, v in values]


def test_observations_from_a_list_of_dicts_with_dates_and_decimals() -> None:
    monitor = zhengce.Monitor(CTX)
    added = monitor.add_observations(
        [{"target": T28, "date": datetime.date(2022, 3, 31), "value": decimal.Decimal("60"), "unit": "%", "source": "s"},
         {"target": T28, "date": "2022-09-30", "value": 75, "unit": "%", "source": "s"}]
    )
    assert added == 2
    assert len(monitor) == 7  # the catalogue's five observations of targets and these two
    a = monitor.assess(T28, datetime.date(2022, 10, 15))
    assert (a["status"], a["progress"], a["as_of"]) == ("at_risk", "0.6", "2022-10-15")


def test_observations_from_a_pandas_frame() -> None:
    frame = pd.DataFrame(
        {
            "target": [T28, T28],
            "date": pd.to_datetime(["2022-03-31", "2022-09-30"]),  # whole days become dates
            "value": ["60", "80"],
            "unit": ["%", "%"],
            "source": ["synthetic", "synthetic"],
            "qualifier": [None, "about"],  # missing values become None
        }
    )
    monitor = zhengce.Monitor(CTX)
    assert monitor.add_observations(frame) == 2
    held = monitor.observations(T28)
    assert [o["as_of"] for o in held] == ["2022-03-31", "2022-09-30"]
    assert held[1]["qualifier"] == "about"


def test_a_frame_with_as_of_and_published_columns() -> None:
    # A year-end figure published in January counts for the year-end deadline (issue 17).
    frame = pd.DataFrame(
        {
            "target": [T28],
            "as_of": [datetime.date(2022, 12, 31)],
            "published": [datetime.date(2023, 1, 5)],
            "value": ["84"],
            "unit": ["%"],
            "source": ["district statistics"],
        }
    )
    monitor = zhengce.Monitor(CTX)
    assert monitor.add_observations(frame) == 1
    assert monitor.observations(T28)[0]["published"] == "2023-01-05"
    assert monitor.assess(T28, datetime.date(2023, 1, 4))["status"] == "no_data"
    assert monitor.assess(T28, datetime.date(2023, 1, 10))["status"] == "missed"


def test_a_float_column_is_refused_naming_the_row() -> None:
    frame = pd.DataFrame({"target": [T28], "date": ["2022-06-30"], "value": [80.5], "unit": ["%"], "source": ["s"]})
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.Monitor(CTX).add_observations(frame)
    assert raised.value.path == "observations[0].value"
    assert raised.value.details["row"] == 0


def test_a_datetime_with_a_time_of_day_is_refused() -> None:
    frame = pd.DataFrame({"target": [T28], "date": pd.to_datetime(["2022-06-30 12:00"]), "value": ["80"], "unit": ["%"], "source": ["s"]})
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.Monitor(CTX).add_observations(frame)
    assert raised.value.path == "observations[0].date"


def test_observations_from_a_pyarrow_table() -> None:
    table = pa.table(
        {
            "target": [T28],
            "date": pa.array([datetime.date(2022, 12, 31)], pa.date32()),
            "value": pa.array([decimal.Decimal("86.5")], pa.decimal128(5, 1)),
            "unit": ["%"],
            "source": ["synthetic"],
        }
    )
    monitor = zhengce.Monitor(CTX)
    assert monitor.add_observations(table) == 1
    assert monitor.assess(T28, "2023-01-01")["status"] == "met"


def test_a_unit_mismatch_is_a_unit_mismatch_error() -> None:
    with pytest.raises(zhengce.UnitMismatchError) as raised:
        zhengce.Monitor(CTX).add_observation({"target": T28, "date": "2022-06-30", "value": "0.8", "unit": "ratio", "source": "s"})
    assert raised.value.path == "observation.unit"
    assert isinstance(raised.value, ValueError)


def test_threshold_options_are_keywords_and_floats_are_refused() -> None:
    monitor = zhengce.Monitor(CTX)
    monitor.add_observations(rows([("2022-03-31", "60"), ("2022-09-30", "75")]))
    assert monitor.assess(T28, "2022-10-15", at_risk_lag=decimal.Decimal("0.05"))["status"] == "off_track"
    assert monitor.assess(T28, "2022-10-15", at_risk_lag="0.05")["status"] == "off_track"
    with pytest.raises(zhengce.InvalidInputError) as raised:
        monitor.assess(T28, "2022-10-15", at_risk_lag=0.05)
    assert raised.value.path == "options.at_risk_lag"
    with pytest.raises(zhengce.InvalidInputError) as raised:
        monitor.scorecard("2022-10-15", bye=["group"])
    assert raised.value.path == "options.bye"


def test_a_scorecard_as_dataframe_csv_json_and_html() -> None:
    monitor = zhengce.Monitor(CTX)
    monitor.add_observations(rows([("2022-03-31", "60"), ("2022-12-31", "86.5")]))
    card = monitor.scorecard(datetime.date(2022, 12, 31), by=["group"], document="tianshan-2022-87")
    frame = card.to_pandas()
    assert list(frame.columns) == ["dimension", "key", "name_zh", "name_en", "met", "on_track", "at_risk",
                                   "off_track", "missed", "no_data", "total"]
    assert frame["dimension"].tolist() == ["all", "group", "group", "group", "group"]
    assert frame.loc[2, "key"] == "tianshan-2022-87/g2" and frame.loc[2, "met"] == 1
    assert frame.loc[0, "total"] == 67  # 62 and the five duties of issue 17
    csv = card.to_csv()
    assert csv.splitlines()[0].startswith("dimension,key,name_zh")
    assert '"as_of":"2022-12-31"' in card.to_json()
    assessments = card.assessments_to_pandas()
    row = assessments.set_index("target").loc[T28]
    assert row["status"] == "met" and row["value"] == decimal.Decimal("86.5")
    assert row["observed_on"] == datetime.date(2022, 12, 31)
    html = card._repr_html_()
    assert "<table>" in html and "持续优化便捷高效的政务环境" in html
    assert "67 targets" in repr(card)
    assert card.to_json_value()["counts"]["met"] == 2  # item 28, and item 59 by the national 20 days


def test_ratio_check_takes_ints_decimals_and_strings() -> None:
    monitor = zhengce.Monitor(CTX)
    for population in (500000, decimal.Decimal("500000"), "500000"):
        assert monitor.check_ratio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", population)["needed"] == "200"
    with pytest.raises(zhengce.InvalidInputError):
        monitor.check_ratio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", 500000.0)


def test_communities_register_and_answer_the_chain() -> None:
    registry = zhengce.Communities(CTX)
    registry.register(
        {"id": "tianshan-pilot-1", "name": {"zh": "试点一", "en": "Pilot 1"}, "jurisdiction": "cn-xj-urumqi-tianshan",
         "sub_district": "tianshan-subdistricts", "types": ["childcare-services"],
         "programmes": ["urumqi-2022-startup-communities/programme"], "targets": ["tianshan-2022-87/t81a"],
         "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}}
    )
    assert len(registry) == 1
    assert [c["id"] for c in registry.communities(community_type="childcare-services")] == ["tianshan-pilot-1"]
    answer = registry.responsible("tianshan-2022-87/t81a", "tianshan-pilot-1")
    assert [h["role"] for h in answer["chain"]] == ["principal", "direct", "implementing"]
    with pytest.raises(zhengce.NotFoundError):
        registry.register({"id": "x", "name": {"zh": "某", "en": "X"}, "jurisdiction": "cn-xj-urumqi-tianshan",
                           "types": ["space-tourism"], "source": {"document": "tianshan-2022-87"}})
    monitor = zhengce.Monitor(CTX, communities=registry)
    card = monitor.scorecard("2022-12-31", by=["community"])
    assert card.to_json_value()["groups"][0]["key"] == "tianshan-pilot-1"
    again = zhengce.Monitor(CTX).with_communities(registry)
    assert again.scorecard("2022-12-31", by=["community"]).to_json_value()["groups"][0]["key"] == "tianshan-pilot-1"
    assert "1 communities" in repr(monitor)
