// Type-checked (never run) under `strict` with default libs: the Node ES-module entry.
import init, { Calendar, Catalogue, ZhengceError, initSync, setBuiltinCatalogue } from "../pkg/node/zhengce_wasm.mjs";

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
void [typed, strings];
