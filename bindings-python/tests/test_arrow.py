"""Arrow in and out: pyarrow (arrays, chunked arrays, tables, record batches), polars and pandas
inputs give identical results; results are typed Arrow tables (decimal128 money, date32 dates,
dictionary labels, JSON explanations); catalogue entries as typed tables.

Expected values are worked by hand from Tianshan's 87 measures (article 68: the bid bond is 1%
of a lot's budget, at most 20,000 yuan, PPP lots exempt from the cap; article 58: a business
opens within 2 working days) and the 2022 holiday notice (National Day 1-7 October off,
Saturday 8 and Sunday 9 October worked).
"""

from __future__ import annotations

import datetime
import decimal

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
import zhengce

CAT = zhengce.Catalogue.builtin()
CTX = zhengce.Context(CAT)
BOND = CTX.evaluator("tianshan-2022-87/r68-bid-bond")
OPENING = CTX.evaluator("tianshan-2022-87/r58-business-opening")
TIANSHAN = "cn-xj-urumqi-tianshan"
JUNE = datetime.date(2022, 6, 1)
D = decimal.Decimal

# 1,000,000 yuan -> 1% = 10,000.00; 5,000,000 -> 50,000 capped at 20,000.00; a PPP lot of
# 5,000,000 -> 50,000.00 (no cap); 1,234,567.89 -> 12,345.6789, to the fen 12,345.67.
BUDGETS = [D("1000000.00"), D("5000000.00"), D("5000000.00"), D("1234567.89")]
LOTS = ["ordinary", "ordinary", "ppp", "ordinary"]
AMOUNTS = [D("10000.00"), D("20000.00"), D("50000.00"), D("12345.67")]
STATUS = ["rate", "capped", "ppp", "rate"]  # the PPP lot: exempt from the cap


def inputs() -> dict[str, object]:
    table = pa.table({"budget": pa.array(BUDGETS, pa.decimal128(14, 2)), "lot_type": pa.array(LOTS)})
    chunked = pa.chunked_array([table["budget"].chunk(0).slice(0, 2), table["budget"].chunk(0).slice(2)])
    return {
        "pyarrow table": table,
        "pyarrow record batch": table.to_batches()[0],
        "pyarrow chunked arrays": {"budget": chunked, "lot_type": table["lot_type"]},
        "pyarrow arrays": {"budget": table["budget"].chunk(0), "lot_type": pa.array(LOTS).dictionary_encode()},
        "polars frame": pl.DataFrame({"budget": pl.Series(BUDGETS, dtype=pl.Decimal(14, 2)), "lot_type": LOTS}),
        "polars series": {"budget": pl.Series([int(b * 100) for b in BUDGETS]),
                          "lot_type": pl.Series(LOTS, dtype=pl.Categorical)},
        "pandas frame": pd.DataFrame({"budget": [int(b * 100) for b in BUDGETS], "lot_type": LOTS}),
        "pandas categorical": {"budget": pd.Series([int(b * 100) for b in BUDGETS]),
                               "lot_type": pd.Series(LOTS, dtype="category")},
        "numpy fen": {"budget": np.array([int(b * 100) for b in BUDGETS]), "lot_type": LOTS},
    }


@pytest.mark.parametrize("kind", list(inputs()))
def test_every_input_kind_gives_the_same_bid_bonds(kind: str) -> None:
    out = BOND.evaluate_batch(inputs()[kind], JUNE)
    table = out.to_arrow()
    assert table.schema.field("amount").type == pa.decimal128(19, 2)
    assert table.column("amount").to_pylist() == AMOUNTS
    assert pa.types.is_dictionary(table.schema.field("status").type)
    assert table.column("status").to_pylist() == STATUS


def test_a_result_is_one_arrow_table_for_pyarrow_polars_and_pandas() -> None:
    out = BOND.evaluate_batch(inputs()["pyarrow table"], JUNE, explain=True)
    assert hasattr(out, "__arrow_c_stream__")
    frame = out.to_polars()
    assert frame.columns == ["amount", "status", "explanation"]
    assert frame["amount"].dtype == pl.Decimal(19, 2)
    assert frame["amount"].to_list() == AMOUNTS
    assert frame["status"].cast(pl.String).to_list() == STATUS
    pdf = out.to_pandas()
    assert list(pdf["amount"]) == AMOUNTS
    assert isinstance(pdf["status"].dtype, pd.CategoricalDtype)
    import json

    explained = json.loads(pdf["explanation"][1])
    assert explained["value"]["amount"] == "20000.00"
    assert explained["explanation"]["rule"]["source"]["clause"] == "tianshan-2022-87/68"
    assert pa.table(out).num_rows == 4  # any Arrow consumer reads the capsule
    assert "4 rows" in out._repr_html_()


