// Vector calls of the targets module (see tests/vectors/README.md). Every call builds a
// monitor on the case's catalogue, registers `communities` if given (for scorecards by
// community), adds `observations` if given, then makes the call.
function monitor(z, ctx, i) {
  let m = new z.Monitor(ctx);
  if (i.communities !== undefined) {
    const registry = new z.Communities(ctx);
    registry.registerAll(i.communities);
    m = m.withCommunities(registry);
  }
  if (i.observations !== undefined) m.addObservations(i.observations);
  return m;
}

const scorecard = (z, ctx, i) => monitor(z, ctx, i).scorecard(i.as_of, i.options);

export const calls = {
  "targets.add_observation": (z, ctx, i) => {
    const m = monitor(z, ctx, i);
    m.addObservation(i.observation);
    return m.observations(i.target);
  },
  "targets.add_observations": (z, ctx, i) => {
    const m = new z.Monitor(ctx);
    m.addObservations(i.rows);
    return m.observations(i.target);
  },
  "targets.observations": (z, ctx, i) => monitor(z, ctx, i).observations(i.target),
  "targets.assess": (z, ctx, i) => monitor(z, ctx, i).assess(i.target, i.as_of, i.options),
  "targets.scorecard": (z, ctx, i) => scorecard(z, ctx, i).toJsonValue(),
  "targets.scorecard_to_csv": (z, ctx, i) => scorecard(z, ctx, i).toCsv(),
  "targets.assessments_to_csv": (z, ctx, i) => scorecard(z, ctx, i).assessmentsToCsv(),
  "targets.check_ratio": (z, ctx, i) => new z.Monitor(ctx).checkRatio(i.ratio_target, i.count_target, i.population),
};
