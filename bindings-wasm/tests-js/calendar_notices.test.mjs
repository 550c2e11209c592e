// Issue 12 from JavaScript: notices read as data, provisional years, provenance.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知（示例）\n一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。";
const ctx = zhengce.Context.builtin();

test("a provisional deadline today", () => {
  const putuo = ctx.calendar("cn-sh-putuo");
  assert.throws(() => putuo.addWorkingDays("2026-12-04", 20), (e) => e.code === "out_of_coverage");
  const due = putuo.deadline("2026-12-04", 20, "working_days", { assume: "statutory" });
  assert.deepEqual([due.date, due.provisional, due.provisional_days], ["2027-01-04", true, ["2027-01-01"]]);
  assert.equal(putuo.day("2027-01-01", { assume: "statutory" }).notice, "国务院令第795号 (provisional)");
});

test("notices read as data, errors naming the sentence", () => {
  const with2027 = ctx.withCalendars(ctx.calendars().layeredNotice(NOTICE_2027));
  assert.equal(with2027.calendar("cn-sh-putuo").addWorkingDays("2026-12-04", 20), "2027-01-04");
  const notice = zhengce.Calendars.parseNotice(NOTICE_2027);
  assert.equal(notice.days[0].sentence, "1月1日（星期五）至3日（星期日）放假，共3天。");
  assert.throws(
    () => zhengce.Calendars.parseNotice(NOTICE_2027.replace("星期五", "星期四")),
    (e) => e.code === "invalid_calendar" && e.details.problems[0].code === "weekday_mismatch",
  );
  // The module stays usable after the error.
  assert.equal(zhengce.Calendars.parseNotice(NOTICE_2027).year, 2027);
});

test("as known on a date", () => {
  const known = (day) => ctx.withCalendars(ctx.calendars().asKnownOn(day)).calendar("cn");
  assert.equal(known("2020-01-26").isWorkingDay("2020-01-31"), true);
  assert.equal(known(new Date(2020, 0, 27)).isWorkingDay("2020-01-31"), false);
});

test("batch rows flagged provisional", () => {
  const putuo = ctx.calendar("cn-sh-putuo");
  const due = putuo.addWorkingDaysBatch(["2026-12-04", "2026-12-04"], Int32Array.from([5, 20]), { assume: "statutory" });
  assert.deepEqual(due, ["2026-12-11", "2027-01-04"]);
  assert.deepEqual(Array.from(putuo.provisionalBatch(["2026-12-04", "2026-12-04"], due, { assume: "statutory" })), [0, 1]);
});
