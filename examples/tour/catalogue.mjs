// The catalogue from JavaScript: documents per jurisdiction, a measure with its citation, search.
export function heading(title) {
  console.log(`\n== ${title} ${"=".repeat(Math.max(0, 70 - title.length))}`);
}

export function tour(zhengce, cat) {
  heading("Catalogue");
  for (const j of cat.toJsonValue().jurisdictions.filter((j) => j.level === "district")) {
    for (const d of cat.documents({ jurisdiction: j.id })) {
      const measures = cat.measures({ document: d.id }).length;
      const targets = cat.targets({ document: d.id }).length;
      console.log(`  ${j.name.en.padEnd(40)} ${d.id.padEnd(28)} ${String(measures).padStart(3)} measures ${String(targets).padStart(3)} targets`);
    }
  }
  const measure = cat.measure("tianshan-2022-87/m68");
  const clause = cat.clause(measure.source.clause);
  console.log(`\n  ${measure.id} — ${measure.title.zh} cites item ${clause.label}`);
  console.log(`  「${clause.text}」`);
  const hits = cat.search("投标保证金", { kinds: ["clause"] });
  console.log(`\n  search 投标保证金 in clauses: ${hits.map((h) => h.id).join(", ")}`);
  const rate = cat.parameterValue("procurement.bid_bond.rate", "cn-xj-urumqi-tianshan", "2022-06-01");
  console.log(`  bid-bond rate in Tianshan on 2022-06-01: ${rate.value} (from ${rate.source.clause})`);
  try {
    cat.layered({ units: [{ id: "x", name: { zh: "", en: "X" }, kind: "department", jurisdiction: "cn", source: { document: "nope" } }] });
  } catch (err) {
    console.log(`  a bad overlay: ${err.details.problems.length} problems, first at ${err.details.problems[0].path}`);
  }
}
