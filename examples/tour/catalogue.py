"""The catalogue from Python: documents per jurisdiction, a measure with its citation, search."""

import datetime

import zhengce


def heading(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def tour(cat: zhengce.Catalogue) -> None:
    heading("Catalogue")
    for j in cat.to_json_value()["jurisdictions"]:
        if j["level"] != "district":
            continue
        for d in cat.documents(jurisdiction=j["id"]):
            measures = len(cat.measures(document=d["id"]))
            targets = len(cat.targets(document=d["id"]))
            print(f"  {j['name']['en']:<40} {d['id']:<28} {measures:>3} measures {targets:>3} targets")
    measure = cat.measure("tianshan-2022-87/m68")
    clause = cat.clause(measure["source"]["clause"])
    print(f"\n  {measure['id']} — {measure['title']['zh']} cites item {clause['label']}")
    print(f"  「{clause['text']}」")
    hits = cat.search("投标保证金", kinds=["clause"])
    print(f"\n  search 投标保证金 in clauses: {[h['id'] for h in hits]}")
    rate = cat.parameter_value("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan", datetime.date(2022, 6, 1))
    print(f"  bid-bond rate in Tianshan on 2022-06-01: {rate['value']} (from {rate['source']['clause']})")
    try:
        cat.layered({"units": [{"id": "x", "name": {"zh": "", "en": "X"}, "kind": "department", "jurisdiction": "cn", "source": {"document": "nope"}}]})
    except zhengce.InvalidCatalogueError as err:
        print(f"  a bad overlay: {len(err.errors())} problems, first at {err.errors()[0]['path']}")
