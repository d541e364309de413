"""The seminar room's commands: `host` (one game, each seat on its own device) and `join` (a
seat's screen, or the room's with --room)."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

from councilgame.commands import UsageError, check_length, compiled_scenario, playable
from councilgame.launch import parse_players


def host(scenario: str, players: str | None, seed: int | None, extra: list[Path], saves: Path | None,
         sealed: bool, length: int | None, bind: str, port: int, resume: bool,
         web_port: int | None, timer: int | None = None) -> int:
    """Open the room; print the codes; serve until the facilitator types quit."""
    from councilgame.play.session import Session
    from councilgame.room.hosting import resume as resume_room
    from councilgame.room.hosting import serve_room
    from councilgame.saves import SaveStore

    store = SaveStore(saves)
    if resume:
        session = resume_room(store, lambda sid: compiled_scenario(sid, extra))
    else:
        if players is None:
            raise UsageError('host needs --players "NAME:SEAT,..." (or --continue)')
        comp = compiled_scenario(scenario, extra)
        check_length(comp, length)
        seats = parse_players(players, playable(comp))
        options = {k: v for k, v in {"sealed": sealed or None, "length": length,
                                     "timer": timer * 60 if timer else None}.items() if v}
        seed = seed if seed is not None else secrets.randbelow(10**6)
        session = Session.start(comp, seats, seed, store=store, options=options)
    try:
        return asyncio.run(serve_room(session, bind, port, out=lambda t: print(t, flush=True),
                                      web_port=web_port))
    except OSError as exc:
        raise UsageError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}") from None


def join(address: str, code: str | None, room: bool) -> int:
    """A seat's screen (or the room's): what the host sends, and nothing else."""
    from councilgame.room.client import parse_address
    from councilgame.tui.remote import RemoteApp

    try:
        host_name, port = parse_address(address)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    app = RemoteApp(host_name, port, code=(code or "").strip(), room=room)
    app.run()
    return app.return_code or 0