def test_row_dates_from_arrow_polars_and_pandas_columns() -> None:
    # Tianshan's 1% and 20,000 cap are in force from 2022-05-18; on 17 May the national ceiling
    # applies (2% of the budget: 政府采购法实施条例 art 33), 5,000,000 yuan -> 100,000.00.
    days = [datetime.date(2022, 5, 17), datetime.date(2022, 5, 18)]
    budget = {"budget": np.array([500_000_000, 500_000_000])}
    expected = [D("100000.00"), D("20000.00")]
    for dates in (pa.array(days), pa.chunked_array([days[:1], days[1:]]), pl.Series(days),
                  pd.Series(pd.to_datetime(days)), pa.array(["2022-05-17", "2022-05-18"])):
        assert BOND.evaluate_batch(budget, dates).to_arrow().column("amount").to_pylist() == expected


def test_deadlines_come_back_as_date32() -> None:
    filed = pa.array([datetime.date(2022, 9, 28), datetime.date(2022, 9, 30), datetime.date(2022, 10, 3)])
    out = OPENING.evaluate_batch({}, filed).to_arrow()
    assert out.schema.field("deadline").type == pa.date32()
    # Wed 28 Sep + 2 working days = Fri 30 Sep; Fri 30 Sep -> Sat 8, Sun 9 Oct (worked days);
    # a holiday, 3 Oct -> the same two worked days, 9 Oct.
    assert out.column("deadline").to_pylist() == [datetime.date(2022, 9, 30), datetime.date(2022, 10, 9),
                                                  datetime.date(2022, 10, 9)]


def test_floats_are_refused_from_every_library() -> None:
    for column in (pa.array([1.5]), pl.Series([1.5]), pd.Series([1.5])):
        with pytest.raises(zhengce.InvalidInputError) as raised:
            BOND.evaluate_batch({"budget": column}, JUNE)
        assert raised.value.path == "budget"


def test_calendar_batches_take_polars_chunked_and_pandas_nanoseconds() -> None:
    cal = zhengce.Calendar.builtin(TIANSHAN)
    days = [datetime.date(2022, 9, 30), datetime.date(2022, 10, 3), datetime.date(2022, 10, 8)]
    expected = [True, False, True]  # a Friday, National Day, a make-up Saturday
    for column in (pl.Series(days), pa.chunked_array([days[:2], days[2:]]), pd.Series(pd.to_datetime(days)),
                   pa.table({"d": days})["d"]):
        assert cal.is_working_day_batch(column).tolist() == expected
    shifted = cal.add_working_days_batch(pl.Series(days[:1]), 1)
    assert shifted.astype("datetime64[D]").tolist() == [datetime.date(2022, 10, 8)]
    with pytest.raises(zhengce.InvalidInputError):
        cal.is_working_day_batch(pd.Series(pd.to_datetime(["2022-10-08 12:00"])))  # a time of day
    with pytest.raises(zhengce.ZhengceError):
        cal.is_working_day_batch(pa.array([datetime.date(2022, 10, 8), None]))  # a null


def test_registers_directories_and_communities_as_tables() -> None:
    register = [{"id": f"e{i}", "credit_class": "abcd"[i % 4]} for i in range(40)]
    directory = [{"id": f"i{i}", "department": "amr"} for i in range(4)]
    spec = {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "arrow",
            "checks": [{"department": "amr", "items": ["licence"]}]}
    from_dicts = zhengce.InspectionPlan.draw(CTX, register, directory, spec)
    for reg, dirs in ((pd.DataFrame(register), pa.Table.from_pylist(directory)),
                      (pl.DataFrame(register), pl.DataFrame(directory))):
        assert zhengce.InspectionPlan.draw(CTX, reg, dirs, spec).to_json() == from_dicts.to_json()
    flagged = pa.table({"id": ["x"], "credit_class": ["a"], "flags": [["complaint"]]})
    plan = zhengce.InspectionPlan.draw(CTX, flagged, directory, spec)
    assert plan.visits[0]["reason"] == "mandatory"


