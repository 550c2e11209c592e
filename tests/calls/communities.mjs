// Vector calls of the communities module (see tests/vectors/README.md). Every call starts from
// a registry of the case's catalogue with `communities` registered, if given.
function registry(z, cat, i) {
  const r = new z.Communities(cat);
  if (i.communities !== undefined) r.registerAll(i.communities);
  return r;
}

export const calls = {
  "communities.register": (z, cat, i) => {
    const r = registry(z, cat, i);
    r.register(i.community);
    return r.community(i.community.id);
  },
  "communities.register_all": (z, cat, i) => registry(z, cat, i).registerAll(i.rows),
  "communities.community": (z, cat, i) => registry(z, cat, i).community(i.id),
  "communities.communities": (z, cat, i) => registry(z, cat, i).communities(i.filter),
  "communities.responsible": (z, cat, i) => registry(z, cat, i).responsible(i.target, i.community),
};
