// Rules from JavaScript: bid bonds before and after the measure and under a 50,000-yuan cap,
// an eligibility result listing what is missing, one full explanation.
import { heading } from "./catalogue.mjs";

const BOND = "tianshan-2022-87/r68-bid-bond";

export function tour(zhengce, ctx) {
  heading("Rules");
  const baseline = ctx;
  const cap50 = ctx.withScenario({
    name: "cap-50000",
    parameters: [{ parameter: "procurement.bid_bond.cap_per_lot", jurisdiction: "cn-xj-urumqi-tianshan", effective_from: "2022-05-18", value: "50000" }],
  });
  const base = baseline.evaluator(BOND);
  const alt = cap50.evaluator(BOND);
  console.log("  budget      lot type          before     after      cap 50,000");
  for (const [budget, lotType] of [["1000000", "ordinary"], ["5000000", "ordinary"], ["5000000", "ppp"], ["5000000", "framework_entry"]]) {
    const lot = { budget, lot_type: lotType };
    const amounts = [base.evaluate(lot, "2022-05-17"), base.evaluate(lot, "2022-06-01"), alt.evaluate(lot, "2022-06-01")].map((r) => r.value.amount);
    console.log(`  ${budget.padStart(10)}  ${lotType.padEnd(16)} ${amounts.map((a) => a.padStart(10)).join("  ")}`);
  }
  const batch = base.evaluateBatch({ budget: ["1000000", "3000000", "8000000"] }, "2022-06-01");
  console.log(`\n  a batch of decimal strings: ${batch.columns.amount.join(", ")}`);
  const r = baseline.evaluator("tianshan-2022-87/r62-electricity-commitment").evaluate({ capacity_kva: "1600", voltage_kv: "10" }, "2022-06-01");
  console.log(`\n  item 62 with two inputs: eligible=${r.value.eligible}, still to ask: ${r.value.missing.join(", ")}`);
  const explained = base.evaluate({ budget: "5000000" }, "2022-06-01", { text: "en" });
  console.log("\n" + explained.explanation.text);
}
