export * from "TYPES";

/** What `init` loads the module from: a URL or path string, a `URL`, a `Request`, a
 * `Response`, the bytes, or a compiled `WebAssembly.Module` (or a promise of one of these). */
export type InitInput = string | ArrayBuffer | ArrayBufferView | object;

/** Options of {@link init}. */
export interface InitOptions {
  /** Where the `.wasm` is; default: `zhengce_bg.wasm` beside the package's entry points. */
  module_or_path?: InitInput;
  /** Where the built-in catalogue's JSON is (a URL or path string, `URL` or `Request`), or
   * `false` to skip it (then use `Catalogue.fromJson` or `setBuiltinCatalogue`). */
  catalogue?: string | object | false;
  /** Where the package's `data.json` is (the built-in calendars and the published schemas; a
   * URL or path string, `URL` or `Request`); default: beside the package's entry points. */
  data?: string | object;
}

/** Loads the module, the built-in data and the built-in catalogue in the browser; resolves at
 * once in Node. */
declare function init(options?: InitOptions | InitInput): Promise<void>;
export default init;
export { init };

/** Loads the module synchronously from its bytes (browser build); does nothing in Node. */
export declare function initSync(options?: { module: ArrayBuffer | ArrayBufferView | object; catalogue?: string; data?: string }): void;
