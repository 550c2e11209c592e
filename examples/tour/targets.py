"""Targets from Python: the tour's synthetic observations against the Tianshan and Putuo
targets, scorecards by group and by responsible unit as pandas DataFrames, the childcare check."""

import datetime
import json
import pathlib

import pandas as pd
import zhengce

from catalogue import heading

OBSERVATIONS = json.loads((pathlib.Path(__file__).parent / "observations.json").read_text(encoding="utf-8"))
COLUMNS = ["name_zh", "met", "on_track", "at_risk", "off_track", "missed", "no_data", "total"]


def tour(ctx: zhengce.Context) -> None:
    heading("Targets and scorecards")
    monitor = zhengce.Monitor(ctx)
    added = monitor.add_observations(pd.DataFrame(OBSERVATIONS))
    print(f"{added} synthetic observations added ({len(monitor)} held with the catalogue's baselines)")
    as_of = datetime.date(2022, 10, 31)
    a = monitor.assess("tianshan-2022-87/t28", as_of)
    print(f"\nTianshan item 28 on {as_of}: {a['status']} ({a['basis']}): {a['note']}")
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 12)
    pd.set_option("display.unicode.east_asian_width", True)
    by_group = monitor.scorecard(as_of, by=["group"], document="tianshan-2022-87")
    print(f"\nTianshan by group, as of {as_of}:")
    print(by_group.to_pandas()[COLUMNS].fillna({"name_zh": "all"}).to_string(index=False))
    by_unit = monitor.scorecard(as_of, by=["unit"], document="putuo-2019-startup-district")
    print(f"\nPutuo by responsible unit (责任部门), as of {as_of}:")
    print(by_unit.to_pandas()[COLUMNS].fillna({"name_zh": "all"}).to_string(index=False))
    check = monitor.check_ratio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", 500000)
    print(f"\nTianshan item 85: the two targets agree only for {check['implied_population']} residents; {check['note']}")
