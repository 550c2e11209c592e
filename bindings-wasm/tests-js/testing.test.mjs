// runCases and parseYaml: the core's case runner, giving the results `zhengce test` and
// zhengce.testing (Python) give on the same files.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
// The YAML reader is in the optional draft module (`zhengce/draft`).
const { parseYaml } = require("../pkg/node/draft.js");
const root = new URL("../../", import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.(ya?ml|json)$/.test(name) && name !== "manifest.json" ? [path] : [];
    });
}

function load(path) {
  const text = readFileSync(path, "utf8");
  return /\.ya?ml$/.test(path) ? parseYaml(text) : JSON.parse(text);
}

function runAll(dir, skip = () => false) {
  let passed = 0;
  let failed = 0;
  for (const file of files(dir).filter((f) => !skip(f))) {
    const report = zhengce.runCases(load(file));
    passed += report.passed;
    failed += report.failed;
    for (const c of report.cases.filter((c) => !c.passed)) console.error(file, c.name, c.problems);
  }
  return { passed, failed };
}

test("the example cases pass, as with zhengce test", () => {
  assert.deepEqual(runAll(join(root, "examples/cases")), { passed: 14, failed: 0 });
});

// The drafter is in the optional module `zhengce/draft`, not in the main module's case runner:
// the draft vectors run through draftJson in tests/vectors.test.mjs, and as cases here they are
// a not_found function.
const isDraftVectors = (f) => f.endsWith(join("vectors", "draft", "draft.json"));

test("the conformance vectors pass as cases", () => {
  const { passed, failed } = runAll(join(root, "tests/vectors"), isDraftVectors);
  assert.equal(failed, 0);
  assert.ok(passed > 500, `${passed}`);
});

test("a draft case is a function the main module does not have", () => {
  const drafts = readdirSync(join(root, "tests/vectors/draft")).map((f) => join(root, "tests/vectors/draft", f));
  assert.deepEqual(drafts.filter(isDraftVectors).length, 1, "the draft vectors file moved?");
  const report = zhengce.runCases({ cases: [{ name: "d", function: "draft.draft", input: { text: "到2025年,新增学位500个。", meta: { id: "d", jurisdiction: "cn" } }, output: {} }] });
  assert.equal(report.failed, 1);
  assert.match(report.cases[0].problems.join(" "), /draft\.draft/);
});

test("a wrong expectation fails, naming the field", () => {
  // Tianshan item 68: 1 % of 1,000,000 is 10,000.00.
  const report = zhengce.runCases([
    { name: "wrong", rule: "tianshan-2022-87/r68-bid-bond", date: "2022-06-01", input: { budget: "1000000" }, output: { amount: "9000.00" } },
  ]);
  assert.equal(report.failed, 1);
  assert.deepEqual(report.cases[0].problems, ['$.amount: expected "9000.00", got "10000.00"']);
});

test("YAML floats stay exact decimal strings; bad YAML throws with a code", () => {
  assert.deepEqual(parseYaml("a: 10000.00\nb: 3\n"), { a: "10000.00", b: 3 });
  assert.throws(() => parseYaml("a: [1, 2"), (e) => e.code === "invalid_input");
  assert.throws(() => zhengce.runCases([{ name: "x", tolerence: "1" }]), (e) => e.path === "cases[0].tolerence");
  assert.equal(zhengce.casesSchema().$defs.Case.additionalProperties, false);
});

test("runCasesIn uses the context given", () => {
  // A scenario where Tianshan's bid-bond cap is 50,000: 1 % of 6,000,000 is capped there.
  const ctx = zhengce.Context.builtin().withScenario({
    name: "cap-50000",
    parameters: [{ parameter: "procurement.bid_bond.cap_per_lot", jurisdiction: "cn-xj-urumqi-tianshan", effective_from: "2022-05-18", value: "50000" }],
  });
  const c = { name: "cap", rule: "tianshan-2022-87/r68-bid-bond", date: "2022-06-01", input: { budget: "6000000" }, output: { amount: "50000.00" } };
  assert.equal(zhengce.runCasesIn(ctx, c).passed, 1);
  assert.equal(zhengce.runCases(c).failed, 1);
  assert.equal(ctx.scenarioName(), "cap-50000", "the context is still usable");
});
