"""A cache of scenario bundles, so that a scenario picked a second time starts at once instead
of reading and checking its whole pack again (issue 17).

A bundle is kept as JSON, never pickled: reading it back is a pydantic validation of plain data,
so a tampered or truncated cache file is refused like any other bad input, and the scenario is
then read from its pack as if there were no cache. The key is a SHA-256 over everything the
bundle is made from: the source of the schema and of the loader (a new version of the game
never reads an old bundle), the scenario id, and every file of its pack and of each pack it
extends, name and bytes. Only a pack that loaded and checked without an error is cached, so a
hit skips nothing a player could see; an edited pack has another key.

The cache lives in the user's cache folder, or in $COUNCILGAME_CACHE; `COUNCILGAME_CACHE=off`
turns it off. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from councilgame.model.bundle import ScenarioBundle
from councilgame.paths import write_atomic

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from councilgame.packs.registry import PackSet

CACHE_ENV = "COUNCILGAME_CACHE"
KEEP = 64  # bundles kept; the oldest go first (about 200 KB each)
SUFFIX = ".bundle.json"


def cache_dir() -> Path | None:
    """Where bundles are kept, or None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "councilgame" / "bundles"


@cache
def code_stamp() -> bytes:
    """The source of the modules that shape a bundle: the schema and the pack loader."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for folder in (here.parent / "model", here):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def chain(packset: PackSet, pack_id: str) -> list[str] | None:
    """The pack and every pack it extends, transitively, in a fixed order; None if one of them
    is not loaded (its scenario is then read the long way, and fails as it should)."""
    seen: list[str] = []
    todo = [pack_id]
    while todo:
        pid = todo.pop(0)
        if pid in seen:
            continue
        if pid not in packset.packs:
            return None
        seen.append(pid)
        todo += packset.packs[pid].manifest.extends
    return seen


def key(packset: PackSet, scenario_id: str) -> str | None:
    """The scenario's cache key, or None when it cannot be told (a file that cannot be read)."""
    pack_id = packset.scenario_index().get(scenario_id)
    packs = chain(packset, pack_id) if pack_id else None
    if packs is None:
        return None
    digest = hashlib.sha256(code_stamp() + scenario_id.encode() + b"\0")
    try:
        for pid in packs:
            pack = packset.packs[pid]
            digest.update(b"\1" + pid.encode() + b"\0")
            for path in pack.files:
                if path.is_symlink():
                    return None
                digest.update(path.relative_to(pack.root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


@cache
def _adapter() -> TypeAdapter[ScenarioBundle]:
    from pydantic import TypeAdapter

    return TypeAdapter(ScenarioBundle)


def read(found: str | None) -> ScenarioBundle | None:
    """The cached bundle for a key, or None (no cache, no entry, or one that does not read back
    as a valid bundle)."""
    folder = cache_dir()
    if folder is None or found is None:
        return None
    path = folder / (found + SUFFIX)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return _adapter().validate_json(data)
    except ValueError:  # pydantic's ValidationError is a ValueError: a damaged entry
        return None


def write(found: str | None, bundle: ScenarioBundle) -> None:
    """Keep a bundle; a cache that cannot be written is no cache, never an error."""
    folder = cache_dir()
    if folder is None or found is None:
        return
    try:
        write_atomic(folder / (found + SUFFIX), _adapter().dump_json(bundle).decode())
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
