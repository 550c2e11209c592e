// Type-checked by `tsc -p bindings-wasm/tests-js/tsconfig.json` (never run): the published
// declarations must describe real usage without casts.
import * as zhengce from "../pkg/node/zhengce_wasm.js";

const cat: zhengce.Catalogue = zhengce.Catalogue.builtin();
const doc: zhengce.Document = cat.document("tianshan-2022-87");
const title: string = doc.title.zh;
const measures: zhengce.Measure[] = cat.measures({ document: doc.id });
const lookup: zhengce.ParameterLookup = cat.parameterValue("procurement.bid_bond.rate", "cn", new Date());
const value: string = lookup.value;
const hits: zhengce.SearchHit[] = cat.search("保证金", { kinds: ["clause"], limit: 5 });
const entry: zhengce.Entry = cat.get("cn");
if (entry.type === "jurisdiction") {
  const level: zhengce.JurisdictionLevel = entry.level;
  void level;
}
void [title, measures, value, hits];

// --- calendar ---
const calendars: zhengce.Calendars = zhengce.Calendars.builtin();
const tianshan: zhengce.Calendar = calendars.calendar("cn-xj-urumqi-tianshan", cat);
const day: zhengce.Day = tianshan.day("2023-06-29", { assume: "weekends_only" });
const kind: zhengce.DayKind = day.kind;
const next: string = tianshan.addWorkingDays(new Date(), 2, {});
const due: zhengce.Deadline = zhengce.deadline("business-opening", "2023-06-27", "cn-xj-urumqi-tianshan", { rest_day_start: "next_working_day" });
const skipped: zhengce.Day[] = due.skipped;
const working: Uint8Array = tianshan.isWorkingDayBatch(Int32Array.from([19757]));
const shifted = tianshan.addWorkingDaysBatch(Int32Array.from([19757]), 1);
const covered: zhengce.Period[] = tianshan.coverage();
void [kind, next, skipped, working, shifted, covered];
