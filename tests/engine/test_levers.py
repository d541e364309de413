"""The levers every seat holds: asking for a meeting, ordering the agenda as President, tabling
a text when the penholder passes, co-sponsoring, and brokering a presidential statement."""

from __future__ import annotations

import numpy as np
import pytest

from councilgame.engine import ai
from councilgame.engine.actions import (
    CoSponsor,
    Done,
    OrderAgenda,
    ProposeStatement,
    RequestMeeting,
    TableDraft,
    Vote,
)
from councilgame.engine.agenda import REQUEST_COST
from councilgame.engine.consultation import BROKER_COST
from councilgame.engine.game import ActionError, Game


def test_any_player_may_ask_for_a_meeting_once_a_month_for_capital(testland):
    game = Game(testland, 1, humans={"FRA", "USA"})
    assert game.prompt.kind == "briefing" and game.state.history[-1].agenda == ["west"]
    before = game.state.capital["USA"]
    game.apply(RequestMeeting(seat="USA", file="au"))  # not the seat the briefing names
    rec = game.state.history[-1]
    assert rec.agenda == ["west", "au"] and rec.requests == {"au": "USA"}
    assert game.state.capital["USA"] == before - REQUEST_COST
    assert game.prompt.kind == "briefing"  # the briefing goes on
    assert any("asks for a meeting" in n.text for n in rec.news)
    with pytest.raises(ActionError, match="already asked"):
        game.apply(RequestMeeting(seat="USA", file="au"))
    with pytest.raises(ActionError, match="already on this month's agenda"):
        game.apply(RequestMeeting(seat="FRA", file="west"))
    with pytest.raises(ActionError, match="not played by a person"):
        game.apply(RequestMeeting(seat="RUS", file="au"))


def test_a_request_needs_the_capital(testland):
    game = Game(testland, 1, humans={"USA"})
    game.state.capital["USA"] = 0
    with pytest.raises(ActionError, match="costs 1 political capital"):
        game.apply(RequestMeeting(seat="USA", file="au"))
    assert not any(isinstance(a, RequestMeeting) for a in game.legal_actions())


def test_the_president_orders_the_agenda_once_and_nobody_else_may(testland):
    game = Game(testland, 1, humans={"SOM", "USA"})  # Somalia presides in month 1
    game.apply(RequestMeeting(seat="USA", file="au"))
    with pytest.raises(ActionError, match="Only the President"):
        game.apply(OrderAgenda(seat="USA", files=["au", "west"]))
    with pytest.raises(ActionError, match="each file on this month's agenda once"):
        game.apply(OrderAgenda(seat="SOM", files=["au"]))
    game.apply(OrderAgenda(seat="SOM", files=["au", "west"]))
    assert game.state.history[-1].agenda == ["au", "west"]
    with pytest.raises(ActionError, match="already set the order"):
        game.apply(OrderAgenda(seat="SOM", files=["west", "au"]))
    game.apply(Done(seat=game.prompt.seat))
    assert game.meeting is not None and game.meeting.file.id == "au"  # taken up first


def test_when_the_penholder_passes_the_member_that_asked_may_table_a_text(testland):
    game = Game(testland, 1, humans={"USA"}, policies={"LBR": "no-draft"})
    game.apply(RequestMeeting(seat="USA", file="au"))
    game.apply(Done(seat="USA"))
    while game.prompt is not None and game.prompt.file != "au":
        p = game.prompt
        game.apply(Vote(seat="USA", ballot="yes") if p.kind == "vote" else Done(seat="USA"))
    assert game.prompt.kind == "draft" and game.prompt.seat == "USA" and game.prompt.file == "au"
    assert any("which asked for the meeting" in n.text for n in game.state.history[-1].news)
    game.apply(TableDraft(seat="USA", offers=["authorize_ch8@au_force"]))
    assert game.meeting.draft.sponsor == "USA"


def _consulting(testland, seat: str, seed: int = 1) -> Game:
    """A game paused in consultations on the AI penholder's draft, with `seat` a player."""
    for s in range(seed, seed + 30):
        game = Game(testland, s, humans={seat})
        while game.prompt is not None and game.prompt.kind != "consult":
            p = game.prompt
            game.apply(Vote(seat=seat, ballot="abstain") if p.kind == "vote" else Done(seat=seat))
        if game.prompt is not None and game.state.month == 1:
            return game
    pytest.fail("no AI draft reached consultations in month 1")


def test_a_cosponsor_warms_its_friends_and_pays_for_not_voting_yes(testland):
    game = _consulting(testland, "FRA")
    m = game.meeting
    d = m.draft
    game.apply(CoSponsor(seat="FRA"))
    assert d.cosponsors == ["FRA"]
    fra = testland.index["FRA"]
    ties = testland.member_ties[:, fra].copy()
    ties[fra] = 0.0
    part = d.model.parts["ties to the co-sponsors"]
    friend = int(np.argmax(ties))
    assert part[friend] > 0 and part[fra] == 0.0  # its friends warm to the text
    assert np.allclose(d.model.base, ai.total(d.model.parts))
    with pytest.raises(ActionError, match="already co-sponsor"):
        game.apply(CoSponsor(seat="FRA"))
    pen = testland.index[d.sponsor]
    trust = game.state.memory[pen, fra]
    game.apply(Done(seat="FRA"))
    while game.prompt is not None and game.prompt.kind == "vote" and "amendment" in game.prompt.question:
        game.apply(Vote(seat="FRA", ballot="abstain"))
    game.apply(Vote(seat="FRA", ballot="no"))
    assert game.state.memory[pen, fra] < trust
    assert any("co-sponsored" in n.text and "voted no" in n.text for n in game.state.history[0].news)


def test_the_penholder_cannot_cosponsor_its_own_text(testland):
    game = Game(testland, 1, humans={"USA"})
    game.apply(Done(seat="USA"))
    game.apply(TableDraft(seat="USA", offers=["authorize_ch7@west_force"]))
    with pytest.raises(ActionError, match="hold the pen"):
        game.apply(CoSponsor(seat="USA"))


def test_only_the_president_brokers_a_statement_and_it_costs_capital(testland):
    game = _consulting(testland, "SOM")  # Somalia presides in month 1
    before = game.state.capital["SOM"]
    game.apply(ProposeStatement(seat="SOM"))
    assert game.meeting.broker == "SOM" and game.state.capital["SOM"] == before - BROKER_COST
    with pytest.raises(ActionError, match="already offered"):
        game.apply(ProposeStatement(seat="SOM"))
    other = _consulting(testland, "FRA")
    with pytest.raises(ActionError, match="Only the President"):
        other.apply(ProposeStatement(seat="FRA"))


def test_presidential_statements_are_rarer_than_press_statements_as_on_the_real_council(sahel):
    """7 and 6 presidential statements in 2022 and 2023, against 67 and 34 press statements:
    a computer President only now and then drafts one, even on a consensual file."""
    from collections import Counter

    out: Counter[str] = Counter()
    for seed in range(1, 61):
        game = Game(sahel, seed, record=False)
        out.update(o for rec in game.state.history for o in rec.outputs.values() if o != "resolution")
    assert out["press statement"] > 3 * out["presidential statement"] > 0
