// A walk through zhengce from JavaScript: `node examples/tour/main.mjs`.
// One section per capability, each in its own file of this directory (as in the Rust tour).
import { createRequire } from "node:module";
import * as catalogue from "./catalogue.mjs";
import * as calendar from "./calendar.mjs";
import * as rules from "./rules.mjs";
import * as sampling from "./sampling.mjs";
import * as targets from "./targets.mjs";
import * as communities from "./communities.mjs";
import * as draft from "./draft.mjs";

const require = createRequire(import.meta.url);
const zhengce = require("../../bindings-wasm/pkg/node/zhengce_wasm.js");
// The drafter: the package's optional second module (`zhengce/draft`).
const drafter = require("../../bindings-wasm/pkg/node/draft.js");

// One context (catalogue, calendars, scenario) reaches every computation.
const ctx = zhengce.Context.builtin();
console.log(`zhengce ${zhengce.version()} — a tour of the built-in catalogue from JavaScript`);
catalogue.tour(zhengce, ctx.catalogue());
calendar.tour(zhengce, ctx);
rules.tour(zhengce, ctx);
sampling.tour(zhengce, ctx);
targets.tour(zhengce, ctx);
communities.tour(zhengce, ctx);
draft.tour(drafter, ctx.catalogue());
