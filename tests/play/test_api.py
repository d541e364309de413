"""The public Python API: new_game, legal_actions, check, suggest, record, and the views."""

from __future__ import annotations

import json
import random

import pytest

from councilgame.play import (
    ActionError,
    Amend,
    Done,
    Game,
    Lobby,
    TableDraft,
    Vote,
    load_scenario,
    new_game,
    public_view,
    seat_view,
)
from councilgame.play.bots import ai_policy, junk_actions, play, random_policy
from councilgame.play.queries import playable
from tests.conftest import TEST_PACKS


def test_new_game_plays_a_scenario_to_its_end_with_suggestions():
    game = new_game("sahel", seed=3, humans=["FRA"])
    assert isinstance(game, Game) and game.prompt is not None
    play(game, ai_policy)
    assert game.finished and game.prompt is None
    record = game.record()
    assert record["ending"] and record["seed"] == 3
    json.dumps(record)  # the record is plain JSON


def test_new_game_names_what_is_wrong():
    with pytest.raises(ValueError, match="no scenario 'atlantis'"):
        new_game("atlantis", seed=1)
    with pytest.raises(ValueError, match="not on this Council: XXX"):
        new_game("sahel", seed=1, humans=["XXX"])


def test_an_ai_only_game_is_the_record_run_prints():
    a, b = new_game("sahel", seed=5), new_game("sahel", seed=5)
    assert a.finished and a.record() == b.record()


def _kinds_seen(game: Game, rng: random.Random, limit: int = 400) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {}
    for _ in range(limit):
        if game.prompt is None:
            break
        actions = game.legal_actions()
        seen.setdefault(game.prompt.kind, set()).update(a.kind for a in actions)
        for a in actions:
            game.check(a)  # every legal action is accepted
        game.apply(random_policy(game, rng))
    return seen


def test_every_legal_action_is_accepted_and_every_kind_appears():
    seen: dict[str, set[str]] = {}
    for seed in range(6):  # the president answers the test pack's choices: SOM, then its successors
        humans = ["FRA", "LBR", "RUS", "SOM", "USA"]
        game = new_game("testland", seed=seed, humans=humans, packs=[TEST_PACKS])
        for kind, kinds in _kinds_seen(game, random.Random(seed)).items():
            seen.setdefault(kind, set()).update(kinds)
    assert seen["briefing"] == {"done", "request", "order"}
    assert seen["vote"] == {"vote"}
    assert seen["choice"] == {"choose"}
    assert seen["draft"] == {"table", "done"}
    assert seen["consult"] == {"lobby", "deal", "amend", "table", "message", "signal_veto",
                               "answer_deal", "cosponsor", "statement", "withdraw", "done"}


def test_suggest_changes_nothing():
    game = new_game("testland", seed=2, humans=["FRA", "LBR"], packs=[TEST_PACKS])
    rng = random.Random(2)
    while game.prompt is not None:
        before = json.dumps(game.record(), sort_keys=True)
        capital = dict(game.state.capital)
        for _ in range(3):
            suggestion = game.suggest()
            assert suggestion is not None
            game.check(suggestion)
        assert json.dumps(game.record(), sort_keys=True) == before
        assert game.state.capital == capital
        game.apply(random_policy(game, rng))
    assert game.suggest() is None and game.legal_actions() == []


def test_check_refuses_with_one_sentence_and_changes_nothing():
    game = new_game("testland", seed=1, humans=["USA"], packs=[TEST_PACKS])
    before = json.dumps(game.record(), sort_keys=True)
    for bad in junk_actions(game, random.Random(0)):
        try:
            game.check(bad)
        except ActionError as exc:
            text = str(exc)
            assert text[0].isupper() and text.endswith(".") and "\n" not in text, text
            with pytest.raises(ActionError):
                game.apply(bad)
    assert json.dumps(game.record(), sort_keys=True) == before
    assert len(game.log) == 0 or all(a.seat == "FACILITATOR" for a in game.log)


@pytest.mark.parametrize("scenario", ["sahel", "south-sudan", "syria-mali", "arctic", "tutorial"])
def test_random_and_junk_actions_raise_nothing_but_action_errors(scenario):
    """A short run of the fuzz that `make bench` runs over 2,000 games."""
    codes = playable(load_scenario(scenario))
    for seed in range(6):
        rng = random.Random(seed)
        game = new_game(scenario, seed=seed, humans=rng.sample(codes, min(len(codes), rng.randint(1, 3))))
        play(game, random_policy, seed=seed, junk=4)
        assert game.finished


