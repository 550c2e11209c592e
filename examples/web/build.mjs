// Builds the static app into dist/: esbuild bundles src/main.ts with the `zhengce` package
// (its browser build, resolved through the package's exports) and copies the .wasm and the
// built-in catalogue as files, the way any esbuild user would.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";

const dist = new URL("./dist/", import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  platform: "browser",
  outdir: "dist",
  minify: true,
  sourcemap: true,
  loader: { ".wasm": "file", ".json": "file" },
  assetNames: "assets/[name]-[hash]",
  logLevel: "warning",
});
cpSync(new URL("./public/", import.meta.url), dist, { recursive: true });
console.log("built examples/web/dist");
