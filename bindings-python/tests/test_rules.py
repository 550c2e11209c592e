"""The rules binding: argument conversions (Decimal, numpy, pyarrow), exceptions and result types.

The rules' logic is tested in Rust and by the shared vectors; these tests cover what crosses the binding.
"""

from __future__ import annotations

import datetime
import decimal

import numpy as np
import pyarrow as pa
import pytest
import zhengce

BOND = "tianshan-2022-87/r68-bid-bond"
JUNE = datetime.date(2022, 6, 1)


@pytest.fixture(scope="module")
def cat() -> zhengce.Catalogue:
    return zhengce.Catalogue.builtin()


@pytest.fixture(scope="module")
def bond(cat: zhengce.Catalogue) -> zhengce.Evaluator:
    return zhengce.Context(cat).evaluator(BOND)


@pytest.mark.parametrize(
    ("budget", "amount"),
    [(decimal.Decimal("1000000"), "10000.00"), (5_000_000, "20000.00"), ("1234567.89", "12345.67"), (None, None)],
)
def test_amounts_take_decimal_int_and_str(bond: zhengce.Evaluator, budget: object, amount: str | None) -> None:
    if budget is None:
        with pytest.raises(zhengce.MissingInputError) as err:
            bond.evaluate({"budget": None}, JUNE)
        assert err.value.path == "budget"
    else:
        assert bond.evaluate({"budget": budget}, JUNE).amount == amount


def test_floats_are_refused(bond: zhengce.Evaluator) -> None:
    with pytest.raises(zhengce.InvalidInputError) as err:
        bond.evaluate({"budget": 1000000.0}, JUNE)
    assert (err.value.code, err.value.path) == ("invalid_input", "budget")
    with pytest.raises(zhengce.InvalidInputError):
        bond.evaluate_batch({"budget": np.array([1.5])}, JUNE)


def test_an_unknown_choice_names_field_and_value(bond: zhengce.Evaluator) -> None:
    with pytest.raises(zhengce.InvalidInputError) as err:
        bond.evaluate({"budget": 1, "lot_type": "joint"}, "2022-06-01")
    assert err.value.details["value"] == "'joint'"


def test_explanation_and_text(bond: zhengce.Evaluator) -> None:
    r = bond.evaluate({"budget": "5000000"}, JUNE, explain=True, text="zh")
    assert isinstance(r, zhengce.Evaluation)
    assert r.value["amount"] == "20000.00"
    e = r.explanation
    assert e is not None and e["rule"]["source"]["clause"] == "tianshan-2022-87/68"
    assert "适用上限 20000" in e["text"]
    assert "cap 20000 applied" in r.to_text("en")
    assert r.to_json_value()["explanation"]["receipt"]["scenario"] == "baseline"
    with pytest.raises(zhengce.InvalidInputError):
        r.to_text("fr")
    assert bond.evaluate({"budget": 1}, JUNE).explanation is None


def test_scenarios_and_parameters(cat: zhengce.Catalogue) -> None:
    spec = {"name": "cap-50000", "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot",
            "jurisdiction": "cn-xj-urumqi-tianshan", "effective_from": datetime.date(2022, 5, 18), "value": decimal.Decimal("50000")}]}
    s = zhengce.Context(cat).with_scenario(spec)
    assert s.scenario_name() == "cap-50000" and s.scenario_hash().startswith("sha256:")
    assert s.evaluator(BOND).evaluate({"budget": 8_000_000}, JUNE).amount == "50000.00"
    assert s.parameter_value("procurement.bid_bond.cap_per_lot", "cn-xj-urumqi-tianshan", JUNE)["scenario"] == "cap-50000"
    with pytest.raises(zhengce.NotFoundError):
        zhengce.Context(cat).with_scenario({"name": "x", "parameters": [{"parameter": "nope", "jurisdiction": "cn", "value": "1"}]})
    with pytest.raises(zhengce.NotFoundError):
        s.evaluator("no-such-rule")


def test_batches_from_numpy_fen(bond: zhengce.Evaluator) -> None:
    fen = np.array([100_000_000, 500_000_000, 123_456_789], dtype=np.int64)
    out = bond.evaluate_batch({"budget": fen}, JUNE)
    assert isinstance(out, zhengce.BatchResult) and out.rows == 3 == len(out)
    amount = out["amount"]
    assert isinstance(amount, np.ndarray) and amount.dtype == np.int64
    assert amount.tolist() == [1_000_000, 2_000_000, 12_345_67]
    assert out.scale("amount") == 2
    assert out.strings("amount") == ["10000.00", "20000.00", "12345.67"]
    status = out["status"]
    assert isinstance(status, np.ndarray) and status.dtype == np.int32
    labels = out.labels("status")
    assert labels is not None and [labels[c] for c in status] == ["rate", "capped", "rate"]
    assert out.names() == ["amount", "status"]


