// Type-checked by `tsc -p bindings-wasm/tests-js/tsconfig.json` (never run): the published
// declarations must describe real usage without casts.
import * as zhengce from "../pkg/node/zhengce_wasm.js";

const cat: zhengce.Catalogue = zhengce.Catalogue.builtin();
const doc: zhengce.Document = cat.document("tianshan-2022-87");
const title: string = doc.title.zh;
const measures: zhengce.Measure[] = cat.measures({ document: doc.id });
const lookup: zhengce.ParameterLookup = cat.parameterValue("procurement.bid_bond.rate", "cn", new Date());
const value: string = lookup.value;
const hits: zhengce.SearchHit[] = cat.search("保证金", { kinds: ["clause"], limit: 5 });
const entry: zhengce.Entry = cat.get("cn");
if (entry.type === "jurisdiction") {
  const level: zhengce.JurisdictionLevel = entry.level;
  void level;
}
void [title, measures, value, hits];

// --- rules ---
const scenario: zhengce.Scenario = zhengce.Scenario.baseline(cat);
const bond: zhengce.Evaluator = scenario.evaluator("tianshan-2022-87/r68-bid-bond");
const result: zhengce.Evaluation = bond.evaluate({ budget: "1000000", lot_type: "ppp" }, "2022-06-01", { explain: true });
if (result.value.kind === "capped_rate") {
  const amount: string | null | undefined = result.value.amount;
  void amount;
}
const cited: string | null | undefined = result.explanation?.rule.source.clause;
const batch: zhengce.BatchResult = bond.evaluateBatch({ budget: ["1000000"], lot_type: [null] }, ["2022-06-01"]);
const amounts = batch.columns["amount"];
const alt = new zhengce.Scenario(cat, { name: "cap", parameters: [{ parameter: "procurement.bid_bond.cap_per_lot", jurisdiction: "cn", value: "50000" }] });
const cmp: zhengce.Comparison = scenario.compare(alt, "tianshan-2022-87/r68-bid-bond", { budget: BigInt64Array.from([1n]) }, "2022-06-01");
const total: string = cmp.totals.difference;
const check: zhengce.TableCheck | null = scenario.evaluator("tianshan-2022-87/r10-credit-class").checkTable();
const use: zhengce.ParameterUse = alt.parameterValue("procurement.bid_bond.rate", "cn", new Date());
void [cited, amounts, total, check, use];
