"""Vector calls of the communities module (see tests/vectors/README.md).

Every call starts from a registry of the case's catalogue with ``communities`` registered, if given.
"""


def _registry(z, ctx, i):
    registry = z.Communities(ctx)
    if "communities" in i:
        registry.register_all(i["communities"])
    return registry


def _register(z, ctx, i):
    registry = _registry(z, ctx, i)
    registry.register(i["community"])
    return registry.community(i["community"]["id"])


CALLS = {
    "communities.register": _register,
    "communities.register_all": lambda z, ctx, i: _registry(z, ctx, i).register_all(i["rows"]),
    "communities.community": lambda z, ctx, i: _registry(z, ctx, i).community(i["id"]),
    "communities.communities": lambda z, ctx, i: _registry(z, ctx, i).communities(**i.get("filter", {})),
    "communities.responsible": lambda z, ctx, i: _registry(z, ctx, i).responsible(i["target"], i["community"]),
}
