"""Vector calls of the communities module (see tests/vectors/README.md).

Every call starts from a registry of the case's catalogue with ``communities`` registered, if given.
"""


def _registry(z, cat, i):
    registry = z.Communities(cat)
    if "communities" in i:
        registry.register_all(i["communities"])
    return registry


def _register(z, cat, i):
    registry = _registry(z, cat, i)
    registry.register(i["community"])
    return registry.community(i["community"]["id"])


CALLS = {
    "communities.register": _register,
    "communities.register_all": lambda z, cat, i: _registry(z, cat, i).register_all(i["rows"]),
    "communities.community": lambda z, cat, i: _registry(z, cat, i).community(i["id"]),
    "communities.communities": lambda z, cat, i: _registry(z, cat, i).communities(**i.get("filter", {})),
    "communities.responsible": lambda z, cat, i: _registry(z, cat, i).responsible(i["target"], i["community"]),
}
