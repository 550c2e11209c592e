#!/usr/bin/env python3
"""Build core/data/calendar/cn.json from the State Council notices.

Every block below is transcribed from the 国务院办公厅 notice of its year
(the notice text is quoted in the comment above each year).  The statutory
days are not transcribed: they are computed from the 全国年节及纪念日放假办法
in force that year (see RULES) with the lunar calendar (package `lunardate`)
and the Qingming solar-term table QINGMING (checked against
chinese_calendar.get_solar_terms by check_against_chinese_calendar.py).

Usage:  python3 tools/calendar/build_cn.py            # writes core/data/calendar/cn.json
        python3 tools/calendar/build_cn.py --check    # exits 1 if the file is stale

Conventions (see core/data/calendar/README.md):
- `off`   = every day off of the block, weekends inside it included.  When a
            notice says 与周末连休 / 放假公休 the adjoining weekend is part of the
            block; otherwise only the days the notice names (and the days
            between them) are listed.
- `work`  = weekend days the notice declares 上班.
- A block that starts or ends in the neighbouring calendar year (元旦 blocks)
  is listed under the year of the notice that set it.
- Combined 中秋节、国庆节 items: one `national_day` block carries all days;
  a `mid_autumn` block with empty off/work, `merged_into: "national_day"`
  and its statutory day.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from lunardate import LunarDate

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "core" / "data" / "calendar" / "cn.json"

D = dt.date.fromisoformat

NAMES = {
    "new_year": {"zh": "元旦", "en": "New Year's Day"},
    "spring_festival": {"zh": "春节", "en": "Spring Festival"},
    "tomb_sweeping": {"zh": "清明节", "en": "Tomb-Sweeping Day (Qingming)"},
    "labour_day": {"zh": "劳动节", "en": "Labour Day"},
    "dragon_boat": {"zh": "端午节", "en": "Dragon Boat Festival"},
    "mid_autumn": {"zh": "中秋节", "en": "Mid-Autumn Festival"},
    "national_day": {"zh": "国庆节", "en": "National Day"},
    "victory_day_70th": {
        "zh": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
        "en": "70th anniversary of the victory of the Chinese People's War of "
        "Resistance against Japanese Aggression and the World Anti-Fascist War",
    },
}

# 清明 (solar term) day of April, 2004-2026.  Verified against
# chinese_calendar.get_solar_terms and, where they name it, the notices
# (2008: 4月4日（清明节）; 2009: 4月4日（星期六、农历清明当日）).
QINGMING = {
    2004: 4, 2005: 5, 2006: 5, 2007: 5, 2008: 4, 2009: 4, 2010: 5, 2011: 5,
    2012: 4, 2013: 4, 2014: 5, 2015: 5, 2016: 4, 2017: 4, 2018: 5, 2019: 5,
    2020: 4, 2021: 4, 2022: 5, 2023: 5, 2024: 4, 2025: 4, 2026: 5,
}

RULES = [
    {
        "effective_from": "1999-09-18",
        "source": {
            "title": "全国年节及纪念日放假办法",
            "number": "国务院令第270号",
            "published": "1999-09-18",
            "url": None,
        },
        "statutory_days": "元旦1 (1月1日), 春节3 (农历正月初一、初二、初三), 劳动节3 (5月1日、2日、3日), "
        "国庆节3 (10月1日、2日、3日): 10 days. Art. 6: a statutory day on Sat/Sun is made up on a working day. "
        "In force on publication (自发布之日起施行).",
    },
    {
        "effective_from": "2008-01-01",
        "source": {
            "title": "国务院关于修改《全国年节及纪念日放假办法》的决定",
            "number": "国务院令第513号",
            "published": "2007-12-14",
            "url": None,
        },
        "statutory_days": "元旦1 (1月1日), 春节3 (农历除夕、正月初一、初二), 清明节1 (农历清明当日), "
        "劳动节1 (5月1日), 端午节1 (农历端午当日), 中秋节1 (农历中秋当日), 国庆节3 (10月1日、2日、3日): 11 days.",
    },
    {
        "effective_from": "2014-01-01",
        "source": {
            "title": "国务院关于修改《全国年节及纪念日放假办法》的决定",
            "number": "国务院令第644号",
            "published": "2013-12-11",
            "url": "http://www.gov.cn/zhuanti/2013-12/11/content_2610576.htm",
        },
        "statutory_days": "元旦1 (1月1日), 春节3 (农历正月初一、初二、初三), 清明节1 (农历清明当日), "
        "劳动节1 (5月1日), 端午节1 (农历端午当日), 中秋节1 (农历中秋当日), 国庆节3 (10月1日、2日、3日): 11 days.",
    },
    {
        "effective_from": "2025-01-01",
        "source": {
            "title": "国务院关于修改《全国年节及纪念日放假办法》的决定",
            "number": "国务院令第795号",
            "published": "2024-11-10",
            "url": None,
        },
        "statutory_days": "元旦1 (1月1日), 春节4 (农历除夕、正月初一至初三), 清明节1 (农历清明当日), "
        "劳动节2 (5月1日、2日), 端午节1 (农历端午当日), 中秋节1 (农历中秋当日), 国庆节3 (10月1日至3日): 13 days. "
        "New art. 7: 调休 allowed; apart from special cases no more than 6 consecutive working days before/after a holiday.",
    },
]


def lunar(year: int, month: int, day: int) -> dt.date:
    return LunarDate(year, month, day).to_solar_date()


def eve(year: int) -> dt.date:
    """除夕: the day before 正月初一 of lunar year `year`."""
    return lunar(year, 1, 1) - dt.timedelta(days=1)


def statutory(festival: str, year: int) -> list[dt.date]:
    """Statutory days of `festival` in `year` under the 放假办法 in force."""
    if festival == "new_year":
        return [dt.date(year, 1, 1)]
    if festival == "national_day":
        return [dt.date(year, 10, d) for d in (1, 2, 3)]
    if festival == "spring_festival":
        d1 = lunar(year, 1, 1)
        if year < 2008 or 2014 <= year:
            days = [d1 + dt.timedelta(days=i) for i in range(3)]
        else:  # 2008-2013: 除夕、初一、初二
            days = [eve(year), d1, d1 + dt.timedelta(days=1)]
        if year >= 2025:  # 除夕 + 初一至初三
            days = [eve(year)] + days
        return days
    if festival == "labour_day":
        if year < 2008:
            return [dt.date(year, 5, d) for d in (1, 2, 3)]
        if year < 2025:
            return [dt.date(year, 5, 1)]
        return [dt.date(year, 5, 1), dt.date(year, 5, 2)]
    if year < 2008:
        raise ValueError(f"{festival} is not a statutory holiday in {year}")
    if festival == "tomb_sweeping":
        return [dt.date(year, 4, QINGMING[year])]
    if festival == "dragon_boat":
        return [lunar(year, 5, 5)]
    if festival == "mid_autumn":
        return [lunar(year, 8, 15)]
    raise ValueError(festival)


def rng(a: str, b: str | None = None) -> list[dt.date]:
    start, end = D(a), D(b or a)
    assert start <= end, (a, b)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def B(festival, off=(), work=(), statutory_days=None, merged_into=None, note=None, source=None, amended_by=None,
      original=None):
    return dict(festival=festival, off=list(off), work=[D(w) for w in work], statutory_days=statutory_days,
                merged_into=merged_into, note=note, source=source, amended_by=amended_by, original=original)


def notice(year, number, published, url):
    return {"title": f"国务院办公厅关于{year}年部分节假日安排的通知", "number": number,
            "published": published, "url": url}


def merged_mid_autumn():
    return B("mid_autumn", merged_into="national_day",
             note={"zh": "中秋节与国庆节合并放假，放假日期见国庆节条目。",
                   "en": "Mid-Autumn Festival shares the National Day block; its days off are listed there."})


WIKISOURCE = "https://zh.wikisource.org/wiki/"

YEARS = {}

# 2004 — 一、元旦：1月1日放假。二、春节：1月22日—28日放假，共7天 ... 1月17日、18日上班。
# 三、“五一”：5月1日—7日放假 ... 5月8日、9日上班。四、“十一”：10月1日—7日放假 ... 10月9日、10日上班。
YEARS[2004] = (notice(2004, None, None, WIKISOURCE + "国务院办公厅关于2004年部分节假日安排的通知"), [
    B("new_year", rng("2004-01-01")),
    B("spring_festival", rng("2004-01-22", "2004-01-28"), ["2004-01-17", "2004-01-18"]),
    B("labour_day", rng("2004-05-01", "2004-05-07"), ["2004-05-08", "2004-05-09"]),
    B("national_day", rng("2004-10-01", "2004-10-07"), ["2004-10-09", "2004-10-10"]),
])

# 2005 — 元旦：1月1日～3日放假；春节：2月9日～15日，2月5日、6日上班；
# “五一”：5月1日～7日，4月30日、5月8日上班；“十一”：10月1日～7日，10月8日、9日上班。
YEARS[2005] = (notice(2005, None, None, WIKISOURCE + "国务院办公厅关于2005年部分节假日安排的通知"), [
    B("new_year", rng("2005-01-01", "2005-01-03")),
    B("spring_festival", rng("2005-02-09", "2005-02-15"), ["2005-02-05", "2005-02-06"]),
    B("labour_day", rng("2005-05-01", "2005-05-07"), ["2005-04-30", "2005-05-08"]),
    B("national_day", rng("2005-10-01", "2005-10-07"), ["2005-10-08", "2005-10-09"]),
])

# 2006 (国办发明电〔2005〕35号) — 元旦：1月1日—3日放假 ... 12月31日(星期六)上班。
# 春节：1月29日—2月4日，1月28日、2月5日上班。“五一”：5月1日—7日，4月29日、30日上班。
# “十一”：10月1日—7日，9月30日、10月8日上班。
YEARS[2006] = (notice(2006, "国办发明电〔2005〕35号", "2005-12-16", "http://www.gov.cn/jrzg/2005-12/22/content_133837.htm"), [
    B("new_year", rng("2006-01-01", "2006-01-03"), ["2005-12-31"]),
    B("spring_festival", rng("2006-01-29", "2006-02-04"), ["2006-01-28", "2006-02-05"]),
    B("labour_day", rng("2006-05-01", "2006-05-07"), ["2006-04-29", "2006-04-30"]),
    B("national_day", rng("2006-10-01", "2006-10-07"), ["2006-09-30", "2006-10-08"]),
])

# 2007 (国办发明电〔2006〕49号) — 元旦：1月1日—3日 ... 2006年12月30日（星期六）、31日（星期日）上班。
# 春节：2月18日—24日，17日、25日上班。“五一”：5月1日—7日，4月28日、29日上班。
# “十一”：10月1日—7日，9月29日、30日上班。
YEARS[2007] = (notice(2007, "国办发明电〔2006〕49号", "2006-12-14", "http://www.gov.cn/zhengce/content/2008-03/28/content_1761.htm"), [
    B("new_year", rng("2007-01-01", "2007-01-03"), ["2006-12-30", "2006-12-31"]),
    B("spring_festival", rng("2007-02-18", "2007-02-24"), ["2007-02-17", "2007-02-25"]),
    B("labour_day", rng("2007-05-01", "2007-05-07"), ["2007-04-28", "2007-04-29"]),
    B("national_day", rng("2007-10-01", "2007-10-07"), ["2007-09-29", "2007-09-30"]),
])

# 2008 — 元旦：2007年12月30日—2008年1月1日放假 ... 12月29日（星期六）上班。
# 春节：2月6日—12日，2月2日、3日上班。清明节：4月4日—6日。“五一”：5月1日—3日，5月4日上班。
# 端午节：6月7日—9日。中秋节：9月13日—15日。国庆节：9月29日—10月5日，9月27日、28日上班。
YEARS[2008] = (notice(2008, None, None, "http://www.gov.cn/zhengce/content/2008-03/28/content_1645.htm"), [
    B("new_year", rng("2007-12-30", "2008-01-01"), ["2007-12-29"]),
    B("spring_festival", rng("2008-02-06", "2008-02-12"), ["2008-02-02", "2008-02-03"]),
    B("tomb_sweeping", rng("2008-04-04", "2008-04-06")),
    B("labour_day", rng("2008-05-01", "2008-05-03"), ["2008-05-04"]),
    B("dragon_boat", rng("2008-06-07", "2008-06-09")),
    B("mid_autumn", rng("2008-09-13", "2008-09-15")),
    B("national_day", rng("2008-09-29", "2008-10-05"), ["2008-09-27", "2008-09-28"]),
])

# 2009 (国办发明电〔2008〕42号) — 元旦：1月1日至3日，1月4日上班。春节：1月25日至31日，1月24日、2月1日上班。
# 清明节：4月4日至6日。劳动节：5月1日至3日。端午节：5月28日至30日，5月31日上班。
# 国庆节、中秋节：10月1日至8日，9月27日、10月10日上班。
YEARS[2009] = (notice(2009, "国办发明电〔2008〕42号", None, "http://www.gov.cn/zhengce/content/2008-12/10/content_1572.htm"), [
    B("new_year", rng("2009-01-01", "2009-01-03"), ["2009-01-04"]),
    B("spring_festival", rng("2009-01-25", "2009-01-31"), ["2009-01-24", "2009-02-01"]),
    B("tomb_sweeping", rng("2009-04-04", "2009-04-06")),
    B("labour_day", rng("2009-05-01", "2009-05-03")),
    B("dragon_boat", rng("2009-05-28", "2009-05-30"), ["2009-05-31"]),
    B("national_day", rng("2009-10-01", "2009-10-08"), ["2009-09-27", "2009-10-10"]),
    merged_mid_autumn(),
])

# 2010 (国办发明电〔2009〕27号) — 元旦：1月1日至3日放假公休。春节：2月13日至19日，2月20日、21日上班。
# 清明节：4月3日至5日放假公休。劳动节：5月1日至3日放假公休。端午节：6月14日至16日，6月12日、13日上班。
# 中秋节：9月22日至24日，9月19日、25日上班。国庆节：10月1日至7日，9月26日、10月9日上班。
YEARS[2010] = (notice(2010, "国办发明电〔2009〕27号", "2009-12-07", "http://www.gov.cn/zhengce/content/2009-12/08/content_1476.htm"), [
    B("new_year", rng("2010-01-01", "2010-01-03")),
    B("spring_festival", rng("2010-02-13", "2010-02-19"), ["2010-02-20", "2010-02-21"]),
    B("tomb_sweeping", rng("2010-04-03", "2010-04-05")),
    B("labour_day", rng("2010-05-01", "2010-05-03")),
    B("dragon_boat", rng("2010-06-14", "2010-06-16"), ["2010-06-12", "2010-06-13"]),
    B("mid_autumn", rng("2010-09-22", "2010-09-24"), ["2010-09-19", "2010-09-25"]),
    B("national_day", rng("2010-10-01", "2010-10-07"), ["2010-09-26", "2010-10-09"]),
])

# 2011 (国办发明电〔2010〕40号) — 元旦：1月1日至3日放假公休。春节：2月2日（农历除夕）至8日，1月30日、2月12日上班。
# 清明节：4月3日至5日，4月2日上班。劳动节：4月30日至5月2日放假公休。端午节：6月4日至6日放假公休。
# 中秋节：9月10日至12日放假公休。国庆节：10月1日至7日，10月8日、9日上班。
YEARS[2011] = (notice(2011, "国办发明电〔2010〕40号", "2010-12-09", "http://www.gov.cn/zwgk/2010-12/10/content_1762643.htm"), [
    B("new_year", rng("2011-01-01", "2011-01-03")),
    B("spring_festival", rng("2011-02-02", "2011-02-08"), ["2011-01-30", "2011-02-12"]),
    B("tomb_sweeping", rng("2011-04-03", "2011-04-05"), ["2011-04-02"]),
    B("labour_day", rng("2011-04-30", "2011-05-02")),
    B("dragon_boat", rng("2011-06-04", "2011-06-06")),
    B("mid_autumn", rng("2011-09-10", "2011-09-12")),
    B("national_day", rng("2011-10-01", "2011-10-07"), ["2011-10-08", "2011-10-09"]),
])

# 2012 (国办发明电〔2011〕45号) — 元旦：2012年1月1日至3日，2011年12月31日（星期六）上班。
# 春节：1月22日至28日，1月21日、29日上班。清明节：4月2日至4日，3月31日、4月1日上班。
# 劳动节：4月29日至5月1日，4月28日上班。端午节：6月22日至24日放假公休。
# 中秋节、国庆节：9月30日至10月7日，9月29日上班。
YEARS[2012] = (notice(2012, "国办发明电〔2011〕45号", "2011-12-05", "http://www.gov.cn/zwgk/2011-12/06/content_2012097.htm"), [
    B("new_year", rng("2012-01-01", "2012-01-03"), ["2011-12-31"]),
    B("spring_festival", rng("2012-01-22", "2012-01-28"), ["2012-01-21", "2012-01-29"]),
    B("tomb_sweeping", rng("2012-04-02", "2012-04-04"), ["2012-03-31", "2012-04-01"]),
    B("labour_day", rng("2012-04-29", "2012-05-01"), ["2012-04-28"]),
    B("dragon_boat", rng("2012-06-22", "2012-06-24")),
    B("national_day", rng("2012-09-30", "2012-10-07"), ["2012-09-29"]),
    merged_mid_autumn(),
])

# 2013 (国办发明电〔2012〕33号) — 元旦：1月1日至3日，1月5日、6日上班。春节：2月9日至15日，2月16日、17日上班。
# 清明节：4月4日至6日，4月7日上班。劳动节：4月29日至5月1日，4月27日、28日上班。
# 端午节：6月10日至12日，6月8日、9日上班。中秋节：9月19日至21日，9月22日上班。
# 国庆节：10月1日至7日，9月29日、10月12日上班。
YEARS[2013] = (notice(2013, "国办发明电〔2012〕33号", "2012-12-08", "http://www.gov.cn/zwgk/2012-12/10/content_2286598.htm"), [
    B("new_year", rng("2013-01-01", "2013-01-03"), ["2013-01-05", "2013-01-06"]),
    B("spring_festival", rng("2013-02-09", "2013-02-15"), ["2013-02-16", "2013-02-17"]),
    B("tomb_sweeping", rng("2013-04-04", "2013-04-06"), ["2013-04-07"]),
    B("labour_day", rng("2013-04-29", "2013-05-01"), ["2013-04-27", "2013-04-28"]),
    B("dragon_boat", rng("2013-06-10", "2013-06-12"), ["2013-06-08", "2013-06-09"]),
    B("mid_autumn", rng("2013-09-19", "2013-09-21"), ["2013-09-22"]),
    B("national_day", rng("2013-10-01", "2013-10-07"), ["2013-09-29", "2013-10-12"]),
])

# 2014 (国办发明电〔2013〕28号) — 元旦：1月1日放假1天。春节：1月31日至2月6日，1月26日、2月8日上班。
# 清明节：4月5日放假，4月7日（星期一）补休。劳动节：5月1日至3日，5月4日上班。
# 端午节：6月2日放假，与周末连休。中秋节：9月8日放假，与周末连休。国庆节：10月1日至7日，9月28日、10月11日上班。
YEARS[2014] = (notice(2014, "国办发明电〔2013〕28号", "2013-12-11", "http://www.gov.cn/zwgk/2013-12/11/content_2546204.htm"), [
    B("new_year", rng("2014-01-01")),
    B("spring_festival", rng("2014-01-31", "2014-02-06"), ["2014-01-26", "2014-02-08"]),
    B("tomb_sweeping", rng("2014-04-05", "2014-04-07")),
    B("labour_day", rng("2014-05-01", "2014-05-03"), ["2014-05-04"]),
    B("dragon_boat", rng("2014-05-31", "2014-06-02")),
    B("mid_autumn", rng("2014-09-06", "2014-09-08")),
    B("national_day", rng("2014-10-01", "2014-10-07"), ["2014-09-28", "2014-10-11"]),
])

# 2015 (国办发明电〔2014〕28号) — 元旦：1月1日至3日，1月4日上班。春节：2月18日至24日，2月15日、28日上班。
# 清明节：4月5日放假，4月6日（星期一）补休。劳动节：5月1日放假，与周末连休。
# 端午节：6月20日放假，6月22日（星期一）补休。中秋节：9月27日放假。国庆节：10月1日至7日，10月10日上班。
# + 国发明电〔2015〕1号：9月3日至5日调休放假，共3天 ... 9月6日（星期日）上班。
VICTORY = {"title": "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知",
           "number": "国发明电〔2015〕1号", "published": "2015-05-13",
           "url": "http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm"}
YEARS[2015] = (notice(2015, "国办发明电〔2014〕28号", "2014-12-16", "http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm"), [
    B("new_year", rng("2015-01-01", "2015-01-03"), ["2015-01-04"]),
    B("spring_festival", rng("2015-02-18", "2015-02-24"), ["2015-02-15", "2015-02-28"]),
    B("tomb_sweeping", rng("2015-04-05", "2015-04-06")),
    B("labour_day", rng("2015-05-01", "2015-05-03")),
    B("dragon_boat", rng("2015-06-20", "2015-06-22")),
    B("victory_day_70th", rng("2015-09-03", "2015-09-05"), ["2015-09-06"], statutory_days=[D("2015-09-03")],
      source=VICTORY,
      note={"zh": "2015年9月3日全国放假1天（国务院通知，非放假办法规定的节日）；9月4日调休，9月6日（星期日）上班。",
            "en": "One-off national day off on 2015-09-03 by State Council notice (not a festival of the 放假办法); "
                  "2015-09-04 is a swapped rest day and Sunday 2015-09-06 a working day."}),
    B("mid_autumn", rng("2015-09-27")),
    B("national_day", rng("2015-10-01", "2015-10-07"), ["2015-10-10"]),
])

# 2016 (国办发明电〔2015〕18号) — 元旦：1月1日放假，与周末连休。春节：2月7日至13日，2月6日、14日上班。
# 清明节：4月4日放假，与周末连休。劳动节：5月1日放假，5月2日（星期一）补休。
# 端午节：6月9日至11日，6月12日上班。中秋节：9月15日至17日，9月18日上班。国庆节：10月1日至7日，10月8日、9日上班。
YEARS[2016] = (notice(2016, "国办发明电〔2015〕18号", "2015-12-10", "http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm"), [
    B("new_year", rng("2016-01-01", "2016-01-03")),
    B("spring_festival", rng("2016-02-07", "2016-02-13"), ["2016-02-06", "2016-02-14"]),
    B("tomb_sweeping", rng("2016-04-02", "2016-04-04")),
    B("labour_day", rng("2016-05-01", "2016-05-02")),
    B("dragon_boat", rng("2016-06-09", "2016-06-11"), ["2016-06-12"]),
    B("mid_autumn", rng("2016-09-15", "2016-09-17"), ["2016-09-18"]),
    B("national_day", rng("2016-10-01", "2016-10-07"), ["2016-10-08", "2016-10-09"]),
])

# 2017 (国办发明电〔2016〕17号) — 元旦：1月1日放假，1月2日（星期一）补休。春节：1月27日至2月2日，1月22日、2月4日上班。
# 清明节：4月2日至4日，4月1日上班。劳动节：5月1日放假，与周末连休。端午节：5月28日至30日，5月27日上班。
# 中秋节、国庆节：10月1日至8日，9月30日上班。
YEARS[2017] = (notice(2017, "国办发明电〔2016〕17号", "2016-12-01", "http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm"), [
    B("new_year", rng("2017-01-01", "2017-01-02")),
    B("spring_festival", rng("2017-01-27", "2017-02-02"), ["2017-01-22", "2017-02-04"]),
    B("tomb_sweeping", rng("2017-04-02", "2017-04-04"), ["2017-04-01"]),
    B("labour_day", rng("2017-04-29", "2017-05-01")),
    B("dragon_boat", rng("2017-05-28", "2017-05-30"), ["2017-05-27"]),
    B("national_day", rng("2017-10-01", "2017-10-08"), ["2017-09-30"]),
    merged_mid_autumn(),
])

# 2018 (国办发明电〔2017〕12号) — 元旦：1月1日放假，与周末连休。春节：2月15日至21日，2月11日、24日上班。
# 清明节：4月5日至7日，4月8日上班。劳动节：4月29日至5月1日，4月28日上班。端午节：6月18日放假，与周末连休。
# 中秋节：9月24日放假，与周末连休。国庆节：10月1日至7日，9月29日、30日上班。
YEARS[2018] = (notice(2018, "国办发明电〔2017〕12号", "2017-11-30", "http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm"), [
    B("new_year", rng("2017-12-30", "2018-01-01")),
    B("spring_festival", rng("2018-02-15", "2018-02-21"), ["2018-02-11", "2018-02-24"]),
    B("tomb_sweeping", rng("2018-04-05", "2018-04-07"), ["2018-04-08"]),
    B("labour_day", rng("2018-04-29", "2018-05-01"), ["2018-04-28"]),
    B("dragon_boat", rng("2018-06-16", "2018-06-18")),
    B("mid_autumn", rng("2018-09-22", "2018-09-24")),
    B("national_day", rng("2018-10-01", "2018-10-07"), ["2018-09-29", "2018-09-30"]),
])

# 2019 (国办发明电〔2018〕15号) — 元旦：2018年12月30日至2019年1月1日，2018年12月29日上班。
# 春节：2月4日至10日，2月2日、3日上班。清明节：4月5日放假，与周末连休。劳动节：5月1日放假。
# 端午节：6月7日放假，与周末连休。中秋节：9月13日放假，与周末连休。国庆节：10月1日至7日，9月29日、10月12日上班。
# + 国办发明电〔2019〕3号：2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。
LABOUR_2019 = {"title": "国务院办公厅关于调整2019年劳动节假期安排的通知", "number": "国办发明电〔2019〕3号",
               "published": "2019-03-22", "url": "http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm"}
YEARS[2019] = (notice(2019, "国办发明电〔2018〕15号", "2018-12-04", "http://www.gov.cn/zhengce/zhengceku/2018-12/06/content_5346276.htm"), [
    B("new_year", rng("2018-12-30", "2019-01-01"), ["2018-12-29"]),
    B("spring_festival", rng("2019-02-04", "2019-02-10"), ["2019-02-02", "2019-02-03"]),
    B("tomb_sweeping", rng("2019-04-05", "2019-04-07")),
    B("labour_day", rng("2019-05-01", "2019-05-04"), ["2019-04-28", "2019-05-05"], amended_by=[LABOUR_2019],
      original={"off": ["2019-05-01"], "work": []},
      note={"zh": "原通知为5月1日放假1天；国办发明电〔2019〕3号调整为5月1日至4日放假调休，4月28日、5月5日上班。",
            "en": "The annual notice gave 1 May only; 国办发明电〔2019〕3号 changed it to 1-4 May with Sundays 28 April and 5 May worked."}),
    B("dragon_boat", rng("2019-06-07", "2019-06-09")),
    B("mid_autumn", rng("2019-09-13", "2019-09-15")),
    B("national_day", rng("2019-10-01", "2019-10-07"), ["2019-09-29", "2019-10-12"]),
])

# 2020 (国办发明电〔2019〕16号) — 元旦：1月1日放假，共1天。春节：1月24日至30日，1月19日、2月1日上班。
# 清明节：4月4日至6日。劳动节：5月1日至5日，4月26日、5月9日上班。端午节：6月25日至27日，6月28日上班。
# 国庆节、中秋节：10月1日至8日，9月27日、10月10日上班。
# + 国办发明电〔2020〕1号：延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。
EXT_2020 = {"title": "国务院办公厅关于延长2020年春节假期的通知", "number": "国办发明电〔2020〕1号",
            "published": "2020-01-26", "url": "http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm"}
YEARS[2020] = (notice(2020, "国办发明电〔2019〕16号", "2019-11-21", "http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm"), [
    B("new_year", rng("2020-01-01")),
    B("spring_festival", rng("2020-01-24", "2020-02-02"), ["2020-01-19"], amended_by=[EXT_2020],
      original={"off": [d.isoformat() for d in rng("2020-01-24", "2020-01-30")], "work": ["2020-01-19", "2020-02-01"]},
      note={"zh": "原安排1月24日至30日放假、2月1日（星期六）上班；国办发明电〔2020〕1号（新冠肺炎疫情防控）将春节假期延长至2月2日，2月3日起正常上班，"
                  "1月31日、2月1日、2月2日因此为休息日（2月1日不再上班）。",
            "en": "Originally 24-30 January with Saturday 1 February worked; 国办发明电〔2020〕1号 (COVID-19) extended the holiday to "
                  "2 February, work resuming 3 February, so 31 January-2 February are days off and 1 February is no longer worked."}),
    B("tomb_sweeping", rng("2020-04-04", "2020-04-06")),
    B("labour_day", rng("2020-05-01", "2020-05-05"), ["2020-04-26", "2020-05-09"]),
    B("dragon_boat", rng("2020-06-25", "2020-06-27"), ["2020-06-28"]),
    B("national_day", rng("2020-10-01", "2020-10-08"), ["2020-09-27", "2020-10-10"]),
    merged_mid_autumn(),
])

# 2021 (国办发明电〔2020〕27号) — 元旦：1月1日至3日。春节：2月11日至17日，2月7日、20日上班。清明节：4月3日至5日。
# 劳动节：5月1日至5日，4月25日、5月8日上班。端午节：6月12日至14日。中秋节：9月19日至21日，9月18日上班。
# 国庆节：10月1日至7日，9月26日、10月9日上班。
YEARS[2021] = (notice(2021, "国办发明电〔2020〕27号", "2020-11-25", "http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm"), [
    B("new_year", rng("2021-01-01", "2021-01-03")),
    B("spring_festival", rng("2021-02-11", "2021-02-17"), ["2021-02-07", "2021-02-20"]),
    B("tomb_sweeping", rng("2021-04-03", "2021-04-05")),
    B("labour_day", rng("2021-05-01", "2021-05-05"), ["2021-04-25", "2021-05-08"]),
    B("dragon_boat", rng("2021-06-12", "2021-06-14")),
    B("mid_autumn", rng("2021-09-19", "2021-09-21"), ["2021-09-18"]),
    B("national_day", rng("2021-10-01", "2021-10-07"), ["2021-09-26", "2021-10-09"]),
])

# 2022 (国办发明电〔2021〕11号) — 元旦：2022年1月1日至3日。春节：1月31日至2月6日，1月29日、30日上班。
# 清明节：4月3日至5日，4月2日上班。劳动节：4月30日至5月4日，4月24日、5月7日上班。端午节：6月3日至5日。
# 中秋节：9月10日至12日。国庆节：10月1日至7日，10月8日、9日上班。
YEARS[2022] = (notice(2022, "国办发明电〔2021〕11号", "2021-10-25", "http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm"), [
    B("new_year", rng("2022-01-01", "2022-01-03")),
    B("spring_festival", rng("2022-01-31", "2022-02-06"), ["2022-01-29", "2022-01-30"]),
    B("tomb_sweeping", rng("2022-04-03", "2022-04-05"), ["2022-04-02"]),
    B("labour_day", rng("2022-04-30", "2022-05-04"), ["2022-04-24", "2022-05-07"]),
    B("dragon_boat", rng("2022-06-03", "2022-06-05")),
    B("mid_autumn", rng("2022-09-10", "2022-09-12")),
    B("national_day", rng("2022-10-01", "2022-10-07"), ["2022-10-08", "2022-10-09"]),
])

# 2023 (国办发明电〔2022〕16号) — 元旦：2022年12月31日至2023年1月2日。春节：1月21日至27日，1月28日、29日上班。
# 清明节：4月5日放假，共1天。劳动节：4月29日至5月3日，4月23日、5月6日上班。端午节：6月22日至24日，6月25日上班。
# 中秋节、国庆节：9月29日至10月6日，10月7日、8日上班。
YEARS[2023] = (notice(2023, "国办发明电〔2022〕16号", "2022-12-08", "http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm"), [
    B("new_year", rng("2022-12-31", "2023-01-02")),
    B("spring_festival", rng("2023-01-21", "2023-01-27"), ["2023-01-28", "2023-01-29"]),
    B("tomb_sweeping", rng("2023-04-05")),
    B("labour_day", rng("2023-04-29", "2023-05-03"), ["2023-04-23", "2023-05-06"]),
    B("dragon_boat", rng("2023-06-22", "2023-06-24"), ["2023-06-25"]),
    B("national_day", rng("2023-09-29", "2023-10-06"), ["2023-10-07", "2023-10-08"]),
    merged_mid_autumn(),
])

# 2024 (国办发明电〔2023〕7号) — 元旦：1月1日放假，与周末连休。春节：2月10日至17日，2月4日、18日上班。
# 清明节：4月4日至6日，4月7日上班。劳动节：5月1日至5日，4月28日、5月11日上班。端午节：6月10日放假，与周末连休。
# 中秋节：9月15日至17日，9月14日上班。国庆节：10月1日至7日，9月29日、10月12日上班。
YEARS[2024] = (notice(2024, "国办发明电〔2023〕7号", "2023-10-25", "https://www.gov.cn/zhengce/content/202310/content_6911527.htm"), [
    B("new_year", rng("2023-12-30", "2024-01-01")),
    B("spring_festival", rng("2024-02-10", "2024-02-17"), ["2024-02-04", "2024-02-18"]),
    B("tomb_sweeping", rng("2024-04-04", "2024-04-06"), ["2024-04-07"]),
    B("labour_day", rng("2024-05-01", "2024-05-05"), ["2024-04-28", "2024-05-11"]),
    B("dragon_boat", rng("2024-06-08", "2024-06-10")),
    B("mid_autumn", rng("2024-09-15", "2024-09-17"), ["2024-09-14"]),
    B("national_day", rng("2024-10-01", "2024-10-07"), ["2024-09-29", "2024-10-12"]),
])

# 2025 (国办发明电〔2024〕12号) — 元旦：1月1日放假1天，不调休。春节：1月28日至2月4日，1月26日、2月8日上班。
# 清明节：4月4日至6日。劳动节：5月1日至5日，4月27日上班。端午节：5月31日至6月2日。
# 国庆节、中秋节：10月1日至8日，9月28日、10月11日上班。
YEARS[2025] = (notice(2025, "国办发明电〔2024〕12号", "2024-11-12", "https://www.gov.cn/zhengce/content/202411/content_6986382.htm"), [
    B("new_year", rng("2025-01-01")),
    B("spring_festival", rng("2025-01-28", "2025-02-04"), ["2025-01-26", "2025-02-08"]),
    B("tomb_sweeping", rng("2025-04-04", "2025-04-06")),
    B("labour_day", rng("2025-05-01", "2025-05-05"), ["2025-04-27"]),
    B("dragon_boat", rng("2025-05-31", "2025-06-02")),
    B("national_day", rng("2025-10-01", "2025-10-08"), ["2025-09-28", "2025-10-11"]),
    merged_mid_autumn(),
])

# 2026 (国办发明电〔2025〕7号) — 元旦：1月1日至3日，1月4日上班。春节：2月15日至23日，2月14日、28日上班。
# 清明节：4月4日至6日。劳动节：5月1日至5日，5月9日上班。端午节：6月19日至21日。中秋节：9月25日至27日。
# 国庆节：10月1日至7日，9月20日、10月10日上班。
YEARS[2026] = (notice(2026, "国办发明电〔2025〕7号", "2025-11-04", "https://www.gov.cn/zhengce/content/202511/content_7047090.htm"), [
    B("new_year", rng("2026-01-01", "2026-01-03"), ["2026-01-04"]),
    B("spring_festival", rng("2026-02-15", "2026-02-23"), ["2026-02-14", "2026-02-28"]),
    B("tomb_sweeping", rng("2026-04-04", "2026-04-06")),
    B("labour_day", rng("2026-05-01", "2026-05-05"), ["2026-05-09"]),
    B("dragon_boat", rng("2026-06-19", "2026-06-21")),
    B("mid_autumn", rng("2026-09-25", "2026-09-27")),
    B("national_day", rng("2026-10-01", "2026-10-07"), ["2026-09-20", "2026-10-10"]),
])


def iso(days):
    return [d.isoformat() for d in sorted(days)]


def build_block(year: int, b: dict, blocks: list[dict]) -> dict:
    fest = b["festival"]
    stat = b["statutory_days"] if b["statutory_days"] is not None else statutory(fest, year)
    off, work = set(b["off"]), set(b["work"])
    assert len(off) == len(b["off"]) and len(work) == len(b["work"]), (year, fest, "duplicate date")
    assert not (off & work), (year, fest, "work ∩ off")
    for w in work:
        assert w.weekday() >= 5, (year, fest, w, "work day is not Sat/Sun")
    host_off = off
    if b["merged_into"]:
        assert not off and not work, (year, fest)
        hosts = [h for h in blocks if h["festival"] == b["merged_into"]]
        assert len(hosts) == 1, (year, fest)
        host_off = set(hosts[0]["off"])
    for s in stat:
        assert s in host_off, (year, fest, s, "statutory day not off")
    out = {"festival": fest, "name": NAMES[fest], "off": iso(off), "statutory": iso(stat), "work": iso(work)}
    if b["merged_into"]:
        out["merged_into"] = b["merged_into"]
    if b["source"]:
        out["source"] = b["source"]
    if b["amended_by"]:
        out["amended_by"] = b["amended_by"]
    if b["original"]:
        out["original"] = b["original"]
    if b["note"]:
        out["note"] = b["note"]
    return out


def sort_key(block: dict):
    first = min(block["off"] or block["statutory"])
    return (first, 1 if block.get("merged_into") else 0)


def build() -> dict:
    years = []
    all_off, all_work = {}, {}
    for year in sorted(YEARS):
        src, blocks = YEARS[year]
        out = [build_block(year, b, blocks) for b in blocks]
        out.sort(key=sort_key)
        for blk in out:
            for d in blk["off"]:
                assert d not in all_off, (d, "off twice")
                all_off[d] = (year, blk["festival"])
            for d in blk["work"]:
                assert d not in all_work, (d, "work twice")
                all_work[d] = (year, blk["festival"])
        years.append({"year": year, "source_quality": "official_text", "source": src, "holidays": out})
    assert not set(all_off) & set(all_work)
    return {
        "id": "cn",
        "name": {"zh": "全国法定节假日与调休", "en": "National statutory holidays and working-day swaps"},
        "jurisdiction": "cn",
        "coverage": [{"from": "2004-01-01", "until": "2026-12-31"}],
        "rules": RULES,
        "years": years,
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if cn.json differs from the generated data")
    args = ap.parse_args()
    text = render(build())
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run tools/calendar/build_cn.py", file=sys.stderr)
            return 1
        print(f"{OUT} is up to date")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
