// Working days and deadlines from JavaScript: the service promises for a request filed before
// a long holiday, in Tianshan (with 古尔邦节) and in Putuo; coverage; typed arrays.
import { heading } from "./catalogue.mjs";

function services(cat, jurisdiction) {
  const out = [];
  for (const rule of cat.toJsonValue().rules ?? []) {
    const logic = rule.logic;
    if (logic.kind === "time_limit" && cat.isWithin(jurisdiction, rule.jurisdiction) && !out.includes(logic.service)) {
      out.push(logic.service);
    }
  }
  return out;
}

export function tour(zhengce, ctx) {
  heading("Working days and deadlines");
  const cat = ctx.catalogue();
  const filed = "2025-05-30";
  console.log(`A request filed on Friday ${filed}, before Dragon Boat Festival and, in Xinjiang, 古尔邦节:`);
  for (const place of ["cn-xj-urumqi-tianshan", "cn-sh-putuo"]) {
    console.log(`\n  in ${cat.jurisdiction(place).name.en}:`);
    for (const service of services(cat, place)) {
      const due = ctx.deadline(service, filed, place);
      console.log(`  ${service.padEnd(34)} ${String(due.duration).padStart(3)} ${due.unit.padEnd(13)} → ${due.date}`);
      console.log(`      ${due.explanation.en}`);
    }
  }
  const putuo = ctx.calendar("cn-sh-putuo");
  try {
    putuo.addWorkingDays("2026-12-04", 20);
  } catch (err) {
    console.log(`\n  today, 2027 not yet published: ${err.message}`);
  }
  const due = putuo.deadline("2026-12-04", 20, "working_days", { assume: "statutory" });
  console.log(`  with { assume: "statutory" }: ${due.date} provisional=${due.provisional} days assumed ${due.provisional_days}`);
  const text = "国务院办公厅关于2027年部分节假日安排的通知（示例）\n一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。";
  const notice = zhengce.Calendars.parseNotice(text);
  console.log(`  a notice read as data: ${notice.days[0].date} ← 「${notice.days[0].sentence}」`);
  const with2027 = ctx.withCalendars(ctx.calendars().layeredNotice(text)).calendar("cn-sh-putuo");
  console.log(`  after layeredNotice: ${with2027.addWorkingDays("2026-12-04", 20)}`);
  const cn = ctx.calendar("cn");
  const first = Date.UTC(2025, 0, 1) / 86400000;
  const days = Int32Array.from({ length: 365 }, (_, i) => first + i);
  const working = cn.isWorkingDayBatch(days).reduce((a, b) => a + b, 0);
  console.log(`\n  an Int32Array of the 365 days of 2025: ${working} working days`);
}
