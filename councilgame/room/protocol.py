"""The room's wire protocol: one JSON object a line, each at most MAX_LINE bytes, every message
from a client validated by pydantic before the host reads it. Versioned by PROTOCOL: a client of
another version is told so and closed, never half-understood. docs/protocol.md describes it."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from councilgame.engine.actions import Action

PROTOCOL: Literal[1] = 1
MAX_LINE = 64 * 1024  # a client's message; a seat's whole view is far smaller than this
MAX_VIEW_LINE = 4 * 1024 * 1024  # what a client accepts from the host
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a projector
CODE_LENGTH = 6


class _Msg(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    v: Literal[1] = PROTOCOL


class Hello(_Msg):
    """A seat joins (or rejoins) with its code; the projector joins with `room: true`."""

    type: Literal["hello"] = "hello"
    code: str = Field("", max_length=32)
    room: bool = False


class Act(_Msg):
    """An action for the seat the connection joined as (its `seat` field must be that seat)."""

    type: Literal["act"] = "act"
    action: Action


class Ballots(_Msg):
    """Sealed ballots for the votes of the sitting under way, by vote symbol, given at once."""

    type: Literal["ballots"] = "ballots"
    ballots: dict[Annotated[str, Field(max_length=40)], Literal["yes", "no", "abstain"]] = Field(
        max_length=20)


class Compose(_Msg):
    """While drafting: switch one clause on or off in the text being composed (or none, to
    see the whip count of `offers` as they are); the host answers with the text as the
    clauses' rules leave it and its projected vote, as this seat may read it."""

    type: Literal["compose"] = "compose"
    offers: list[Annotated[str, Field(max_length=80)]] = Field(max_length=60)
    toggle: str | None = Field(None, max_length=80)


class Ping(_Msg):
    type: Literal["ping"] = "ping"


ClientMessage = Annotated[Hello | Act | Ballots | Compose | Ping, Field(discriminator="type")]
CLIENT = TypeAdapter(ClientMessage)


class BadMessage(ValueError):
    """A client's line the host cannot take, with the sentence sent back to it."""


def parse_client(line: bytes) -> Hello | Act | Ballots | Compose | Ping:
    """One client line, validated; BadMessage (with a sentence) for anything else."""
    if len(line) > MAX_LINE:
        raise BadMessage(f"message too long ({len(line)} bytes; at most {MAX_LINE})")
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadMessage(f"not a JSON object: {exc}") from None
    if isinstance(data, dict) and data.get("v") not in (None, PROTOCOL):
        raise BadMessage(f"protocol version {data.get('v')!r} is not this host's ({PROTOCOL})")
    try:
        return CLIENT.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "message"
        raise BadMessage(f"{where}: {first['msg']}") from None


def encode(message: dict[str, Any]) -> bytes:
    """A message of the host's, as one line."""
    return json.dumps({"v": PROTOCOL, **message}, separators=(",", ":"), sort_keys=True).encode() + b"\n"


def client_line(message: _Msg) -> bytes:
    return message.model_dump_json().encode() + b"\n"
