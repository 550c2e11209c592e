// `zhengce/draft` for browsers and bundlers (ES module): the optional second module (draft,
// draftJson, parseYaml), kept out of the main one so a page that does not draft does not load
// it. `await init()` fetches `zhengce_draft_bg.wasm` from beside this package; with a bundler
// that does not copy it, pass its URL:
//   import wasm from "zhengce/zhengce_draft_bg.wasm"; await init({ module_or_path: wasm });
import glueInit, { initSync as glueInitSync } from "./draft-glue.js";

export * from "./draft-glue.js";

let ready = null;

/**
 * Loads the module. Safe to call more than once: later calls return the first call's promise.
 * @param {{module_or_path?: any} | any} [options]
 */
export default function init(options) {
  if (ready) return ready;
  const given = options != null && typeof options === "object" && "module_or_path" in options ? options.module_or_path : options;
  const wasm = given ?? new URL("../zhengce_draft_bg.wasm", import.meta.url);
  ready = glueInit({ module_or_path: wasm }).then(() => undefined);
  ready.catch(() => (ready = null));
  return ready;
}

/**
 * Loads the module synchronously from its bytes (or a compiled `WebAssembly.Module`).
 * @param {{module: any}} options
 */
export function initSync(options) {
  glueInitSync({ module: options.module });
}
export { init };
