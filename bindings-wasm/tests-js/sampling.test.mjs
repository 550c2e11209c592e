// The JavaScript binding of sampling: conversions (objects, typed arrays), errors, names.
// The draw's logic is tested in Rust and by the shared vectors; this checks what the binding adds.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const cat = zhengce.Catalogue.builtin();
const ctx = zhengce.Context.of(cat, zhengce.Calendars.builtin());
const register = [...Array(40).keys()].map((i) => ({ id: `e${i}`, credit_class: "abcd"[i % 4] }));
register.push({ id: "flagged", credit_class: "a", flags: ["complaint"] });
const directory = [...Array(4).keys()].map((i) => ({ id: `i${i}`, department: "amr" }));
const spec = { jurisdiction: "cn-xj-urumqi-tianshan", date: "2022-06-01", seed: "javascript",
  checks: [{ department: "amr", items: ["licence"] }] };
const sample = { jurisdiction: "cn-xj-urumqi-tianshan", date: "2022-06-01", seed: "javascript" };

test("a plan comes back in the JSON shape and round-trips through its JSON", () => {
  const plan = zhengce.InspectionPlan.draw(ctx, register, directory, spec);
  const value = plan.toJsonValue();
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.equal(value.base_ratio, "0.03");
  assert.equal(plan.visits.length, plan.strata.reduce((n, s) => n + s.selected, 0));
  const flagged = plan.visits.find((v) => v.entity === "flagged");
  assert.deepEqual([flagged.reason, flagged.flags, flagged.mode], ["mandatory", ["complaint"], "on_site"]);
  assert.equal(zhengce.InspectionPlan.fromJson(plan.toJson()).toJson(), plan.toJson());
  assert.equal(zhengce.InspectionPlan.fromJsonValue(value).toJson(), plan.toJson());
  assert.ok(plan.toCsv().startsWith("visit,entity,"));
  assert.ok(plan.strataToCsv().split("\n")[1].startsWith("a,a,"));
});

test("verify reports each difference", () => {
  const plan = zhengce.InspectionPlan.draw(ctx, register, directory, spec);
  assert.equal(plan.verify(ctx, register, directory).matches, true);
  const value = plan.toJsonValue();
  value.visits[0].inspectors[0].id = "someone-else";
  const report = zhengce.InspectionPlan.fromJsonValue(value).verify(ctx, register, directory);
  assert.equal(report.matches, false);
  assert.equal(report.differences[0].published, "someone-else");
});

test("errors are ZhengceErrors with code, path and details", () => {
  const fails = (f, code, check) =>
    assert.throws(f, (err) => err.name === "ZhengceError" && err.code === code && check(err));
  fails(() => zhengce.InspectionPlan.draw(ctx, [{ id: "x", credit_class: "e" }], directory, spec), "invalid_input",
    (e) => e.path === "register[0].credit_class");
  fails(() => zhengce.InspectionPlan.draw(ctx, register, directory.slice(0, 1), spec), "infeasible",
    (e) => e.details.what.startsWith("assign inspectors to visit 1 "));
  fails(() => zhengce.InspectionPlan.draw(ctx, register, directory, { ...spec, base_ratio: 0.03 }), "invalid_input",
    (e) => e.path === "spec.base_ratio");
  fails(() => zhengce.StratifiedDraw.draw(ctx, sample, new Uint8Array([1, 9])), "invalid_input", (e) => e.details.row === 1);
});

test("columns are typed arrays in and out", () => {
  const classes = new Uint8Array(600).map((_, i) => [1, 2, 2, 3, 4, 0][i % 6]);
  const flags = new Uint8Array(600);
  flags[7] = 1;
  const draw = zhengce.StratifiedDraw.draw(ctx, sample, classes, undefined, flags);
  assert.deepEqual(draw.strata.map((s) => s.key), ["a", "b", "c", "d", "unclassified"]);
  const picked = draw.randomIndices("b");
  assert.ok(picked instanceof Uint32Array);
  assert.equal(picked.length, draw.strata[1].sample);
  assert.ok(picked.every((p) => classes[p] === 2));
  assert.deepEqual([...draw.mandatoryIndices("b")], [7]);
  const strata = new Uint32Array(600).map((_, i) => Math.floor(i / 6) % 2);
  assert.deepEqual(zhengce.StratifiedDraw.draw(ctx, sample, classes, strata).strata.slice(0, 2).map((s) => s.key),
    ["a|code=0", "a|code=1"]);
});
