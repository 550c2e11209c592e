#!/usr/bin/env bash
# Builds the npm package `zhengce` into bindings-wasm/pkg/:
#   node/  CommonJS build for Node (wasm-bindgen --target nodejs)
#   web/   ES-module build for browsers and bundlers (wasm-bindgen --target web)
#   package.json, README.md
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli at the exact version of the
# wasm-bindgen crate in Cargo.lock (scripts/test.sh installs both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --release --target wasm32-unknown-unknown -p zhengce-wasm
wasm=target/wasm32-unknown-unknown/release/zhengce_wasm.wasm
out=bindings-wasm/pkg
rm -rf "$out"
wasm-bindgen --target nodejs --out-dir "$out/node" "$wasm"
wasm-bindgen --target web --out-dir "$out/web" "$wasm"
# The Node build is CommonJS; say so, whatever a package.json above it says.
echo '{"type": "commonjs"}' > "$out/node/package.json"
version="$(cargo pkgid -p zhengce | sed 's/.*[@#]//')"
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" bindings-wasm/npm/package.json > "$out/package.json"
cp bindings-wasm/npm/README.md "$out/README.md"
echo "built $out: $(du -k "$out/web/zhengce_wasm_bg.wasm" | cut -f1) KB wasm"
