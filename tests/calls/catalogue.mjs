// Vector calls of the catalogue module (see tests/vectors/README.md).
export const calls = {
  "catalogue.load": (z, cat, i) =>
    ("text" in i ? z.Catalogue.fromJson(i.text) : z.Catalogue.fromValue(i.value)).toValue(),
  "catalogue.layered": (z, cat, i) => cat.layered(i.overlay, i.options).toValue(),
  "catalogue.get": (z, cat, i) => cat.get(i.id),
  "catalogue.ancestry": (z, cat, i) => cat.ancestry(i.jurisdiction),
  "catalogue.documents": (z, cat, i) => cat.documents(i.filter),
  "catalogue.measures": (z, cat, i) => cat.measures(i.filter),
  "catalogue.targets": (z, cat, i) => cat.targets(i.filter),
  "catalogue.observations": (z, cat, i) => cat.observations(i.filter),
  "catalogue.units": (z, cat, i) => cat.units(i.filter),
  "catalogue.search": (z, cat, i) => cat.search(i.query, i.options),
  "catalogue.parameter_value": (z, cat, i) => cat.parameterValue(i.key, i.jurisdiction, i.date),
};
