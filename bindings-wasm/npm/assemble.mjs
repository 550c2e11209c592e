// Assembles the npm package from wasm-bindgen's outputs (each module: one .wasm, two glues):
//   node assemble.mjs <build-dir> <catalogue.json> <out-dir> <version>
// where <build-dir> holds, for each module NAME (zhengce, the main one, and zhengce_draft, the
// optional `zhengce/draft`), NAME/node and NAME/web (wasm-bindgen's outputs) and NAME_bg.wasm
// (optimised). Layout: the two .wasm files and catalogue.json at the root; node/ (CommonJS
// entries, ESM entries re-exporting them), web/ (ES module entries for browsers and bundlers);
// shared types.d.ts and draft-types.d.ts.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [build, catalogue, out, version] = process.argv.slice(2).map((a, i) => (i < 3 ? resolve(a) : a));
const here = new URL(".", import.meta.url).pathname;
const read = (p) => readFileSync(p, "utf8");
const edit = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`assemble: '${from}' not found; has wasm-bindgen's output changed?`);
  return text.split(from).join(to);
};

rmSync(out, { recursive: true, force: true });
for (const d of ["node", "web"]) mkdirSync(join(out, d), { recursive: true });
for (const name of ["zhengce", "zhengce_draft"]) copyFileSync(join(build, `${name}_bg.wasm`), join(out, `${name}_bg.wasm`));

// The glues, pointed at their shared module, each with entry/guard.js appended: a trap
// restarts the module and throws a ZhengceError (see that file). The main module's also gets
// entry/guard-main.js (class arguments, built-in data).
const guarded = (glue, web, main) => {
  const registries = [...glue.matchAll(/^const (\w+Finalization) = [^;]*?wasm\.(__wbg_\w+_free)\(/gms)].map((m) => `[${m[1]}, "${m[2]}"]`);
  const classes = [...glue.matchAll(/^(?:export )?class (\w+) \{/gm)].map((m) => m[1]);
  const functions = web
    ? [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1])
    : [...glue.matchAll(/^exports\.(\w+) = (\w+);$/gm)].filter((m) => m[1] === m[2] && !classes.includes(m[1])).map((m) => m[1]);
  const expected = main
    ? functions.includes("setBuiltinCatalogue") && functions.includes("setBuiltinData") && glue.includes("function _assertClass(")
    : functions.includes("draft") && functions.includes("parseYaml") && classes.length === 0;
  if (registries.length !== classes.length || !expected) {
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
    .replace("MAIN_ONLY", main ? read(join(here, "entry/guard-main.js")) : "")
    .replace("EXPORTS", exports.join("\n"));
  return `${glue}\n${guard}`;
};
for (const [name, glueFile, main] of [["zhengce", "glue.js", true], ["zhengce_draft", "draft-glue.js", false]]) {
  const node = edit(read(join(build, name, "node", `${name}.js`)), `\`\${__dirname}/${name}_bg.wasm\``, `\`\${__dirname}/../${name}_bg.wasm\``);
  const web = edit(read(join(build, name, "web", `${name}.js`)), `new URL('${name}_bg.wasm', import.meta.url)`, `new URL('../${name}_bg.wasm', import.meta.url)`);
  writeFileSync(join(out, "node", glueFile), guarded(node, false, main));
  writeFileSync(join(out, "web", glueFile), guarded(web, true, main));
}
writeFileSync(join(out, "node/package.json"), '{"type": "commonjs"}\n');
writeFileSync(join(out, "web/package.json"), '{"type": "module"}\n');
copyFileSync(join(here, "entry/node.cjs"), join(out, "node/zhengce_wasm.js"));
copyFileSync(join(here, "entry/web.js"), join(out, "web/zhengce_wasm.js"));
copyFileSync(join(here, "entry/draft-node.cjs"), join(out, "node/draft.js"));
copyFileSync(join(here, "entry/draft-web.js"), join(out, "web/draft.js"));

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

// The ESM entries for Node re-export the CommonJS ones by name (one instance for both).
const require = createRequire(import.meta.url);
for (const entry of ["zhengce_wasm", "draft"]) {
  const names = Object.keys(require(join(out, `node/${entry}.js`))).filter((n) => n !== "default").sort();
  writeFileSync(
    join(out, `node/${entry}.mjs`),
    `// The Node entry point as an ES module: the CommonJS entry's exports, by name.\nimport zhengce from "./${entry}.js";\n\nexport const { ${names.join(", ")} } = zhengce;\nexport default zhengce.init;\n`,
  );
}

// Types: wasm-bindgen's declarations, made to type-check under `strict` with default libs
// (no `Symbol.dispose`, which needs esnext.disposable), batch results following their input,
// plus the error class; one shared file, re-exported by a small file per entry point.
let types = read(join(build, "zhengce/node/zhengce.d.ts"));
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
// The draft module's declarations: wasm-bindgen's, with the draft's object types (declared
// once, in the main module's types) imported and re-exported.
const draftTypes = read(join(build, "zhengce_draft/node/zhengce_draft.d.ts"));
const named = [...types.matchAll(/^export interface (Draft\w*)\b/gm)].map((m) => m[1]);
if (!["Draft", "DraftMeta", "DraftOptions"].every((t) => named.includes(t))) throw new Error("assemble: the Draft types were not found in types.d.ts");
writeFileSync(
  join(out, "draft-types.d.ts"),
  `import type { ${named.join(", ")} } from "./types.js";\nexport type { ${named.join(", ")} };\n${draftTypes}`,
);
const draftEntryTypes = read(join(here, "entry/draft-entry.d.ts"));
for (const f of ["node/draft.d.ts", "node/draft.d.mts", "web/draft.d.ts"]) writeFileSync(join(out, f), draftEntryTypes.replace('"TYPES"', '"../draft-types.js"'));

// package.json, README, licences.
const pkg = JSON.parse(read(join(here, "package.json")));
pkg.version = version;
writeFileSync(join(out, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
for (const f of ["README.md", "LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(join(here, f), join(out, f));
