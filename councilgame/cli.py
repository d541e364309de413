"""The `councilgame` command: play (default), packs, saves, run, replay, simulate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_USAGE = 2


class UsageError(Exception):
    """A wrong argument: one sentence naming what is valid, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one sentence, exit 2, no traceback
        self.exit(EXIT_USAGE, f"councilgame: {message}. Try 'councilgame --help'.\n")


def whole(low: int, high: int | None = None, what: str = ""):
    """An argparse type: a whole number from `low` to `high`, refused in one sentence."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"{text!r} must be {'zero' if low == 0 else low} or more")
        if high is not None and value > high:
            raise argparse.ArgumentTypeError(f"{text!r} is too large (at most {what or high})")
        return value

    return parse


_seed = whole(0, 2**63 - 1, "2**63 - 1, what a save can hold")
_pos_int = whole(1)
_workers = whole(1, 64, "64 processes")
_games = whole(1, 10_000_000, "10,000,000 games")
_length = whole(1, 36, "36 months, the longest scenario")
_minutes = whole(1, 60, "60 minutes")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="councilgame", description="A decision game about the UN Security Council.")
    p.add_argument("--packs", type=Path, action="append", default=[], metavar="DIR",
                   help="a folder of extra content packs (may be repeated)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    play = sub.add_parser("play", help="play the game (the default)")
    play.add_argument("--scenario", help="scenario id")
    play.add_argument("--seat", help="your seat, a member code such as FRA")
    play.add_argument("--seed", type=_seed)
    play.add_argument("--saves", type=Path, metavar="DIR", help="folder for saves")
    play.add_argument("--players", metavar="NAME:SEAT,...",
                      help='hot-seat players, e.g. "Ana:FRA,Ben:RUS,Chloe:LBR" (a seat named '
                           "twice is held by a team)")
    play.add_argument("--sealed", action="store_true", help="hot-seat: sealed ballots")
    play.add_argument("--projector", action="store_true", help="high-contrast projector theme")
    play.add_argument("--difficulty", choices=("easy", "standard", "hard"), default="standard",
                      help="how far your lobbying and deals move the AI members (default: standard)")
    play.add_argument("--length", type=_length, metavar="N",
                      help="play N months (a scenario's shorter lengths, for a seminar)")
    play.add_argument("--timer", type=_minutes, metavar="MIN",
                      help="hot-seat: minutes for each player's turn, shown in the header")
    packs = sub.add_parser("packs", help="content packs")
    psub = packs.add_subparsers(dest="packs_command", parser_class=_Parser, required=True)
    val = psub.add_parser("validate", help="check packs; all installed packs when no path")
    val.add_argument("paths", nargs="*", type=Path)
    new = psub.add_parser("new", help="create a small pack that validates and plays at once")
    new.add_argument("path", type=Path)
    new.add_argument("--id", help="pack and scenario id (default: the folder's name)")
    new.add_argument("--title", help="scenario title")
    sch = psub.add_parser("schema", help="the JSON Schema of every pack file")
    sch.add_argument("--out", type=Path, metavar="DIR", help="write one <kind>.schema.json per file kind")
    sch.add_argument("--markdown", action="store_true", help="the field reference as Markdown")
    gra = psub.add_parser("graph", help="events, follow-ups, the names each reads and sets, and "
                                        "which clause, file or event leads to each")
    gra.add_argument("pack", type=Path)
    gra.add_argument("--scenario", help="one scenario of the pack (default: each)")
    gra.add_argument("--format", choices=("text", "dot", "mermaid"), default="text")
    tri = psub.add_parser("try", help="fire one event in a game at a chosen month and print its "
                                      "text, effects and follow-ups")
    tri.add_argument("pack", type=Path)
    tri.add_argument("--scenario", required=True)
    tri.add_argument("--event", help="the event to fire (default: list the scenario's events)")
    tri.add_argument("--month", type=_pos_int, default=1, help="the month to fire it in")
    tri.add_argument("--seed", type=_seed, default=1)
    tri.add_argument("--chain", action="store_true", help="fire its follow-ups too, in turn")
    lst = psub.add_parser("list", help="installed packs and their scenarios")
    lst.add_argument("--json", action="store_true")
    saves = sub.add_parser("saves", help="saved games")
    ssub = saves.add_subparsers(dest="saves_command", parser_class=_Parser, required=True)
    sls = ssub.add_parser("list", help="every game in the saves folder, its saves, and the "
                                       "files that cannot be read (with the reason)")
    sls.add_argument("--json", action="store_true")
    sls.add_argument("--saves", type=Path, metavar="DIR", help="folder of saves")
    run = sub.add_parser("run", help="play one whole game with every seat played by the AI")
    run.add_argument("--scenario", required=True)
    run.add_argument("--seed", type=_seed, default=1)
    run.add_argument("--json", action="store_true", help="print the game record as JSON")
    run.add_argument("--save", type=Path, metavar="FILE", help="write the game's save to FILE")
    rep = sub.add_parser("replay", help="re-run a save and print its record")
    rep.add_argument("file", type=Path)
    rep.add_argument("--json", action="store_true", help="the record as `run --json` prints it")
    rep.add_argument("--to", type=_pos_int, metavar="MONTH", help="stop at this month")
    rep.add_argument("--anyway", action="store_true",
                     help="replay even if the pack changed since the save was written")
    rep.add_argument("--grading", action="store_true",
                     help="the whole negotiation record for grading (Markdown; JSON with --json)")
    rep.add_argument("--handouts", type=Path, metavar="DIR",
                     help="with --grading: also write the record and a handout per player into DIR")
    sim = sub.add_parser("simulate", help="many AI games: a balance report")
    sim.add_argument("--scenario", required=True)
    sim.add_argument("--games", type=_games, default=200)
    sim.add_argument("--seed", type=_seed, default=1)
    sim.add_argument("--json", action="store_true")
    sim.add_argument("--workers", type=_workers, default=1, help="processes to use (e.g. 2)")
    sim.add_argument("--seat", help="a seat to script with --policy (member code)")
    sim.add_argument("--policy", default="ai",
                     help="ai, yes, no, abstain (that seat always casts that ballot), or no-draft "
                          "(as penholder it tables nothing)")
    sim.add_argument("--records", type=Path, metavar="FILE",
                     help="write each game's record (as run --json prints it), one JSON per line")
    sim.add_argument("--length", type=_length, metavar="N",
                     help="games of N months (one of the scenario's lengths)")
    hst = sub.add_parser("host", help="a seminar room: one game, each seat on its own device")
    hst.add_argument("--scenario", default="sahel")
    hst.add_argument("--players", metavar="NAME:SEAT,...", help='e.g. "Ana:FRA,Ben:RUS"')
    hst.add_argument("--seed", type=_seed)
    hst.add_argument("--sealed", action="store_true", help="sealed ballots")
    hst.add_argument("--length", type=_length, metavar="N", help="play N months")
    hst.add_argument("--timer", type=_minutes, metavar="MIN",
                     help="minutes for each turn (consultations: for the whole round); at zero "
                          "the host ends it")
    hst.add_argument("--bind", default="127.0.0.1", metavar="ADDR",
                     help="address to listen on (default: this machine only)")
    hst.add_argument("--port", type=whole(0, 65535), default=8765)
    hst.add_argument("--web-port", type=whole(0, 65535), metavar="N",
                     help="also serve the join screen as a web page on port N (default: the "
                          "room's port + 1)")
    hst.add_argument("--no-web", action="store_true", help="no web page: terminals only")
    hst.add_argument("--saves", type=Path, metavar="DIR", help="folder for the room's autosaves")
    hst.add_argument("--continue", dest="resume", action="store_true",
                     help="reopen the newest room game in the saves folder, with the same codes")
    jn = sub.add_parser("join", help="join a seminar room: your seat's screen")
    jn.add_argument("address", help="the host's address, e.g. 127.0.0.1:8765")
    jn.add_argument("--code", help="your seat's code (asked for on screen if not given)")
    jn.add_argument("--room", action="store_true", help="the room's public screen (a projector)")
    for sp in (play, packs, run, sim, rep, hst):
        sp.add_argument("--packs", type=Path, action="append", default=argparse.SUPPRESS,
                        metavar="DIR", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from councilgame import commands

    try:
        if args.command == "packs":
            if args.packs_command == "validate":
                return commands.validate(args.paths, args.packs)
            if args.packs_command == "new":
                return commands.new_pack(args.path, args.id, args.title)
            if args.packs_command == "schema":
                return commands.schema(args.out, args.markdown)
            if args.packs_command in ("graph", "try"):
                from councilgame import authoring

                if args.packs_command == "graph":
                    return authoring.graph(args.pack, args.scenario, args.format, args.packs)
                return authoring.try_event(args.pack, args.scenario, args.event, args.month,
                                           args.seed, args.chain, args.packs)
            return commands.list_packs(args.packs, args.json)
        if args.command == "saves":
            return commands.list_saves(args.saves, args.json)
        if args.command == "run":
            return commands.run(args.scenario, args.seed, args.json, args.packs, args.save)
        if args.command == "replay":
            if args.grading or args.handouts:
                return commands.grading(args.file, args.json, args.handouts, args.anyway, args.packs)
            return commands.replay(args.file, args.json, args.to, args.anyway, args.packs)
        if args.command in ("host", "join"):
            from councilgame import seminar

            if args.command == "join":
                return seminar.join(args.address, args.code, args.room)
            web = None if args.no_web else (args.web_port if args.web_port is not None
                                            else args.port + 1 if args.port else 0)
            return seminar.host(args.scenario, args.players, args.seed, args.packs, args.saves,
                                args.sealed, args.length, args.bind, args.port, args.resume, web,
                                args.timer)
        if args.command == "simulate":
            return commands.simulate(args.scenario, args.games, args.seed, args.json, args.packs,
                                     args.workers, args.seat, args.policy, args.records, args.length)
        from councilgame.launch import play

        return play(getattr(args, "scenario", None), getattr(args, "seat", None),
                             getattr(args, "seed", None), args.packs, getattr(args, "saves", None),
                             getattr(args, "players", None), getattr(args, "projector", False),
                             {"sealed": getattr(args, "sealed", False) or None,
                              "difficulty": getattr(args, "difficulty", "standard"),
                              "length": getattr(args, "length", None),
                              "timer": getattr(args, "timer", None)})
    except commands.UsageError as exc:
        print(f"councilgame: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (commands.SaveError, commands.ScenarioUnavailable) as exc:
        print(f"councilgame: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a file or folder the system refused: one sentence, never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"councilgame: {where}{(exc.strerror or str(exc)).lower()}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def dump(obj: object) -> str:
    return json.dumps(obj, indent=None, sort_keys=False, separators=(",", ":"))