def test_batches_from_pyarrow(bond: zhengce.Evaluator) -> None:
    fen = pa.array([100_000_000, None, 500_000_000], type=pa.int64()).slice(0, 3)
    with pytest.raises(zhengce.MissingInputError) as err:
        bond.evaluate_batch({"budget": fen}, JUNE)
    assert err.value.details["row"] == 1
    dec = pa.array([decimal.Decimal("1000000.00"), decimal.Decimal("5000000.00")], type=pa.decimal128(12, 2))
    lots = pa.array(["ordinary", "ppp"]).dictionary_encode()
    out = bond.evaluate_batch({"budget": dec, "lot_type": lots}, JUNE)
    assert out.strings("amount") == ["10000.00", "50000.00"]
    sliced = pa.array([1, 100_000_000, 500_000_000], type=pa.int64()).slice(1)
    assert bond.evaluate_batch({"budget": sliced}, JUNE).strings("amount") == ["10000.00", "20000.00"]


def test_batches_from_lists_bools_and_dates(bond: zhengce.Evaluator) -> None:
    out = bond.evaluate_batch(
        {"budget": [decimal.Decimal("5000000"), "5000000"], "fiscal_funds": np.array([True, False])},
        np.array(["2022-05-17", "2022-05-18"], dtype="datetime64[D]"),
    )
    assert out.strings("amount") == ["100000.00", "0.00"]
    assert out.strings("status") == ["rate", "not_applicable"]
    out = bond.evaluate_batch({"budget": ["5000000"] * 2}, [datetime.date(2022, 5, 17), "2022-05-18"], explain=True)
    explained = out.explanations()
    assert explained is not None and explained[1].amount == "20000.00"


def test_batch_errors_name_the_row(bond: zhengce.Evaluator) -> None:
    with pytest.raises(zhengce.InvalidInputError) as err:
        bond.evaluate_batch({"budget": np.array([100, -1])}, JUNE)
    assert (err.value.path, err.value.details["row"]) == ("budget", 1)


def test_chunks_threads_and_null_errors_give_one_result(bond: zhengce.Evaluator) -> None:
    # 300,001 lots (three chunks of the binding): 1,500,000 yuan -> 1 % = 15,000.00 yuan;
    # every 7th lot 3,000,000 yuan -> 30,000 capped at 20,000.00; rows 1 and 250,000 negative.
    n = 300_001
    fen = np.full(n, 150_000_000, dtype=np.int64)
    fen[::7] = 300_000_000
    fen[[1, 250_000]] = -1
    lots = np.where(np.arange(n) % 5 == 0, "ppp", "ordinary")
    lot_type = pa.array(lots).dictionary_encode()
    runs = [bond.evaluate_batch({"budget": fen, "lot_type": lot_type}, JUNE, errors="null", threads=t) for t in (1, 2, None)]
    for out in runs:
        amount = out.column("amount")
        assert isinstance(amount, np.ndarray) and amount.dtype == np.int64
        assert amount[[0, 2, 3, 1]].tolist() == [3_000_000, 1_500_000, 1_500_000, 0]  # row 0: ppp, uncapped
        assert [e["row"] for e in out.errors()] == [1, 250_000]
        assert {e["code"] for e in out.errors()} == {"invalid_input"}
        assert out.to_arrow().column("amount")[1].as_py() is None
        assert np.array_equal(amount, runs[0].column("amount"))
        assert np.array_equal(out.column("status"), runs[0].column("status"))
    with pytest.raises(zhengce.InvalidInputError) as err:
        bond.evaluate_batch({"budget": fen}, JUNE, threads=2)
    assert err.value.details["row"] == 1
    with pytest.raises(zhengce.InvalidInputError):
        bond.evaluate_batch({"budget": fen}, JUNE, threads=0)


def test_numpy_inputs_in_place_or_copied_give_one_result(bond: zhengce.Evaluator) -> None:
    # 300,000 lots of 1,500,000 yuan -> 1 % = 15,000.00 yuan each (Tianshan item 68), whether
    # the budgets are borrowed in place (int64, read-only too) or copied (strided, big-endian, int32).
    n = 300_000
    fen = np.full(2 * n, 150_000_000, dtype=np.int64)
    read_only = fen[:n].copy()
    read_only.flags.writeable = False
    for budgets in (fen[:n], read_only, fen[::2], fen[:n].astype(">i8"), fen[:n].astype(np.int32)):
        out = bond.evaluate_batch({"budget": budgets}, JUNE, threads=2)
        assert out.column("amount").tolist() == [1_500_000] * n


