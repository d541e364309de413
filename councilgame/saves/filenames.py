"""File names for saves: a player's name kept as written (any script), made safe for every
common file system; autosaves named by game, so that no two games share a file."""

from __future__ import annotations

import re
import unicodedata

AUTOSAVE_PREFIX = "autosave-"
MAX_STEM = 80  # characters; well under the 255 bytes most file systems allow
_FORBIDDEN = set('/\\:*?"<>|')  # the characters Windows, macOS or Linux refuse in a name
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}  # Windows device names


def safe_stem(text: str) -> str:
    """`text` as a file name without extension: Unicode letters kept (NFC), forbidden and
    control characters replaced by '-', runs of spaces folded, no leading dot."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))
    text = "".join("-" if c in _FORBIDDEN or unicodedata.category(c).startswith("C") else c
                   for c in text)
    text = text.strip(" .")[:MAX_STEM].rstrip(" .")
    if text.lower() in _RESERVED:
        text += "_"
    return text or "save"


def manual_stem(name: str) -> str:
    """A manual save's file name: never one the autosave rotation would take for its own."""
    stem = safe_stem(name)
    if stem.lower().startswith("autosave"):
        stem = f"save {stem}"
    return stem


def autosave_name(scenario: str, game_id: str, month: int) -> str:
    """One file per game and month: the game's identity is in the name."""
    return f"{AUTOSAVE_PREFIX}{safe_stem(scenario)}-{game_id}-m{month:02d}"


def numbered(stem: str, n: int) -> str:
    """The n-th candidate name for a stem: 'Game', 'Game (2)', 'Game (3)'..."""
    return stem if n == 1 else f"{stem} ({n})"
