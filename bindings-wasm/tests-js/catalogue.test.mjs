// The JavaScript binding of the catalogue: conversions, errors, names.
// Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const cat = zhengce.Catalogue.builtin();

test("entries come back as plain objects in the JSON shape", () => {
  const clause = cat.clause("tianshan-2022-87/68");
  assert.equal(Object.getPrototypeOf(clause), Object.prototype);
  assert.equal(clause.label, "68.");
  assert.equal(cat.get("tianshan-2022-87/68").type, "clause");
  const found = cat.parameterValue("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan", "2022-06-01");
  assert.equal(found.value, "0.01");
  assert.equal(found.effective_from, "2022-05-18");
});

test("dates: ISO strings and local-time Date objects; anything else is refused", () => {
  const at = (date) => cat.parameterValue("procurement.bid_bond.rate", "cn", date).value;
  assert.equal(at("2022-06-01"), "0.02");
  assert.equal(at(new Date(2022, 5, 1)), "0.02");
  for (const bad of ["2022-6-1", 20220601, null]) {
    assert.throws(() => at(bad), (err) => err.name === "ZhengceError" && err.code === "invalid_input" && err.path === "date");
  }
});

test("errors are Error objects with code, path and details", () => {
  assert.throws(
    () => cat.measure("nope"),
    (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.name, "ZhengceError");
      assert.equal(err.code, "not_found");
      assert.equal(err.path, null);
      assert.deepEqual(err.details, { code: "not_found", kind: "measure", id: "nope" });
      return true;
    },
  );
});

test("an invalid catalogue lists every problem with its JSON path", () => {
  const bad = {
    jurisdictions: [
      { id: "cn", name: { zh: "中国", en: "" }, level: "country" },
      { id: "x", name: { zh: "某", en: "X" }, level: "planet", parent: "cn" },
    ],
  };
  assert.throws(
    () => zhengce.Catalogue.fromJsonValue(bad),
    (err) => {
      assert.equal(err.code, "invalid_catalogue");
      assert.deepEqual(
        err.details.problems.map((p) => [p.code, p.path]),
        [
          ["unknown_variant", "$.jurisdictions[1].level"],
          ["empty_name", "$.jurisdictions[0].name.en"],
        ],
      );
      return true;
    },
  );
});

test("filters and options are optional, unknown keys refused", () => {
  assert.equal(cat.documents().length, cat.documents({}).length);
  assert.ok(cat.search("保证金").length > 0);
  assert.throws(() => cat.measures({ documnet: "x" }), (err) => err.code === "invalid_input" && err.path === "filter.documnet");
});

test("layered accepts text and objects and leaves the base alone", () => {
  const overlay = { jurisdictions: [{ id: "cn-zj", name: { zh: "浙江省", en: "Zhejiang" }, level: "province", parent: "cn" }] };
  const layered = cat.layered(overlay);
  assert.equal(layered.jurisdiction("cn-zj").name.en, "Zhejiang");
  assert.equal(cat.layered(JSON.stringify(overlay)).toJson(), layered.toJson());
  assert.throws(() => cat.jurisdiction("cn-zj"), (err) => err.code === "not_found");
});

test("round trip, hash, schema", () => {
  assert.equal(zhengce.Catalogue.fromJson(cat.toJson()).contentHash(), cat.contentHash());
  assert.match(cat.contentHash(), /^sha256:[0-9a-f]{64}$/);
  assert.equal(zhengce.Catalogue.schema().title, "CatalogueData");
  assert.equal(typeof zhengce.version(), "string");
});

test("every inventory item is reachable from JavaScript", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const dir = new URL("../../tests/coverage/", import.meta.url);
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")).required.map((r) => r.id));
  assert.ok(ids.length >= 799);
  for (const id of ids) assert.equal(cat.get(id).id, id);
});
