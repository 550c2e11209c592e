"""The dated evaluator (``Evaluator.at``): conversions, answers, errors, pickling.

Values are worked out by hand from Tianshan item 68 (使用财政性资金的政府采购项目 … 投标保证金缴纳比例由预算额度的2%
调整为1%,除PPP项目以外的普通项目单个标段保证金缴纳上限2万元。无特定采购人的协议入围项目取消缴纳投标保证金); the
agreement with ``evaluate`` over many inputs is a proptest in Rust (core/tests/prepared.rs).
"""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal

import pytest
import zhengce

BOND = "tianshan-2022-87/r68-bid-bond"
JUNE = datetime.date(2022, 6, 1)


@pytest.fixture(scope="module")
def evaluator() -> zhengce.Evaluator:
    return zhengce.Context.builtin().evaluator(BOND)


@pytest.fixture(scope="module")
def bond(evaluator: zhengce.Evaluator) -> zhengce.DatedEvaluator:
    return evaluator.at("2022-06-01")


def test_amounts_by_hand(bond: zhengce.DatedEvaluator) -> None:
    # 1 % of 1,500,000 = 15,000.00; of 3,000,000 = 30,000, capped at 20,000.00.
    assert bond(Decimal("1500000"), "ordinary") == Decimal("15000.00")
    got = bond(Decimal("3000000.00"), "ordinary")
    assert isinstance(got, Decimal) and str(got) == "20000.00"
    # PPP: 1 % without the cap; a framework entry: no bond.
    assert str(bond(Decimal("3000000"), "ppp")) == "30000.00"
    assert str(bond(Decimal("3000000"), "framework_entry")) == "0.00"
    # 1 % of 1,234.56 = 12.3456, rounded down to the fen.
    assert str(bond(Decimal("1234.56"))) == "12.34"
    # int and str budgets; inputs by name; the default lot type is ordinary.
    assert str(bond(1_500_000)) == "15000.00"
    assert str(bond("1500000", lot_type="ppp")) == "15000.00"
    assert str(bond(budget="5000000")) == "20000.00"
    assert str(bond(Decimal("5000000"), None, True)) == "20000.00"
    # Without fiscal funds the rule does not apply: None.
    assert bond(Decimal("5000000"), fiscal_funds=False) is None


def test_a_call_answers_what_evaluate_gives(evaluator: zhengce.Evaluator, bond: zhengce.DatedEvaluator) -> None:
    for budget in ("0", "0.01", "99.99", "1999999.99", "2000000", "123456789.12"):
        for kind in ("ordinary", "ppp", "framework_entry"):
            expected = evaluator.evaluate({"budget": Decimal(budget), "lot_type": kind}, JUNE)
            assert str(bond(Decimal(budget), kind)) == expected.amount
            full = bond.evaluate(Decimal(budget), kind)
            assert full.to_json_value()["value"] == expected.to_json_value()["value"]
            explanation = full.explanation
            assert explanation is not None and explanation["date"] == "2022-06-01"


def test_the_date_fixes_the_parameters(evaluator: zhengce.Evaluator) -> None:
    # Before the measure (2022-05-18): the national 2 % and no cap.
    assert str(evaluator.at(datetime.date(2022, 5, 1))(Decimal("3000000"))) == "60000.00"


def test_bad_inputs_raise_what_evaluate_raises(evaluator: zhengce.Evaluator, bond: zhengce.DatedEvaluator) -> None:
    for args, named, path in [
        ((Decimal("-1"),), {}, "budget"),
        ((Decimal("1.234"),), {}, "budget"),
        ((1.5,), {}, "budget"),  # a float is refused, never read
        (("1e5",), {}, "budget"),
        ((Decimal("1"), "PPP"), {}, "lot_type"),
        ((Decimal("1"),), {"kind": "ppp"}, "kind"),
    ]:
        with pytest.raises(zhengce.InvalidInputError) as raised:
            bond(*args, **named)
        assert raised.value.path == path
        values = {"budget": args[0], **({"lot_type": args[1]} if len(args) > 1 else {}), **named}
        with pytest.raises(zhengce.InvalidInputError) as direct:
            evaluator.evaluate(values, JUNE)
        assert str(raised.value) == str(direct.value)
    with pytest.raises(zhengce.MissingInputError) as missing:
        bond(lot_type="ppp")
    assert missing.value.path == "budget"
    with pytest.raises(zhengce.InvalidInputError) as twice:
        bond(Decimal("1"), budget=Decimal("2"))
    assert twice.value.path == "budget"
    with pytest.raises(zhengce.InvalidInputError) as many:
        bond(1, "ppp", True, "extra")
    assert many.value.path == "values"
    with pytest.raises(zhengce.InvalidInputError) as outside:
        evaluator.at(JUNE, jurisdiction="cn")
    assert outside.value.path == "jurisdiction"
    with pytest.raises(zhengce.InvalidInputError):
        evaluator.at("2022-13-01")


def test_properties_repr_and_pickle(bond: zhengce.DatedEvaluator) -> None:
    assert bond.date == JUNE
    assert bond.jurisdiction == "cn-xj-urumqi-tianshan"
    assert bond.inputs == ["budget", "lot_type", "fiscal_funds"]
    assert bond.evaluator().rule()["id"] == BOND
    assert repr(bond) == (
        "<zhengce.DatedEvaluator 'tianshan-2022-87/r68-bid-bond' (capped_rate) on 2022-06-01 "
        "in 'cn-xj-urumqi-tianshan' under 'baseline'>"
    )
    restored = pickle.loads(pickle.dumps(bond))
    assert isinstance(restored, zhengce.DatedEvaluator)
    assert restored.date == JUNE
    assert str(restored(Decimal("3000000"))) == "20000.00"


