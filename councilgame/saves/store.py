"""The folder of saves: list (readable and not), read safely, write atomically without ever
overwriting another game's save, keep the last autosaves of each game."""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from councilgame.paths import TEMP_MARK, saves_dir, write_atomic
from councilgame.saves.filenames import AUTOSAVE_PREFIX, autosave_name, manual_stem, numbered
from councilgame.saves.format import MAX_BYTES, SaveError, SaveFile, dump, parse

AUTOSAVES_KEPT = 5
STALE_TEMP_SECONDS = 600  # a temporary file this old belongs to a write that died


@dataclass
class Entry:
    path: Path
    save: SaveFile | None
    error: str | None

    @property
    def readable(self) -> bool:
        return self.save is not None


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, reading at most `limit` + 1 of them: a FIFO, a device or a
    folder is refused before anything is read (opened without blocking), so a named pipe
    cannot hang the game and /dev/zero cannot fill its memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SaveError(f"{path.name} cannot be read: {(exc.strerror or str(exc)).lower()}.") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SaveError(f"{path.name} is not a regular file, so not a councilgame save.")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise SaveError(f"{path.name} cannot be read: {(exc.strerror or str(exc)).lower()}.") from None
    finally:
        os.close(fd)


def _writer_alive(path: Path) -> bool:
    """Whether the process that wrote a temporary file (its pid ends the name) still runs."""
    pid = path.name.rpartition(TEMP_MARK)[2]
    if not pid.isdigit() or os.name != "posix":
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class SaveStore:
    def __init__(self, folder: Path | None = None):
        self.folder = saves_dir(folder)

    def read(self, path: Path) -> SaveFile:
        return parse(read_capped(path), path.name)

    def _try_read(self, path: Path) -> SaveFile | None:
        try:
            return self.read(path)
        except SaveError:
            return None

    def entries(self) -> list[Entry]:
        """Every save file, newest first; unreadable ones carry the reason. Never raises for
        what is in the folder."""
        try:
            paths = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        except OSError:
            return []
        out = []
        for path in paths:
            try:
                out.append(Entry(path, self.read(path), None))
            except SaveError as exc:
                out.append(Entry(path, None, str(exc)))
        out.sort(key=lambda e: (e.save.summary.date if e.save else "", _mtime(e.path)),
                 reverse=True)
        return out

    def newest(self) -> Entry | None:
        return next((e for e in self.entries() if e.readable), None)

    def write(self, save: SaveFile, filename: str) -> Path:
        """Write `save` as `filename`, atomically. A save too large to read back is refused
        before anything is written."""
        text = dump(save)
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise SaveError(f"the game is too large to save (over {MAX_BYTES // 1_000_000} MB).")
        path = self.folder / filename
        write_atomic(path, text)
        return path

    def _free_path(self, stem: str, game_id: str) -> Path:
        """The first of `stem`.json, `stem` (2).json, ... that is free or holds a save of this
        same game: never another game's file, nor a file that is not a save."""
        for n in range(1, 1000):
            path = self.folder / f"{numbered(stem, n)}.json"
            if not os.path.lexists(path):
                return path
            other = self._try_read(path)
            if other is not None and other.game_id == game_id and path.is_file():
                return path
        raise SaveError(f"too many saves named {stem!r}; choose another name.")

    def save_manual(self, save: SaveFile) -> Path:
        path = self._free_path(manual_stem(save.name or save.scenario), save.game_id)
        return self.write(save, path.name)

    def autosave(self, save: SaveFile) -> Path:
        """Write this game's autosave for its month, then keep the last few of this game only:
        other games' autosaves and every manual save are left alone."""
        path = self._free_path(autosave_name(save.scenario, save.game_id, save.summary.month),
                               save.game_id)
        self.write(save, path.name)
        self._rotate(save.game_id)
        return path

    def _rotate(self, game_id: str) -> None:
        mine = []
        for path in self.folder.glob(f"{AUTOSAVE_PREFIX}*{game_id}*.json"):
            other = self._try_read(path)
            if other is not None and other.kind == "autosave" and other.game_id == game_id:
                mine.append((other.summary.month, other.summary.date, _mtime(path), path))
        mine.sort(reverse=True)
        for *_, old in mine[AUTOSAVES_KEPT:]:
            old.unlink(missing_ok=True)

    def clean_temporary(self, now: float | None = None) -> list[Path]:
        """Remove temporary files left by writes that died (a crash or a kill mid-write): only
        files with the temporary mark, older than a live write could be."""
        now = time.time() if now is None else now
        removed: list[Path] = []
        try:
            candidates = list(self.folder.glob(f".*{TEMP_MARK}*"))
        except OSError:
            return removed
        for path in candidates:
            try:
                old = now - path.lstat().st_mtime > STALE_TEMP_SECONDS
                if path.is_file() and (old or not _writer_alive(path)):
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
        return removed
