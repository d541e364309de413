"""A penholder may take its tabled draft back during consultations, edit it and table it again
(issue 13): drafting opens again, amendments moved on the old text lapse, and consultations
start over on the new one."""

from __future__ import annotations

import pytest

from councilgame.engine.actions import Amend, Done, TableDraft, Vote, Withdraw
from councilgame.engine.consultation import MAX_REVISIONS
from councilgame.engine.game import ActionError, Game


def _to_drafting(comp, humans):
    game = Game(comp, 1, humans=set(humans))
    while game.prompt.kind == "briefing":
        game.apply(Done(seat=game.prompt.seat))
    assert game.prompt.kind == "draft" and game.prompt.seat == "FRA"
    return game


def _keys(game):
    keys = game.meeting.offer_keys()
    return next(k for k in keys if k.startswith("renew_mandate@")), "expand_support_package"


def test_the_penholder_withdraws_revises_and_consultations_start_over(sahel):
    game = _to_drafting(sahel, ["FRA"])
    renew, expand = _keys(game)
    game.apply(TableDraft(seat="FRA", offers=[renew]))
    assert game.prompt.kind == "consult"
    assert Withdraw(seat="FRA") in game.legal_actions()
    game.apply(Amend(seat="FRA", offer=expand, remove=False))
    assert len(game.meeting.amendments) == 1
    game.apply(Withdraw(seat="FRA"))
    assert game.prompt.kind == "draft" and game.prompt.seat == "FRA"
    assert game.meeting.amendments == []  # moved on the old text: they lapse
    assert game.meeting.draft.keys(game.meeting.file) == [renew]  # still on the table meanwhile
    assert any("withdraws its draft" in n.text for n in game.state.history[-1].news)
    game.apply(TableDraft(seat="FRA", offers=[renew, expand]))
    assert game.prompt.kind == "consult"
    assert game.meeting.draft.keys(game.meeting.file) == [renew, expand]
    game.apply(Done(seat="FRA"))
    while game.prompt.kind == "vote" and "amendment" in game.prompt.question:
        game.apply(Vote(seat="FRA", ballot="no"))  # keep the revised text as tabled
    game.apply(Vote(seat="FRA", ballot="yes"))
    vote = next(v for v in game.state.history[0].votes if v.kind == "draft")
    assert set(vote.clauses) == {renew, expand}


def test_only_the_penholder_withdraws_and_only_so_often(sahel):
    game = _to_drafting(sahel, ["FRA", "GBR"])
    renew, _ = _keys(game)
    for _ in range(MAX_REVISIONS):
        game.apply(TableDraft(seat="FRA", offers=[renew]))
        game.apply(Withdraw(seat="FRA"))
    game.apply(TableDraft(seat="FRA", offers=[renew]))
    with pytest.raises(ActionError, match=f"revised this draft {MAX_REVISIONS} times"):
        game.apply(Withdraw(seat="FRA"))
    assert Withdraw(seat="FRA") not in game.legal_actions()
    game.apply(Done(seat="FRA"))
    assert game.prompt.kind == "consult" and game.prompt.seat == "GBR"
    with pytest.raises(ActionError, match="Only the penholder"):
        game.apply(Withdraw(seat="GBR"))


def test_tabling_nothing_after_withdrawing_leaves_the_file_without_a_text(sahel):
    game = _to_drafting(sahel, ["FRA"])
    renew, _ = _keys(game)
    game.apply(TableDraft(seat="FRA", offers=[renew]))
    game.apply(Withdraw(seat="FRA"))
    game.apply(Done(seat="FRA"))  # no draft after all
    assert not [v for v in game.state.history[0].votes if v.file == "support_office" and v.kind == "draft"]


def test_a_withdrawal_replays_to_the_same_game(sahel):
    def play(comp):
        game = _to_drafting(comp, ["FRA"])
        renew, expand = _keys(game)
        game.apply(TableDraft(seat="FRA", offers=[renew]))
        game.apply(Withdraw(seat="FRA"))
        game.apply(TableDraft(seat="FRA", offers=[renew, expand]))
        while not game.finished:
            game.apply(game.suggest())
        return game.record()

    assert play(sahel) == play(sahel)
