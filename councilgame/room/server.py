"""The room on a socket (asyncio streams, one JSON line a message): joins, per-seat updates after
every change, refusals that never close the room, and a limit on everything a client sends."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from councilgame.room.host import Room
from councilgame.room.protocol import (
    MAX_LINE,
    PROTOCOL,
    Act,
    BadMessage,
    Ballots,
    Compose,
    Hello,
    Ping,
    encode,
    parse_client,
)

T = TypeVar("T")
HELLO_TIMEOUT = 30.0  # seconds a connection has to say who it is


@dataclass(eq=False)
class Connection:
    writer: asyncio.StreamWriter
    seat: str  # "" for the projector

    async def send(self, message: dict) -> None:
        with contextlib.suppress(ConnectionError, RuntimeError):
            self.writer.write(encode(message))
            await self.writer.drain()


@dataclass
class RoomServer:
    """Serves one Room: `start(host, port)`, then `close()`."""

    room: Room
    on_change: Callable[[], None] | None = None  # the host's own terminal redraws
    connections: set[Connection] = field(default_factory=set)
    server: asyncio.base_events.Server | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    clock: asyncio.Task | None = None

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        self.server = await asyncio.start_server(self._client, host, port, limit=MAX_LINE + 2)
        self.clock = asyncio.create_task(self._clock())
        return self.server.sockets[0].getsockname()[1]

    async def _clock(self) -> None:
        """Once a second: a turn whose time is up ends (host --timer), and every screen hears."""
        while True:
            await asyncio.sleep(1.0)
            async with self.lock:
                if self.room.tick():
                    await self.broadcast()

    async def close(self) -> None:
        if self.clock is not None:
            self.clock.cancel()
        for conn in list(self.connections):
            conn.writer.close()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    async def broadcast(self) -> None:
        """Every connection gets its own seat's state (the projector the public one)."""
        connections = list(self.connections)
        states = self.room.states({c.seat for c in connections})  # one per seat, not per connection
        await asyncio.gather(*(c.send(states[c.seat]) for c in connections))
        if self.on_change is not None:
            self.on_change()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        address = str(writer.get_extra_info("peername", ("?",))[0])
        conn: Connection | None = None
        try:
            conn = await self._hello(reader, writer, address)
            if conn is None:
                return
            self.connections.add(conn)
            await conn.send(self.room.state_for(conn.seat))
            while line := await self._line(reader, conn):
                await self._message(conn, line)
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError, asyncio.CancelledError):
            pass  # the client went away (or the room closes): its seat waits for it
        finally:
            if conn is not None:
                self.connections.discard(conn)
            writer.close()

    async def _line(self, reader: asyncio.StreamReader, conn: Connection) -> bytes:
        """The next line; an oversized one is refused (and skipped) without closing the room."""
        while True:
            try:
                return await reader.readline()
            except ValueError:  # longer than the limit: the reader dropped it; say so, go on
                await conn.send({"type": "error", "message": f"message too long (at most {MAX_LINE} bytes)"})

    async def _hello(self, reader, writer, address: str) -> Connection | None:
        if not self.room.allowed(address):
            writer.write(encode({"type": "refused", "message": "too many wrong codes from this "
                                 "address: wait a minute and try again."}))
            return None
        line = await asyncio.wait_for(reader.readline(), HELLO_TIMEOUT)
        try:
            msg = parse_client(line)
        except BadMessage as exc:
            writer.write(encode({"type": "refused", "message": f"{exc} (protocol {PROTOCOL})"}))
            return None
        if not isinstance(msg, Hello):
            writer.write(encode({"type": "refused", "message": "say hello with your code first."}))
            return None
        seat = self.room.hello(msg, address)
        if seat is None:
            writer.write(encode({"type": "refused", "message": "that code opens no seat of this game."}))
            return None
        s = self.room.session
        writer.write(encode({"type": "welcome", "seat": seat, "scenario": s.comp.scenario.id,
                             "player": s.players_of(seat) if seat else "the room"}))
        return Connection(writer, seat)

    async def _message(self, conn: Connection, line: bytes) -> None:
        try:
            msg = parse_client(line)
        except BadMessage as exc:
            await conn.send({"type": "error", "message": str(exc)})
            return
        if isinstance(msg, Ping):
            await conn.send({"type": "pong"})
            return
        if isinstance(msg, Hello) or not conn.seat:
            await conn.send({"type": "error", "message": "the room's screen only watches." if not conn.seat
                             else "already joined."})
            return
        async with self.lock:  # one message at a time changes the game: the log's order is the host's
            if isinstance(msg, Compose):
                answer = self.room.compose(conn.seat, msg)
                await conn.send(answer if isinstance(answer, dict) else {"type": "error", "message": answer})
                return
            assert isinstance(msg, Act | Ballots)
            why = self.room.receive(conn.seat, msg)
            if why is not None:
                await conn.send({"type": "error", "message": why})
                return
            await self.broadcast()

    async def apply_facilitator(self, change: Callable[[Room], T]) -> T:
        """A change from the host's own terminal (hand a seat to the AI, ...), then updates;
        what the change returned."""
        async with self.lock:
            result = change(self.room)
            await self.broadcast()
            return result
