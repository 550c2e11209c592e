"use strict";
// The Node entry point (CommonJS). The module is instantiated synchronously from the package's
// one `zhengce_bg.wasm`; the built-in catalogue is read from `catalogue.json`, the built-in
// calendars and the published schemas from `data.json`, each on first use.
// `init()` and `initSync()` exist so code written for the browser build runs unchanged.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const glue = require("./glue.js");

glue.setBuiltinCatalogue(() => readFileSync(join(__dirname, "..", "catalogue.json"), "utf8"));
glue.setBuiltinData(() => readFileSync(join(__dirname, "..", "data.json"), "utf8"));

/** Errors thrown by zhengce: `Error`s named `ZhengceError` with `code`, `path` and `details`. */
class ZhengceError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "ZhengceError";
  }
}

/** Nothing to do in Node (the module is ready when required); kept for browser-style code. */
async function init() {}
/** Nothing to do in Node; kept for browser-style code. */
function initSync() {}

module.exports = { ...glue, ZhengceError, init, initSync, default: init };
