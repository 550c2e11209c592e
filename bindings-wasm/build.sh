#!/usr/bin/env bash
# Builds the npm package `zhengce` into bindings-wasm/pkg/ (layout in bindings-wasm/npm/assemble.mjs):
#   zhengce_bg.wasm   the one module, for Node and browsers (size-optimised: profile `wasm`, then
#                     `wasm-opt -Oz` from npm binaryen, names and producers stripped)
#   zhengce_draft_bg.wasm  the optional second module (`zhengce/draft`: draft, draftJson,
#                     parseYaml), the same crate built with feature `draft-module`
#   catalogue.json    the built-in catalogue, loaded on demand rather than embedded
#   node/             CommonJS entry + ES-module entry for Node
#   web/              ES-module entry for browsers and bundlers
#   types.d.ts, package.json, README.md, licences
# Needs the wasm32-unknown-unknown target, wasm-bindgen-cli at the exact version of the
# wasm-bindgen crate in Cargo.lock, and `npm ci` (binaryen) — scripts/test.sh installs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

raw=target/wasm32-unknown-unknown/wasm/zhengce_wasm.wasm
tmp=target/wasm-package
rm -rf "$tmp"
# module <name> <cargo flags...>: builds one module, runs wasm-bindgen for Node and for the web
# into $tmp/<name>/{node,web} and optimises it into $tmp/<name>_bg.wasm.
module() {
  local name="$1"
  shift
  cargo build --profile wasm --target wasm32-unknown-unknown -p zhengce-wasm "$@"
  wasm-bindgen --target nodejs --out-name "$name" --out-dir "$tmp/$name/node" "$raw"
  wasm-bindgen --target web --out-name "$name" --out-dir "$tmp/$name/web" "$raw"
  # Both glues drive the same module; the package ships it once.
  cmp -s "$tmp/$name/node/${name}_bg.wasm" "$tmp/$name/web/${name}_bg.wasm" || { echo "the two wasm-bindgen outputs differ" >&2; exit 1; }
  # npm binaryen (pinned in package.json): Debian's binaryen 108 breaks wasm-bindgen's externref table.
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers "$tmp/$name/web/${name}_bg.wasm" -o "$tmp/${name}_bg.wasm"
}
module zhengce
module zhengce_draft --features draft-module
# The built-in catalogue as one JSON file, written by the core itself.
cargo run -q -p zhengce --example builtin_catalogue > "$tmp/catalogue.json"
version="$(cargo pkgid -p zhengce | sed 's/.*[@#]//')"
node bindings-wasm/npm/assemble.mjs "$tmp" "$tmp/catalogue.json" bindings-wasm/pkg "$version"
wasm=bindings-wasm/pkg/zhengce_bg.wasm
draft=bindings-wasm/pkg/zhengce_draft_bg.wasm
echo "built bindings-wasm/pkg: wasm $(wc -c < "$wasm") bytes, $(gzip -9 -c "$wasm" | wc -c) gzipped; draft wasm $(wc -c < "$draft") bytes, $(gzip -9 -c "$draft" | wc -c) gzipped; catalogue.json $(wc -c < bindings-wasm/pkg/catalogue.json) bytes"
