// A trap in the wasm module (a panic: the module is built with panic = "abort") becomes a
// ZhengceError with code "internal"; the package restarts the module and later calls work
// (issue 13). Its own file: node --test runs each file in its own process, and the restart
// makes every object of the other files' module unusable.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const drafter = require("../pkg/node/draft.js");

function internal(fn) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof zhengce.ZhengceError, String(e));
    assert.equal(e.code, "internal", String(e));
    assert.equal(e.details.code, "internal");
    return true;
  });
}

/** Spring Festival 2024: 9 Feb + 1 working day = 18 Feb; Tianshan's bid bond on 1,000,000 at 1%. */
function works() {
  assert.equal(zhengce.Calendar.builtin("cn").addWorkingDays("2024-02-09", 1), "2024-02-18");
  const bond = new zhengce.Context().evaluator("tianshan-2022-87/r68-bid-bond");
  assert.equal(bond.evaluate({ budget: "1000000" }, "2022-06-01").value.amount, "10000.00");
}

test("a panic is an internal ZhengceError and the module works afterwards", () => {
  works();
  const before = zhengce.memoryBytes();
  internal(() => zhengce.__panicForTest("on purpose"));
  works(); // a fresh instance: the built-in catalogue was set again
  assert.ok(zhengce.memoryBytes() <= before, "the restarted module has fresh memory");
  internal(() => zhengce.__panicForTest("again"));
  works();
});

test("objects made before a restart refuse to be used, instead of reading the new memory", () => {
  const cat = zhengce.Catalogue.builtin();
  const cn = zhengce.Calendar.builtin("cn");
  assert.equal(cat.get("cn").type, "jurisdiction");
  internal(() => zhengce.__panicForTest("on purpose"));
  internal(() => cat.get("cn"));
  internal(() => cn.addWorkingDays("2024-02-09", 1));
  internal(() => zhengce.Context.of(cat, zhengce.Calendars.builtin()));
  cat.free(); // forgets the object; frees nothing in the new instance
  works();
  assert.equal(zhengce.Catalogue.builtin().get("cn").type, "jurisdiction");
});

test("ordinary errors pass through unchanged and do not restart the module", () => {
  const cat = zhengce.Catalogue.builtin();
  assert.throws(() => cat.get("no-such-id"), (e) => e.code === "not_found");
  assert.throws(() => cat.get(5), (e) => e.code === "invalid_input");
  assert.equal(cat.get("cn").type, "jurisdiction"); // the same object still works
});

test("the draft module is guarded the same way, and restarts alone", () => {
  const text = "到2025年,新增学位500个。";
  const meta = { id: "d", jurisdiction: "cn" };
  assert.equal(drafter.draft(text, meta).items[0].value, "500");
  const cat = zhengce.Catalogue.builtin();
  internal(() => drafter.__panicForTest("on purpose"));
  assert.equal(drafter.draft(text, meta).items[0].value, "500");
  assert.equal(cat.get("cn").type, "jurisdiction", "the main module was not restarted");
});
