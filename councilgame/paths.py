"""Where files go: saves in `saves/` when run from a checkout, else the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SAVES_ENV = "COUNCILGAME_SAVES"
TEMP_MARK = ".tmp-"  # a temporary file is ".<name>.tmp-<pid>"


def checkout_root() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "content" / "core").is_dir():
        return root
    return None


def user_data() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "councilgame"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "councilgame"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "councilgame"


def saves_dir(override: Path | None = None) -> Path:
    if override is not None:
        return override
    if os.environ.get(SAVES_ENV):
        return Path(os.environ[SAVES_ENV])
    root = checkout_root()
    return root / "saves" if root else user_data() / "saves"


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, flush, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
