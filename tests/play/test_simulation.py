"""The balance simulator's Council figures: pivotal ballots, rival drafts, scripted seats."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from councilgame.engine.game import Game
from councilgame.engine.voting import tally
from councilgame.play.simulation import is_rival, pivotal_elected

P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]
E10 = ["BHR", "COL", "COD", "DNK", "GRC", "LBR", "LVA", "PAK", "PAN", "SOM"]


def _vote(result: str, ballots: dict[str, str]) -> dict:
    return {"kind": "draft", "draft": "f/1", "result": result, "ballots": ballots}


def test_with_exactly_nine_yes_every_elected_yes_is_pivotal():
    ballots = {c: "yes" for c in P5 + E10[:4]} | {c: "abstain" for c in E10[4:]}
    assert pivotal_elected(_vote("adopted", ballots), E10, P5) == E10[:4]


def test_eight_yes_makes_every_other_elected_ballot_pivotal():
    ballots = {c: "yes" for c in P5 + E10[:3]} | {c: "abstain" for c in E10[3:]}
    assert pivotal_elected(_vote("failed", ballots), E10, P5) == E10[3:]


def test_no_elected_ballot_decides_a_unanimous_vote_or_a_veto_with_votes_to_spare():
    unanimous = {c: "yes" for c in P5 + E10}
    assert pivotal_elected(_vote("adopted", unanimous), E10, P5) == []
    vetoed = unanimous | {"RUS": "no"}
    assert pivotal_elected(_vote("vetoed", vetoed), E10, P5) == []


def test_the_ninth_vote_on_a_vetoed_text_is_pivotal():
    """Without it the text fails on votes and the permanent member is spared its veto."""
    ballots = {c: "yes" for c in ["FRA", "GBR", "USA"] + E10[:6]} | {"RUS": "no", "CHN": "abstain"}
    ballots |= {c: "abstain" for c in E10[6:]}
    assert pivotal_elected(_vote("vetoed", ballots), E10, P5) == E10[:6]


def test_rival_drafts_are_known_by_their_symbol():
    assert is_rival({"kind": "draft", "draft": "f/3/RUS"})
    assert not is_rival({"kind": "draft", "draft": "f/3"})
    assert not is_rival({"kind": "amendment", "draft": "f/3/A1"})


def test_a_no_draft_penholder_tables_nothing(testland):
    pens = {testland.codes[f.penholders[0]] for f in testland.files.values()}
    seat = sorted(pens)[0]
    game = Game(testland, 4, policies={seat: "no-draft"})
    assert game.finished
    sponsored = [v for m in game.state.history for v in m.votes if v.sponsor == seat]
    assert sponsored == []


@given(st.lists(st.sampled_from(["yes", "no", "abstain"]), min_size=15, max_size=15))
def test_pivotal_ballots_are_those_whose_change_alone_changes_the_result(cast):
    """The shortcut (only a yes count of 8 or 9 can turn on one ballot) against trying every one."""
    ballots = dict(zip(P5 + E10, cast, strict=True))
    result = tally(ballots, P5).result
    brute = [c for c in E10 if any(tally({**ballots, c: alt}, P5).result != result
                                   for alt in ("yes", "no", "abstain") if alt != ballots[c])]
    assert pivotal_elected(_vote(result, ballots), E10, P5) == brute
