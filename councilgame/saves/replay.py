"""From a game to a save and back: replaying the action log from the seed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from councilgame import __version__
from councilgame.engine.actions import SeatPlayer
from councilgame.engine.compiled import Compiled
from councilgame.engine.game import DIFFICULTY, ActionError, Game, lengths
from councilgame.engine.record import game_record
from councilgame.saves.format import (
    ACTIONS,
    Origin,
    PackRef,
    SaveError,
    SaveFile,
    Seat,
    Summary,
    new_game_id,
)


def record_digest(game: Game) -> str:
    text = json.dumps(game_record(game), separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def make_save(game: Game, seats: dict[str, Seat] | None = None, name: str = "",
              kind: str = "manual", origin: Origin | None = None,
              now: dt.datetime | None = None, options: dict | None = None,
              game_id: str | None = None) -> SaveFile:
    """The save of a game as it stands; `game_id` is the game's identity (a new one if
    not given: a game saved for the first time)."""
    comp = game.comp
    given = seats or {code: Seat(human=True) for code in game.humans}
    # every seat of the Council, in order: who plays it, a person (or team) or the AI
    seats = {code: given.get(code, Seat(human=False)) for code in comp.codes}
    players = [f"{', '.join(s.players) or 'Player'} ({code})" for code, s in seats.items() if s.human]
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    st = game.state
    return SaveFile(
        game_version=__version__, game_id=game_id or new_game_id(), name=name, kind=kind,
        pack=PackRef(id=comp.bundle.pack_id, version=comp.bundle.pack_version,
                     hash=comp.bundle.pack_hash),
        scenario=comp.scenario.id, seats=seats, seed=game.seed,
        actions=ACTIONS.dump_python(game.log, mode="json"),
        summary=Summary(month=st.month, finished=st.finished, ending=st.ending,
                        scores={k: st.scores[k] for k in ("legitimacy", "outcomes")},
                        date=when, players=players, scenario_title=comp.scenario.title,
                        digest=record_digest(game)),
        origin=origin, options=options or {},
    )


@dataclass
class Loaded:
    game: Game
    save: SaveFile
    pack_changed: bool
    mismatch: str | None  # set when the replay does not end where the save said


def _fresh_game(save: SaveFile, comp: Compiled) -> Game:
    """The game a save's actions replay on, once the save is known to fit the scenario."""
    if save.scenario != comp.scenario.id:
        raise SaveError(f"the save is for scenario {save.scenario!r}, not {comp.scenario.id!r}.")
    humans = humans_at_start(save.humans(), save.typed_actions())
    unknown = sorted(humans - set(comp.codes))
    if unknown:
        raise SaveError(f"the save has seats that are not on this Council: {', '.join(unknown)}.")
    difficulty = save.options.get("difficulty", "standard")
    if not isinstance(difficulty, str) or difficulty not in DIFFICULTY:
        raise SaveError(f"the save asks for a difficulty the game does not know: {difficulty!r}.")
    length = save.options.get("length")
    if length is not None and (type(length) is not int or length not in lengths(comp)):
        raise SaveError(f"the save asks for a length of {length!r} months, which this scenario "
                        f"does not offer ({', '.join(map(str, lengths(comp)))}).")
    return Game(comp, save.seed, humans=humans, difficulty=difficulty, length=length)


def humans_at_start(now: set[str], actions: list) -> set[str]:
    """The seats people played when the game began: those they play now, with the
    facilitator's changes of hands undone, last first."""
    humans = set(now)
    for action in reversed(actions):
        if isinstance(action, SeatPlayer):
            if action.human:
                humans.discard(action.member)
            else:
                humans.add(action.member)
    return humans


def _apply(game: Game, action, i: int) -> None:
    try:
        game.apply(action)
    except ActionError as exc:
        raise SaveError(f"the save's action {i + 1} no longer fits the game ({exc}); "
                        "the save is damaged or the pack has changed.") from None


def load_game(save: SaveFile, comp: Compiled, upto: int | None = None) -> Loaded:
    """Replay a save's actions (the first `upto` of them) from its seed."""
    game = _fresh_game(save, comp)
    for i, action in enumerate(save.typed_actions()[:upto]):
        _apply(game, action, i)
    pack_changed = save.pack.hash != comp.bundle.pack_hash
    mismatch = None
    if upto is None:
        digest = record_digest(game)
        if digest != save.summary.digest or game.state.month != save.summary.month:
            mismatch = (f"replaying the save ends in month {game.state.month}, not the same game "
                        f"as saved (month {save.summary.month})")
    return Loaded(game, save, pack_changed, mismatch)


def _at_briefing(game: Game, month: int) -> bool:
    p = game.prompt
    return p is not None and p.kind == "briefing" and game.state.month >= month


def branch_actions(save: SaveFile, comp: Compiled, month: int) -> list:
    """The actions that bring a game to the start of `month` (its briefing), for "what if"."""
    game = _fresh_game(save, comp)
    actions = save.typed_actions()
    for i, action in enumerate(actions):
        if _at_briefing(game, month):
            return actions[:i]
        _apply(game, action, i)
    if _at_briefing(game, month):
        return actions
    raise SaveError(f"the game never reached month {month} with a human seat to reopen it.")
