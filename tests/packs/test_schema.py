"""Every field of every pack file carries a description (editors show them as help)."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from councilgame.packs.files import FOLDER_FILES, LIBRARY_FILES


def models(root: type[BaseModel], seen: set | None = None) -> set[type[BaseModel]]:
    seen = set() if seen is None else seen
    if root in seen:
        return seen
    seen.add(root)
    for field in root.model_fields.values():
        stack = [field.annotation]
        while stack:
            t = stack.pop()
            stack.extend(typing.get_args(t))
            if isinstance(t, type) and issubclass(t, BaseModel):
                models(t, seen)
    return seen


def test_every_field_has_a_description():
    roots = list(LIBRARY_FILES.values()) + list(FOLDER_FILES.values())
    found = set().union(*(models(r) for r in roots))
    missing = [f"{m.__name__}.{name}" for m in found for name, f in m.model_fields.items()
               if not f.description]
    assert missing == []
