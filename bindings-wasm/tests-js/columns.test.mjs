// Rule batches on the typed path: typed arrays in, typed arrays out, rows in chunks.
// Bid bonds by hand (tianshan-2022-87 item 68): 1 % of the budget, rounded down to the fen,
// capped at 20,000 yuan from 2022-05-18; before that the national 2 % with no cap.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const bond = zhengce.Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond");
const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

test("BigInt64Array fen in, BigInt64Array fen and Int32Array codes out", () => {
  // 1,000,000.00 yuan -> 10,000.00; 5,000,000.00 -> 50,000 capped to 20,000.00; 123.45 -> 1.2345 -> 1.23
  const out = bond.evaluateColumns({ budget: BigInt64Array.from([100000000n, 500000000n, 12345n]) }, "2022-06-01");
  assert.equal(out.rows, 3);
  assert.ok(out.columns.amount instanceof BigInt64Array);
  assert.deepEqual([...out.columns.amount], [1000000n, 2000000n, 123n]);
  assert.equal(out.scale.amount, 2);
  assert.ok(out.columns.status instanceof Int32Array);
  assert.deepEqual([...out.columns.status].map((c) => out.labels.status[c]), ["rate", "capped", "rate"]);
});

test("an Int32Array of day numbers gives each row its date", () => {
  // 5,000,000 yuan: on 2022-05-17 the national 2 % = 100,000.00; on 2022-05-18 capped at 20,000.00.
  const out = bond.evaluateColumns({ budget: BigInt64Array.from([500000000n, 500000000n]) }, Int32Array.from([day("2022-05-17"), day("2022-05-18")]));
  assert.deepEqual([...out.columns.amount], [10000000n, 2000000n]);
});

test("rows past the first chunk agree with the first, and errors name the global row", () => {
  const n = 200_003;
  const budgets = new BigInt64Array(n).fill(100000000n);
  budgets[n - 1] = 12345n;
  const out = bond.evaluateColumns({ budget: budgets }, "2022-06-01");
  assert.equal(out.columns.amount[0], 1000000n);
  assert.equal(out.columns.amount[150_000], 1000000n);
  assert.equal(out.columns.amount[n - 1], 123n);
  budgets[70_000] = -1n;
  assert.throws(() => bond.evaluateColumns({ budget: budgets }, "2022-06-01"),
    (e) => e instanceof zhengce.ZhengceError && e.code === "invalid_input" && e.path === "budget" && e.details.row === 70_000);
});

test("errors: null gives a failing row nulls and its error, in any chunk", () => {
  // Three Tianshan lots: 1,500,000 yuan -> 1 % = 15,000.00; -5 yuan is not an amount; 3,000,000 -> 30,000 capped at 20,000.00.
  const n = 200_003;
  const budgets = new BigInt64Array(n).fill(150000000n);
  budgets[1] = -500n;
  budgets[2] = 300000000n;
  budgets[n - 2] = -1n; // in the second chunk
  const out = bond.evaluateColumns({ budget: budgets }, "2022-06-01", { errors: "null" });
  assert.deepEqual([...out.columns.amount.subarray(0, 3)], [1500000n, 0n, 2000000n]);
  assert.deepEqual([...out.columns.status.subarray(0, 3)].map((c) => out.labels.status[c] ?? null), ["rate", null, "capped"]);
  const code = (row) => out.labels.error_code[out.columns.error_code[row]] ?? null;
  assert.deepEqual([0, 1, 2, n - 2, n - 1].map(code), [null, "invalid_input", null, "invalid_input", null]);
  assert.match(out.columns.error_message[1], /budget/);
  assert.equal(out.columns.error_message[0], null);
  const json = bond.evaluateBatch({ budget: ["1500000", "-5", "3000000"] }, "2022-06-01", { errors: "null" });
  assert.deepEqual(json.columns.amount, ["15000.00", null, "20000.00"]);
  assert.deepEqual(json.columns.error_code, [null, "invalid_input", null]);
  assert.throws(() => bond.evaluateColumns({ budget: budgets }, "2022-06-01", { errors: "ignore" }), (e) => e.code === "invalid_input");
});

test("other arrays, mismatched lengths and explanations are refused on the typed path", () => {
  assert.throws(() => bond.evaluateColumns({ budget: ["1000000"] }, "2022-06-01"), (e) => e.code === "invalid_input" && e.path === "budget");
  assert.throws(() => bond.evaluateColumns({ budget: new BigInt64Array(2) }, new Int32Array(3)), (e) => e.code === "invalid_input" && e.path === "date");
  assert.throws(() => bond.evaluateColumns({ budget: new BigInt64Array(1) }, "2022-06-01", { explain: true }), (e) => e.path === "options.explain");
  assert.equal(bond.evaluateColumns({ budget: new BigInt64Array(0) }, "2022-06-01").rows, 0);
});
