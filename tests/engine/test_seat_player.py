"""The facilitator takes a seat from the AI for a late player, or hands a player's seat back to
the AI mid-game (issue 14); the move is in the log, so a save replays to the same game."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from councilgame.engine.actions import FACILITATOR, Done, SeatPlayer
from councilgame.engine.game import ActionError, Game
from councilgame.saves import humans_at_start, load_game, make_save


def _seat(code: str, human: bool) -> SeatPlayer:
    return SeatPlayer(seat=FACILITATOR, member=code, human=human)


def _until(game: Game, kind: str, seat: str | None = None, limit: int = 500) -> None:
    for _ in range(limit):
        p = game.prompt
        if p is None or (p.kind == kind and (seat is None or p.seat == seat)):
            return
        game.apply(game.suggest())
    raise AssertionError(f"no {kind} prompt for {seat}")


def test_a_seat_taken_from_the_ai_is_asked_from_then_on(sahel):
    game = Game(sahel, 3, humans={"FRA", "RUS"})
    _until(game, "consult")
    game.apply(_seat("LBR", True))
    assert "LBR" in game.humans
    seen = set()
    for _ in range(200):
        if game.prompt is None or game.state.month > 2:
            break
        seen.add(game.prompt.seat)
        game.apply(game.suggest())
    assert "LBR" in seen


def test_a_seat_handed_back_mid_turn_is_answered_by_the_ai_at_once(sahel):
    game = Game(sahel, 3, humans={"FRA", "RUS", "LBR"})
    _until(game, "consult", "LBR")
    game.apply(_seat("LBR", False))
    assert "LBR" not in game.humans
    assert game.prompt is not None and game.prompt.seat != "LBR"
    for _ in range(300):
        if game.prompt is None:
            break
        assert game.prompt.seat != "LBR"
        game.apply(game.suggest())


def test_the_briefing_passes_to_another_player_when_its_seat_goes_to_the_ai(sahel):
    game = Game(sahel, 3, humans={"FRA", "RUS"})
    assert game.prompt.kind == "briefing" and game.prompt.seat == "FRA"
    game.apply(_seat("FRA", False))
    assert game.prompt.kind == "briefing" and game.prompt.seat == "RUS"
    game.apply(Done(seat="RUS"))
    assert game.prompt.kind != "briefing"


@pytest.mark.parametrize(("action", "words"), [
    (SeatPlayer(seat="FRA", member="CHN", human=True), "Only the facilitator"),
    (_seat("FRA", True), "already played by a person"),
    (_seat("CHN", False), "already played by the AI"),
    (_seat("XXX", True), "does not sit"),
])
def test_changes_of_hands_the_game_refuses(sahel, action, words):
    game = Game(sahel, 3, humans={"FRA", "RUS"})
    with pytest.raises(ActionError, match=words):
        game.apply(action)


def test_the_last_players_seat_cannot_go_to_the_ai(sahel):
    game = Game(sahel, 3, humans={"FRA"})
    with pytest.raises(ActionError, match="last player"):
        game.apply(_seat("FRA", False))
    assert game.humans == {"FRA"} and game.log == []


def test_the_seats_at_the_start_are_found_from_the_log():
    log = [_seat("CHN", True), Done(seat="FRA"), _seat("FRA", False), _seat("FRA", True)]
    assert humans_at_start({"FRA", "CHN", "RUS"}, log) == {"FRA", "RUS"}


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(1, 50), changes=st.lists(
    st.tuples(st.integers(0, 60), st.sampled_from(["LBR", "CHN", "RUS", "PAK"]), st.booleans()),
    max_size=4))
def test_a_game_with_changes_of_hands_replays_to_the_same_game(sahel, seed, changes):
    game = Game(sahel, seed, humans={"FRA", "RUS"})
    when = {step: (code, human) for step, code, human in changes}
    for step in range(90):
        if game.prompt is None:
            break
        if step in when:
            with contextlib.suppress(ActionError):  # some changes are refused: the game goes on
                game.apply(_seat(*when[step]))
            if game.prompt is None:
                break
        game.apply(game.suggest())
    save = make_save(game)
    loaded = load_game(save, sahel)
    assert loaded.mismatch is None
    assert loaded.game.record() == game.record() and loaded.game.humans == game.humans
