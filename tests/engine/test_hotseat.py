"""Several players at once: deals and messages between them, the facilitator's injections."""

from __future__ import annotations

import pytest

from councilgame.engine.actions import (
    FACILITATOR,
    AnswerDeal,
    Choose,
    Deal,
    Done,
    Inject,
    Message,
    Vote,
)
from councilgame.engine.game import ActionError, Game
from councilgame.engine.record import game_record
from tests.engine.test_game import run_to


def consult_for(game: Game, seat: str):
    p = run_to(game, "consult", seat)
    assert p is not None, f"{seat} never consulted"
    return p


def test_consultations_go_round_the_players_in_order(testland):
    game = Game(testland, 2, humans={"FRA", "SOM", "RUS"})
    seen = []
    while game.prompt is not None and len(seen) < 3:
        p = game.prompt
        if p.kind == "consult":
            seen.append(p.seat)
        if p.kind == "choice":
            game.apply(Choose(seat=p.seat, option=p.options[0]))
        else:
            game.apply(Vote(seat=p.seat, ballot="yes") if p.kind == "vote" else Done(seat=p.seat))
    # in the English alphabetical order of their names: France, Russian Federation, Somalia
    assert seen == ["FRA", "RUS", "SOM"]


def test_a_deal_between_players_is_offered_answered_and_settled(testland):
    game = Game(testland, 2, humans={"FRA", "LBR"})
    p = consult_for(game, "FRA")
    game.apply(Deal(seat="FRA", target="LBR"))
    deal = game.state.deals[0]
    assert deal.status == "offered" and deal.draft
    with pytest.raises(ActionError, match="(?i)no such deal"):
        game.apply(AnswerDeal(seat="FRA", deal=0, accept=True))
    game.apply(Done(seat="FRA"))
    assert game.prompt.kind == "consult" and game.prompt.seat == "LBR" and game.prompt.file == p.file
    game.apply(AnswerDeal(seat="LBR", deal=0, accept=True))
    assert deal.status == "open" and deal.target_status == "open"
    game.apply(Done(seat="LBR"))
    while game.prompt is not None and game.prompt.kind == "vote":
        seat = game.prompt.seat
        game.apply(Vote(seat=seat, ballot="no" if seat == "LBR" else "yes"))
    assert deal.target_status == "broken"  # Liberia promised its vote now and voted no


def test_messages_are_private_and_kept_for_the_debrief(testland):
    game = Game(testland, 2, humans={"FRA", "LBR"})
    consult_for(game, "FRA")
    with pytest.raises(ActionError, match="(?i)another player's seat"):
        game.apply(Message(seat="FRA", target="USA", text="hello"))
    game.apply(Message(seat="FRA", target="LBR", text="Back me on funding?"))
    msg = game.state.messages[0]
    assert (msg.seat, msg.target, msg.text) == ("FRA", "LBR", "Back me on funding?")
    assert not any("funding?" in n.text for m in game.state.history for n in m.news)  # never news


def test_the_facilitator_injects_an_event_and_replays_reproduce_it(testland):
    game = Game(testland, 4, humans={"FRA"})
    with pytest.raises(ActionError, match="(?i)only the facilitator"):
        game.apply(Inject(seat="FRA", event="flare"))
    with pytest.raises(ActionError, match="(?i)no event"):
        game.apply(Inject(seat=FACILITATOR, event="nothing"))
    fired = game.state.fired.get("flare", 0)
    game.apply(Inject(seat=FACILITATOR, event="flare"))
    assert game.state.fired["flare"] == fired + 1
    assert "flare" in game.state.history[-1].events
    run_to(game, "none", "none")
    replay = Game(testland, 4, humans={"FRA"})
    for a in game.log:
        replay.apply(a)
    assert game_record(replay) == game_record(game)
