// Every argument of every exported function, method and constructor, given a wrong type or a
// lone surrogate, throws a ZhengceError that is not "internal" (so no trap: a trap would come
// back as "internal" from the package's wrapper), and the module answers correctly afterwards
// (issue 13). The callables are found by introspection of the package's exports.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const drafter = require("../pkg/node/draft.js");
const cat = zhengce.Catalogue.builtin();
const ctx = zhengce.Context.of(cat, zhengce.Calendars.builtin());
const cn = zhengce.Calendar.builtin("cn");
const bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond");
const register = [...Array(40).keys()].map((i) => ({ id: `e${i}`, credit_class: "abcd"[i % 4] }));
const directory = [...Array(4).keys()].map((i) => ({ id: `i${i}`, department: "amr" }));
const spec = { jurisdiction: "cn-xj-urumqi-tianshan", date: "2022-06-01", seed: "arguments",
  checks: [{ department: "amr", items: ["licence"] }] };

// One instance of each class, made through the public API.
const instances = {
  Calendar: () => cn,
  Calendars: () => zhengce.Calendars.builtin(),
  Catalogue: () => cat,
  Communities: () => new zhengce.Communities(ctx),
  Context: () => ctx,
  Evaluator: () => bond,
  DatedEvaluator: () => bond.at("2022-06-01"),
  InspectionPlan: () => zhengce.InspectionPlan.draw(ctx, register, directory, spec),
  Monitor: () => new zhengce.Monitor(ctx),
  Scorecard: () => new zhengce.Monitor(ctx).scorecard("2022-12-31"),
  StratifiedDraw: () => zhengce.StratifiedDraw.draw(ctx, { jurisdiction: "cn-xj-urumqi-tianshan", date: "2022-06-01", seed: "s" }, new Uint8Array([1, 2, 3, 4])),
};
// Not calls into the module: the loaders, the error class, the test hook, free().
const skipped = new Set(["init", "initSync", "default", "ZhengceError", "__panicForTest", "setBuiltinCatalogue", "setBuiltinData"]);
const bad = { "a number": 12345, "a lone surrogate": "\ud800", "an object": { x: 1 } };

function stillUsable() {
  assert.equal(cn.addWorkingDays("2024-02-09", 1), "2024-02-18");
  assert.equal(cat.get("cn").type, "jurisdiction");
}

/** [label, call(args)] for every exported function, constructor, static and instance method. */
function callables() {
  const out = [];
  for (const [name, value] of Object.entries(zhengce)) {
    if (skipped.has(name) || typeof value !== "function") continue;
    const isClass = Object.getOwnPropertyNames(value.prototype ?? {}).some((n) => n === "free");
    if (!isClass) {
      out.push([name, value.length, (args) => value(...args)]);
      continue;
    }
    assert.ok(instances[name], `add an instance factory for ${name}`);
    out.push([`new ${name}`, value.length, (args) => new value(...args)]);
    for (const key of Object.getOwnPropertyNames(value)) {
      if (["length", "name", "prototype", "arguments", "caller"].includes(key) || key.startsWith("__")) continue;
      const f = value[key];
      if (typeof f === "function") out.push([`${name}.${key}`, f.length, (args) => f.apply(value, args)]);
    }
    for (const key of Object.getOwnPropertyNames(value.prototype)) {
      if (["constructor", "free"].includes(key) || key.startsWith("__")) continue;
      const d = Object.getOwnPropertyDescriptor(value.prototype, key);
      if (typeof d.value === "function") {
        out.push([`${name}#${key}`, d.value.length, (args) => d.value.apply(instances[name](), args)]);
      }
    }
  }
  return out;
}

test("every callable refuses a bad argument with a typed error and the module goes on", () => {
  let calls = 0;
  for (const [label, arity, call] of callables()) {
    for (let position = 0; position < Math.max(arity, 1); position++) {
      for (const [what, value] of Object.entries(bad)) {
        const args = Array.from({ length: Math.max(arity, 1) }, (_, i) => (i === position ? value : bad["a number"]));
        let thrown;
        try {
          call(args);
        } catch (e) {
          thrown = e;
        }
        calls += 1;
        if (thrown === undefined) {
          // Only a call without parameters may succeed (JavaScript ignores extra arguments).
          assert.equal(arity, 0, `${label} accepted ${what} at ${position}`);
          continue;
        }
        assert.ok(thrown instanceof zhengce.ZhengceError, `${label} with ${what} at ${position}: ${thrown}`);
        assert.notEqual(thrown.code, "internal", `${label} with ${what} at ${position}: ${thrown}`);
        stillUsable();
      }
    }
  }
  assert.ok(calls > 300, `only ${calls} calls: did the enumeration find the API?`);
});

test("a lone surrogate in a text argument is the error Python gives", () => {
  assert.throws(() => cat.get("\ud800"), (e) => e.code === "invalid_input" && e.path === "id" &&
    e.message.startsWith("expected well-formed Unicode text, got text with a lone surrogate"));
});

test("text and year arguments that trapped or were coerced are typed errors", () => {
  // A number where wasm-bindgen expected &str trapped with "memory access out of bounds".
  for (const call of [
    () => zhengce.Calendars.parseNotice(5),
    () => zhengce.Calendars.builtin().layeredNotice(5),
    () => drafter.parseYaml(5),
    () => drafter.draft(5, { id: "d", jurisdiction: "cn" }),
    () => drafter.draftJson(5, { id: "d", jurisdiction: "cn" }),
  ]) {
    assert.throws(call, (e) => e.code === "invalid_input" && e.path === "text", String(call));
  }
  // wasm-bindgen read "2024" as 2024 and NaN as 0.
  for (const year of ["2024", Number.NaN, 2024.5]) {
    assert.throws(() => zhengce.Calendars.statutoryDays(year), (e) => e.code === "invalid_input" && e.path === "year");
  }
  assert.throws(() => new zhengce.Monitor(5), (e) => e.code === "invalid_input" && e.details.expected === "a zhengce.Context");
  stillUsable();
});
