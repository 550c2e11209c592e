// Communities from JavaScript: Tianshan's six pilots registered; who is responsible for the pilot target.
import { heading } from "./catalogue.mjs";

const TYPES = ["convenience-economy", "modern-services", "childcare-services", "elderly-domestic-services", "health-services", "e-commerce"];

export function tour(zhengce, ctx) {
  heading("Communities and the responsibility chain");
  const registry = new zhengce.Communities(ctx);
  const pilots = TYPES.map((t, i) => ({
    id: `tianshan-pilot-${i + 1}`,
    name: { zh: `天山区试点创业社区${i + 1}`, en: `Tianshan pilot community ${i + 1}` },
    jurisdiction: "cn-xj-urumqi-tianshan", sub_district: "tianshan-subdistricts", types: [t],
    programmes: ["urumqi-2022-startup-communities/programme", "tianshan-2022-87/programme"],
    targets: ["tianshan-2022-87/t81a", "tianshan-2022-87/t81c"],
    source: { document: "tianshan-2022-87", clause: "tianshan-2022-87/81" },
  }));
  console.log(`${registry.registerAll(pilots)} pilot communities registered (synthetic names)`);
  const answer = registry.responsible("tianshan-2022-87/t81a", "tianshan-pilot-3");
  for (const h of answer.chain) console.log(`  ${h.level.zh.padEnd(14)} ${h.role.padEnd(13)} ${h.name ? h.name.zh : "(not recorded)"}`);
  console.log(`  cites ${answer.clauses.map((c) => c.clause ?? c.document).join(", ")}`);
}
