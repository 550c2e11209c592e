// Bid bonds from JavaScript (Node, the wasm build): batches of decimal strings and of
// BigInt64Array fen, and single evaluations.
//
//   bindings-wasm/build.sh && node bench/rules.mjs [lots]
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const zhengce = require("../bindings-wasm/pkg/node/zhengce_wasm.js");

const LOTS = Number(process.argv[2] ?? 1_000_000);
const SINGLE = 100_000;
const best = (fn, repeat = 3) => {
  let min = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min / 1000;
};
const rate = (n, s) => `${(n / s / 1e6).toFixed(2).padStart(8)} M/s`;

const cat = zhengce.Catalogue.builtin();
const ctx = zhengce.Context.of(cat, zhengce.Calendars.builtin());
const bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond");
let x = 12345;
const fen = new BigInt64Array(LOTS);
for (let i = 0; i < LOTS; i++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  fen[i] = BigInt(100000 + (x % 1000000000));
}
const strings = Array.from(fen, (f) => (Number(f) / 100).toFixed(2));
console.log(`bid bond over ${LOTS.toLocaleString()} lots from JavaScript (Node, wasm), best of 3`);
const a = bond.evaluateBatch({ budget: fen }, "2022-06-01");
const b = bond.evaluateBatch({ budget: strings }, "2022-06-01");
if (a.columns.amount.join() !== b.columns.amount.join()) throw new Error("fen and strings disagree");
let t = best(() => bond.evaluateBatch({ budget: fen }, "2022-06-01"));
console.log(`  evaluateBatch, BigInt64Array fen in, decimal strings out  ${rate(LOTS, t)}`);
t = best(() => bond.evaluateBatch({ budget: strings }, "2022-06-01"));
console.log(`  evaluateBatch, decimal strings in and out                 ${rate(LOTS, t)}`);
// The same exact arithmetic in plain JavaScript on BigInt fen, for reference.
t = best(() => {
  const out = new BigInt64Array(LOTS);
  for (let i = 0; i < LOTS; i++) {
    const q = fen[i] / 100n;
    out[i] = q > 2000000n ? 2000000n : q;
  }
});
console.log(`  plain JavaScript BigInt arithmetic (no strings out)       ${rate(LOTS, t)}`);
const lot = { budget: "5000000", lot_type: "ordinary" };
t = best(() => {
  for (let i = 0; i < SINGLE; i++) bond.evaluate(lot, "2022-06-01");
}, 2);
console.log(`\nsingle evaluations: ${(SINGLE / t / 1000).toFixed(0)} k/s (${((t / SINGLE) * 1e6).toFixed(2)} µs each)`);
t = best(() => {
  for (let i = 0; i < SINGLE / 10; i++) bond.evaluate(lot, "2022-06-01", { explain: true });
}, 2);
console.log(`  with explanation: ${(SINGLE / 10 / t / 1000).toFixed(0)} k/s`);
