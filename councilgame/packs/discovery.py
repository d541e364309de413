"""Where packs are found: built-in, the user's folder, $COUNCILGAME_PACKS and --packs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from councilgame.packs.registry import PackSet, builtin_dir, load_packs

ENV_VAR = "COUNCILGAME_PACKS"


def user_dir() -> Path:
    """The platform's per-user data folder for packs."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "councilgame" / "packs"


def search_path(extra: list[Path] | None = None) -> list[Path]:
    folders = [builtin_dir(), user_dir()]
    env = os.environ.get(ENV_VAR, "")
    folders += [Path(p) for p in env.split(os.pathsep) if p]
    folders += list(extra or [])
    return folders


def discover(extra: list[Path] | None = None) -> PackSet:
    """Every installed pack; broken ones are listed in `broken`, never raised."""
    return load_packs(search_path(extra))
