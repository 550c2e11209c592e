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