def test_stratified_draw_takes_any_integer_column() -> None:
    sample = {"jurisdiction": TIANSHAN, "date": "2022-06-01", "seed": "python"}
    classes = np.array([1, 2, 3, 4] * 250, dtype=np.uint8)
    reference = zhengce.StratifiedDraw.draw(CTX, sample, classes).to_json_value()
    for column in (classes.astype(np.int64), pa.array(classes.astype(np.int32)), pl.Series(classes.astype(np.int16))):
        assert zhengce.StratifiedDraw.draw(CTX, sample, column).to_json_value() == reference
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.StratifiedDraw.draw(CTX, sample, np.array([1, 300]))
    assert raised.value.path == "classes[1]"


def test_observations_from_arrow_polars_and_pandas_agree() -> None:
    t28 = "tianshan-2022-87/t28"
    dates = [datetime.date(2022, 3, 31), datetime.date(2022, 9, 30)]
    frames = [
        pa.table({"target": [t28, t28], "date": dates, "value": pa.array([D("60"), D("75")], pa.decimal128(5, 0)),
                  "unit": ["%", "%"], "source": ["s", "s"]}),
        pl.DataFrame({"target": [t28, t28], "date": dates, "value": [60, 75], "unit": ["%", "%"], "source": ["s", "s"]}),
        pd.DataFrame({"target": [t28, t28], "date": pd.to_datetime(dates), "value": ["60", "75"],
                      "unit": ["%", "%"], "source": ["s", "s"]}),
    ]
    held = []
    for frame in frames:
        m = zhengce.Monitor(CTX)
        assert m.add_observations(frame) == 2
        held.append(m.observations(t28))
    assert held[0] == held[1] == held[2]
    assert [(o["as_of"], o["value"]) for o in held[0][-2:]] == [("2022-03-31", "60"), ("2022-09-30", "75")]
    bad = pl.DataFrame({"target": [t28], "date": dates[:1], "value": [60.5], "unit": ["%"], "source": ["s"]})
    with pytest.raises(zhengce.InvalidInputError) as raised:
        zhengce.Monitor(CTX).add_observations(bad)
    assert raised.value.path == "observations[0].value"


def test_observation_columns_store_what_rows_store() -> None:
    # Every optional column, and a second figure for 30 June that replaces the first (the
    # default id is <target>@<date>); with and without an explicit id column.
    t28 = "tianshan-2022-87/t28"
    rows = [
        {"target": t28, "date": "2022-03-31", "value": "60", "unit": "%", "source": "s", "qualifier": "about",
         "reading": "read so"},
        {"target": t28, "date": "2022-06-30", "value": "70", "unit": "%", "source": "s", "published": "2022-07-15"},
        {"target": t28, "date": "2022-06-30", "value": "72", "unit": "%", "source": "survey",
         "scope": TIANSHAN},
        {"target": t28, "date": "2022-09-30", "value": "75", "unit": "%", "source": "s"},
    ]
    for ids in (None, [None, None, None, "t28-q3"]):
        given = [dict(r, id=i) if i else r for r, i in zip(rows, ids or [None] * 4)]
        by_rows = zhengce.Monitor(CTX)
        by_rows.add_observations(given)
        columns = {k: [r.get(k) for r in given] for k in ["target", "value", "unit", "source", "qualifier",
                                                          "reading", "scope"] + (["id"] if ids else [])}
        columns["date"] = pa.array([datetime.date.fromisoformat(r["date"]) for r in given], pa.date32())
        columns["published"] = pa.array([r.get("published") and datetime.date.fromisoformat(r["published"])
                                         for r in given], pa.date32())
        by_columns = zhengce.Monitor(CTX)
        assert by_columns.add_observations(pa.table(columns)) == 4
        held = by_columns.observations(t28)
        assert held == by_rows.observations(t28)
        assert [(o["as_of"], o["value"], o["source"]["document"]) for o in held] == [
            ("2022-03-31", "60", "s"), ("2022-06-30", "72", "survey"), ("2022-09-30", "75", "s")]
        assert (held[0]["qualifier"], held[0]["reading"]) == ("about", "read so")
        assert held[2]["id"] == ("t28-q3" if ids else f"{t28}@2022-09-30")


