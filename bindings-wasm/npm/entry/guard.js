// Appended to every wasm-bindgen glue by bindings-wasm/npm/assemble.mjs (the names in capitals
// are filled in there; the main module's glue also gets guard-main.js, the draft module's,
// which has no classes and no built-in data, does not). The modules are built with
// panic = "abort", so a defect that panics traps the wasm instance (a WebAssembly.RuntimeError)
// and leaves its memory in an unknown state. Every exported function, method, getter and constructor is wrapped: on a trap the
// instance is replaced by a fresh one (new memory; the built-in catalogue and data set again) and a
// ZhengceError with code "internal" is thrown, so later calls work (issue 13). Objects made
// before the restart point into the old memory: using one throws the same error, and their
// finalizers do not free anything in the new instance.
let zhengceGeneration = 0;
const zhengceBorn = new WeakMap();
// What a restart gives the fresh instance again (the main module's built-in data).
let zhengceAfterRestart = () => {};

function zhengceInternal(message) {
  const err = new Error(`internal error (please report it): ${message}`);
  err.name = "ZhengceError";
  err.code = "internal";
  err.path = null;
  err.details = { code: "internal", message };
  return err;
}

function zhengceRestart() {
  RESTART;
  zhengceGeneration += 1;
  zhengceAfterRestart();
}

function zhengceStale(value) {
  const born = zhengceBorn.get(value);
  return born !== undefined && born !== zhengceGeneration;
}

function zhengceCheck(self, args) {
  if (zhengceStale(self) || args.some((a) => a !== null && typeof a === "object" && zhengceStale(a))) {
    throw zhengceInternal("this object was made before the module restarted after an internal error; make it again");
  }
}

function zhengceCall(f, self, args, construct) {
  try {
    return construct ? Reflect.construct(f, args, self) : f.apply(self, args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      zhengceRestart();
      throw zhengceInternal(`the wasm module trapped (${e.message}); it has been restarted`);
    }
    throw e;
  }
}

// The wrapper keeps the wrapped function's name and arity, for introspection.
function zhengceSame(wrapper, f) {
  return Object.defineProperties(wrapper, { length: { value: f.length }, name: { value: f.name } });
}

function zhengceGuard(f) {
  return zhengceSame(function (...args) {
    zhengceCheck(this, args);
    return zhengceCall(f, this, args, false);
  }, f);
}

// free() of an object from before a restart only forgets it: its memory is gone.
function zhengceGuardFree(f) {
  return zhengceSame(function (...args) {
    if (zhengceStale(this)) return void this.__destroy_into_raw();
    return zhengceCall(f, this, args, false);
  }, f);
}

function zhengceGuardClass(C) {
  for (const target of [C.prototype, C]) {
    for (const key of Reflect.ownKeys(target)) {
      if (["constructor", "prototype", "length", "name"].includes(key) || (typeof key === "string" && key.startsWith("__"))) continue;
      const d = Object.getOwnPropertyDescriptor(target, key);
      if (typeof d.value === "function") {
        d.value = key === "free" || key === Symbol.dispose ? zhengceGuardFree(d.value) : zhengceGuard(d.value);
      } else {
        if (d.get) d.get = zhengceGuard(d.get);
        if (d.set) d.set = zhengceGuard(d.set);
      }
      Object.defineProperty(target, key, d);
    }
  }
  return new Proxy(C, {
    construct(target, args, newTarget) {
      zhengceCheck(undefined, args);
      return zhengceCall(target, newTarget, args, true);
    },
  });
}

// Each object's finalizer frees it only in the instance it was made in.
for (const [registry, free] of REGISTRIES) {
  const owned = typeof FinalizationRegistry === "undefined"
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(({ ptr, generation }) => {
      if (generation === zhengceGeneration) wasm[free](ptr >>> 0, 1);
    });
  registry.register = (obj, ptr, token) => {
    zhengceBorn.set(obj, zhengceGeneration);
    owned.register(obj, { ptr, generation: zhengceGeneration }, token);
  };
  registry.unregister = (token) => owned.unregister(token);
}

MAIN_ONLY
EXPORTS
