#!/usr/bin/env bash
# Runs every test in all three languages, installing what a fresh machine lacks:
#   Chromium (Debian package), the wasm32 target, wasm-bindgen-cli at the crate's exact
#   version, a Python venv (.venv) with maturin/pytest/mypy, and the Node dev dependencies.
#
# Order: Rust (core tests, doc examples, vectors; the zhengce command and server) -> Python binding (build, pytest incl.
# vectors, stub check) -> JS binding (build, type checks, Node tests incl. vectors, headless
# Chromium vectors) -> the examples in all three languages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0 DEBIAN_FRONTEND=noninteractive
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { echo "=== $* (t+${SECONDS}s)"; }

step "system packages (chromium)"
if ! command -v chromium >/dev/null 2>&1; then
  sudo_="" ; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq chromium >/dev/null
fi
# A CJK font, so the web example's screenshots (examples/web/test-output) show Chinese text.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  sudo_="" ; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get install -y -qq fonts-wqy-microhei >/dev/null || echo "no CJK font: screenshots will show boxes for Chinese"
fi

step "rust wasm32 target"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "wasm-bindgen-cli pinned to the wasm-bindgen crate in Cargo.lock"
wbg_version="$(cargo pkgid -p wasm-bindgen | sed 's/.*@//')"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg_version" ]; then
  # No --locked: its lockfile pins a webpki-roots release the registry does not serve.
  # --debug halves the build; the output is byte-identical.
  cargo install wasm-bindgen-cli --version "=$wbg_version" --debug --force
fi

step "python venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r bindings-python/requirements-dev.txt

step "node dev dependencies"
npm ci --no-audit --no-fund --loglevel=error

step "rust: every public item has a doc example"
python3 tools/check-doc-examples.py

step "rust: core tests, doc examples, conformance vectors"
cargo test -p zhengce

step "rust: the zhengce command (subcommands on examples/, server routes, load test)"
cargo test -p zhengce-cli

step "python: build the binding"
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --release -q -m bindings-python/Cargo.toml

step "python: tests and conformance vectors"
.venv/bin/python -m pytest -q bindings-python/tests tests/test_vectors.py

step "python: a venv with numpy only and the wheel (every call works or names its extra)"
rm -rf target/wheels-minimal
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin build --release -q -m bindings-python/Cargo.toml -o target/wheels-minimal
# A venv copied or moved with target/ keeps stale paths: make it anew unless it runs.
target/venv-minimal/bin/pip --version >/dev/null 2>&1 || python3 -m venv --clear target/venv-minimal
target/venv-minimal/bin/pip install -q --disable-pip-version-check numpy
target/venv-minimal/bin/pip install -q --disable-pip-version-check --no-deps --force-reinstall target/wheels-minimal/zhengce-*.whl
target/venv-minimal/bin/python bindings-python/tests/minimal/check_minimal.py

step "python: the pytest plugin runs the example case files"
.venv/bin/python -m pytest -q -o zhengce_cases="*.yaml *.json" examples/cases

step "python: type stubs match the module"
.venv/bin/python -m mypy.stubtest zhengce._zhengce --allowlist bindings-python/stubtest-allowlist.txt

step "js: build the npm package (node + web)"
bindings-wasm/build.sh

step "js: generated TypeScript types are current and type-check"
node tools/gen-ts-types.mjs --check
node_modules/.bin/tsc -p bindings-wasm/tests-js/tsconfig.json
node_modules/.bin/tsc -p bindings-wasm/tests-js/tsconfig.default-libs.json

step "js: node tests and conformance vectors, then headless chromium"
node --test tests/vectors.test.mjs bindings-wasm/tests-js/ bindings-wasm/tests-browser/

step "web example: npm pack, install the tarball, bundle with esbuild, test in headless chromium"
examples/web/test.sh

step "examples: the tour in rust, python and js"
cargo run -q -p zhengce --example tour > /dev/null
cargo run -q -p zhengce --example service > /dev/null
.venv/bin/python examples/tour/main.py > /dev/null
node examples/tour/main.mjs > /dev/null

step "done"
