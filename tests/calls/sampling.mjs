// Vector calls of the sampling module (see tests/vectors/README.md).
const draw = (z, ctx, i) => z.InspectionPlan.draw(ctx, i.register, i.directory, i.spec);

function set(value, pointer, next) {
  const keys = pointer.split("/").slice(1);
  const last = keys.pop();
  for (const k of keys) value = value[k];
  value[last] = next;
}

export const calls = {
  "sampling.draw": (z, ctx, i) => draw(z, ctx, i).toJsonValue(),
  "sampling.to_csv": (z, ctx, i) => {
    const plan = draw(z, ctx, i);
    return { visits: plan.toCsv(), strata: plan.strataToCsv() };
  },
  "sampling.verify": (z, ctx, i) => {
    const published = draw(z, ctx, i).toJsonValue();
    for (const t of i.tamper ?? []) set(published, t.pointer, t.value);
    return z.InspectionPlan.fromJsonValue(published).verify(ctx, i.verify_register ?? i.register, i.directory);
  },
  "sampling.stratified_draw": (z, ctx, i) => {
    const column = (key, Type) => (i[key] === undefined ? undefined : Type.from(i[key]));
    return z.StratifiedDraw.draw(ctx, i.spec, column("classes", Uint8Array), column("strata", Uint32Array),
      column("flags", Uint8Array)).toJsonValue();
  },
};
