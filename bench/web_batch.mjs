// The JS typed batch (Evaluator.evaluateColumns) beside the Python batch on the same lots, in
// one run: node bench/web_batch.mjs [lots]   (needs bindings-wasm/pkg and the .venv binding;
// ZHENGCE_PEERS names the peers' folder, default ../shared/bench-peers).
// The budgets are the peers' population (`population()` of bid_bond.py, int64 fen), written by
// Python to a temporary file that both sides read, so both evaluate exactly the same lots; the
// Python batch runs on one thread, like wasm. Prints best-of-3 times, the ratio, the JS
// process's memory during its first call against that call's inputs plus outputs, and checks
// the two agree.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const LOTS = Number(process.argv[2] ?? 10_000_000);
const require = createRequire(import.meta.url);
const zhengce = require("../bindings-wasm/pkg/node/zhengce_wasm.js");
const bond = zhengce.Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond");
bond.evaluateColumns({ budget: BigInt64Array.from([100n]) }, "2022-06-01"); // warm up
const rssBefore = process.memoryUsage().rss;

// The peers' lots, written once by Python (numpy's int64 bytes are a BigInt64Array's).
const here = dirname(fileURLToPath(import.meta.url));
const peers = process.env.ZHENGCE_PEERS ?? join(here, "..", "..", "shared", "bench-peers");
const dir = mkdtempSync(join(tmpdir(), "zhengce-bench-"));
const file = join(dir, "fen.i64");
const write = `
import sys
sys.path.insert(0, sys.argv[1])
import bid_bond
fen, _ = bid_bond.population(int(sys.argv[2]))
fen.astype("<i8").tofile(sys.argv[3])
`;
execFileSync(".venv/bin/python", ["-c", write, peers, String(LOTS), file]);
const bytes = readFileSync(file);
// A file this size is read into its own buffer (offset 0), so the view needs no copy.
const fen = new BigInt64Array(bytes.buffer, bytes.byteOffset, LOTS);
const best = (fn) => {
  let t = Infinity;
  let out;
  for (let k = 0; k < 3; k++) {
    const s = process.hrtime.bigint();
    out = fn();
    t = Math.min(t, Number(process.hrtime.bigint() - s) / 1e9);
  }
  return [t, out];
};
// Memory of one call, measured first: the peak RSS of the process over what it held before the
// inputs were read (later rounds would add the garbage of earlier rounds' outputs to the peak).
const first = bond.evaluateColumns({ budget: fen }, "2022-06-01");
const peak = process.resourceUsage().maxRSS * 1024;
const outputBytes = Object.values(first.columns).reduce((n, c) => n + c.byteLength, 0);
const [tJs, out] = best(() => bond.evaluateColumns({ budget: fen }, "2022-06-01"));
let sum = 0n;
for (const v of out.columns.amount) sum += v;

const python = `
import sys, time, numpy as np, zhengce
fen = np.fromfile(sys.argv[1], dtype=np.int64)
bond = zhengce.Context.builtin().evaluator("tianshan-2022-87/r68-bid-bond")
bond.evaluate_batch({"budget": fen[:1]}, "2022-06-01", threads=1)
best = float("inf")
for _ in range(3):
    t = time.perf_counter(); out = bond.evaluate_batch({"budget": fen}, "2022-06-01", threads=1); best = min(best, time.perf_counter() - t)
print(best, int(out["amount"].sum()))
`;
const [tPy, pySum] = execFileSync(".venv/bin/python", ["-c", python, file], { encoding: "utf8" }).trim().split(" ");
rmSync(dir, { recursive: true });

const inputBytes = fen.byteLength;
console.log(`bid bond over ${LOTS.toLocaleString("en")} lots of the peers' population (Tianshan, 2022-06-01), best of 3`);
console.log(`  JS  evaluateColumns, BigInt64Array fen in, typed out   ${(tJs * 1e3).toFixed(0)} ms  (${(LOTS / tJs / 1e6).toFixed(1)} M/s)`);
console.log(`  Python evaluate_batch, numpy int64 fen, one thread    ${(Number(tPy) * 1e3).toFixed(0)} ms  (${(LOTS / Number(tPy) / 1e6).toFixed(1)} M/s)`);
console.log(`  ratio JS / Python: ${(tJs / Number(tPy)).toFixed(2)}`);
console.log(`  JS memory: inputs ${(inputBytes / 1e6).toFixed(0)} MB + outputs ${(outputBytes / 1e6).toFixed(0)} MB; ` +
  `peak RSS grew ${((peak - rssBefore) / 1e6).toFixed(0)} MB over the loaded module ` +
  `(${((peak - rssBefore) / (inputBytes + outputBytes)).toFixed(2)}x inputs plus outputs)`);
if (String(sum) !== pySum) throw new Error(`JS and Python disagree: ${sum} vs ${pySum}`);
console.log(`  the two agree (sum of bonds ${sum} fen)`);
