"""The folder of saves: list (readable and not), write atomically, rotate autosaves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from councilgame.paths import saves_dir, write_atomic
from councilgame.saves.format import SaveError, SaveFile, dump, parse

AUTOSAVES_KEPT = 5


@dataclass
class Entry:
    path: Path
    save: SaveFile | None
    error: str | None

    @property
    def readable(self) -> bool:
        return self.save is not None


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40] or "save"


class SaveStore:
    def __init__(self, folder: Path | None = None):
        self.folder = saves_dir(folder)

    def read(self, path: Path) -> SaveFile:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SaveError(f"{path.name} cannot be read: {exc.strerror or exc}.") from None
        return parse(raw, path.name)

    def entries(self) -> list[Entry]:
        """Every save file, newest first; unreadable ones carry the reason."""
        if not self.folder.is_dir():
            return []
        out = []
        for path in self.folder.glob("*.json"):
            try:
                out.append(Entry(path, self.read(path), None))
            except SaveError as exc:
                out.append(Entry(path, None, str(exc)))
        out.sort(key=lambda e: (e.save.summary.date if e.save else "", e.path.stat().st_mtime),
                 reverse=True)
        return out

    def newest(self) -> Entry | None:
        return next((e for e in self.entries() if e.readable), None)

    def write(self, save: SaveFile, filename: str) -> Path:
        path = self.folder / filename
        write_atomic(path, dump(save))
        return path

    def save_manual(self, save: SaveFile) -> Path:
        return self.write(save, f"{slug(save.name or save.scenario)}.json")

    def autosave(self, save: SaveFile) -> Path:
        stamp = save.summary.date.replace(":", "").replace("-", "")[:15]
        name = f"autosave-{save.scenario}-{stamp}-m{save.summary.month:02d}.json"
        path = self.write(save, name)
        autos = sorted(self.folder.glob("autosave-*.json"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for old in autos[AUTOSAVES_KEPT:]:
            old.unlink(missing_ok=True)
        return path
