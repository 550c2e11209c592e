// Vector calls of the catalogue module (see tests/vectors/README.md).
export const calls = {
  "catalogue.load": (z, ctx, i) =>
    ("text" in i ? z.Catalogue.fromJson(i.text) : z.Catalogue.fromJsonValue(i.value)).toJsonValue(),
  "catalogue.layered": (z, ctx, i) => ctx.catalogue().layered(i.overlay, i.options).toJsonValue(),
  "catalogue.get": (z, ctx, i) => ctx.catalogue().get(i.id),
  "catalogue.ancestry": (z, ctx, i) => ctx.catalogue().ancestry(i.jurisdiction),
  "catalogue.documents": (z, ctx, i) => ctx.catalogue().documents(i.filter),
  "catalogue.measures": (z, ctx, i) => ctx.catalogue().measures(i.filter),
  "catalogue.targets": (z, ctx, i) => ctx.catalogue().targets(i.filter),
  "catalogue.observations": (z, ctx, i) => ctx.catalogue().observations(i.filter),
  "catalogue.units": (z, ctx, i) => ctx.catalogue().units(i.filter),
  "catalogue.search": (z, ctx, i) => ctx.catalogue().search(i.query, i.options),
  "catalogue.parameter_value": (z, ctx, i) => ctx.catalogue().parameterValue(i.key, i.jurisdiction, i.date),
};
