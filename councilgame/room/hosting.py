"""`councilgame host`: open a room for one game, print each seat's code and the addresses to
join, autosave after every move, and take the facilitator's commands from the host's terminal.
`--continue` reopens the room's newest autosave, with the same codes, after a restart."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
import threading
from collections.abc import Callable

from councilgame.engine.actions import FACILITATOR, EndGame, Inject
from councilgame.engine.compiled import Compiled
from councilgame.play import queries
from councilgame.play.session import Session
from councilgame.room.host import Room, is_loopback
from councilgame.room.server import RoomServer
from councilgame.saves import SaveError, SaveStore, load_game

HELP = ("Commands: who (seats and who is joined) · ai SEAT (hand a silent seat to the AI) · "
        "seat SEAT NAME (give a seat to a player) · pause · go (on) · endturn (end the turn "
        "under way) · timer MIN (each turn's minutes, 0: none) · events (the scenario's events) · "
        "inject EVENT (fire one now) · reveal (the AI members' stances, on the room's screens) · "
        "end (end the game now, to the debrief) · quit (close the room; its autosave stays)")


def open_warning(bind: str) -> str | None:
    """What binding beyond this machine means, or None on loopback."""
    if is_loopback(bind):
        return None
    return (f"warning: the room listens on {bind}: anyone who can reach this machine on that "
            "network can connect and try codes (six characters, a few tries a minute each). Open "
            "it only on the seminar's own network, and close it (quit) after class.")


def addresses(bind: str, port: int) -> list[str]:
    """The addresses a student types, for the room's bind address."""
    if bind not in ("0.0.0.0", "::"):
        return [f"{bind}:{port}"]
    found = {"127.0.0.1"}
    with contextlib.suppress(OSError):
        found |= {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    return [f"{a}:{port}" for a in sorted(found)]


def resume(store: SaveStore, compile_scenario: Callable[[str], Compiled]) -> Session:
    """The newest room game in the saves folder, replayed from its autosave."""
    entry = next((e for e in store.entries() if e.save and "room_codes" in e.save.options), None)
    if entry is None or entry.save is None:
        raise SaveError(f"no room game to continue in {store.folder}.")
    save = entry.save
    return Session.resumed(save, load_game(save, compile_scenario(save.scenario)).game, store)


def card(room: Room, addrs: list[str]) -> str:
    """The host's announcement: where to join and each seat's code."""
    s = room.session
    lines = [f"Room open: {s.comp.scenario.title} ({s.month_name()}), protocol 1.",
             "Join with:  councilgame join ADDRESS --code CODE   (the room's screen: --room)",
             "Addresses:  " + "  ".join(addrs), ""]
    for code, seat in sorted(room.codes.items(), key=lambda kv: kv[1]):
        lines.append(f"  {seat}  {s.name_of(seat):<40} {s.players_of(seat):<20} code {code}")
    return "\n".join(lines + ["", HELP])


async def serve_room(session: Session, bind: str, port: int, out=print,
                     commands: asyncio.Queue[str] | None = None, web_port: int | None = None) -> int:
    """Serve until `quit`; with `web_port`, the join page for browsers too."""
    room = Room.open(session)
    session.autosave()
    server = RoomServer(room)
    port = await server.start(bind, port)
    warning = open_warning(bind)
    if warning:
        out(warning)
    out(card(room, addresses(bind, port)))
    page = None
    if web_port is not None:
        from councilgame.room.webpage import start_page

        local = "127.0.0.1" if bind in ("0.0.0.0", "::") else bind
        page, web_port = await start_page(local, port, bind, web_port)
        out("In a browser: " + "  ".join(f"http://{a}" for a in addresses(bind, web_port))
            + "  (type the seat's code on the page)")
    commands = commands or _stdin_lines()
    try:
        while True:
            line = (await commands.get()).strip()
            if line == "quit":
                break
            if line == "\x04":  # the terminal's input ended: serve on until ctrl+c
                await asyncio.Event().wait()
            out(await _command(server, line))
    finally:
        await server.close()
        if page is not None:
            await page.cleanup()
    return 0


async def _command(server: RoomServer, line: str) -> str:
    room, s = server.room, server.room.session
    word, _, arg = line.partition(" ")
    if word == "who":
        joined = {c.seat for c in server.connections}
        return "\n".join(f"  {seat}: {s.players_of(seat)}, {'joined' if seat in joined else 'not joined'}"
                         f"{'' if seat in s.humans else ' (played by the AI)'}"
                         for seat in sorted(set(room.codes.values())))
    if word == "ai":
        seat = arg.strip().upper()
        if seat not in s.humans:
            return f"{seat or '?'} is not a player's seat now: {', '.join(s.humans)}."
        await server.apply_facilitator(lambda r: r.hand_to_ai(seat))
        return f"{seat} is played by the AI from now on."
    if word == "seat":
        code, _, name = arg.strip().partition(" ")
        code = code.upper()
        if code not in s.comp.index or not name.strip():
            return "seat SEAT NAME, e.g. seat RUS Dana."
        given = await server.apply_facilitator(lambda r: r.give_seat(code, name.strip()))
        return f"{code} is played by {name.strip()}: its code is {given}."
    if word in ("pause", "go"):
        await server.apply_facilitator(lambda r: r.pause(word == "pause"))
        return "The room is paused: no move is taken." if word == "pause" else "The room goes on."
    if word == "endturn":
        ended = await server.apply_facilitator(lambda r: r.end_turn())
        return "The turn is ended." if ended else "No player's turn is under way."
    if word == "timer":
        if not arg.strip().isdigit():
            return "timer MIN: minutes for each turn, 0 for none."
        minutes = int(arg)

        def set_timer(r: Room) -> None:
            r.session.options.pop("timer", None)
            if minutes:
                r.session.options["timer"] = minutes * 60
            r.turn = ()  # the turn under way starts its clock again
        await server.apply_facilitator(set_timer)
        return f"Each turn has {minutes} minutes." if minutes else "No timer."
    if word == "reveal":
        shown = await server.apply_facilitator(lambda r: r.reveal())
        return ("The room's screens show the AI members' stances on the draft." if shown
                else "No draft is on the table.")
    if word == "events":
        return "\n".join(f"  {eid}: {text[:100]}" for eid, text in queries.event_summaries(s.game).items())
    if word == "inject":
        action = Inject(seat=FACILITATOR, event=arg.strip())
        why = s.refusal(action)
        if why is not None:
            return why
        await server.apply_facilitator(lambda r: r.facilitate(action))
        return f"Injected {arg.strip()}: every screen shows it in the news."
    if word == "end":
        await server.apply_facilitator(lambda r: r.facilitate(EndGame(seat=FACILITATOR)))
        return "The game is ended: every screen shows the debrief."
    return HELP if word in ("help", "") else f"unknown command {word!r}. {HELP}"


def _stdin_lines() -> asyncio.Queue[str]:
    """The host terminal's lines, as they are typed (reading stdin in a thread)."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    loop = asyncio.get_running_loop()

    def read() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        loop.call_soon_threadsafe(queue.put_nowait, "\x04")  # end of input: not a quit by itself

    threading.Thread(target=read, daemon=True).start()  # quit must not wait for a line of input
    return queue
