// Drafting from JavaScript: Tianshan's 87 measures read into a draft layer; the first targets
// next to their words.
import { readFileSync } from "node:fs";

import { heading } from "./catalogue.mjs";

const SOURCE = new URL("../../core/data/sources/002_f2cb9e304a2c1ebe.txt", import.meta.url);

export function tour(drafter, cat) {
  heading("Drafting a catalogue layer from a text");
  const text = readFileSync(SOURCE, "utf8");
  const meta = { id: "tianshan-2022-87-draft", jurisdiction: "cn-xj-urumqi-tianshan", issued: "2022-05-18" };
  const d = drafter.draft(text, meta);
  const s = d.stats;
  console.log(
    `${s.chars} characters: ${s.clauses} clauses, ${s.targets} targets, ` +
      `${s.time_limits} time limits, ${s.fees} fee rules, ${s.observations} observations`,
  );
  // Spans count Unicode scalar values: index an array of code points, not the UTF-16 string.
  const chars = Array.from(text);
  for (const t of d.items.filter((i) => i.kind === "target").slice(0, 6)) {
    const { start, end } = t.span;
    const words = chars.slice(Math.max(0, start - 14), start).join("");
    console.log(
      `  …${words}[${chars.slice(start, end).join("")}]  → ${t.comparator} ${t.value} ${t.unit} ` +
        `by ${t.deadline ?? "-"} (${t.clause})`,
    );
  }
  const layered = cat.layered(JSON.stringify(d.layer));
  console.log(`layered over the built-in catalogue: ${layered.targets().length} targets in all`);
}
