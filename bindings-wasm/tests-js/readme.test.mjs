// The README's JavaScript snippets run as written (with `require("zhengce")` pointed at the
// Node build of the package).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);

test("the README's JavaScript snippets run", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length > 0, "the README has no JavaScript snippet");
  const load = (name) => (name === "zhengce" ? require("../pkg/node/zhengce_wasm.js") : require(name));
  const failures = [];
  const original = console.assert;
  console.assert = (ok, ...rest) => ok || failures.push(rest.join(" ") || "console.assert failed");
  try {
    for (const block of blocks) new Function("require", block)(load);
  } finally {
    console.assert = original;
  }
  assert.deepEqual(failures, []);
});
