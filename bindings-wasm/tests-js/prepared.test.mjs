// The JavaScript binding of the dated evaluator (Evaluator.at): conversions, answers, errors.
// Values are worked out by hand from Tianshan item 68 (1 % of the budget, at most 20,000 yuan a
// lot except PPP lots; no bond for a framework-agreement entry); agreement with evaluate over
// many inputs is a proptest in Rust (core/tests/prepared.rs).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const ctx = zhengce.Context.of(zhengce.Catalogue.builtin(), zhengce.Calendars.builtin());
const evaluator = ctx.evaluator("tianshan-2022-87/r68-bid-bond");
const bond = evaluator.at("2022-06-01");

test("a call answers the amount as a decimal string, by position or by name", () => {
  assert.equal(bond.call(["1500000", "ordinary"]), "15000.00");
  assert.equal(bond.call(["3000000", "ordinary"]), "20000.00"); // 30,000 capped
  assert.equal(bond.call(["3000000", "ppp"]), "30000.00");
  assert.equal(bond.call(["3000000", "framework_entry"]), "0.00");
  assert.equal(bond.call({ budget: "1234.56" }), "12.34"); // 12.3456 rounded down to the fen
  assert.equal(bond.call([2000000]), "20000.00"); // an integer is whole yuan
  assert.equal(bond.call(["3000000", null, false]), null); // without fiscal funds: outside the rule
  assert.equal(evaluator.at(new Date(2022, 4, 1)).call(["3000000"]), "60000.00"); // before the measure: 2 %, no cap
});

test("evaluate gives the full evaluation, as Evaluator.evaluate does", () => {
  const full = bond.evaluate(["5000000", "ppp"]);
  const direct = evaluator.evaluate({ budget: "5000000", lot_type: "ppp" }, "2022-06-01");
  assert.deepEqual(full.value, direct.value);
  assert.equal(full.explanation.date, "2022-06-01");
  assert.equal(bond.date, "2022-06-01");
  assert.equal(bond.jurisdiction, "cn-xj-urumqi-tianshan");
  assert.deepEqual(bond.inputs, ["budget", "lot_type", "fiscal_funds"]);
});

test("bad inputs throw what evaluate throws", () => {
  const same = (values, named, path) => {
    let mine;
    assert.throws(() => bond.call(values), (e) => ((mine = e), e.name === "ZhengceError" && e.path === path));
    assert.throws(() => evaluator.evaluate(named, "2022-06-01"), (e) => e.message === mine.message);
  };
  same(["-1"], { budget: "-1" }, "budget");
  same([0.5], { budget: 0.5 }, "budget"); // a float is refused
  same(["1", "PPP"], { budget: "1", lot_type: "PPP" }, "lot_type");
  same({ budget: "1", kind: "ppp" }, { budget: "1", kind: "ppp" }, "kind");
  assert.throws(() => bond.call([null, "ppp"]), (e) => e.code === "missing_input" && e.path === "budget");
  assert.throws(() => bond.call(["1", "ppp", true, "x"]), (e) => e.code === "invalid_input" && e.path === "values");
  assert.throws(() => bond.call("1"), (e) => e.code === "invalid_input" && e.path === "values");
  assert.throws(() => evaluator.at("2022-06-01", "cn"), (e) => e.path === "jurisdiction");
});
