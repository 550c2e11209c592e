// Targets from JavaScript: the tour's synthetic observations, scorecards by group and by
// responsible unit as the plain objects a dashboard renders, and the childcare check.
import { readFileSync } from "node:fs";
import { heading } from "./catalogue.mjs";

const observations = JSON.parse(readFileSync(new URL("./observations.json", import.meta.url), "utf8"));

function print(title, card) {
  console.log(`\n${title}, as of ${card.as_of}:`);
  const row = (label, c) =>
    console.log(`  ${label.padEnd(20)} met ${c.met}  on track ${c.on_track}  at risk ${c.at_risk}  off track ${c.off_track}  missed ${c.missed}  no data ${c.no_data}  total ${c.total}`);
  row("all", card.counts);
  for (const g of card.groups) row(g.name ? g.name.zh : "(none stated)", g.counts);
}

export function tour(zhengce, ctx) {
  heading("Targets and scorecards");
  const monitor = new zhengce.Monitor(ctx);
  const added = monitor.addObservations(observations);
  console.log(`${added} synthetic observations added (${monitor.length} held with the catalogue's baselines)`);
  const asOf = "2022-10-31";
  const a = monitor.assess("tianshan-2022-87/t28", asOf);
  console.log(`\nTianshan item 28 on ${asOf}: ${a.status} (${a.basis}): ${a.note}`);
  print("Tianshan by group", monitor.scorecard(asOf, { by: ["group"], document: "tianshan-2022-87" }).toJsonValue());
  print("Putuo by responsible unit (责任部门)", monitor.scorecard(asOf, { by: ["unit"], document: "putuo-2019-startup-district" }).toJsonValue());
  const check = monitor.checkRatio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", "500000");
  console.log(`\nTianshan item 85: the two targets agree only for ${check.implied_population} residents; ${check.note}`);
}
