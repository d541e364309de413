"""The difficulty a player picks (issue 13): how far its lobbying and deals move the AI
members. "standard" is the calibrated model the simulator plays; the setting travels with the
save and the record."""

from __future__ import annotations

import pytest

from councilgame.engine.actions import Done, Lobby, Vote
from councilgame.engine.consultation import lobby_gain
from councilgame.engine.game import DIFFICULTY, Game
from councilgame.saves import SaveError, load_game, make_save
from councilgame.saves.format import dump, parse


def _consulting(comp, difficulty: str) -> Game:
    for seed in range(1, 40):
        game = Game(comp, seed, humans={"FRA"}, difficulty=difficulty)
        while game.prompt is not None and game.prompt.kind != "consult":
            p = game.prompt
            game.apply(Vote(seat="FRA", ballot="abstain") if p.kind == "vote" else Done(seat="FRA"))
        if game.prompt is not None and game.state.month == 1:
            return game
    pytest.fail("no AI draft reached consultations in month 1")


def test_lobbying_buys_more_on_easy_and_less_on_hard(testland):
    gains = {}
    for difficulty in DIFFICULTY:
        game = _consulting(testland, difficulty)
        target = next(a.target for a in game.legal_actions() if isinstance(a, Lobby))
        gains[difficulty] = lobby_gain(game.meeting, "FRA", testland.index[target])
    assert gains["easy"] == pytest.approx(1.5 * gains["standard"])
    assert gains["hard"] == pytest.approx(0.6 * gains["standard"])


def test_an_unknown_difficulty_is_refused(testland):
    with pytest.raises(ValueError, match="difficulty must be one of easy, standard, hard"):
        Game(testland, 1, difficulty="impossible")


def test_the_record_names_the_setting_only_when_it_is_not_the_calibrated_one(testland):
    assert "difficulty" not in Game(testland, 1).record()
    assert Game(testland, 1, humans={"FRA"}, difficulty="hard").record()["difficulty"] == "hard"


def test_the_setting_travels_with_the_save_and_a_bad_one_is_refused(testland):
    game = _consulting(testland, "hard")
    save = make_save(game, options={"difficulty": "hard"})
    assert load_game(parse(dump(save).encode()), testland).game.difficulty == "hard"
    for bad in ("impossible", ["hard"], 3):
        broken = parse(dump(make_save(game, options={"difficulty": bad})).encode())
        with pytest.raises(SaveError, match="difficulty the game does not know"):
            load_game(broken, testland)


def test_the_cli_and_the_new_game_screen_offer_the_engines_settings():
    from councilgame.cli import build_parser
    from councilgame.play.api import difficulties

    play = build_parser()._subparsers._group_actions[0].choices["play"]
    choices = next(a.choices for a in play._actions if a.dest == "difficulty")
    assert list(choices) == difficulties() == ["easy", "standard", "hard"]
