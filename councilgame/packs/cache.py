"""Caches of what reading a pack produces, so that a pack read once is read again at once: the
parsed YAML of each file (with its line table), and each scenario's bundle (issue 17).

Both are kept as JSON, never pickled: reading an entry back is plain data, which the loader then
validates as it validates a pack (a bundle through pydantic), so a tampered or truncated entry is
refused like any other bad input, and the file or scenario is read from the pack as if there
were no cache. Keys are SHA-256 digests over everything an entry is made from, beginning with the
source of the schema and of the loader (a new version of the game never reads an old entry): for
a file, its bytes; for a bundle, the scenario id and every file of its pack and of each pack it
extends, name and bytes. Only a file that parsed, and a pack that loaded and checked without an
error, are cached, so a hit skips nothing a player could see; an edited file has another key.

The caches live in the user's cache folder, or in $COUNCILGAME_CACHE; `COUNCILGAME_CACHE=off`
turns them off. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from councilgame.model.bundle import ScenarioBundle
from councilgame.packs.yamlsource import Located, load_text
from councilgame.paths import TEMP_MARK, write_atomic

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from councilgame.packs.registry import PackSet

CACHE_ENV = "COUNCILGAME_CACHE"
KEEP = 64  # bundles kept; the oldest go first (about 200 KB each)
KEEP_FILES = 4096  # parsed files kept (a few KB each)
SUFFIX = ".bundle.json"
_pruned: set[str] = set()  # the folders of parsed files pruned by this process (once each)


def cache_dir(kind: str = "bundles") -> Path | None:
    """Where entries of `kind` ("bundles", "yaml") are kept, or None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen) / kind
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "councilgame" / kind


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
        _prune(folder, "*" + SUFFIX, KEEP)
    except OSError:
        return


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Keep the `keep` newest entries."""
    entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def parsed(data: bytes, text: str) -> Located:
    """`load_text(text)` for a file of these bytes, from the cache when they were parsed before;
    YamlError, as load_text raises it, for a file that does not parse (never cached)."""
    folder = cache_dir("yaml")
    if folder is None:
        return load_text(text)
    path = folder / (hashlib.sha256(code_stamp() + data).hexdigest() + ".json")
    try:
        doc = json.loads(path.read_bytes())
        return Located(doc["data"], {tuple(p): int(line) for p, line in doc["lines"]})
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no entry, or a damaged one: parse the file
    located = load_text(text)
    if _plain(located.data):
        lines = [[list(p), line] for p, line in located.lines.items()]
        _write_quick(path, json.dumps({"data": located.data, "lines": lines}))
    return located


def _plain(value: object) -> bool:
    """Whether JSON gives `value` back as it is: every mapping key a string (YAML allows
    `1:` or `true:` as a key, which JSON would turn into "1" and "true")."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return True


def _write_quick(path: Path, text: str) -> None:
    """Write an entry by renaming a finished temporary file over it, without the fsync a save
    needs: a cache entry lost to a crash is only a miss."""
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        if str(path.parent) not in _pruned:
            _pruned.add(str(path.parent))
            _prune(path.parent, "*.json", KEEP_FILES)
    except OSError:
        with contextlib.suppress(OSError):  # no folder to write in: nothing was left either
            tmp.unlink(missing_ok=True)
