// The JavaScript binding of the rules: conversions, errors, names.
// Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const cat = zhengce.Catalogue.builtin();
const ctx = zhengce.Context.of(cat, zhengce.Calendars.builtin());
const baseline = ctx;
const bond = baseline.evaluator("tianshan-2022-87/r68-bid-bond");

test("an evaluation is a plain object with decimal strings", () => {
  const r = bond.evaluate({ budget: "5000000" }, "2022-06-01", { explain: true, text: "en" });
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(r.value.kind, "capped_rate");
  assert.equal(r.value.amount, "20000.00");
  assert.equal(r.explanation.rule.source.clause, "tianshan-2022-87/68");
  assert.match(r.explanation.text, /cap 20000 applied/);
  assert.equal(bond.evaluate({ budget: "1" }, new Date(2022, 5, 1)).explanation, undefined);
});

test("floats and bad choices are refused with the field, value and code", () => {
  assert.throws(() => bond.evaluate({ budget: 0.5 }, "2022-06-01"), (e) => e.name === "ZhengceError" && e.path === "budget");
  assert.throws(
    () => bond.evaluate({ budget: "1", lot_type: "joint" }, "2022-06-01"),
    (e) => e.code === "invalid_input" && e.details.value === "'joint'",
  );
  assert.throws(() => bond.evaluate({}, "2022-06-01"), (e) => e.code === "missing_input" && e.path === "budget");
});

test("batches: arrays of strings and BigInt64Array fen in, strings out", () => {
  const out = bond.evaluateBatch({ budget: BigInt64Array.from([100000000n, 500000000n]), lot_type: ["ordinary", "ppp"] }, "2022-06-01");
  assert.deepEqual(out.columns.amount, ["10000.00", "50000.00"]);
  assert.deepEqual(out.columns.status, ["rate", "ppp"]);
  const perRow = bond.evaluateBatch({ budget: ["5000000", "5000000"] }, ["2022-05-17", "2022-05-18"]);
  assert.deepEqual(perRow.columns.amount, ["100000.00", "20000.00"]);
  assert.throws(
    () => bond.evaluateBatch({ budget: ["1", "-1"] }, "2022-06-01"),
    (e) => e.code === "invalid_input" && e.details.row === 1,
  );
});

test("scenarios and comparisons", () => {
  const alt = ctx.withScenario({
    name: "cap-50000",
    parameters: [{ parameter: "procurement.bid_bond.cap_per_lot", jurisdiction: "cn-xj-urumqi-tianshan", effective_from: "2022-05-18", value: "50000" }],
  });
  assert.equal(alt.scenarioName(), "cap-50000");
  assert.equal(new zhengce.Evaluator(alt, "tianshan-2022-87/r68-bid-bond").evaluate({ budget: "8000000" }, "2022-06-01").value.amount, "50000.00");
  const cmp = baseline.compare(alt, "tianshan-2022-87/r68-bid-bond", { budget: ["3000000", "8000000"] }, "2022-06-01");
  assert.deepEqual(cmp.difference, ["10000.00", "30000.00"]);
  assert.equal(cmp.totals.difference, "40000.00");
  assert.throws(() => ctx.withScenario({ name: "x", parameters: [{ parameter: "nope", jurisdiction: "cn", value: "1" }] }), (e) => e.code === "not_found");
});

test("time limits in a batch: one deadline per start date, ISO strings", () => {
  // 7 working days from Friday 2022-09-30: 8 and 9 October (make-up days), then 10-14 October.
  const approval = baseline.evaluator("tianshan-2022-87/r67-xinyidai-approval");
  const out = approval.evaluateBatch({}, ["2022-09-30", "2022-09-19"]);
  assert.deepEqual(out.columns.deadline, ["2022-10-14", "2022-09-28"]);
  const one = approval.evaluate({}, "2022-09-30");
  assert.equal(one.value.deadline.date, out.columns.deadline[0]);
});

test("tables and eligibility", () => {
  const table = baseline.evaluator("tianshan-2022-87/r10-credit-class");
  assert.equal(table.evaluate({ credit_class: "a" }, "2022-06-01").value.outputs.on_site, "may_skip");
  assert.deepEqual(table.checkTable().gaps, []);
  const elec = baseline.evaluator("tianshan-2022-87/r62-electricity-commitment");
  const r = elec.evaluate({ capacity_kva: "1600" }, "2022-06-01");
  assert.equal(r.value.eligible, null);
  assert.ok(r.value.missing.includes("excavation_m"));
  assert.equal(elec.rule().logic.kind, "eligibility");
});