def _rival_after_amendment(seed: int) -> Game | None:
    """FRA amends the penholder's draft, then tables a rival that is put to the vote (the case
    that used to carry the amendment into the next file and crash)."""
    game = new_game("testland", seed=seed, humans=["FRA"], packs=[TEST_PACKS])
    rng = random.Random(seed)
    hit = None
    while game.prompt is not None:
        p = game.prompt
        if p.kind == "consult" and hit is None:
            legal = game.legal_actions()
            amend = next((a for a in legal if isinstance(a, Amend)), None)
            rival = next((a for a in legal if isinstance(a, TableDraft)), None)
            if amend and rival:
                game.apply(amend)
                game.apply(rival)
                hit = (game.state.month, p.file)
            game.apply(Done(seat="FRA"))
        elif p.kind == "vote":  # France vetoes the pen's text, so that its own is voted
            own = game.meeting is not None and game.meeting.draft.sponsor == "FRA"
            game.apply(Vote(seat="FRA", ballot="yes" if own or hit is None else "no"))
        else:
            game.apply(random_policy(game, rng))
    if hit is None:
        return None
    month, file = hit
    votes = game.state.history[month - 1].votes
    rival_voted = any(v.file == file and v.sponsor == "FRA" and v.kind == "draft" for v in votes)
    return game if rival_voted else None


def test_an_amendment_never_outlives_its_meeting():
    games = [g for g in (_rival_after_amendment(s) for s in range(40)) if g is not None]
    assert games, "no seed gave a rival draft voted after an amendment"
    for game in games:
        assert game.finished
        for rec in game.state.history:
            for v in rec.votes:
                if v.kind == "amendment":  # an amendment is voted on the file it was made on
                    assert v.draft.startswith(f"{v.file}/")


def test_views_are_json_and_the_public_view_holds_no_private_part():
    game = new_game("sahel", seed=4, humans=["FRA", "RUS"])
    play(game, random_policy, seed=4, limit=40)
    pub = public_view(game)
    mine = seat_view(game, "FRA")
    assert set(mine.model_dump()) - set(pub.model_dump()) == {
        "seat", "capital", "objectives", "deals", "messages", "whip", "lobbying"}
    json.loads(mine.model_dump_json())
    assert all(not n.private for n in pub.news)


def test_the_whip_shows_its_uncertainty_and_asking_changes_nothing():
    game = new_game("sahel", seed=5, humans=["DNK"])
    while game.prompt is not None and game.prompt.kind != "consult":
        game.apply(game.suggest())
    before = json.dumps(game.record(), sort_keys=True)
    first = seat_view(game, "DNK").whip
    again = seat_view(game, "DNK").whip
    assert first is not None and first == again  # the same chance each time it is asked
    assert 0.0 <= first.chance_without <= first.chance <= 1.0
    assert json.dumps(game.record(), sort_keys=True) == before
    noise = game.comp.model.ai.noise
    for s in first.stances:
        if s.code != "DNK" and s.leaning:
            assert abs(s.utility) < noise + 0.01 or s.ballot != "yes"


def test_lobbying_is_shown_before_it_is_spent_and_buys_less_each_time():
    game = new_game("sahel", seed=5, humans=["DNK"])
    while game.prompt is not None and game.prompt.kind != "consult":
        game.apply(game.suggest())
    preview = {lv.target: lv for lv in seat_view(game, "DNK").lobbying}
    assert "DNK" not in preview and set(preview) == set(game.comp.codes) - {"DNK"}
    first = preview["CHN"].gain
    assert first == game.comp.model.ai.lobby_effect
    game.apply(Lobby(seat="DNK", target="CHN", points=1))
    second = {lv.target: lv for lv in seat_view(game, "DNK").lobbying}["CHN"].gain
    assert 0 < second < first
    assert seat_view(game, "FRA").lobbying == []  # only the seat in consultations sees it


def test_a_player_votes_on_a_contested_agenda_as_a_procedural_question():
    game = new_game("syria-mali", seed=1, humans=["USA"])
    while game.prompt is not None:
        view = seat_view(game, "USA")
        if game.prompt.kind == "vote" and view.question == "procedural":
            break
        game.apply(game.suggest())
    assert game.prompt is not None and "(a procedural vote)" in game.prompt.question
    game.apply(Vote(seat="USA", ballot="no"))  # a permanent member's "no": no veto on procedure
    vote = game.state.history[-1].votes[-1]
    assert vote.kind == "procedural" and vote.vetoed_by == [] and vote.ballots["USA"] == "no"
