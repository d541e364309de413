"""A pack's entry that replaces one of a pack it extends (a core member, clause, ...): the new
entry replaces the old one whole, so every field it leaves out takes its default, not the old
value. Legal (a pack may mean it) but rarely meant: a warning naming the fields so lost."""

from __future__ import annotations

from pydantic import BaseModel

from councilgame.packs.loader import LIBRARY_KINDS, Item

WARN = "warning"


def defaulted(old: BaseModel, new: BaseModel) -> list[str]:
    """Fields the old entry gave a value other than the default, and the new one leaves out."""
    fields = type(old).model_fields
    return [name for name in fields
            if name in old.model_fields_set and name not in new.model_fields_set
            and getattr(old, name) != fields[name].get_default(call_default_factory=True)]


def check_replacements(ck, packset, pack_id: str) -> None:
    pack = packset.packs[pack_id]
    base = packset.library(pack_id, own=False)
    for kind in LIBRARY_KINDS:
        for key, item in pack.library.get(kind, {}).items():
            old = base.items[kind].get(key)
            if old is not None:
                _warn(ck, packset, item, old, f"{kind[:-1]} {key!r}",
                      ("code",) if kind == "members" else ("id",))
    if pack.model is not None and base.model is not None:
        _warn(ck, packset, pack.model, base.model, "the model", ())


def _warn(ck, packset, item: Item, old: Item, what: str, at: tuple[str, ...]) -> None:
    lost = defaulted(old.model, item.model)
    if not lost:
        return
    owner = next((pid for pid, p in packset.packs.items() if old.file in p.located), "?")
    ck.add(item.file, item.path + at,
           f"{what} replaces the one of pack {owner!r} whole: the fields it leaves out take their "
           f"defaults, not {owner}'s values ({', '.join(lost)})", WARN)
