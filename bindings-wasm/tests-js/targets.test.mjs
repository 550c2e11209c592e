// The JavaScript binding of targets and communities: arrays of objects in, plain objects out, errors.
// Logic is tested in Rust and by the shared vectors; this checks what the binding adds.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const zhengce = require("../pkg/node/zhengce_wasm.js");
const cat = zhengce.Catalogue.builtin();
const ctx = zhengce.Context.of(cat, zhengce.Calendars.builtin());
const T28 = "tianshan-2022-87/t28";
const row = (date, value, extra = {}) => ({ target: T28, date, value, unit: "%", source: "synthetic", ...extra });

test("observations from an array of objects; assessments are plain objects", () => {
  const monitor = new zhengce.Monitor(ctx);
  assert.equal(monitor.addObservations([row("2022-03-31", "60"), row("2022-09-30", 75)]), 2);
  assert.equal(monitor.length, 7); // the catalogue's five observations of targets and these two
  const a = monitor.assess(T28, new Date(2022, 9, 15));
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.equal(a.status, "at_risk");
  assert.equal(a.progress, "0.6");
  assert.equal(monitor.assess(T28, "2022-10-15", { at_risk_lag: "0.05" }).status, "off_track");
});

test("as_of and published: a year-end figure published in January counts for the year-end deadline", () => {
  const monitor = new zhengce.Monitor(ctx);
  monitor.addObservation({ target: T28, as_of: "2022-12-31", published: "2023-01-05", value: "84", unit: "%", source: "district statistics" });
  assert.equal(monitor.observations(T28)[0].published, "2023-01-05");
  assert.equal(monitor.assess(T28, "2023-01-04").status, "no_data");
  assert.equal(monitor.assess(T28, "2023-01-10").status, "missed");
});

test("a float value and a unit mismatch are ZhengceErrors naming the row", () => {
  const monitor = new zhengce.Monitor(ctx);
  assert.throws(
    () => monitor.addObservations([row("2022-06-30", 80.5)]),
    (err) => err.name === "ZhengceError" && err.code === "invalid_input" && err.path === "observations[0].value" && err.details.row === 0,
  );
  assert.throws(
    () => monitor.addObservation(row("2022-06-30", "0.8", { unit: "ratio" })),
    (err) => err.code === "unit_mismatch" && err.path === "observation.unit" && err.details.expected === "%",
  );
  assert.equal(monitor.length, 5, "nothing was added");
});

test("a scorecard gives a plain object for a dashboard, CSV and JSON", () => {
  const monitor = new zhengce.Monitor(ctx);
  monitor.addObservations([row("2022-03-31", "60"), row("2022-12-31", "86.5")]);
  const card = monitor.scorecard("2022-12-31", { by: ["group"], document: "tianshan-2022-87" });
  const value = card.toJsonValue();
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(value.groups.map((g) => g.counts.total), [6, 18, 14, 29]);
  assert.deepEqual(value.groups[1].targets.met, [T28]);
  assert.equal(JSON.parse(card.toJson()).as_of, "2022-12-31");
  assert.ok(card.toCsv().startsWith("dimension,key,name_zh,name_en,met,"));
  assert.equal(card.assessmentsToCsv().trim().split("\n").length, 68); // a header and 67 targets
  assert.throws(() => monitor.scorecard("2022-12-31", { bye: ["group"] }), (err) => err.path === "options.bye");
});

test("communities: register, filter, the chain, and scorecards by community", () => {
  const registry = new zhengce.Communities(ctx);
  registry.register({
    id: "tianshan-pilot-1", name: { zh: "试点一", en: "Pilot 1" }, jurisdiction: "cn-xj-urumqi-tianshan",
    sub_district: "tianshan-subdistricts", types: ["childcare-services"],
    programmes: ["urumqi-2022-startup-communities/programme"], targets: ["tianshan-2022-87/t81a"],
    source: { document: "tianshan-2022-87", clause: "tianshan-2022-87/81" },
  });
  assert.equal(registry.length, 1);
  assert.deepEqual(registry.communities({ community_type: "childcare-services" }).map((c) => c.id), ["tianshan-pilot-1"]);
  const answer = registry.responsible("tianshan-2022-87/t81a", "tianshan-pilot-1");
  assert.deepEqual(answer.chain.map((h) => h.role), ["principal", "direct", "implementing"]);
  const monitor = new zhengce.Monitor(ctx).withCommunities(registry);
  assert.equal(monitor.scorecard("2022-12-31", { by: ["community"] }).toJsonValue().groups[0].key, "tianshan-pilot-1");
  assert.equal(registry.length, 1, "the registry stays usable");
  assert.equal(new zhengce.Monitor(ctx).checkRatio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", "500000").needed, "200");
});
