// Vector calls of the targets module (see tests/vectors/README.md). Every call builds a
// monitor on the case's catalogue, registers `communities` if given (for scorecards by
// community), adds `observations` if given, then makes the call.
function monitor(z, cat, i) {
  let m = new z.Monitor(cat);
  if (i.communities !== undefined) {
    const registry = new z.Communities(cat);
    registry.registerAll(i.communities);
    m = m.withCommunities(registry);
  }
  if (i.observations !== undefined) m.addObservations(i.observations);
  return m;
}

const scorecard = (z, cat, i) => monitor(z, cat, i).scorecard(i.as_of, i.options);

export const calls = {
  "targets.add_observation": (z, cat, i) => {
    const m = monitor(z, cat, i);
    m.addObservation(i.observation);
    return m.observations(i.target);
  },
  "targets.add_observations": (z, cat, i) => {
    const m = new z.Monitor(cat);
    m.addObservations(i.rows);
    return m.observations(i.target);
  },
  "targets.observations": (z, cat, i) => monitor(z, cat, i).observations(i.target),
  "targets.assess": (z, cat, i) => monitor(z, cat, i).assess(i.target, i.as_of, i.options),
  "targets.scorecard": (z, cat, i) => scorecard(z, cat, i).toValue(),
  "targets.scorecard_to_csv": (z, cat, i) => scorecard(z, cat, i).toCsv(),
  "targets.assessments_to_csv": (z, cat, i) => scorecard(z, cat, i).assessmentsToCsv(),
  "targets.check_ratio": (z, cat, i) => new z.Monitor(cat).checkRatio(i.ratio_target, i.count_target, i.population),
};
