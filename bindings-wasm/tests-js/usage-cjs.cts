// Type-checked (never run) under `strict` with default libs: the Node CommonJS entry.
import zhengce = require("../pkg/node/zhengce_wasm.js");

const cal = zhengce.Calendar.builtin("cn");
const typed: Int32Array = cal.addWorkingDaysBatch(new Int32Array([19700]), 1);
const err: unknown = null;
if (err instanceof zhengce.ZhengceError) void err.code;
void zhengce.init();
void typed;
