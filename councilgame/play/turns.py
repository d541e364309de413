"""A room's turns: who acts now and after, how long a turn may last, and what ending a turn
early gives. The room screen, the timer and the facilitator's "end this turn" read these, so
no screen holds a rule of the game."""

from __future__ import annotations

from collections.abc import Mapping

from councilgame.engine.actions import Action, Choose, Done, Vote
from councilgame.engine.game import Game

PHASES = {"draft": "drafting", "consult": "consultations", "vote": "the vote",
          "choice": "an event's decision"}
TIMER_CHOICES = (0, 1, 2, 3, 5, 8)  # minutes a turn may last, 0 for no timer (the default)


def phase_name(kind: str) -> str:
    return PHASES.get(kind, "the briefing")


def up_next(game: Game, ahead: Mapping[str, Mapping[str, str]]) -> list[str]:
    """The players' seats this phase asks after the one acting now, in order: the rest of
    the consultations' round, or the rest of the roll call among those who have not given
    their ballot ahead."""
    p = game.prompt
    if p is None or p.kind not in ("consult", "vote"):
        return []
    order = game.round_order(p.kind)
    rest = order[order.index(p.seat) + 1:] if p.seat in order else []
    if p.kind == "vote":
        rest = [c for c in rest if p.symbol not in ahead.get(c, {})]
    return rest


def end_turn_action(game: Game) -> Action | None:
    """What a turn ended by the facilitator gives: consultations closed, no draft tabled, an
    abstention, or the event's default option. None where no player's turn is under way."""
    p = game.prompt
    if p is None or p.kind == "briefing":
        return None
    if p.kind == "vote":
        return Vote(seat=p.seat, ballot="abstain")
    if p.kind == "choice" and p.event is not None:
        choice = game.comp.event_by_id[p.event].event.choice
        if choice is not None:
            return Choose(seat=p.seat, option=choice.default)
    return Done(seat=p.seat)


def timer_limits(options: Mapping) -> dict[str, int]:
    """Seconds a turn may last in each phase (a phase left out has no timer). The set-up
    stores one figure for every phase; the facilitator may set each phase apart."""
    raw = options.get("timer") or {}
    if isinstance(raw, int):
        raw = dict.fromkeys(PHASES, raw)
    return {k: int(v) for k, v in raw.items() if k in PHASES and isinstance(v, int) and v > 0}


def clock(seconds: float) -> str:
    """'2:05' for what is left of a turn."""
    s = max(0, int(seconds + 0.999))
    return f"{s // 60}:{s % 60:02d}"