def test_catalogue_entries_as_typed_tables() -> None:
    targets = CAT.table("targets").to_arrow()
    assert targets.num_rows == len(CAT.targets())
    schema = targets.schema
    assert pa.types.is_decimal(schema.field("value").type)
    assert schema.field("deadline").type == pa.date32()
    assert {"metric_zh", "metric_en", "source_document", "source_clause"} <= set(schema.names)
    row = targets.filter(pa.compute.equal(targets["id"], "tianshan-2022-87/t28")).to_pylist()[0]
    target = CAT.target("tianshan-2022-87/t28")
    assert row["value"] == D(target["value"])
    assert row["source_clause"] == target["source"]["clause"]
    params = CAT.table("parameters").to_arrow()
    cap = params.filter(pa.compute.equal(params["parameter"], "procurement.bid_bond.cap_per_lot")).to_pylist()[0]
    assert (cap["value"], cap["effective_from"]) == (D("20000"), datetime.date(2022, 5, 18))
    clauses = CAT.table("clauses").to_polars()
    assert clauses.filter(pl.col("id") == "tianshan-2022-87/68")["document"].to_list() == ["tianshan-2022-87"]
    with pytest.raises(zhengce.InvalidInputError):
        CAT.table("spaceships")


def test_errors_null_gives_a_null_row_with_its_code_and_message() -> None:
    # Row 1 has no budget (missing_input), row 3 a negative one (invalid_input); the others are
    # 1% of 1,000,000 yuan and 5,000,000 yuan capped at 20,000.
    budget = pa.array([100_000_000, None, 500_000_000, -1, 100_000_000], pa.int64())
    with pytest.raises(zhengce.MissingInputError):
        BOND.evaluate_batch({"budget": budget}, JUNE)
    out = BOND.evaluate_batch({"budget": budget}, JUNE, errors="null", explain=True)
    t = out.to_arrow()
    assert t.column("amount").to_pylist() == [D("10000.00"), None, D("20000.00"), None, D("10000.00")]
    assert t.column("status").to_pylist() == ["rate", None, "capped", None, "rate"]
    assert t.column("error_code").to_pylist() == [None, "missing_input", None, "invalid_input", None]
    messages = t.column("error_message").to_pylist()
    assert "budget" in messages[1] and "budget" in messages[3]
    assert [e["row"] for e in out.errors()] == [1, 3]
    explained = t.column("explanation").to_pylist()
    assert explained[1] is None and "tianshan-2022-87/68" in explained[0]
    with pytest.raises(zhengce.InvalidInputError):
        BOND.evaluate_batch({"budget": budget}, JUNE, errors="ignore")


def test_a_scorecard_as_typed_tables() -> None:
    # Tianshan item 28: 85% of application-based items online by the end of 2022; 60% on
    # 31 March and 75% on 30 September 2022 (hand-entered observations).
    monitor = zhengce.Monitor(CTX)
    t28 = "tianshan-2022-87/t28"
    monitor.add_observations(pa.table({"target": [t28, t28], "date": [datetime.date(2022, 3, 31), datetime.date(2022, 9, 30)],
                                       "value": pa.array([D("60"), D("75")], pa.decimal128(5, 0)),
                                       "unit": ["%", "%"], "source": ["s", "s"]}))
    card = monitor.scorecard("2022-10-15", by=["document"])
    rows = card.assessments_table().to_arrow()
    assert rows.num_rows == card.to_json_value()["counts"]["total"]
    assert rows.schema.field("deadline").type == pa.date32()
    assert pa.types.is_decimal(rows.schema.field("target_value").type)
    row = rows.filter(pa.compute.equal(rows["target"], t28)).to_pylist()[0]
    assert (row["value"], row["target_value"], row["observed_on"]) == (D("75"), D("85"), datetime.date(2022, 9, 30))
    groups = card.table().to_arrow()
    assert groups.column("dimension")[0].as_py() == "all"
    assert groups.column("counts_total")[0].as_py() == rows.num_rows


