"""A seminar's game length and the facilitator's end (issue 14): a scenario declares shorter
lengths; a game of N months reads its verdict after month N; the facilitator may end a game now.
Both travel with the save and replay to the same game."""

from __future__ import annotations

import pytest

from councilgame.engine.actions import FACILITATOR, Done, EndGame
from councilgame.engine.game import ActionError, Game, lengths
from councilgame.saves import SaveError, load_game, make_save
from councilgame.saves.format import dump, parse


def _ai_game(comp, **kw) -> Game:
    game = Game(comp, 3, **kw)
    while not game.finished:
        game.apply(game.suggest())
    return game


def test_a_scenario_offers_its_declared_lengths_and_its_own(sahel):
    assert lengths(sahel) == [3, 4, 6, 10]


def test_a_four_month_game_ends_after_month_four_with_an_ending(sahel):
    game = _ai_game(sahel, length=4)
    assert game.state.month == 4 and game.state.ending is not None
    record = game.record()
    assert record["length"] == 4 and len(record["months"]) == 4
    assert "length" not in _ai_game(sahel).record()  # the full length is the scenario's


def test_a_length_the_scenario_does_not_offer_is_refused(sahel):
    with pytest.raises(ValueError, match="length must be one of 3, 4, 6, 10 months"):
        Game(sahel, 1, length=5)


def test_months_left_counts_down_to_the_chosen_length(sahel):
    from councilgame.engine.environment import build_env

    game = Game(sahel, 1, humans={"FRA"}, length=4)  # paused at month 1's briefing
    assert build_env(sahel, game.state)[sahel.env_index["months_left"]] == 3


def test_the_facilitator_ends_the_game_now_and_only_the_facilitator(sahel):
    game = Game(sahel, 2, humans={"FRA"})
    game.apply(Done(seat="FRA"))
    with pytest.raises(ActionError, match="Only the facilitator can end the game"):
        game.apply(EndGame(seat="FRA"))
    game.apply(EndGame(seat=FACILITATOR))
    assert game.finished and game.prompt is None and game.state.ending is not None
    assert game.state.objectives  # the verdict reads the objectives, as at a last month
    with pytest.raises(ActionError, match="The game is over"):
        game.apply(EndGame(seat=FACILITATOR))


def test_length_and_end_travel_with_the_save(sahel):
    game = Game(sahel, 2, humans={"FRA"}, length=4)
    game.apply(Done(seat="FRA"))
    game.apply(EndGame(seat=FACILITATOR))
    save = parse(dump(make_save(game, options={"length": 4})).encode())
    loaded = load_game(save, sahel).game
    assert loaded.record() == game.record() and loaded.state.length == 4
    for bad in (5, "4", 4.0, True):
        broken = parse(dump(make_save(game, options={"length": bad})).encode())
        with pytest.raises(SaveError, match="length of"):
            load_game(broken, sahel)