def test_other_kinds_answer_their_value() -> None:
    ctx = zhengce.Context.builtin()
    # Item 63: the policy guarantee fee is to fall to 1 % or below; 1.2 % does not comply.
    fee = ctx.evaluator("tianshan-2022-87/r63-guarantee-fee").at(JUNE)
    assert fee(fee_rate="0.012") is False
    assert fee(fee_rate="0.01") is True
    # Item 58: a business opens within 2 working days; from Friday 2022-09-30 the National Day
    # holiday (1-7 October) is skipped, and 8-9 October are make-up working days.
    opening = ctx.evaluator("tianshan-2022-87/r58-business-opening").at("2022-09-30")
    assert opening() == datetime.date(2022, 10, 9)


class Budget(Decimal):
    """A subclass: read through its text, as any Decimal that is not exactly the type."""


def _answer_and_error(call):  # type: ignore[no-untyped-def]
    try:
        return call(), None
    except zhengce.ZhengceError as e:
        return None, (type(e), e.path, str(e))


@pytest.mark.parametrize(
    ("budget", "kind", "expected"),
    [
        # 1 % of 123,456,789.12 is 1,234,567.8912: capped at 20,000.00, uncapped for PPP (rounded down).
        (Decimal("123456789.12"), "ordinary", "20000.00"),
        (Decimal("123456789.12"), "ppp", "1234567.89"),
        (Decimal("123456789.12"), "framework_entry", "0.00"),
        # Twenty digits (two of the decimal's 19-digit words): 10^15 yuan, 1 % = 10^13.
        (Decimal("1000000000000000.0000"), "ppp", "10000000000000.00"),
        # The largest budget (i64::MAX fen): 1 % = 922,337,203,685,477.5807, rounded down.
        (Decimal("92233720368547758.07"), "ppp", "922337203685477.58"),
        # Trailing zeros are whole fen: 1 % of 1,234.56 = 12.3456 -> 12.34.
        (Decimal("1234.5600"), "ordinary", "12.34"),
        (Decimal("0"), "ordinary", "0.00"),
        (Decimal("0.01"), "ppp", "0.00"),
        (Decimal("1000000"), "ordinary", "10000.00"),
        (Decimal("0.000000"), "ordinary", "0.00"),
        (Decimal("-0.00"), "ppp", "0.00"),  # negative zero is zero
        # A subclass of Decimal is read through str(): the same value.
        (Budget("1500000"), "ordinary", "15000.00"),
        (Budget("123456789.12"), "ppp", "1234567.89"),
    ],
)
def test_decimal_budgets_by_hand(evaluator: zhengce.Evaluator, bond: zhengce.DatedEvaluator, budget: Decimal,
                                 kind: str, expected: str) -> None:
    got = bond(budget, kind)
    assert type(got) is Decimal
    assert str(got) == expected
    assert got.as_tuple() == Decimal(expected).as_tuple()
    assert hash(got) == hash(Decimal(expected)) and got == Decimal(expected)
    assert str(got + Decimal("0.01")) == str(Decimal(expected) + Decimal("0.01"))
    # The same through a str budget and through evaluate.
    assert str(bond(str(budget), kind)) == expected
    assert evaluator.evaluate({"budget": budget, "lot_type": kind}, JUNE).amount == expected


@pytest.mark.parametrize(
    "budget",
    [
        Decimal("1E+6"),  # an exponent: refused by the grammar, not guessed
        Decimal("1E-7"),
        Decimal("0E-30"),
        Decimal("-5"),
        Decimal("-0.01"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        Decimal("1.234"),  # not whole fen
        Decimal("0.000001"),
        Decimal("92233720368547758.08"),  # one fen above i64::MAX fen
        Decimal("79228162514264337593543950336"),  # beyond 96 bits
        Decimal("1" * 40),
        Budget("-1"),
        Budget("1E+6"),
        1.5,  # a float never stands for a decimal
        float("nan"),
        "12,345.67",
        "1e5",
        b"100",
        [1],
    ],
)
def test_bad_budgets_raise_the_typed_error_naming_the_field(evaluator: zhengce.Evaluator,
                                                            bond: zhengce.DatedEvaluator, budget: object) -> None:
    for kind in ("ordinary", "ppp"):
        _, error = _answer_and_error(lambda: bond(budget, kind))
        assert error is not None and error[0] is zhengce.InvalidInputError and error[1] == "budget"
        _, direct = _answer_and_error(lambda: evaluator.evaluate({"budget": budget, "lot_type": kind}, JUNE))
        assert error == direct


def test_decimal_budgets_agree_with_the_fen_rule(bond: zhengce.DatedEvaluator) -> None:
    # Item 68 in fen, worked by hand: 1 % rounded down is fen // 100; ordinary lots at most
    # 2,000,000 fen (20,000 yuan), PPP uncapped, framework entries 0.
    import random

    rng = random.Random(68)
    def rule(fen: int, code: int) -> Decimal:
        q = fen // 100
        return Decimal(0 if code == 2 else q if code == 1 else min(q, 2_000_000)).scaleb(-2)

    for _ in range(3000):
        fen = rng.choice([rng.randrange(0, 10**4), rng.randrange(0, 10**11), rng.randrange(0, 2**63)])
        for kind, code in (("ordinary", 0), ("ppp", 1), ("framework_entry", 2)):
            budget = Decimal(fen).scaleb(-2)
            got = bond(budget, kind)
            assert got == rule(fen, code) and got.as_tuple().exponent == -2, (budget, kind)
            assert bond(str(budget), kind) == got
            # An int budget is whole yuan.
            assert bond(fen // 100, kind) == rule(fen // 100 * 100, code)
