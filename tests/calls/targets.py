"""Vector calls of the targets module (see tests/vectors/README.md).

Every call builds a monitor on the case's catalogue, registers ``communities`` if given (for
scorecards by community), adds ``observations`` if given, then makes the call.
"""


def _monitor(z, ctx, i):
    monitor = z.Monitor(ctx)
    if "communities" in i:
        registry = z.Communities(ctx)
        registry.register_all(i["communities"])
        monitor = monitor.with_communities(registry)
    if "observations" in i:
        monitor.add_observations(i["observations"])
    return monitor


def _add_observation(z, ctx, i):
    monitor = _monitor(z, ctx, i)
    monitor.add_observation(i["observation"])
    return monitor.observations(i.get("target"))


def _add_observations(z, ctx, i):
    monitor = z.Monitor(ctx)
    monitor.add_observations(i["rows"])
    return monitor.observations(i.get("target"))


def _scorecard(z, ctx, i):
    return _monitor(z, ctx, i).scorecard(i["as_of"], **i.get("options", {}))


CALLS = {
    "targets.add_observation": _add_observation,
    "targets.add_observations": _add_observations,
    "targets.observations": lambda z, ctx, i: _monitor(z, ctx, i).observations(i.get("target")),
    "targets.assess": lambda z, ctx, i: _monitor(z, ctx, i).assess(i["target"], i["as_of"], **i.get("options", {})),
    "targets.scorecard": lambda z, ctx, i: _scorecard(z, ctx, i).to_json_value(),
    "targets.scorecard_to_csv": lambda z, ctx, i: _scorecard(z, ctx, i).to_csv(),
    "targets.assessments_to_csv": lambda z, ctx, i: _scorecard(z, ctx, i).assessments_to_csv(),
    "targets.check_ratio": lambda z, ctx, i: z.Monitor(ctx).check_ratio(
        i["ratio_target"], i["count_target"], i.get("population")
    ),
}
