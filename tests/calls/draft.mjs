// Vector calls of the draft module (see tests/vectors/README.md): the draft as its JSON.
export const calls = {
  "draft.draft": (z, cat, i) => JSON.parse(z.draft(i.text, i.meta, i.options).toJson()),
};
