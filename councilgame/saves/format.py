"""The save document: its models, its versions and the migrations between them."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from councilgame.engine.actions import Action

FORMAT = "councilgame-save"
FORMAT_VERSION = 2
MAX_BYTES = 20_000_000
ACTIONS = TypeAdapter(list[Action])


def new_game_id() -> str:
    """A new game's identity (random: it is not part of the game, which the seed and the
    actions fix, only of its saves)."""
    return secrets.token_hex(6)


class SaveError(ValueError):
    """A save that cannot be used, with one sentence that says why."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackRef(_Model):
    id: str
    version: str
    hash: str


class Seat(_Model):
    """Who plays a seat: the AI, or one or several named people (a team)."""

    human: bool = False
    players: list[str] = Field(default_factory=list)


class Summary(_Model):
    """Enough to list a save without replaying it, and to check a replay against."""

    month: int
    finished: bool
    ending: str | None = None
    scores: dict[str, float] = Field(default_factory=dict)
    date: str
    players: list[str] = Field(default_factory=list)
    scenario_title: str = ""
    digest: str = Field(description="Hash of the game record, to check a replay bit for bit.")


class Origin(_Model):
    """Where a branch came from: the game it was reopened from, and the month."""

    branch_of: str
    at_month: int


class SaveFile(_Model):
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    game_version: str
    game_id: str = Field(pattern=r"^[0-9a-f]{8,32}$",
                         description="The game's identity: its saves and autosaves share it, a "
                                     "branch gets a new one.")
    name: str = ""
    kind: str = Field("manual", description="manual, autosave or headless")
    pack: PackRef
    scenario: str
    seats: dict[str, Seat]
    seed: int = Field(ge=0, lt=2**63)
    actions: list[Any]
    summary: Summary
    origin: Origin | None = None
    options: dict[str, Any] = Field(default_factory=dict)

    def typed_actions(self) -> list:
        return ACTIONS.validate_python(self.actions)

    def humans(self) -> set[str]:
        return {code for code, seat in self.seats.items() if seat.human}


def _migrate_0(doc: dict) -> dict:
    """Version 0 (before the format had a name) kept players as a flat list of seat codes."""
    doc = dict(doc)
    humans = doc.pop("humans", [])
    if not isinstance(humans, list) or not all(isinstance(c, str) for c in humans):
        raise SaveError("humans")
    doc["seats"] = {code: {"human": True, "players": []} for code in humans}
    doc["format"] = FORMAT
    doc["format_version"] = 1
    return doc


def legacy_game_id(doc: dict) -> str:
    """A save written before games had an identity gets one from what makes it that game:
    its scenario, seed, human seats and origin (its own autosaves then group together)."""
    seats = doc.get("seats")
    humans = sorted(c for c, s in seats.items() if isinstance(s, dict) and s.get("human")) \
        if isinstance(seats, dict) else []
    key = json.dumps([doc.get("scenario"), doc.get("seed"), humans, doc.get("origin")],
                     sort_keys=True, default=str)
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _migrate_1(doc: dict) -> dict:
    """Version 1 had no game identity."""
    doc = dict(doc)
    doc["game_id"] = legacy_game_id(doc)
    doc["format_version"] = 2
    return doc


MIGRATIONS = {0: _migrate_0, 1: _migrate_1}


def parse(raw: bytes, name: str = "the file") -> SaveFile:
    """Bytes to a SaveFile, or SaveError with one sentence; older formats are migrated.
    Nothing in a file, however built, escapes as another exception."""
    if not raw.strip():
        raise SaveError(f"{name} is empty.")
    if len(raw) > MAX_BYTES:
        raise SaveError(f"{name} is larger than {MAX_BYTES // 1_000_000} MB, too large for a save.")
    doc = _json(raw, name)
    if not isinstance(doc, dict) or doc.get("format", FORMAT if "humans" in doc else None) != FORMAT:
        raise SaveError(f"{name} is not a councilgame save.")
    doc = _migrated(doc, name)
    try:
        save = SaveFile.model_validate(doc)
        ACTIONS.validate_python(save.actions)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first["loc"] if exc.title == "SaveFile" else ("actions", *first["loc"])
        where = ".".join(str(p) for p in loc)
        raise SaveError(f"{name} is damaged: {where}: {first['msg'].rstrip('.')}.") from None
    except (RecursionError, ValueError, TypeError):
        raise SaveError(f"{name} is damaged: its content cannot be read as a save.") from None
    return save


def _json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(f"{name} is not a text file, so not a councilgame save.") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"{name} is not valid JSON (damaged or cut short at line {exc.lineno}).") from None
    except RecursionError:
        raise SaveError(f"{name} is nested too deeply to be a councilgame save.") from None
    except ValueError:  # a number too long to convert (Python's int digit limit)
        raise SaveError(f"{name} holds a number too long to be a councilgame save.") from None


def _migrated(doc: dict, name: str) -> dict:
    """The document brought to the current format, one migration at a time."""
    version = doc.get("format_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SaveError(f"{name} has no readable format version.")
    if version > FORMAT_VERSION:
        raise SaveError(f"{name} was written by a newer councilgame (save format {version}); "
                        "update the game to open it.")
    while version < FORMAT_VERSION:
        try:
            doc = MIGRATIONS[version](doc)
        except (SaveError, TypeError, AttributeError, KeyError, ValueError):
            raise SaveError(f"{name} is damaged: its format {version} fields cannot be "
                            "brought up to date.") from None
        version = doc["format_version"]
    return doc


def dump(save: SaveFile) -> str:
    """The save as written: compact JSON (what can be written can be read back: see
    `MAX_BYTES`, checked by the store before it writes)."""
    return save.model_dump_json() + "\n"
