// Vector calls of the sampling module (see tests/vectors/README.md).
const draw = (z, cat, i) => z.InspectionPlan.draw(cat, i.register, i.directory, i.spec);

function set(value, pointer, next) {
  const keys = pointer.split("/").slice(1);
  const last = keys.pop();
  for (const k of keys) value = value[k];
  value[last] = next;
}

export const calls = {
  "sampling.draw": (z, cat, i) => draw(z, cat, i).toValue(),
  "sampling.to_csv": (z, cat, i) => {
    const plan = draw(z, cat, i);
    return { visits: plan.toCsv(), strata: plan.strataToCsv() };
  },
  "sampling.verify": (z, cat, i) => {
    const published = draw(z, cat, i).toValue();
    for (const t of i.tamper ?? []) set(published, t.pointer, t.value);
    return z.InspectionPlan.fromValue(published).verify(cat, i.verify_register ?? i.register, i.directory);
  },
  "sampling.stratified_draw": (z, cat, i) => {
    const column = (key, Type) => (i[key] === undefined ? undefined : Type.from(i[key]));
    return z.StratifiedDraw.draw(cat, i.spec, column("classes", Uint8Array), column("strata", Uint32Array),
      column("flags", Uint8Array)).toValue();
  },
};
