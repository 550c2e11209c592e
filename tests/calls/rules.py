"""Vector calls of the rules module (see tests/vectors/README.md)."""


def _scenario(z, cat, spec):
    return z.Scenario(cat, spec) if spec is not None else z.Scenario.baseline(cat)


def _options(i):
    return {k: i[k] for k in ("jurisdiction", "explain", "text") if k in i}


CALLS = {
    "rules.evaluate": lambda z, cat, i: _scenario(z, cat, i.get("scenario"))
    .evaluator(i["rule"])
    .evaluate(i.get("values", {}), i["date"], **_options(i))
    .to_value(),
    "rules.evaluate_batch": lambda z, cat, i: _scenario(z, cat, i.get("scenario"))
    .evaluator(i["rule"])
    .evaluate_batch(i["columns"], i["date"], **_options(i))
    .to_value(),
    "rules.compare": lambda z, cat, i: _scenario(z, cat, i.get("baseline"))
    .compare(_scenario(z, cat, i.get("alternative")), i["rule"], i["columns"], i["date"])
    .to_value(),
    "rules.check_table": lambda z, cat, i: z.Scenario.baseline(cat).evaluator(i["rule"]).check_table(),
    "rules.scenario": lambda z, cat, i: (lambda s: {"name": s.name(), "hash": s.hash()})(z.Scenario(cat, i["spec"])),
    "rules.parameter_value": lambda z, cat, i: _scenario(z, cat, i.get("scenario")).parameter_value(
        i["key"], i["jurisdiction"], i["date"]
    ),
}
