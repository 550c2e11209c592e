// Vector calls of the rules module (see tests/vectors/README.md).
const scenario = (z, cat, spec) => (spec !== undefined ? new z.Scenario(cat, spec) : z.Scenario.baseline(cat));
const options = (i) => ({ jurisdiction: i.jurisdiction, explain: i.explain, text: i.text });

export const calls = {
  "rules.evaluate": (z, cat, i) =>
    scenario(z, cat, i.scenario).evaluator(i.rule).evaluate(i.values ?? {}, i.date, options(i)),
  "rules.evaluate_batch": (z, cat, i) =>
    scenario(z, cat, i.scenario).evaluator(i.rule).evaluateBatch(i.columns, i.date, options(i)),
  "rules.compare": (z, cat, i) =>
    scenario(z, cat, i.baseline).compare(scenario(z, cat, i.alternative), i.rule, i.columns, i.date),
  "rules.check_table": (z, cat, i) => z.Scenario.baseline(cat).evaluator(i.rule).checkTable(),
  "rules.scenario": (z, cat, i) => {
    const s = new z.Scenario(cat, i.spec);
    return { name: s.name(), hash: s.hash() };
  },
  "rules.parameter_value": (z, cat, i) =>
    scenario(z, cat, i.scenario).parameterValue(i.key, i.jurisdiction, i.date),
};
