"""Every field of every pack file carries a description (editors show them as help)."""

from __future__ import annotations

from councilgame.packs.files import FOLDER_FILES, LIBRARY_FILES
from councilgame.packs.schema_export import models_in


def test_every_field_has_a_description():
    roots = list(LIBRARY_FILES.values()) + list(FOLDER_FILES.values())
    found = set().union(*(models_in(r, []) for r in roots))
    missing = [f"{m.__name__}.{name}" for m in found for name, f in m.model_fields.items()
               if not f.description]
    assert missing == []
