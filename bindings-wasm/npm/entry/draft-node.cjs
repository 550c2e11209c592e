"use strict";
// `zhengce/draft` for Node (CommonJS): the optional second module (draft, draftJson,
// parseYaml), instantiated synchronously from the package's `zhengce_draft_bg.wasm`.
// `init()` and `initSync()` exist so code written for the browser build runs unchanged.
const glue = require("./draft-glue.js");

/** Nothing to do in Node (the module is ready when required); kept for browser-style code. */
async function init() {}
/** Nothing to do in Node; kept for browser-style code. */
function initSync() {}

module.exports = { ...glue, init, initSync, default: init };
