// Vector calls of the communities module (see tests/vectors/README.md). Every call starts from
// a registry of the case's catalogue with `communities` registered, if given.
function registry(z, ctx, i) {
  const r = new z.Communities(ctx);
  if (i.communities !== undefined) r.registerAll(i.communities);
  return r;
}

export const calls = {
  "communities.register": (z, ctx, i) => {
    const r = registry(z, ctx, i);
    r.register(i.community);
    return r.community(i.community.id);
  },
  "communities.register_all": (z, ctx, i) => registry(z, ctx, i).registerAll(i.rows),
  "communities.community": (z, ctx, i) => registry(z, ctx, i).community(i.id),
  "communities.communities": (z, ctx, i) => registry(z, ctx, i).communities(i.filter),
  "communities.responsible": (z, ctx, i) => registry(z, ctx, i).responsible(i.target, i.community),
};
