// Runs the shared conformance vectors (tests/vectors) against the JavaScript binding.
// The same module runs in Node (tests/vectors.test.mjs) and in a browser
// (bindings-wasm/tests-browser/vectors.test.mjs): the caller passes the loaded binding and
// a function reading a vector file. Calls live in tests/calls/<module>.mjs; expected values
// live only in the vector files.

/** Every mismatch between an expected value (matched as a subset) and the actual one. */
export function matches(expected, actual, path = "$") {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected a list of ${expected.length}, got ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((e, i) => matches(e, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    }
    return Object.entries(expected).flatMap(([k, v]) =>
      k in actual ? matches(v, actual[k], `${path}.${k}`) : [`${path}.${k}: missing`],
    );
  }
  if (typeof expected !== typeof actual || expected !== actual) {
    return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  return [];
}

/** Results of every case of every manifest file: [{file, name, problems}]. */
export async function runVectors({ zhengce, readJson }) {
  const manifest = await readJson("manifest.json");
  const builtin = zhengce.Catalogue.builtin();
  const calendars = zhengce.Calendars.builtin();
  const catalogueFor = (spec) => {
    if (spec === undefined) return builtin;
    if ("overlay" in spec) return builtin.layered(spec.overlay, spec.options);
    return zhengce.Catalogue.fromJsonValue(spec.value);
  };
  // The case's catalogue and the built-in calendars, with the case's `context` applied.
  const contextFor = (c) => {
    let ctx = zhengce.Context.of(catalogueFor(c.catalogue), calendars);
    for (const overlay of c.context?.calendars ?? []) ctx = ctx.layeredCalendars(overlay);
    if (c.context?.scenario !== undefined) ctx = ctx.withScenario(c.context.scenario);
    return ctx;
  };
  const results = [];
  for (const file of manifest.files) {
    const doc = await readJson(file);
    const module = doc.function.split(".")[0];
    const { calls } = await import(new URL(`./calls/${module}.mjs`, import.meta.url).href);
    const call = calls[doc.function];
    for (const c of doc.cases) {
      const record = (problems) => results.push({ file, name: c.name, problems });
      if (!call) {
        record([`no JavaScript call for ${doc.function}`]);
        continue;
      }
      const output = c.output ?? doc.output;
      try {
        let result = call(zhengce, contextFor(c), c.input ?? {});
        if ("error" in c) {
          record([`expected error ${c.error.code}, got ${JSON.stringify(result)}`]);
          continue;
        }
        if (output === "ids") result = result.map((entry) => entry.id);
        record(matches(c.expect, result));
      } catch (err) {
        if (!("error" in c) || err.name !== "ZhengceError") {
          record([`unexpected error: ${err.stack ?? err}`]);
        } else {
          record(matches(c.error, { code: err.code, path: err.path ?? null, details: err.details }));
        }
      }
    }
  }
  return results;
}
