// Regenerates public/samples/{register,inspectors}.csv and plan.json (the verify tool's sample:
// a published plan drawn from that register with the seed "tianshan-2023-q1-public-draw"), with
// the package built in bindings-wasm/pkg. Run it when the plan's JSON format changes.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const z = require("../../bindings-wasm/pkg/node/zhengce_wasm.js");
const out = (name, text) => writeFileSync(new URL(`./public/samples/${name}`, import.meta.url), text);
const classes = ["a", "b", "b", "c", "d", "a", "b", "c"];
const industries = ["catering", "retail", "construction"];
const register = [];
for (let i = 1; i <= 40; i++) {
  const e = { id: `TS-${String(i).padStart(3, "0")}`, credit_class: classes[i % 8], industry: industries[i % 3], district: "cn-xj-urumqi-tianshan" };
  if (i === 7) e.flags = ["complaint"];
  if (i === 23) e.flags = ["referred_case"];
  register.push(e);
}
const directory = ["INS-01", "INS-02", "INS-03", "INS-04", "INS-05", "INS-06"].map((id) => ({ id, department: "amr" }));
directory[2].conflicts = [{ entity: "TS-007" }];
const spec = { jurisdiction: "cn-xj-urumqi-tianshan", date: "2023-03-01", seed: "tianshan-2023-q1-public-draw", checks: [{ department: "amr", items: ["licence", "food-safety"] }] };
const ctx = z.Context.builtin();
const plan = z.InspectionPlan.draw(ctx, register, directory, spec);
if (!plan.verify(ctx, register, directory).matches) throw new Error("the sample plan does not verify");
out("plan.json", plan.toJson());
out("register.csv", ["id,credit_class,industry,district,flags", ...register.map((e) => [e.id, e.credit_class, e.industry, e.district, (e.flags ?? []).join(";")].join(","))].join("\n") + "\n");
out("inspectors.csv", ["id,department,conflicts", ...directory.map((d) => [d.id, d.department, (d.conflicts ?? []).map((c) => c.entity).join(";")].join(","))].join("\n") + "\n");
console.log(`samples: ${register.length} entities, ${directory.length} inspectors, ${plan.visits.length} visits`);
