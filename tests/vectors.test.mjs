// Runs the shared conformance vectors in Node against the Node build of the binding.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { runVectors } from "./vectors.mjs";

const require = createRequire(import.meta.url);
// The main module and the optional draft module (`zhengce/draft`, for the draft vectors).
const zhengce = { ...require("../bindings-wasm/pkg/node/zhengce_wasm.js"), ...require("../bindings-wasm/pkg/node/draft.js") };
const dir = new URL("./vectors/", import.meta.url);
const readJson = async (file) => JSON.parse(readFileSync(new URL(file, dir), "utf8"));

function filesOnDisk(url, prefix = "") {
  return readdirSync(url).flatMap((name) => {
    const child = new URL(name, url);
    if (statSync(child).isDirectory()) return filesOnDisk(new URL(`${name}/`, url), `${prefix}${name}/`);
    return name.endsWith(".json") && name !== "manifest.json" ? [`${prefix}${name}`] : [];
  });
}

test("the manifest lists every vector file", async () => {
  const manifest = await readJson("manifest.json");
  assert.deepEqual(filesOnDisk(dir).sort(), [...manifest.files].sort());
});

test("conformance vectors (Node)", async (t) => {
  const results = await runVectors({ zhengce, readJson });
  assert.ok(results.length > 0, "no vector cases ran");
  for (const r of results) {
    await t.test(`${r.file} :: ${r.name}`, () => assert.deepEqual(r.problems, []));
  }
});
