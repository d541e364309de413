"""`councilgame` and `councilgame play`: open the game, at its title screen or straight at a
scenario's chamber (--scenario and --seat, or --players for a hot-seat room). The title path
imports nothing of the engine or the packs before the screen is up (issue 17)."""

from __future__ import annotations

from pathlib import Path

from councilgame.commands import (
    UsageError,
    check_folders,
    check_length,
    compiled_scenario,
    playable,
)


def parse_players(text: str, codes: list[str]) -> dict:
    """ "Ana:FRA,Ben:RUS" -> seats with their players; one seat named twice is a team."""
    from councilgame.saves import Seat

    seats: dict[str, Seat] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, code = part.rpartition(":")
        code = code.strip().upper()
        if not sep or not name.strip():
            raise UsageError(f"--players: {part!r} should be NAME:SEAT, e.g. Ana:FRA")
        if code not in codes:
            raise UsageError(f"--players: {code} has no seat; seats: {', '.join(codes)}")
        seats.setdefault(code, Seat(human=True)).players.append(name.strip())
    if not seats:
        raise UsageError("--players needs at least one NAME:SEAT")
    return seats


def play(scenario: str | None, seat: str | None, seed: int | None, extra: list[Path],
         saves: Path | None = None, players: str | None = None, projector: bool = False,
         options: dict | None = None) -> int:
    """Open the game. With --scenario and --seat (or --players) it starts at the chamber.
    `options` are the game's settings (sealed, difficulty, length), kept in its saves."""
    import secrets

    start = hotseat = None
    options = {k: v for k, v in (options or {}).items() if v is not None}
    if "timer" in options:
        if players is None:
            raise UsageError("--timer is for a hot-seat game (--players)")
        options["timer"] = options["timer"] * 60  # seconds a turn, in every phase
    seed = seed if seed is not None else secrets.randbelow(10**6)
    if players is not None or scenario or seat:  # straight to the chamber
        scenario = scenario or "sahel"
        comp = compiled_scenario(scenario, extra)
        check_length(comp, options.get("length"))
    if players is not None:
        hotseat = {"scenario": scenario, "seats": parse_players(players, playable(comp)), "seed": seed,
                   "options": options}
    elif scenario or seat:
        if seat is None:
            raise UsageError(f"--seat is needed with --scenario; seats: {', '.join(comp.codes)}")
        allowed = playable(comp)
        if seat not in allowed:
            raise UsageError(f"{seat} has no seat a player may hold in {scenario}; seats: "
                             f"{', '.join(allowed)}")
        start = (scenario, seat, seed)
    else:
        if "length" in options:
            raise UsageError("--length needs --scenario: each scenario offers its own lengths")
        check_folders(extra)  # a bad --packs is a usage error before the screen opens; the
        # packs themselves load behind the title screen (a broken one is listed there)
    from councilgame.tui.app import CouncilApp

    app = CouncilApp(extra_packs=extra, start=start, saves=saves, hotseat=hotseat,
                     projector=projector, options=options)
    app.run()
    return app.return_code or 0  # a crash inside the app is 1, not a silent 0
