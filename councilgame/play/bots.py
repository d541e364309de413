"""Bots that play seats through the public API: for experiments, and for tests that attack the
engine with every legal action and with junk (wrong seat, wrong kind, unknown targets)."""

from __future__ import annotations

import random
from collections.abc import Callable

from councilgame.engine.actions import (
    FACILITATOR,
    Action,
    Amend,
    AnswerDeal,
    Choose,
    CoSponsor,
    Deal,
    Done,
    Inject,
    Lobby,
    Message,
    OrderAgenda,
    ProposeStatement,
    RequestMeeting,
    SignalVeto,
    TableDraft,
    Vote,
)
from councilgame.engine.game import ActionError, Game

Policy = Callable[[Game, random.Random], Action]


def ai_policy(game: Game, rng: random.Random) -> Action:
    """Play as the AI would (`game.suggest()`)."""
    action = game.suggest()
    assert action is not None
    return action


def random_policy(game: Game, rng: random.Random) -> Action:
    """Any legal action, with Done weighted so that consultations end."""
    actions = game.legal_actions()
    done = [a for a in actions if isinstance(a, Done)]
    if done and rng.random() < 0.35:
        return done[0]
    return rng.choice(actions)


def junk_actions(game: Game, rng: random.Random) -> list[Action]:
    """Actions that are wrong for the current prompt in every way a player or a network message
    could get them wrong; some may happen to be valid, most are not."""
    p = game.prompt
    codes = game.comp.codes
    seat = p.seat if p is not None else codes[0]
    other = rng.choice([c for c in codes if c != seat])
    return [
        Done(seat=other), Vote(seat=other, ballot="no"), Vote(seat=seat, ballot="yes"),
        Choose(seat=seat, option="no-such-option"), TableDraft(seat=seat, offers=["no-such-clause"]),
        TableDraft(seat=seat, offers=[]), Lobby(seat=seat, target="XXX"), Lobby(seat=seat, target=seat),
        Lobby(seat=seat, target=other, points=5), Deal(seat=seat, target="XXX"),
        Amend(seat=seat, offer="no-such-clause"), Amend(seat=seat, offer="no-such-clause", remove=False),
        AnswerDeal(seat=seat, deal=999, accept=True), Message(seat=seat, target=other, text="hi"),
        Message(seat=seat, target="XXX", text="hi"), SignalVeto(seat=seat), SignalVeto(seat=other),
        Inject(seat=seat, event="no-such-event"), Inject(seat=FACILITATOR, event="no-such-event"),
        RequestMeeting(seat=seat, file="no-such-file"), RequestMeeting(seat=other, file="no-such-file"),
        OrderAgenda(seat=seat, files=["no-such-file"]), OrderAgenda(seat=other, files=[]),
        CoSponsor(seat=other), ProposeStatement(seat=other),
        Done(seat="XXX"),
    ]


def play(game: Game, policy: Policy, seed: int = 0, junk: int = 0, limit: int = 5000) -> int:
    """Drive every human seat with `policy` until the game ends; before each move try `junk`
    wrong actions, each of which must be refused with ActionError or be accepted whole.
    Returns the number of actions applied."""
    rng = random.Random(seed)
    applied = 0
    while game.prompt is not None and applied < limit:
        for bad in rng.sample(junk_actions(game, rng), k=min(junk, 20)):
            try:
                game.check(bad)
            except ActionError:
                continue
            game.apply(bad)
            applied += 1
            if game.prompt is None:
                return applied
        game.apply(policy(game, rng))
        applied += 1
    return applied
