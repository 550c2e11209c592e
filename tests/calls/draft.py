"""Vector calls of the draft module (see tests/vectors/README.md): the draft as its JSON."""

import json


def _draft(z, cat, i):
    return json.loads(z.draft(i["text"], i["meta"], **i.get("options", {})).to_json())


CALLS = {
    "draft.draft": _draft,
}
