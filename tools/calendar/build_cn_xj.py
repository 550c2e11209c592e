#!/usr/bin/env python3
"""Build core/data/calendar/cn-xj.json: the Xinjiang overlay on cn.json.

Each year is transcribed from the 新疆维吾尔自治区人民政府办公厅 notice on that
year's holidays (quoted in the comments).  Nothing is computed from the Hijri
calendar: a year is here only if its notice was found.

Coverage is the list of years whose notice was found (2022, 2023, 2025): it need not be
contiguous, and a consumer must treat every other date as unknown.

Conventions (see core/data/calendar/README.md):
- `off`       = every day off of the regional block (weekends inside it included);
                these days are off in Xinjiang even if cn.json makes them working days.
- `statutory` = the days given off for the festival itself, i.e. the weekdays of `off`
                (肉孜节 1 day, 古尔邦节 3 days in every notice read).
- `festival_date` = the day the notice names as the festival ("X月X日是肉孜节").
- `work`      = make-up working days declared by the region (none in the years covered).

Usage: python3 tools/calendar/build_cn_xj.py [--check]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "core" / "data" / "calendar" / "cn-xj.json"
D = dt.date.fromisoformat

NAMES = {
    "eid_al_fitr": {"zh": "肉孜节", "en": "Eid al-Fitr (Ramadan Festival)"},
    "eid_al_adha": {"zh": "古尔邦节", "en": "Eid al-Adha (Corban Festival)"},
}


def rng(a, b=None):
    s, e = D(a), D(b or a)
    return [s + dt.timedelta(days=i) for i in range((e - s).days + 1)]


def block(festival, festival_date, off, work=(), note=None):
    off = sorted(off)
    stat = [d for d in off if d.weekday() < 5]
    for w in work:
        assert D(w).weekday() >= 5
    out = {
        "festival": festival,
        "name": NAMES[festival],
    }
    if festival_date:
        out["festival_date"] = festival_date
    out |= {
        "off": [d.isoformat() for d in off],
        "statutory": [d.isoformat() for d in stat],
        "work": sorted(work),
    }
    if note:
        out["note"] = note
    return out


YEARS = [
    # 2022 — (五)肉孜节：5月3日是肉孜节，5月5日放假调休1天。
    #        (七)古尔邦节：7月10日是古尔邦节，7月9日至13日放假调休，共5天。
    {
        "year": 2022,
        "source_quality": "secondary",
        "source": {
            "title": "2022年新疆节假日放假安排和冬夏季作息时间（新疆维吾尔自治区人民政府办公厅通知，转载）",
            "number": None,
            "published": None,
            "url": "https://m.how234.com/eamysddhrcf.html",
            "see_also": ["http://www.7tqp.com/news_2804193.shtml",
                         "https://miaozhibang.com/xiaoxiao/zixun/n76y5.html"],
        },
        "holidays": [
            block("eid_al_fitr", "2022-05-03", rng("2022-05-05"), note={
                "zh": "5月3日（星期二）肉孜节在全国劳动节假期（4月30日至5月4日）内，自治区安排5月5日（星期四）放假调休1天。",
                "en": "The festival (Tue 3 May) fell inside the national Labour Day block (30 April-4 May); "
                      "the region gave Thursday 5 May off instead."}),
            block("eid_al_adha", "2022-07-10", rng("2022-07-09", "2022-07-13")),
        ],
    },
    # 2023 — (四)肉孜节：4月22日是肉孜节，4月21日放假调休1天。
    #        (七)古尔邦节：6月29日是古尔邦节，6月28日至30日放假，共3天。
    #        新疆维吾尔自治区人民政府办公厅 2022年12月25日
    {
        "year": 2023,
        "source_quality": "official_text",
        "source": {
            "title": "新疆维吾尔自治区人民政府办公厅关于2023年节假日放假安排和冬夏季作息时间的通知",
            "number": None,
            "published": "2022-12-25",
            "url": "http://meili43.com/yule/2023/0103/333850.html",
            "see_also": ["https://xjahq.gov.cn/xjahq/c105261/202212/4393302f819e4ae58e52edd06628b001.shtml"],
        },
        "holidays": [
            block("eid_al_fitr", "2023-04-22", rng("2023-04-21"), note={
                "zh": "4月22日肉孜节为星期六，自治区安排4月21日（星期五）放假调休1天。",
                "en": "The festival fell on Saturday 22 April; the region gave Friday 21 April off."}),
            block("eid_al_adha", "2023-06-29", rng("2023-06-28", "2023-06-30")),
        ],
    },
    # 2024 — no text of the regional notice was found (searched: the regional notice's title as in 2023
    #        and 2025, prefecture and county relays).  China News Service, 2024-04-10: 肉孜节 10 April,
    #        1 day off, "按照当地此前公布的2024年节假日放假安排"; China News Service, 2024-06-17: 17 June is
    #        古尔邦节, 17-19 June off, joined to the weekend of 15-16 June.  State-media reports of the
    #        arrangement, not the notice: source_quality "state_media".
    {
        "year": 2024,
        "source_quality": "state_media",
        "source": {
            "title": "新疆维吾尔自治区2024年节假日放假安排（自治区人民政府办公厅通知，据中国新闻网2024年4月10日、6月17日报道）",
            "number": None,
            "published": None,
            "url": None,
        },
        "holidays": [
            block("eid_al_fitr", "2024-04-10", rng("2024-04-10"), note={
                "zh": "中国新闻网2024年4月10日报道：按照当地此前公布的2024年节假日放假安排，肉孜节（4月10日）放假1天。",
                "en": "China News Service, 2024-04-10: under the region's published 2024 arrangement, the festival "
                      "(Wednesday 10 April) is one day off."}),
            block("eid_al_adha", "2024-06-17", rng("2024-06-15", "2024-06-19"), note={
                "zh": "中国新闻网2024年6月17日报道：6月17日是古尔邦节，6月17日至19日放假，与6月15日、16日周末连休。",
                "en": "China News Service, 2024-06-17: 17 June is the festival; 17-19 June off, joined to the "
                      "weekend of 15-16 June."}),
        ],
    },
    # 2025 — (三)肉孜节：3月31日（周一）是少数民族习惯节日肉孜节，3月29日（周六）至31日（周一）放假，共3天。
    #        (七)古尔邦节：6月6日（周五）是少数民族习惯节日古尔邦节，6月6日（周五）至10日（周二）放假，共5天。
    #        No regional make-up working day (the 上班 days listed are the national ones).
    {
        "year": 2025,
        "source_quality": "official_text",
        "source": {
            "title": "新疆维吾尔自治区人民政府办公厅关于2025年节假日放假和冬夏季作息时间安排的通知",
            "number": None,
            "published": None,
            "url": "http://www.mnw.cn/news/cj/3018205.html",
            "see_also": ["http://tkx.gov.cn/tkxx/c106471/202504/fd1ceb86c322408a9aa773014e3b7f58.shtml"],
        },
        "holidays": [
            block("eid_al_fitr", "2025-03-31", rng("2025-03-29", "2025-03-31"), note={
                "zh": "3月31日（周一）是肉孜节，3月29日（周六）至31日（周一）放假，共3天。",
                "en": "The festival fell on Monday 31 March; 29-31 March off (Saturday and Sunday included)."}),
            block("eid_al_adha", "2025-06-06", rng("2025-06-06", "2025-06-10"), note={
                "zh": "6月6日（周五）是古尔邦节，6月6日（周五）至10日（周二）放假，共5天。",
                "en": "The festival fell on Friday 6 June; 6-10 June off (three weekdays and the weekend between)."}),
        ],
    },
    # 2026 — the regional 2026 arrangement as broadcast by China Media Group (Uyghur service) on
    #        2025-12-26: 肉孜节 21 March (Saturday), 20-22 March off, 3 days; 古尔邦节 27-31 May off, 5 days.
    #        The Chinese text was not found; whether a regional make-up working day follows is not in
    #        the broadcast, so none is listed.  source_quality "state_media".
    {
        "year": 2026,
        "source_quality": "state_media",
        "source": {
            "title": "新疆维吾尔自治区2026年节假日放假安排（自治区人民政府办公厅通知，据中央广播电视总台维吾尔语广播2025年12月26日报道）",
            "number": None,
            "published": None,
            "url": None,
        },
        "holidays": [
            block("eid_al_fitr", "2026-03-21", rng("2026-03-20", "2026-03-22"), note={
                "zh": "3月21日（星期六）是肉孜节，3月20日至22日放假，共3天（据总台维吾尔语广播）。",
                "en": "The festival falls on Saturday 21 March; 20-22 March off, 3 days (China Media Group, Uyghur)."}),
            block("eid_al_adha", None, rng("2026-05-27", "2026-05-31"), note={
                "zh": "5月27日至31日放假，共5天（据总台维吾尔语广播；是否调休上班未见于所见文本）。",
                "en": "27-31 May off, 5 days (China Media Group, Uyghur); whether a make-up working day follows "
                      "is not in the text found."}),
        ],
    },
]


def build():
    return {
        "id": "cn-xj",
        "name": {"zh": "新疆维吾尔自治区少数民族习惯节日放假",
                 "en": "Xinjiang Uygur Autonomous Region: ethnic-minority festival days off"},
        "jurisdiction": "cn-xj",
        "extends": "cn",
        "coverage": [{"from": "2022-01-01", "until": "2026-12-31"}],
        "rules": [
            {
                "effective_from": "2012-01-01",
                "source": {
                    "title": "新疆维吾尔自治区人民政府关于修改《新疆维吾尔自治区少数民族习惯节日放假办法》的决定",
                    "number": "自治区人民政府令第174号",
                    "published": None,
                    "url": None,
                },
                "statutory_days": "肉孜节 and 古尔邦节 are days off for everyone in the region (全疆各族人民群众), "
                                  "dates and lengths announced each year by the 自治区人民政府办公厅. Every notice read "
                                  "(2022, 2023, 2025) and report (2024, 2026) gives 肉孜节 1 weekday and 古尔邦节 3 weekdays off, plus adjoining "
                                  "weekends. The text of the 办法 itself was not read; see README.",
            }
        ],
        "years": YEARS,
    }


def render(data):
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = render(build())
    if args.check:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT} is {'up to date' if ok else 'stale'}")
        return 0 if ok else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
