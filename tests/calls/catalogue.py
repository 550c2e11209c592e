"""Vector calls of the catalogue module (see tests/vectors/README.md)."""

CALLS = {
    "catalogue.load": lambda z, ctx, i: (
        z.Catalogue.from_json(i["text"]) if "text" in i else z.Catalogue.from_json_value(i["value"])
    ).to_json_value(),
    "catalogue.layered": lambda z, ctx, i: ctx.catalogue().layered(i["overlay"], **i.get("options", {})).to_json_value(),
    "catalogue.get": lambda z, ctx, i: ctx.catalogue().get(i["id"]),
    "catalogue.ancestry": lambda z, ctx, i: ctx.catalogue().ancestry(i["jurisdiction"]),
    "catalogue.documents": lambda z, ctx, i: ctx.catalogue().documents(**i.get("filter", {})),
    "catalogue.measures": lambda z, ctx, i: ctx.catalogue().measures(**i.get("filter", {})),
    "catalogue.targets": lambda z, ctx, i: ctx.catalogue().targets(**i.get("filter", {})),
    "catalogue.observations": lambda z, ctx, i: ctx.catalogue().observations(**i.get("filter", {})),
    "catalogue.units": lambda z, ctx, i: ctx.catalogue().units(**i.get("filter", {})),
    "catalogue.search": lambda z, ctx, i: ctx.catalogue().search(i["query"], **i.get("options", {})),
    "catalogue.parameter_value": lambda z, ctx, i: ctx.catalogue().parameter_value(i["key"], i["jurisdiction"], i["date"]),
}
