// Vector calls of the draft module (see tests/vectors/README.md): the draft as its JSON
// (draftJson, the bytes Rust and Python give; the node test checks draft() stringifies alike).
export const calls = {
  "draft.draft": (z, cat, i) => JSON.parse(z.draftJson(i.text, i.meta, i.options)),
};
