// Double-random inspection (双随机、一公开) from JavaScript: the same plan as the Rust tour, byte for byte.
const INDUSTRIES = ["food", "retail", "building", "services"];
const DISTRICTS = ["yanerwo", "shengli-road", "heping-road", "xinhua-road"];

/** 50,000 entities with Xinjiang's credit mix, from the same hash as the Rust tour. */
export function syntheticRegister(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const h = Math.imul(i, 2654435761) >>> 0;
    const m = h % 10000;
    const cls = m < 4860 ? "a" : m < 9012 ? "b" : m < 9654 ? "c" : "d";
    const e = { id: `91650102MA${String(i).padStart(8, "0")}`, credit_class: cls,
      industry: INDUSTRIES[(h >>> 16) % 4], district: DISTRICTS[(h >>> 20) % 4] };
    if (h % 211 === 0) e.flags = [["complaint", "big_data_alert", "referred_case"][(h >>> 8) % 3]];
    rows.push(e);
  }
  return rows;
}

export function directory() {
  const out = [];
  for (const [department, count] of [["amr", 12], ["health", 6], ["fire", 6]]) {
    for (let k = 1; k <= count; k++) {
      const ins = { id: `${department}-${String(k).padStart(2, "0")}`, department };
      if (k === 2) ins.conflicts = [{ district: "yanerwo" }];
      if (k === 3) ins.conflicts = [{ industry: "food" }, { entity: "91650102MA00000007" }];
      out.push(ins);
    }
  }
  return out;
}

const SPEC = {
  jurisdiction: "cn-xj-urumqi-tianshan", date: "2022-06-01", seed: "天山区2022年第1批 公开摇号 0417-2291-8830",
  checks: [
    { department: "amr", items: ["licence", "annual-report"] },
    { department: "health", items: ["hygiene"], industries: ["food"] },
    { department: "fire", items: ["fire-exits"], industries: ["retail", "building"] },
  ],
};

export function tour(zhengce, ctx) {
  console.log(`\n== Double-random inspection (双随机、一公开) ${"=".repeat(36)}`);
  const register = syntheticRegister(50_000);
  const inspectors = directory();
  const plan = zhengce.InspectionPlan.draw(ctx, register, inspectors, SPEC);
  const value = plan.toJsonValue();
  console.log(`${register.length} entities, ${inspectors.length} inspectors, seed '${SPEC.seed}'`);
  console.log(`base ratio ${value.base_ratio} (${value.parameters[0].source.document}), ${value.inspectors_per_check} inspectors per check`);
  console.log("\n  class  population  flagged    ratio  drawn  selected  realised");
  const r = (x, w) => String(x).padStart(w);
  for (const s of plan.strata) {
    console.log(`  ${s.credit_class.padEnd(5)} ${r(s.population, 11)} ${r(s.flagged, 8)} ${r(s.ratio, 8)} ${r(s.sample, 6)} ${r(s.selected, 9)} ${r(s.realised_ratio, 9)}`);
  }
  const visits = plan.visits;
  const joint = visits.filter((v) => v.checks.length > 1).length;
  const offSite = visits.filter((v) => v.mode === "off_site").length;
  console.log(`\n${visits.length} visits: ${joint} joint (进一次门、查多项事), ${offSite} off site (class A drawn at random), ${value.out_of_scope} out of scope`);
  for (const v of visits.slice(0, 3)) {
    const checks = v.checks.map((c) => `${c.department}: ${c.items.join("+")}`).join("; ");
    console.log(`  #${String(v.number).padEnd(4)} ${v.entity} class ${v.credit_class} ${v.reason} ${v.mode} [${checks}] by ${v.inspectors.map((i) => i.id).join(", ")}`);
  }
  const publishBy = value.publication.publish_by ?? value.publication.publish_by_unknown;
  console.log(`results public within ${value.publication.working_days} working days: by ${publishBy}`);

  console.log(`\nverify the published plan: matches = ${plan.verify(ctx, register, inspectors).matches}`);
  const forged = plan.toJsonValue();
  forged.visits[0].inspectors[0].id = "amr-99";
  const report = zhengce.InspectionPlan.fromJsonValue(forged).verify(ctx, register, inspectors);
  const d = report.differences[0];
  console.log(`verify a forged copy: matches = ${report.matches}; ${d.path}: published "${d.published}", derived "${d.derived}"`);

  const codes = { unclassified: 0, a: 1, b: 2, c: 3, d: 4 };
  const classes = Uint8Array.from(register, (e) => codes[e.credit_class]);
  const flags = Uint8Array.from(register, (e) => (e.flags ? 1 : 0));
  const { jurisdiction, date, seed } = SPEC;
  const draw = zhengce.StratifiedDraw.draw(ctx, { jurisdiction, date, seed }, classes, undefined, flags);
  const picked = draw.strata.flatMap((s) => [...draw.randomIndices(s.key), ...draw.mandatoryIndices(s.key)]).sort((a, b) => a - b);
  const same = picked.length === visits.length && picked.every((p, k) => register[p].id === visits[k].entity);
  console.log(`the columnar draw over the same class and flag columns selects the same ${picked.length} entities: ${same}`);
  console.log("\nCSV, first two visits:");
  for (const line of plan.toCsv().split("\n").slice(0, 3)) console.log(`  ${line}`);
}
