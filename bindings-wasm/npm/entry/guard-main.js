// Appended to the main module's glue before its exports are wrapped (see guard.js): class
// arguments checked as ZhengceErrors, and the built-in catalogue and data set again on a
// fresh instance after a restart.
// wasm-bindgen's check of a class argument (`new Monitor(5)`) threw a plain Error; it is an
// invalid_input ZhengceError like every other bad argument (the glue does not pass the
// parameter's name, so the error has no path).
_assertClass = function (instance, klass) {
  if (instance instanceof klass) return;
  let got;
  try {
    got = typeof instance === "string" ? JSON.stringify(instance) : String(instance);
  } catch {
    got = typeof instance;
  }
  const expected = `a zhengce.${klass.name}`;
  const err = new Error(`expected ${expected}, got ${got}`);
  err.name = "ZhengceError";
  err.code = "invalid_input";
  err.path = null;
  err.details = { code: "invalid_input", value: got, expected };
  throw err;
};

let zhengceCatalogue;
let zhengceData;
const zhengceSetCatalogue = setBuiltinCatalogue;
const zhengceSetData = setBuiltinData;
zhengceAfterRestart = () => {
  if (zhengceCatalogue !== undefined) zhengceSetCatalogue(zhengceCatalogue);
  if (zhengceData !== undefined) zhengceSetData(zhengceData);
};

setBuiltinCatalogue = function (source) {
  zhengceCatalogue = source;
  return zhengceSetCatalogue(source);
};

setBuiltinData = function (source) {
  zhengceData = source;
  return zhengceSetData(source);
};
