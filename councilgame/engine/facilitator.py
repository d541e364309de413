"""The facilitator's moves (seat: FACILITATOR), taken at any prompt: inject an event, end the
game now, or change who plays a seat. Each is an action in the game's log, so a replay of a
seminar's save meets them where the room did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from councilgame.engine import month_end
from councilgame.engine.actions import FACILITATOR, EndGame, Inject, SeatPlayer
from councilgame.engine.environment import build_env
from councilgame.engine.errors import ActionError

if TYPE_CHECKING:
    from councilgame.engine.game import Game

Move = Inject | EndGame | SeatPlayer


def check(game: Game, action: Move) -> None:
    """Raise ActionError, with one sentence, unless the facilitator may do this now."""
    what = {"inject": "inject an event", "end": "end the game",
            "seat_player": "change who plays a seat"}[action.kind]
    if action.seat != FACILITATOR:
        raise ActionError(f"Only the facilitator can {what}.")
    if game.prompt is None:
        raise ActionError(f"The game is over: nobody can {what} now.")
    if isinstance(action, Inject) and action.event not in game.comp.event_by_id:
        raise ActionError(f"There is no event {action.event!r} in this scenario.")
    if isinstance(action, SeatPlayer):
        _check_seat(game, action)


def _check_seat(game: Game, action: SeatPlayer) -> None:
    m = action.member
    if m not in game.comp.index:
        raise ActionError(f"{m} does not sit on the Council.")
    if action.human and m in game.humans:
        raise ActionError(f"{m} is already played by a person.")
    if action.human and m in game.policies:
        raise ActionError(f"{m} follows a scripted policy in this game.")
    if not action.human and m not in game.humans:
        raise ActionError(f"{m} is already played by the AI.")
    if not action.human and len(game.humans) == 1:
        raise ActionError("The last player's seat cannot go to the AI: end the game instead.")


def apply(game: Game, action: Move) -> None:
    """Carry out a move `check` accepted."""
    if isinstance(action, Inject):
        _inject(game, action.event)
    elif isinstance(action, EndGame):
        month_end.verdict(game)
        game.prompt = None
    else:
        _seat(game, action)


def _inject(game: Game, event_id: str) -> None:
    """Fire an event now, between two answers; a choice it carries takes its default."""
    ce = game.comp.event_by_id[event_id]
    rec = game.state.history[-1]
    for _ in month_end.fire(game, ce, rec, build_env(game.comp, game.state), force_default=True):
        raise ActionError("an injected event cannot ask for a decision")  # pragma: no cover


def _seat(game: Game, action: SeatPlayer) -> None:
    """A seat changes hands. Handed back in the middle of its turn, the AI answers for it at
    once, as it would have; the public briefing passes to another player's seat."""
    if action.human:
        game.humans.add(action.member)
        return
    game.humans.discard(action.member)
    p = game.prompt
    if p is None or p.seat != action.member:
        return
    if p.kind == "briefing":
        game.prompt = p.model_copy(update={"seat": min(game.humans)})
        return
    suggestion = game.suggest()
    if suggestion is not None:
        game.resume(suggestion)
