"""Consultations open to every player at once (issue 16): a player may lobby, amend or trade
before its turn comes, and its Done spares it its turn; the penholder's withdrawal waits for
its turn; a player whose turn has passed moves no more. The log, in the order applied,
replays to the same game."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from councilgame.engine.actions import Done, Lobby, Withdraw
from councilgame.engine.game import ActionError, Game
from councilgame.play.api import load_scenario, new_game

HUMANS = ["FRA", "LBR", "RUS"]  # consultations ask them in the order of their names


def at_consultations(seed: int = 3) -> Game:
    game = new_game("sahel", seed, humans=HUMANS)
    for _ in range(200):
        p = game.prompt
        if p.kind == "consult" and p.seat == "FRA":
            return game
        game.apply(next((a for a in game.legal_actions() if a.kind == "table"), None)
                   or next(a for a in game.legal_actions() if a.kind in ("done", "vote", "choose")))
    pytest.fail("no consultations with France asked first")


def test_a_player_moves_before_its_turn_and_its_done_spares_it_its_turn():
    game = at_consultations()
    m = game.meeting
    early = [a for a in game.legal_actions("RUS") if isinstance(a, Lobby)]
    assert early and all(a.seat == "RUS" for a in game.legal_actions("RUS"))
    assert not any(isinstance(a, Withdraw) for a in game.legal_actions("RUS"))
    before = game.state.capital["RUS"]
    game.apply(early[0])
    assert game.state.capital["RUS"] == before - 1 and game.prompt.seat == "FRA"  # France's turn still
    game.apply(Done(seat="RUS"))
    assert "RUS" in m.consult_done and game.prompt.seat == "FRA"
    game.apply(Done(seat="FRA"))
    assert game.prompt.seat == "LBR"  # the next in the round; Russia's turn will not come
    game.apply(Done(seat="LBR"))
    assert game.prompt is None or not (game.prompt.kind == "consult" and game.prompt.seat == "RUS")
    with pytest.raises(ActionError):
        game.check(Lobby(seat="FRA", target="CHN"))  # France's turn has passed


def test_the_penholders_withdrawal_waits_for_its_turn():
    """China is asked before France, which holds the pen on the first file."""
    game = new_game("sahel", 3, humans=["CHN", "FRA"])
    while not (game.prompt.kind == "consult" and game.prompt.seat == "CHN"):
        game.apply(next((a for a in game.legal_actions() if a.kind == "table"), None)
                   or next(a for a in game.legal_actions() if a.kind in ("done", "vote", "choose")))
    assert game.meeting.draft.sponsor == "FRA"
    assert not any(isinstance(a, Withdraw) for a in game.legal_actions("FRA"))
    with pytest.raises(ActionError, match="turn"):
        game.check(Withdraw(seat="FRA"))
    game.apply(Done(seat="CHN"))
    assert game.prompt.seat == "FRA" and any(isinstance(a, Withdraw) for a in game.legal_actions())


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 5000), picks=st.integers(0, 2**32))
def test_a_game_with_moves_before_their_turn_replays_bit_for_bit(seed, picks):
    comp = load_scenario("sahel")
    game = Game(comp, seed, humans=HUMANS)
    rng = random.Random(picks)
    for _ in range(120):
        if game.finished:
            break
        seats = [game.prompt.seat] + ([s for s in HUMANS if s != game.prompt.seat]
                                      if game.prompt.kind == "consult" else [])
        options = [a for s in seats for a in game.legal_actions(s)]
        game.apply(rng.choice(options))
    again = Game(comp, seed, humans=HUMANS)
    for action in game.log:
        again.apply(action)
    assert again.record() == game.record() and again.state.capital == game.state.capital
