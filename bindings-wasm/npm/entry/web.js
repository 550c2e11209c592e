// The browser and bundler entry point (ES module). `await init()` fetches the package's
// `zhengce_bg.wasm`, the built-in calendars and published schemas (`data.json`) and, unless
// told not to, the built-in catalogue (`catalogue.json`), all from beside this package. With a
// bundler that does not copy them, pass their URLs:
//   import wasm from "zhengce/zhengce_bg.wasm"; import catalogue from "zhengce/catalogue.json";
//   import data from "zhengce/data.json";
//   await init({ module_or_path: wasm, catalogue, data });   // (esbuild: --loader:.wasm=file --loader:.json=file)
import glueInit, { initSync as glueInitSync, setBuiltinCatalogue, setBuiltinData } from "./glue.js";

export * from "./glue.js";

/** Errors thrown by zhengce: `Error`s named `ZhengceError` with `code`, `path` and `details`. */
export class ZhengceError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "ZhengceError";
  }
}

let ready = null;

function isOptions(value) {
  return (
    value != null &&
    typeof value === "object" &&
    !(value instanceof URL) &&
    !(typeof Request !== "undefined" && value instanceof Request) &&
    !(typeof Response !== "undefined" && value instanceof Response) &&
    !(value instanceof ArrayBuffer) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof WebAssembly.Module) &&
    typeof value.then !== "function"
  );
}

async function fetchText(source, what) {
  const response = await fetch(source);
  if (!response.ok) throw new Error(`zhengce: could not load the ${what} from ${source} (HTTP ${response.status})`);
  return response.text();
}

/**
 * Loads the module, the built-in data (calendars, schemas) and the built-in catalogue. Safe to
 * call more than once: later calls return the first call's promise.
 * @param {{module_or_path?: any, catalogue?: string | URL | Request | false, data?: string | URL | Request} | any} [options]
 */
export default function init(options) {
  if (ready) return ready;
  const o = isOptions(options) ? options : { module_or_path: options };
  const wasm = o.module_or_path ?? new URL("../zhengce_bg.wasm", import.meta.url);
  const catalogue = o.catalogue === false ? null : fetchText(o.catalogue ?? new URL("../catalogue.json", import.meta.url), "built-in catalogue");
  const data = fetchText(o.data ?? new URL("../data.json", import.meta.url), "built-in data (data.json)");
  ready = (async () => {
    await glueInit({ module_or_path: wasm });
    setBuiltinData(await data);
    if (catalogue) setBuiltinCatalogue(await catalogue);
  })();
  ready.catch(() => (ready = null));
  return ready;
}

/**
 * Loads the module synchronously from its bytes (or a compiled `WebAssembly.Module`), with the
 * text of the package's `data.json` (built-in calendars, schemas) and the built-in catalogue's
 * JSON text if they are to be used.
 * @param {{module: any, catalogue?: string, data?: string}} options
 */
export function initSync(options) {
  glueInitSync({ module: options.module });
  if (typeof options.data === "string") setBuiltinData(options.data);
  if (typeof options.catalogue === "string") setBuiltinCatalogue(options.catalogue);
}
export { init };
