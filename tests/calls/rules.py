"""Vector calls of the rules module (see tests/vectors/README.md)."""


def _scenario(z, ctx, spec):
    return ctx.with_scenario(spec) if spec is not None else ctx


def _options(i):
    return {k: i[k] for k in ("jurisdiction", "explain", "text", "errors") if k in i}


def _dated_call(z, ctx, i):
    dated = _scenario(z, ctx, i.get("scenario")).evaluator(i["rule"]).at(i["date"], i.get("jurisdiction"))
    values = i.get("values", [])
    # The runner compares in the JSON shape: a Decimal as its string, a date as ISO.
    return dated(*values) if isinstance(values, list) else dated(**values)


CALLS = {
    "rules.dated_call": _dated_call,
    "rules.evaluate": lambda z, ctx, i: _scenario(z, ctx, i.get("scenario"))
    .evaluator(i["rule"])
    .evaluate(i.get("values", {}), i["date"], **_options(i))
    .to_json_value(),
    "rules.evaluate_batch": lambda z, ctx, i: _scenario(z, ctx, i.get("scenario"))
    .evaluator(i["rule"])
    .evaluate_batch(i["columns"], i["date"], **_options(i))
    .to_json_value(),
    "rules.compare": lambda z, ctx, i: _scenario(z, ctx, i.get("baseline"))
    .compare(_scenario(z, ctx, i.get("alternative")), i["rule"], i["columns"], i["date"])
    .to_json_value(),
    "rules.check_table": lambda z, ctx, i: ctx.evaluator(i["rule"]).check_table(),
    "rules.scenario": lambda z, ctx, i: (lambda s: {"name": s.scenario_name(), "hash": s.scenario_hash()})(ctx.with_scenario(i["spec"])),
    "rules.parameter_value": lambda z, ctx, i: _scenario(z, ctx, i.get("scenario")).parameter_value(
        i["key"], i["jurisdiction"], i["date"]
    ),
}