def test_compare_returns_numpy_differences(cat: zhengce.Catalogue) -> None:
    base = zhengce.Context(cat)
    alt = zhengce.Context(cat).with_scenario('{"name": "cap-50000", "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot", '
                                '"jurisdiction": "cn-xj-urumqi-tianshan", "effective_from": "2022-05-18", "value": "50000"}]}')
    cmp = base.compare(alt, BOND, {"budget": np.array([300_000_000, 800_000_000])}, JUNE)
    assert isinstance(cmp, zhengce.Comparison)
    assert cmp.column == "amount"
    diff = cmp.difference
    assert isinstance(diff, np.ndarray) and diff.tolist() == [1_000_000, 3_000_000]
    assert cmp.totals["difference"] == "40000.00"
    assert cmp.alternative.strings("amount") == ["30000.00", "50000.00"]


def test_other_kinds(cat: zhengce.Catalogue) -> None:
    s = zhengce.Context(cat)
    table = s.evaluator("tianshan-2022-87/r10-credit-class")
    assert table.evaluate({"credit_class": "d"}, JUNE).value["outputs"]["on_site"] == "when_necessary"
    check = table.check_table()
    assert check is not None and check["gaps"] == []
    elec = s.evaluator("tianshan-2022-87/r62-electricity-commitment")
    r = elec.evaluate({"capacity_kva": "1600"}, JUNE)
    assert r.eligible is None and "excavation_m" in r.missing
    fee = s.evaluator("tianshan-2022-87/r63-guarantee-fee")
    assert fee.evaluate({"fee_rate": decimal.Decimal("0.012")}, JUNE).compliant is False
    assert fee.rule()["logic"]["kind"] == "threshold"
    assert "Evaluator" in repr(fee) and "Context" in repr(s)


def test_large_batches_stream_in_chunks(bond: zhengce.Evaluator) -> None:
    n = 200_003  # more than three chunks
    fen = np.arange(n, dtype=np.int64) * 1_000 + 100_000_000
    lots = pa.array(["ordinary", "ppp"] * (n // 2) + ["ordinary"]).dictionary_encode()
    out = bond.evaluate_batch({"budget": fen, "lot_type": lots}, JUNE)
    amount = out["amount"]
    expected = np.where(np.arange(n) % 2 == 1, fen // 100, np.minimum(fen // 100, 2_000_000))
    assert np.array_equal(amount, expected)
    labels = out.labels("status")
    assert labels is not None and labels[out["status"][1]] == "ppp"
    arrow = pa.array(fen).slice(1)
    assert np.array_equal(bond.evaluate_batch({"budget": arrow}, JUNE)["amount"], expected_ordinary := np.minimum(fen[1:] // 100, 2_000_000))
    assert expected_ordinary.size == n - 1
    bad = fen.copy()
    bad[150_000] = -1
    with pytest.raises(zhengce.InvalidInputError) as err:
        bond.evaluate_batch({"budget": bad}, JUNE)
    assert err.value.details["row"] == 150_000


def test_time_limit_batches_give_dates(cat: zhengce.Catalogue) -> None:
    s = zhengce.Context(cat)
    notice = s.evaluator("tianshan-2022-87/r59-simple-deregistration-notice")
    # 20 calendar days: 2022-06-20 ends on Sunday 10 July, Corban in Xinjiang (off 9-13 July),
    # so Thursday 14 July; 2022-09-01 ends on Wednesday 21 September, a working day.
    out = notice.evaluate_batch({}, np.array(["2022-06-20", "2022-09-01"], dtype="datetime64[D]"))
    deadline = out["deadline"]
    assert deadline.dtype == np.dtype("datetime64[D]")
    assert deadline.tolist() == [datetime.date(2022, 7, 14), datetime.date(2022, 9, 21)]
    assert out.strings("deadline") == ["2022-07-14", "2022-09-21"]
    alt = zhengce.Context(cat).with_scenario('{"name": "notice-45", "parameters": [{"parameter": "registration.simple_deregistration.notice_period", '
                                '"jurisdiction": "cn-xj-urumqi-tianshan", "effective_from": "2022-05-18", "value": "45"}]}')
    cmp = s.compare(alt, "tianshan-2022-87/r59-simple-deregistration-notice", {}, ["2022-06-20", "2022-09-01"])
    assert cmp.column == "deadline" and cmp.difference.tolist() == [21, 26]
    assert (cmp.totals["baseline"], cmp.totals["alternative"]) == ("44", "91")


def test_time_limit_batches_stream_and_match_the_calendar(cat: zhengce.Catalogue) -> None:
    # 信易贷 funding in 30 working days: a chunked batch equals adding 30 working days on
    # Tianshan's calendar.
    n = 200_003
    starts = np.datetime64("2022-05-18") + (np.arange(n) % 480).astype("timedelta64[D]")
    funding = zhengce.Context(cat).evaluator("tianshan-2022-87/r67-xinyidai-funding")
    got = funding.evaluate_batch({}, starts)["deadline"]
    cal = zhengce.Context(cat).calendar("cn-xj-urumqi-tianshan")
    assert np.array_equal(got, cal.add_working_days_batch(starts, 30))
