// The JavaScript snippets of the README and of the guides in docs/ run as written (with
// `require("zhengce")` pointed at the Node build of the package). Each snippet runs on its own.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const load = (name) => (name === "zhengce" ? require("../pkg/node/zhengce_wasm.js") : require(name));

// The guides whose snippets are tested here (a page joins the list when its snippets run).
const GUIDES = [
  "docs/catalogue.md",
  "docs/calendar.md",
  "docs/rules.md",
  "docs/sampling.md",
  "docs/targets.md",
  "docs/errors.md",
  "docs/rust-service.md",
];

function jsBlocks(relative) {
  const text = readFileSync(new URL(`../../${relative}`, import.meta.url), "utf8");
  return [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

function run(blocks) {
  const failures = [];
  const original = console.assert;
  console.assert = (ok, ...rest) => ok || failures.push(rest.join(" ") || "console.assert failed");
  try {
    for (const block of blocks) new Function("require", block)(load);
  } finally {
    console.assert = original;
  }
  return failures;
}

test("the README's JavaScript snippets run", () => {
  const blocks = jsBlocks("README.md");
  assert.ok(blocks.length > 0, "the README has no JavaScript snippet");
  assert.deepEqual(run(blocks), []);
});

for (const page of GUIDES) {
  test(`the JavaScript snippets of ${page} run`, () => {
    assert.deepEqual(run(jsBlocks(page)), []);
  });
}
