"""Rules from Python: bid bonds before and after the measure and under a 50,000-yuan cap,
a batch on numpy fen, an eligibility result listing what is missing, one full explanation."""

import datetime

import numpy as np

import zhengce
from catalogue import heading

BOND = "tianshan-2022-87/r68-bid-bond"
CAP_50000 = {"name": "cap-50000", "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot",
             "jurisdiction": "cn-xj-urumqi-tianshan", "effective_from": "2022-05-18", "value": "50000"}]}


def tour(ctx: zhengce.Context) -> None:
    heading("Rules")
    baseline = ctx
    cap50 = ctx.with_scenario(CAP_50000)
    base, alt = baseline.evaluator(BOND), cap50.evaluator(BOND)
    before, after = datetime.date(2022, 5, 17), datetime.date(2022, 6, 1)
    print("  budget      lot type          before     after      cap 50,000")
    for budget, lot_type in [("1000000", "ordinary"), ("5000000", "ordinary"), ("5000000", "ppp"), ("5000000", "framework_entry")]:
        lot = {"budget": budget, "lot_type": lot_type}
        amounts = [base.evaluate(lot, before).amount, base.evaluate(lot, after).amount, alt.evaluate(lot, after).amount]
        print(f"  {budget:>10}  {lot_type:<16} " + "  ".join(f"{a:>10}" for a in amounts))

    fen = np.array([100_000_000, 300_000_000, 800_000_000], dtype=np.int64)
    cmp = baseline.compare(cap50, BOND, {"budget": fen}, after)
    print(f"\n  numpy batch, fen in and out: {cmp.baseline['amount'].tolist()} -> {cmp.alternative['amount'].tolist()}")
    print(f"  totals: {cmp.totals['baseline']} -> {cmp.totals['alternative']} yuan ({cmp.totals['changed']} lots changed)")

    elec = baseline.evaluator("tianshan-2022-87/r62-electricity-commitment")
    r = elec.evaluate({"capacity_kva": "1600", "voltage_kv": "10"}, after)
    print(f"\n  item 62 with two inputs: eligible={r.eligible}, still to ask: {', '.join(r.missing)}")

    explained = base.evaluate({"budget": "5000000"}, after, explain=True)
    print("\n" + explained.to_text("zh"))