# Item 68 by hand, in fen: 1 % of 5,000,000 yuan is 50,000.00, capped at 20,000.00 for an ordinary
# lot, uncapped for PPP, 0.00 for a framework entry; 1 % of 1,234,567.89 is 12,345.6789 -> 12,345.67.
FEN = np.array([500_000_000, 500_000_000, 500_000_000, 123_456_789])
KINDS = ["ppp", "framework_entry", "ordinary", "ppp"]
BONDS = [D("50000.00"), D("0.00"), D("20000.00"), D("12345.67")]


def amounts(columns: dict) -> list:
    return BOND.evaluate_batch(columns, "2022-06-01", threads=1).to_arrow().column("amount").to_pylist()


def error_of(columns: dict) -> tuple:
    with pytest.raises(zhengce.ZhengceError) as raised:
        BOND.evaluate_batch(columns, "2022-06-01")
    return type(raised.value), raised.value.path, str(raised.value)


def test_numpy_str_lot_types_padded_strided_and_reversed() -> None:
    kinds = np.array(KINDS)  # <U15: "ppp" is padded with NULs in its item
    assert kinds.dtype == np.dtype("<U15")
    assert amounts({"budget": FEN, "lot_type": kinds}) == BONDS
    wide = np.array(KINDS, dtype="<U40")
    assert amounts({"budget": FEN, "lot_type": wide}) == BONDS
    # Every other item of a longer array (a stride of two items), and a reversed view.
    interleaved = np.array([k for kind in KINDS for k in (kind, "framework_entry")])[::2]
    assert not interleaved.flags.c_contiguous
    assert amounts({"budget": FEN, "lot_type": interleaved}) == BONDS
    assert amounts({"budget": FEN[::-1].copy(), "lot_type": np.array(KINDS)[::-1]}) == BONDS[::-1]
    # Big-endian items are read through tolist(): the same answers.
    assert amounts({"budget": FEN, "lot_type": np.array(KINDS, dtype=">U15")}) == BONDS
    # A 2-D array is not a column.
    assert error_of({"budget": FEN[:2], "lot_type": np.array([KINDS[:2]])})[0] is zhengce.InvalidInputError
    assert amounts({"budget": FEN[:0], "lot_type": np.array([], dtype="<U8")}) == []


def test_numpy_str_errors_are_the_list_errors() -> None:
    for kinds in (["ppp", ""], ["ppp", "PPP"], ["ppp", "ppp\x00x"], ["ppp", "\ud800"]):
        from_numpy = error_of({"budget": FEN[:2], "lot_type": np.array(kinds)})
        from_list = error_of({"budget": FEN[:2], "lot_type": kinds})
        assert from_numpy == from_list
        assert from_numpy[0] is zhengce.InvalidInputError and from_numpy[1].startswith("lot_type")


@pytest.mark.parametrize("index", [pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8()])
@pytest.mark.parametrize("labels", [pa.string(), pa.large_string()])
def test_dictionary_lot_types_any_index_width_with_nulls_and_offsets(index: pa.DataType, labels: pa.DataType) -> None:
    names = ["ordinary", "ppp", "framework_entry"]
    codes = [names.index(k) for k in KINDS]
    lots = pa.DictionaryArray.from_arrays(pa.array(codes, index), pa.array(names, labels))
    assert amounts({"budget": FEN, "lot_type": lots}) == BONDS
    # A slice (an offset into the indices) and a null (no lot type: the default, ordinary, capped).
    assert amounts({"budget": FEN[1:3], "lot_type": lots.slice(1, 2)}) == BONDS[1:3]
    with_null = pa.DictionaryArray.from_arrays(pa.array([1, None, 2, 1], index), pa.array(names, labels))
    # ppp, null (ordinary: capped), framework_entry, ppp.
    assert amounts({"budget": FEN, "lot_type": with_null}) == [D("50000.00"), D("20000.00"), D("0.00"),
                                                               D("12345.67")]
    # The same through the C data interface (a chunked array).
    assert amounts({"budget": FEN, "lot_type": pa.chunked_array([with_null])}) == amounts(
        {"budget": FEN, "lot_type": with_null})


def test_dictionary_labels_outside_the_choices_name_the_row() -> None:
    lots = pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int8()), pa.array(["ppp", "PPP"]))
    error = error_of({"budget": FEN[:2], "lot_type": lots})
    assert error == error_of({"budget": FEN[:2], "lot_type": pa.chunked_array([lots])})
    assert error[0] is zhengce.InvalidInputError and error[1] == "lot_type"
