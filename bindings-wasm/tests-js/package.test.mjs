// The npm package's shape: one module for every entry point (and one for the optional
// `zhengce/draft`), Node ESM and CommonJS entries
// sharing one instance, a harmless init(), the ZhengceError class, and no name section.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import init, * as esm from "../pkg/node/zhengce_wasm.mjs";
import initDraft, * as draftEsm from "../pkg/node/draft.mjs";

const require = createRequire(import.meta.url);
const cjs = require("../pkg/node/zhengce_wasm.js");
const pkg = new URL("../pkg/", import.meta.url);

test("Node ESM: `import init, * as zhengce` works and init() is harmless", async () => {
  await init();
  await esm.default();
  esm.initSync();
  assert.equal(esm.Catalogue.builtin().parameterValue("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan", "2022-06-01").value, "0.01");
  assert.equal(esm.Catalogue, cjs.Catalogue, "the ESM entry re-exports the CommonJS instance");
});

test("`zhengce/draft`: the drafter and the YAML reader in their own module, not in the main one", async () => {
  const draftCjs = require("../pkg/node/draft.js");
  await initDraft();
  draftEsm.initSync();
  assert.equal(draftEsm.draft, draftCjs.draft, "the ESM entry re-exports the CommonJS instance");
  assert.deepEqual(draftEsm.parseYaml("a: 10000.00"), { a: "10000.00" });
  assert.equal(draftCjs.draft("到2025年,新增学位500个。", { id: "d", jurisdiction: "cn" }).items[0].value, "500");
  assert.throws(() => draftCjs.draft("  ", { id: "d", jurisdiction: "cn" }), (e) => e instanceof cjs.ZhengceError && e.path === "text");
  for (const name of ["draft", "draftJson", "parseYaml"]) assert.equal(cjs[name], undefined, `${name} is in the main module`);
  const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
  const entry = manifest.exports["./draft"];
  assert.ok(entry.node.import && entry.node.require && entry.default);
});

test("errors are instances of the exported ZhengceError, and the module stays usable", () => {
  for (const z of [esm, cjs]) {
    assert.throws(() => z.Catalogue.builtin().measure("nope"), (e) => e instanceof z.ZhengceError && e.code === "not_found");
    assert.ok(!(new Error("x") instanceof z.ZhengceError));
    assert.throws(() => z.setBuiltinCatalogue(42), (e) => e instanceof z.ZhengceError && e.code === "invalid_input");
  }
  assert.equal(cjs.Catalogue.builtin().clause("tianshan-2022-87/68").label, "68.");
});

test("one .wasm per module in the package, with no name section; the catalogue is a file beside it", () => {
  const files = (dir) => readdirSync(new URL(dir, pkg), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}${e.name}/`) : [`${dir}${e.name}`]));
  assert.deepEqual(files("").filter((f) => f.endsWith(".wasm")).sort(), ["zhengce_bg.wasm", "zhengce_draft_bg.wasm"]);
  for (const file of ["zhengce_bg.wasm", "zhengce_draft_bg.wasm"]) {
    const wasm = readFileSync(new URL(file, pkg));
    assert.equal(wasm.includes(Buffer.from("\x04name")), false, `a name section is present in ${file}`);
  }
  assert.equal(JSON.parse(readFileSync(new URL("catalogue.json", pkg), "utf8")).documents.length >= 5, true);
  // The built-in calendars and the published schemas: data.json, read on first use.
  const data = JSON.parse(readFileSync(new URL("data.json", pkg), "utf8"));
  assert.deepEqual(data.calendars.map((l) => l.id), ["cn", "cn-xj"]);
  assert.deepEqual(cjs.Calendars.builtin().layers().map((l) => l.id), ["cn", "cn-xj"]);
  assert.deepEqual(cjs.Catalogue.schema(), JSON.parse(readFileSync(new URL("../../core/schema/catalogue.schema.json", pkg), "utf8")));
  assert.deepEqual(cjs.Calendars.schema(), JSON.parse(readFileSync(new URL("../../core/schema/calendar.schema.json", pkg), "utf8")));
  assert.deepEqual(cjs.casesSchema(), JSON.parse(readFileSync(new URL("../../core/schema/cases.schema.json", pkg), "utf8")));
  assert.notEqual(cjs.Catalogue.schema(), cjs.Catalogue.schema(), "a new object on each call");
  const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
  assert.ok(manifest.exports["."].node.import && manifest.exports["."].node.require && manifest.exports["."].default);
  assert.ok(manifest.engines.node && manifest.repository && manifest.license);
});
