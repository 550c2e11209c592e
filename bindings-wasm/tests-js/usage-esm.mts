// Type-checked (never run) under `strict` with default libs: the Node ES-module entry.
import init, { Calendar, Catalogue, Context, type TypedBatchResult, ZhengceError, initSync, setBuiltinCatalogue } from "../pkg/node/zhengce_wasm.mjs";

await init();
initSync();
const cal = Calendar.builtin("cn");
// Batch results follow their input: typed array in, typed array out; strings in, strings out.
const typed: Int32Array = cal.addWorkingDaysBatch(new Int32Array([19700]), 1);
const strings: string[] = cal.subWorkingDaysBatch(["2024-02-09"], 1);
try {
  Catalogue.builtin().measure("nope");
} catch (err) {
  if (err instanceof ZhengceError) {
    const code: string = err.code;
    const path: string | null = err.path;
    void [code, path, err.details.code];
  }
}
setBuiltinCatalogue(() => "{}");
// Rule batches on the typed path.
const typedBatch: TypedBatchResult = Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond").evaluateColumns({ budget: new BigInt64Array(1) }, new Int32Array(1));
const fenOut = typedBatch.columns["amount"];
if (fenOut instanceof BigInt64Array) void fenOut[0];
void [typed, strings];
