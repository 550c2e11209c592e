"""Vector calls of the catalogue module (see tests/vectors/README.md)."""

CALLS = {
    "catalogue.load": lambda z, cat, i: (
        z.Catalogue.from_json(i["text"]) if "text" in i else z.Catalogue.from_value(i["value"])
    ).to_value(),
    "catalogue.layered": lambda z, cat, i: cat.layered(i["overlay"], **i.get("options", {})).to_value(),
    "catalogue.get": lambda z, cat, i: cat.get(i["id"]),
    "catalogue.ancestry": lambda z, cat, i: cat.ancestry(i["jurisdiction"]),
    "catalogue.documents": lambda z, cat, i: cat.documents(**i.get("filter", {})),
    "catalogue.measures": lambda z, cat, i: cat.measures(**i.get("filter", {})),
    "catalogue.targets": lambda z, cat, i: cat.targets(**i.get("filter", {})),
    "catalogue.observations": lambda z, cat, i: cat.observations(**i.get("filter", {})),
    "catalogue.units": lambda z, cat, i: cat.units(**i.get("filter", {})),
    "catalogue.search": lambda z, cat, i: cat.search(i["query"], **i.get("options", {})),
    "catalogue.parameter_value": lambda z, cat, i: cat.parameter_value(i["key"], i["jurisdiction"], i["date"]),
}
