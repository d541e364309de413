"""A seat's (or the projector's) end of the room: connect, say hello with the code, keep the
latest state the host sent, send moves. It holds nothing but what the host sends it."""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field

from councilgame.room.protocol import MAX_VIEW_LINE, Act, Ballots, Compose, Hello, Ping, client_line


class JoinRefused(Exception):
    """The host would not take this connection: the sentence it said why."""


def parse_address(text: str, default_port: int = 8765) -> tuple[str, int]:
    """'127.0.0.1:8765' or 'localhost' -> (host, port)."""
    host, sep, port = text.strip().rpartition(":")
    if not sep:
        host, port = text.strip(), str(default_port)
    if not port.isdigit():
        raise ValueError(f"{text!r} is not an address like 127.0.0.1:8765")
    return (host or "127.0.0.1").strip("[]"), int(port or default_port)


@dataclass
class RoomClient:
    host: str
    port: int
    code: str = ""
    room: bool = False
    seat: str | None = None
    state: dict | None = None
    composed: dict | None = None  # the host's answer to the last Compose
    errors: list[str] = field(default_factory=list)
    received: list[dict] = field(default_factory=list)  # every message, for tests and the bench
    keep: bool = False
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def connect(self) -> dict:
        """Join; the welcome message. JoinRefused with the host's sentence if it will not."""
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port,
                                                                 limit=MAX_VIEW_LINE)
        self.writer.write(client_line(Hello(code=self.code, room=self.room)))
        await self.writer.drain()
        first = await self._read()
        if first is None or first.get("type") != "welcome":
            raise JoinRefused((first or {}).get("message", "the host closed the connection."))
        self.seat = first["seat"]
        return first

    async def _read(self) -> dict | None:
        assert self.reader is not None
        line = await self.reader.readline()
        if not line:
            return None
        msg = json.loads(line)
        if self.keep:
            self.received.append(msg)
        return msg

    async def listen(self) -> None:
        """Read the host's messages until it closes: keep the last state, collect errors."""
        while (msg := await self._read()) is not None:
            if msg.get("type") == "state":
                self.state = msg
            elif msg.get("type") == "composed":
                self.composed = msg
            elif msg.get("type") == "error":
                self.errors.append(msg["message"])
            self.changed.set()

    async def wait(self, predicate, timeout: float = 10.0) -> dict:
        """Wait until the latest state satisfies `predicate` (listen() must be running)."""
        async def until():
            while self.state is None or not predicate(self.state):
                self.changed.clear()
                await self.changed.wait()
            return self.state
        return await asyncio.wait_for(until(), timeout)

    async def send_raw(self, data: bytes) -> None:
        assert self.writer is not None
        self.writer.write(data)
        await self.writer.drain()

    async def act(self, action: dict) -> None:
        await self.send_raw(client_line(Act.model_validate({"action": action})))

    async def ballots(self, ballots: dict[str, str]) -> None:
        await self.send_raw(client_line(Ballots(ballots=ballots)))

    async def compose(self, offers: list[str], toggle: str | None = None) -> None:
        await self.send_raw(client_line(Compose(offers=offers, toggle=toggle)))

    async def ping(self) -> None:
        await self.send_raw(client_line(Ping()))

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self.writer.wait_closed()


def scripted_move(state: dict) -> dict:
    """A scripted player, for tests and the room's benchmark: tables the suggested draft, else
    passes, votes yes, takes an event's first option."""
    legal = state["legal"]
    kinds = [a["kind"] for a in legal]
    for kind in ("table", "done", "choose"):
        if kind in kinds:
            return legal[kinds.index(kind)]
    return next((a for a in legal if a.get("ballot") == "yes"), legal[0])
