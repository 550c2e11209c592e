// The JavaScript binding of the drafter: the Draft object, spans in code points, errors.
// Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
// `zhengce/draft`: the optional second module.
const drafter = require("../pkg/node/draft.js");
const TEXT = "一、目标\n到2025年,新增學位５００個以上。\n二、服务\n企业开办2个工作日内办结。(责任单位:区市场监管局)";
const META = { id: "demo-draft", jurisdiction: "cn-xj-urumqi-tianshan", issued: "2024-03-01" };

test("draft returns a plain object in the JSON shape, the same JSON as draftJson", () => {
  const d = drafter.draft(TEXT, META);
  const t = d.items[0];
  assert.equal(Object.getPrototypeOf(t), Object.prototype);
  assert.deepEqual([t.kind, t.value, t.unit, t.comparator], ["target", "500", "places", "at_least"]);
  // Spans count code points: index Array.from(text), not the UTF-16 string.
  assert.equal(Array.from(TEXT).slice(t.span.start, t.span.end).join(""), "５００個以上");
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
  assert.equal(JSON.stringify(d), drafter.draftJson(TEXT, META));
  assert.equal(d.stats.time_limits, 1);
  const cat = zhengce.Catalogue.builtin().layered(JSON.stringify(d.layer));
  assert.equal(cat.clause("demo-draft/g1").title.zh, "目标");
});

test("errors carry a code and a path, and the module stays usable", () => {
  assert.throws(() => drafter.draft("  ", META), (e) => e.code === "invalid_input" && e.path === "text");
  assert.throws(() => drafter.draft(TEXT, { id: "demo-draft" }), (e) => e.code === "invalid_input");
  assert.throws(() => drafter.draft(TEXT, META, { max_lines: 3 }), (e) => e.path === "options.max_lines");
  assert.equal(drafter.draft(TEXT, META, { max_items: 1 }).stats.truncated, true);
});
