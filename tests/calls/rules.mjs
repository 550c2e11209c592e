// Vector calls of the rules module (see tests/vectors/README.md).
const scenario = (z, ctx, spec) => (spec !== undefined ? ctx.withScenario(spec) : ctx);
const options = (i) => ({ jurisdiction: i.jurisdiction, explain: i.explain, text: i.text, errors: i.errors });

export const calls = {
  "rules.dated_call": (z, ctx, i) =>
    scenario(z, ctx, i.scenario).evaluator(i.rule).at(i.date, i.jurisdiction).call(i.values ?? []),
  "rules.evaluate": (z, ctx, i) =>
    scenario(z, ctx, i.scenario).evaluator(i.rule).evaluate(i.values ?? {}, i.date, options(i)),
  "rules.evaluate_batch": (z, ctx, i) =>
    scenario(z, ctx, i.scenario).evaluator(i.rule).evaluateBatch(i.columns, i.date, options(i)),
  "rules.compare": (z, ctx, i) =>
    scenario(z, ctx, i.baseline).compare(scenario(z, ctx, i.alternative), i.rule, i.columns, i.date),
  "rules.check_table": (z, ctx, i) => ctx.evaluator(i.rule).checkTable(),
  "rules.scenario": (z, ctx, i) => {
    const s = ctx.withScenario(i.spec);
    return { name: s.scenarioName(), hash: s.scenarioHash() };
  },
  "rules.parameter_value": (z, ctx, i) =>
    scenario(z, ctx, i.scenario).parameterValue(i.key, i.jurisdiction, i.date),
};
