// Assembles the npm package from wasm-bindgen's two outputs (same .wasm, two glues):
//   node assemble.mjs <bindgen-node-dir> <bindgen-web-dir> <optimised.wasm> <catalogue.json> <out-dir> <version>
// Layout: one zhengce_bg.wasm and catalogue.json at the root; node/ (CommonJS entry, ESM entry
// re-exporting it), web/ (ES module entry for browsers and bundlers); one shared types.d.ts.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [nodeDir, webDir, wasm, catalogue, out, version] = process.argv.slice(2).map((a, i) => (i < 5 ? resolve(a) : a));
const here = new URL(".", import.meta.url).pathname;
const read = (p) => readFileSync(p, "utf8");
const edit = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`assemble: '${from}' not found; has wasm-bindgen's output changed?`);
  return text.split(from).join(to);
};

rmSync(out, { recursive: true, force: true });
for (const d of ["node", "web"]) mkdirSync(join(out, d), { recursive: true });
copyFileSync(wasm, join(out, "zhengce_bg.wasm"));

// The glues, pointed at the one shared module, each with entry/guard.js appended: a trap
// restarts the module and throws a ZhengceError (see that file).
const guarded = (glue, web) => {
  const registries = [...glue.matchAll(/^const (\w+Finalization) = [^;]*?wasm\.(__wbg_\w+_free)\(/gms)].map((m) => `[${m[1]}, "${m[2]}"]`);
  const classes = [...glue.matchAll(/^(?:export )?class (\w+) \{/gm)].map((m) => m[1]);
  const functions = web
    ? [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1])
    : [...glue.matchAll(/^exports\.(\w+) = (\w+);$/gm)].filter((m) => m[1] === m[2] && !classes.includes(m[1])).map((m) => m[1]);
  if (registries.length !== classes.length || !functions.includes("setBuiltinCatalogue") || !functions.includes("setBuiltinData") || !glue.includes("function _assertClass(")) {
    throw new Error("assemble: the glue's classes, registries or functions were not found; has wasm-bindgen's output changed?");
  }
  const caches = [...glue.matchAll(/^let (cached\w+Memory0) = null;$/gm)].map((m) => `${m[1]} = null;`);
  const restart = web
    ? "__wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule)"
    : `wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports()); wasm = wasmInstance.exports; ${caches.join(" ")} wasm.__wbindgen_start()`;
  const wrap = (name, how) => (web ? `${name} = ${how}(${name});` : `exports.${name} = ${how}(${name});`);
  const exports = [...classes.map((c) => wrap(c, "zhengceGuardClass")), ...functions.map((f) => wrap(f, "zhengceGuard"))];
  const guard = read(join(here, "entry/guard.js"))
    .replace("RESTART", restart)
    .replace("REGISTRIES", `[${registries.join(", ")}]`)
    .replace("EXPORTS", exports.join("\n"));
  return `${glue}\n${guard}`;
};
writeFileSync(join(out, "node/glue.js"), guarded(edit(read(join(nodeDir, "zhengce.js")), "`${__dirname}/zhengce_bg.wasm`", "`${__dirname}/../zhengce_bg.wasm`"), false));
writeFileSync(join(out, "web/glue.js"), guarded(edit(read(join(webDir, "zhengce.js")), "new URL('zhengce_bg.wasm', import.meta.url)", "new URL('../zhengce_bg.wasm', import.meta.url)"), true));
writeFileSync(join(out, "node/package.json"), '{"type": "commonjs"}\n');
writeFileSync(join(out, "web/package.json"), '{"type": "module"}\n');
copyFileSync(join(here, "entry/node.cjs"), join(out, "node/zhengce_wasm.js"));
copyFileSync(join(here, "entry/web.js"), join(out, "web/zhengce_wasm.js"));

// The built-in catalogue as one JSON file (written by the core: `--example builtin_catalogue`).
copyFileSync(catalogue, join(out, "catalogue.json"));

// The built-in calendars (the core's data files, in the order of `Calendars::builtin`, which
// the wasm crate builds without: feature `builtin-calendars`) and the three published schemas,
// as one file read on first use (bindings-wasm/src/builtin.rs).
const core = join(here, "..", "..", "core");
const json = (p) => JSON.parse(read(join(core, p)));
const data = {
  calendars: ["data/calendar/cn.json", "data/calendar/cn-xj.json"].map(json),
  schemas: Object.fromEntries(["catalogue", "calendar", "cases"].map((n) => [n, json(`schema/${n}.schema.json`)])),
};
writeFileSync(join(out, "data.json"), JSON.stringify(data));

// The ESM entry for Node re-exports the CommonJS one by name (one instance for both).
const require = createRequire(import.meta.url);
const cjs = require(join(out, "node/zhengce_wasm.js"));
const names = Object.keys(cjs).filter((n) => n !== "default").sort();
writeFileSync(
  join(out, "node/zhengce_wasm.mjs"),
  `// The Node entry point as an ES module: the CommonJS entry's exports, by name.\nimport zhengce from "./zhengce_wasm.js";\n\nexport const { ${names.join(", ")} } = zhengce;\nexport default zhengce.init;\n`,
);

// Types: wasm-bindgen's declarations, made to type-check under `strict` with default libs
// (no `Symbol.dispose`, which needs esnext.disposable), batch results following their input,
// plus the error class; one shared file, re-exported by a small file per entry point.
let types = read(join(nodeDir, "zhengce.d.ts"));
types = types.replace(/^ *\[Symbol\.dispose\]\(\): void;\n/gm, "");
const overload = (name, params) =>
  [
    `    ${name}(days: Int32Array, ${params}): Int32Array;`,
    `    ${name}(days: string[], ${params}): string[];`,
    `    ${name}(days: Int32Array | string[], ${params}): Int32Array | string[];`,
  ].join("\n");
for (const name of ["addWorkingDaysBatch", "subWorkingDaysBatch"]) {
  const params = "n: number | Int32Array | number[], options?: CalendarOptions";
  types = edit(types, `    ${name}(days: Int32Array | string[], ${params}): Int32Array | string[];`, overload(name, params));
}
types += `
/** The stable error codes (see the README's table). */
export type ErrorCode =
  | "invalid_catalogue" | "invalid_calendar" | "not_found" | "invalid_input" | "missing_input"
  | "out_of_coverage" | "unit_mismatch" | "infeasible" | "wrong_rule_kind" | "internal" | (string & {});

/** Every error zhengce throws: an \`Error\` named \`ZhengceError\` with a stable \`code\`, the
 * \`path\` of the input or JSON element it concerns (or null) and the error's fields as
 * \`details\`. \`err instanceof ZhengceError\` tells them from other errors. */
export declare class ZhengceError extends Error {
  readonly name: "ZhengceError";
  readonly code: ErrorCode;
  readonly path: string | null;
  readonly details: { code: ErrorCode; [field: string]: unknown };
}
`;
writeFileSync(join(out, "types.d.ts"), types);
const entryTypes = read(join(here, "entry/types-entry.d.ts"));
writeFileSync(join(out, "node/zhengce_wasm.d.ts"), entryTypes.replace('"TYPES"', '"../types.js"'));
writeFileSync(join(out, "node/zhengce_wasm.d.mts"), entryTypes.replace('"TYPES"', '"../types.js"'));
writeFileSync(join(out, "web/zhengce_wasm.d.ts"), entryTypes.replace('"TYPES"', '"../types.js"'));

// package.json, README, licences.
const pkg = JSON.parse(read(join(here, "package.json")));
pkg.version = version;
writeFileSync(join(out, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
for (const f of ["README.md", "LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(join(here, f), join(out, f));
