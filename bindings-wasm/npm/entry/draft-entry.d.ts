export * from "TYPES";

/** What `init` loads the module from: a URL or path string, a `URL`, a `Request`, a
 * `Response`, the bytes, or a compiled `WebAssembly.Module` (or a promise of one of these). */
export type InitInput = string | ArrayBuffer | ArrayBufferView | object;

/** Loads the draft module in the browser (default: `zhengce_draft_bg.wasm` beside the
 * package's entry points); resolves at once in Node. */
declare function init(options?: { module_or_path?: InitInput } | InitInput): Promise<void>;
export default init;
export { init };

/** Loads the draft module synchronously from its bytes (browser build); does nothing in Node. */
export declare function initSync(options?: { module: ArrayBuffer | ArrayBufferView | object }): void;
