// The JavaScript binding of the calendar: conversions (ISO strings, Dates, typed arrays), errors, names.
// Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const cn = zhengce.Calendar.builtin("cn");
const tianshan = zhengce.Calendar.builtin("cn-xj-urumqi-tianshan");
const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

test("single calls take ISO strings or local Dates and return ISO strings", () => {
  assert.equal(cn.addWorkingDays("2024-02-09", 1), "2024-02-18");
  assert.equal(cn.addWorkingDays(new Date(2024, 1, 9), 1), "2024-02-18");
  assert.equal(cn.nextWorkingDay("2024-09-30"), "2024-10-08");
  assert.equal(cn.workingDaysBetween("2024-02-09", "2024-02-19"), 2);
  assert.equal(cn.isWorkingDay("2024-02-04"), true);
  const day = tianshan.day("2023-06-29");
  assert.equal(Object.getPrototypeOf(day), Object.prototype);
  assert.deepEqual([day.kind, day.festival, day.calendar, day.name.zh], ["statutory_holiday", "eid_al_adha", "cn-xj", "古尔邦节"]);
  assert.deepEqual(tianshan.layers(), ["cn", "cn-xj"]);
  assert.equal(tianshan.coverage().length, 1); // Xinjiang 2022-2026, one range
  assert.throws(() => cn.addWorkingDays("2024-2-9", 1), (e) => e.code === "invalid_input" && e.path === "date");
});

test("out of coverage unless the call opts in", () => {
  assert.throws(
    () => tianshan.isWorkingDay("2021-06-03"),
    (e) => e.name === "ZhengceError" && e.code === "out_of_coverage" && e.details.date === "2021-06-03" && e.details.covered.length === 1,
  );
  assert.equal(tianshan.isWorkingDay("2021-06-03", { assume: "weekends_only" }), true);
  assert.throws(() => tianshan.isWorkingDay("2021-06-03", { assume: "lunar" }), (e) => e.path === "options.assume");
});

test("deadlines with explanations, and run-time data", () => {
  const due = zhengce.Context.builtin().deadline("business-opening", "2023-06-27", "cn-xj-urumqi-tianshan");
  assert.equal(due.date, "2023-07-04");
  assert.equal(due.source.clause, "tianshan-2022-87/58");
  assert.match(due.explanation.en, /古尔邦节/);
  const cat = zhengce.Catalogue.builtin();
  const same = zhengce.Context.of(cat, zhengce.Calendars.builtin()).deadline("business-opening", "2023-06-27", "cn-xj-urumqi-tianshan");
  assert.deepEqual(same, due);
  assert.equal(cn.deadline("2024-09-11", 20, "calendar_days").date, "2024-10-08");
  assert.throws(
    () => zhengce.Calendars.builtin().layered({ id: "cn", name: { zh: "全国", en: "National" }, jurisdiction: "cn", coverage: [], years: [] }),
    (e) => e.code === "invalid_calendar" && e.details.problems[0].code === "missing_value",
  );
});

test("batch: typed arrays of day numbers in and out, or ISO strings", () => {
  const days = Int32Array.from(["2024-02-04", "2024-02-09", "2024-02-10", "2024-02-18"].map(dayNumber));
  assert.deepEqual(Array.from(cn.isWorkingDayBatch(days)), [1, 1, 0, 1]);
  const shifted = cn.addWorkingDaysBatch(days, 1);
  assert.ok(shifted instanceof Int32Array);
  assert.deepEqual(Array.from(shifted), ["2024-02-05", "2024-02-18", "2024-02-18", "2024-02-19"].map(dayNumber));
  assert.deepEqual(cn.addWorkingDaysBatch(["2024-02-09", "2024-02-09"], Int32Array.from([1, 2])), ["2024-02-18", "2024-02-19"]);
  assert.deepEqual(Array.from(cn.subWorkingDaysBatch(shifted, 1)).slice(1, 2), [dayNumber("2024-02-09")]);
  assert.deepEqual(Array.from(cn.workingDaysBetweenBatch(days, shifted)), [1, 1, 1, 1]);
  assert.throws(() => cn.isWorkingDayBatch(["2026-12-31", "2027-01-01"]), (e) => e.code === "out_of_coverage" && /row 1/.test(e.message));
  assert.throws(() => cn.addWorkingDaysBatch(days, [1]), (e) => e.code === "invalid_input" && e.path === "n");
});
