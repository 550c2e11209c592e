"""Vector calls of the targets module (see tests/vectors/README.md).

Every call builds a monitor on the case's catalogue, registers ``communities`` if given (for
scorecards by community), adds ``observations`` if given, then makes the call.
"""


def _monitor(z, cat, i):
    monitor = z.Monitor(cat)
    if "communities" in i:
        registry = z.Communities(cat)
        registry.register_all(i["communities"])
        monitor = monitor.with_communities(registry)
    if "observations" in i:
        monitor.add_observations(i["observations"])
    return monitor


def _add_observation(z, cat, i):
    monitor = _monitor(z, cat, i)
    monitor.add_observation(i["observation"])
    return monitor.observations(i.get("target"))


def _add_observations(z, cat, i):
    monitor = z.Monitor(cat)
    monitor.add_observations(i["rows"])
    return monitor.observations(i.get("target"))


def _scorecard(z, cat, i):
    return _monitor(z, cat, i).scorecard(i["as_of"], **i.get("options", {}))


CALLS = {
    "targets.add_observation": _add_observation,
    "targets.add_observations": _add_observations,
    "targets.observations": lambda z, cat, i: _monitor(z, cat, i).observations(i.get("target")),
    "targets.assess": lambda z, cat, i: _monitor(z, cat, i).assess(i["target"], i["as_of"], **i.get("options", {})),
    "targets.scorecard": lambda z, cat, i: _scorecard(z, cat, i).to_value(),
    "targets.scorecard_to_csv": lambda z, cat, i: _scorecard(z, cat, i).to_csv(),
    "targets.assessments_to_csv": lambda z, cat, i: _scorecard(z, cat, i).assessments_to_csv(),
    "targets.check_ratio": lambda z, cat, i: z.Monitor(cat).check_ratio(
        i["ratio_target"], i["count_target"], i.get("population")
    ),
}
