"""Drafting from Python: Tianshan's 87 measures read into a draft layer; the first targets next to their words."""

import pathlib

import zhengce

from catalogue import heading

SOURCE = pathlib.Path(__file__).parents[2] / "core" / "data" / "sources" / "002_f2cb9e304a2c1ebe.txt"


def tour(cat: zhengce.Catalogue) -> None:
    heading("Drafting a catalogue layer from a text")
    text = SOURCE.read_text(encoding="utf-8")
    meta = {"id": "tianshan-2022-87-draft", "jurisdiction": "cn-xj-urumqi-tianshan", "issued": "2022-05-18"}
    d = zhengce.draft(text, meta)
    s = d.stats
    print(f"{s['chars']} characters: {s['clauses']} clauses, {s['targets']} targets, "
          f"{s['time_limits']} time limits, {s['fees']} fee rules, {s['observations']} observations")
    targets = [i for i in d.items if i["kind"] == "target"][:6]
    for t in targets:
        # Spans count characters, so they index a Python str directly.
        start, end = t["span"]["start"], t["span"]["end"]
        print(f"  …{text[max(0, start - 14):start]}[{text[start:end]}]  → {t['comparator']} {t['value']} "
              f"{t['unit']} by {t.get('deadline', '-')} ({t['clause']})")
    layered = cat.layered(d.layer_json())
    print(f"layered over the built-in catalogue: {len(layered.targets())} targets in all")
