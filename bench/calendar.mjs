// Working-day arithmetic from JavaScript (Node build): single calls on ISO strings and batch
// calls on Int32Array day numbers, beside a plain typed-array reference (a day-to-rank table).
//
//   bindings-wasm/build.sh && node bench/calendar.mjs
//
// Inputs: 1,000,000 random days of 2004-01-01..2026-06-30 (fixed seed), counts 1..=60, national
// calendar. Prints operations per second; nothing is asserted.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const zhengce = require("../bindings-wasm/pkg/node/zhengce_wasm.js");

const N = 1_000_000;
const base = Date.UTC(2004, 0, 1) / 86400000;
const end = Date.UTC(2026, 11, 31) / 86400000;
let seed = 4;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const days = Int32Array.from({ length: N }, () => base + Math.floor(random() * (Date.UTC(2026, 5, 30) / 86400000 - base)));
const counts = Int32Array.from({ length: N }, () => 1 + Math.floor(random() * 60));
const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
const cal = zhengce.Calendar.builtin("cn");

function rate(label, n, run, repeat = 5) {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  console.log(`  ${label.padEnd(58)} ${(n / best / 1e6).toFixed(2).padStart(10)} M/s  (${((best * 1e9) / n).toFixed(1).padStart(8)} ns each)`);
}

// The reference: working flag per day, working days up to each day, rank -> day.
const span = Int32Array.from({ length: end - base + 1 }, (_, i) => base + i);
const working = cal.isWorkingDayBatch(span);
const rankAfter = new Int32Array(span.length);
const index = [];
for (let i = 0, r = 0; i < span.length; i++) {
  r += working[i];
  rankAfter[i] = r;
  if (working[i]) index.push(i);
}
const rankIndex = Int32Array.from(index);

const strings = Array.from(days.subarray(0, 100_000), iso);
console.log("is_working_day");
rate("zhengce isWorkingDayBatch (Int32Array)", N, () => cal.isWorkingDayBatch(days));
rate("typed-array reference (working[d - base])", N, () => {
  const out = new Uint8Array(N);
  for (let i = 0; i < N; i++) out[i] = working[days[i] - base];
  return out;
});
rate("zhengce isWorkingDay single calls (ISO strings)", strings.length, () => strings.map((d) => cal.isWorkingDay(d)), 3);
console.log("add N working days (N = 1..60 per row)");
rate("zhengce addWorkingDaysBatch (Int32Array)", N, () => cal.addWorkingDaysBatch(days, counts));
rate("typed-array reference (index[rankAfter[d - base] + n - 1])", N, () => {
  const out = new Int32Array(N);
  for (let i = 0; i < N; i++) out[i] = base + rankIndex[rankAfter[days[i] - base] + counts[i] - 1];
  return out;
});
rate("zhengce addWorkingDays single calls (ISO strings)", strings.length, () => strings.map((d, i) => cal.addWorkingDays(d, counts[i])), 3);
