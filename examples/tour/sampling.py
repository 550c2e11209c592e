"""Double-random inspection (双随机、一公开) from Python: the same plan as the Rust tour, byte for byte."""

import numpy as np
import zhengce

INDUSTRIES = ["food", "retail", "building", "services"]
DISTRICTS = ["yanerwo", "shengli-road", "heping-road", "xinhua-road"]


def synthetic_register(n: int) -> list[dict]:
    """50,000 entities with Xinjiang's credit mix, from the same hash as the Rust tour."""
    rows = []
    for i in range(n):
        h = (i * 2654435761) % 2**32
        cls = "a" if h % 10000 < 4860 else "b" if h % 10000 < 9012 else "c" if h % 10000 < 9654 else "d"
        e = {"id": f"91650102MA{i:08d}", "credit_class": cls, "industry": INDUSTRIES[(h >> 16) % 4],
             "district": DISTRICTS[(h >> 20) % 4]}
        if h % 211 == 0:
            e["flags"] = [["complaint", "big_data_alert", "referred_case"][(h >> 8) % 3]]
        rows.append(e)
    return rows


def directory() -> list[dict]:
    out = []
    for department, count in [("amr", 12), ("health", 6), ("fire", 6)]:
        for k in range(1, count + 1):
            ins = {"id": f"{department}-{k:02d}", "department": department}
            if k == 2:
                ins["conflicts"] = [{"district": "yanerwo"}]
            if k == 3:
                ins["conflicts"] = [{"industry": "food"}, {"entity": "91650102MA00000007"}]
            out.append(ins)
    return out


SPEC = {
    "jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "天山区2022年第1批 公开摇号 0417-2291-8830",
    "checks": [
        {"department": "amr", "items": ["licence", "annual-report"]},
        {"department": "health", "items": ["hygiene"], "industries": ["food"]},
        {"department": "fire", "items": ["fire-exits"], "industries": ["retail", "building"]},
    ],
}


def tour(ctx: zhengce.Context) -> None:
    print(f"\n== Double-random inspection (双随机、一公开) {'=' * 36}")
    register, inspectors = synthetic_register(50_000), directory()
    plan = zhengce.InspectionPlan.draw(ctx, register, inspectors, SPEC)
    value = plan.to_json_value()
    print(f"{len(register)} entities, {len(inspectors)} inspectors, seed '{SPEC['seed']}'")
    print(f"base ratio {value['base_ratio']} ({value['parameters'][0]['source']['document']}), "
          f"{value['inspectors_per_check']} inspectors per check")
    print("\n  class  population  flagged    ratio  drawn  selected  realised")
    for s in plan.strata:
        print(f"  {s['credit_class']:<5} {s['population']:>11} {s['flagged']:>8} {s['ratio']:>8} {s['sample']:>6} "
              f"{s['selected']:>9} {s['realised_ratio']:>9}")
    visits = plan.visits
    joint = sum(len(v["checks"]) > 1 for v in visits)
    off_site = sum(v["mode"] == "off_site" for v in visits)
    print(f"\n{len(visits)} visits: {joint} joint (进一次门、查多项事), {off_site} off site (class A drawn at random), "
          f"{value['out_of_scope']} out of scope")
    for v in visits[:3]:
        checks = "; ".join(f"{c['department']}: {'+'.join(c['items'])}" for c in v["checks"])
        print(f"  #{v['number']:<4} {v['entity']} class {v['credit_class']} {v['reason']} {v['mode']} [{checks}] "
              f"by {', '.join(i['id'] for i in v['inspectors'])}")
    publish_by = value["publication"]["publish_by"] or value["publication"]["publish_by_unknown"]
    print(f"results public within {value['publication']['working_days']} working days: by {publish_by}")

    print(f"\nverify the published plan: matches = {str(plan.verify(ctx, register, inspectors)['matches']).lower()}")
    forged = plan.to_json_value()
    forged["visits"][0]["inspectors"][0]["id"] = "amr-99"
    report = zhengce.InspectionPlan.from_json_value(forged).verify(ctx, register, inspectors)
    d = report["differences"][0]
    print(f"verify a forged copy: matches = {str(report['matches']).lower()}; {d['path']}: "
          f"published \"{d['published']}\", derived \"{d['derived']}\"")

    codes = {"unclassified": 0, "a": 1, "b": 2, "c": 3, "d": 4}
    classes = np.array([codes[e["credit_class"]] for e in register], dtype=np.uint8)
    flags = np.array([1 if e.get("flags") else 0 for e in register], dtype=np.uint8)
    draw = zhengce.StratifiedDraw.draw(ctx, {k: SPEC[k] for k in ("jurisdiction", "date", "seed")}, classes, flags=flags)
    picked = np.sort(np.concatenate([np.concatenate([draw.random_indices(s["key"]), draw.mandatory_indices(s["key"])])
                                     for s in draw.strata]))
    ids = np.array([e["id"] for e in register])
    same = list(ids[picked]) == [v["entity"] for v in visits]
    print(f"the columnar draw over the same class and flag columns selects the same {len(picked)} entities: "
          f"{str(same).lower()}")
    print("\nCSV, first two visits:")
    for line in plan.to_csv().splitlines()[:3]:
        print(f"  {line}")
