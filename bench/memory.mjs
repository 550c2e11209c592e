// Memory over many Context and scenario derivations from JavaScript (issue 13: each
// Scenario.baseline deep-copied the catalogue, and about 4,000 calls exhausted the 4 GB wasm
// memory). Prints the process RSS and the wasm linear memory every 20,000 rounds; nothing is
// asserted (the test suite checks a bound on 20,000 calls in tests-js/hostile.test.mjs).
//
//   bindings-wasm/build.sh && node --expose-gc bench/memory.mjs [free|gc|lazy] [rounds=100000]
//
// One round derives ctx.baseline(), ctx.catalogue(), ctx.withScenario(spec) with a Tianshan
// bid-bond rate override, Context.of(catalogue, calendars), an evaluator in the scenario and
// one evaluation. `free`: every object is freed when done. `gc`: objects are left to the
// garbage collector, with a collection every 1,000 rounds. `lazy`: left to the collector,
// which runs when V8 decides (it does not see the wasm memory a small JS object holds, so
// it collects late: free() or `using` is the way to keep memory flat).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const zhengce = require("../bindings-wasm/pkg/node/zhengce_wasm.js");

const mode = process.argv[2] ?? "free";
const rounds = Number(process.argv[3] ?? 100_000);
const ctx = new zhengce.Context();
const cat = zhengce.Catalogue.builtin();
const cals = zhengce.Calendars.builtin();
const spec = {
  name: "half-rate",
  parameters: [{ parameter: "procurement.bid_bond.rate", jurisdiction: "cn-xj-urumqi-tianshan", effective_from: "2022-01-01", value: "0.005" }],
};
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const report = (label) => {
  console.log(`${label.padEnd(22)} rss ${mb(process.memoryUsage().rss).padStart(9)}   wasm memory ${mb(zhengce.memoryBytes()).padStart(9)}`);
};

const round = () => {
  const made = [ctx.baseline(), ctx.catalogue(), ctx.withScenario(spec), zhengce.Context.of(cat, cals)];
  const evaluator = made[2].evaluator("tianshan-2022-87/r68-bid-bond");
  made.push(evaluator);
  const amount = evaluator.evaluate({ budget: "1000000" }, "2022-06-01").value.amount;
  if (mode === "free") for (const o of made) o.free();
  return amount;
};

for (let i = 0; i < 1_000; i++) round(); // warm-up
await new Promise(setImmediate);
report(`${mode}: after 1,000 warm-up`);
const start = process.hrtime.bigint();
let amount;
for (let i = 1; i <= rounds; i++) {
  amount = round();
  // Finalizers run as tasks of their own: a loop that never yields to the event loop never
  // frees anything it leaves to the garbage collector.
  if (i % 1_000 === 0) {
    if (mode === "gc") globalThis.gc?.();
    await new Promise(setImmediate);
  }
  if (i % 20_000 === 0) report(`after ${i.toLocaleString("en")}`);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${rounds} rounds in ${seconds.toFixed(1)} s (${((seconds / rounds) * 1e6).toFixed(1)} µs each); bond in the scenario: ${amount}`);
