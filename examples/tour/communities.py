"""Communities from Python: Tianshan's six pilots registered; who is responsible for the pilot target."""

import zhengce

from catalogue import heading

TYPES = ["convenience-economy", "modern-services", "childcare-services", "elderly-domestic-services",
         "health-services", "e-commerce"]


def tour(ctx: zhengce.Context) -> None:
    heading("Communities and the responsibility chain")
    registry = zhengce.Communities(ctx)
    pilots = [
        {"id": f"tianshan-pilot-{n}", "name": {"zh": f"天山区试点创业社区{n}", "en": f"Tianshan pilot community {n}"},
         "jurisdiction": "cn-xj-urumqi-tianshan", "sub_district": "tianshan-subdistricts", "types": [t],
         "programmes": ["urumqi-2022-startup-communities/programme", "tianshan-2022-87/programme"],
         "targets": ["tianshan-2022-87/t81a", "tianshan-2022-87/t81c"],
         "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}}
        for n, t in enumerate(TYPES, start=1)
    ]
    print(f"{registry.register_all(pilots)} pilot communities registered (synthetic names)")
    answer = registry.responsible("tianshan-2022-87/t81a", "tianshan-pilot-3")
    for holder in answer["chain"]:
        print(f"  {holder['level']['zh']:<14} {holder['role']:<13} {holder.get('name', {}).get('zh', '(not recorded)')}")
    print("  cites " + ", ".join(c.get("clause", c["document"]) for c in answer["clauses"]))
