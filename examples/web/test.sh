#!/usr/bin/env bash
# The web example as a user would build it: pack the npm package, install the tarball here,
# bundle the app with esbuild, then test it in headless Chromium (tests/app.test.mjs serves
# dist/ on 127.0.0.1). Needs bindings-wasm/pkg (bindings-wasm/build.sh) and Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
packs=../../target/npm-pack
mkdir -p "$packs"
rm -f "$packs"/zhengce-*.tgz
tarball="$(cd ../../bindings-wasm/pkg && npm pack --pack-destination "$OLDPWD/$packs" --loglevel=error | tail -1)"
npm ci --no-audit --no-fund --loglevel=error
npm install --no-save --no-audit --no-fund --loglevel=error "$packs/$tarball"
../../node_modules/.bin/tsc -p .   # the app against the installed package's types
node build.mjs
node --test tests/
