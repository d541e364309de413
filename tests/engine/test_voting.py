"""The voting rule (Charter Art. 27 and practice), case by case and as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from councilgame.engine.voting import tally

P5 = ("CHN", "FRA", "GBR", "RUS", "USA")
E10 = ("BHR", "COL", "COD", "DNK", "GRC", "LBR", "LVA", "PAK", "PAN", "SOM")


def council(**overrides: str) -> dict[str, str]:
    votes = {c: "yes" for c in P5 + E10}
    votes.update(overrides)
    return votes


def test_unanimous_adoption():
    t = tally(council(), P5)
    assert (t.adopted, t.yes, t.no, t.abstain, t.vetoed_by) == (True, 15, 0, 0, ())
    assert t.result == "adopted" and t.summary() == "15-0-0"


def test_nine_yes_is_enough_and_eight_is_not():
    six_abstain = {c: "abstain" for c in E10[:6]}
    assert tally(council(**six_abstain), P5).adopted  # 9 yes
    seven_abstain = {c: "abstain" for c in E10[:7]}
    t = tally(council(**seven_abstain), P5)
    assert not t.adopted and t.result == "failed" and t.yes == 8


def test_permanent_abstention_is_not_a_veto():
    # res. 2504 (2020): four permanent members abstained, adopted.
    t = tally(council(CHN="abstain", RUS="abstain", GBR="abstain", USA="abstain"), P5)
    assert t.adopted and t.vetoed_by == ()


def test_permanent_absence_is_not_a_veto():
    t = tally(council(RUS="absent"), P5)
    assert t.adopted and t.absent == 1 and t.yes == 14


def test_one_permanent_no_is_a_veto_even_with_fourteen_yes():
    t = tally(council(RUS="no"), P5)
    assert not t.adopted and t.vetoed_by == ("RUS",) and t.result == "vetoed"
    assert t.summary() == "14-1-0"


def test_several_vetoes_are_listed_sorted():
    t = tally(council(USA="no", CHN="no", RUS="no"), P5)
    assert t.vetoed_by == ("CHN", "RUS", "USA")


def test_elected_noes_do_not_veto():
    t = tally(council(**{c: "no" for c in E10[:6]}), P5)
    assert t.adopted and t.no == 6


def test_a_permanent_no_on_a_text_short_of_nine_yes_is_a_failure_not_a_veto():
    votes = council(RUS="no", **{c: "abstain" for c in E10})
    t = tally(votes, P5)
    assert not t.adopted and t.vetoed_by == () and t.yes == 4
    assert t.result == "failed" and t.voted_no == ("RUS",)


def test_with_nine_yes_a_permanent_no_is_a_veto():
    votes = council(RUS="no", USA="no", **{c: "abstain" for c in E10[4:7]}, COL="no")
    t = tally(votes, P5)
    assert t.yes == 9 and t.result == "vetoed" and t.vetoed_by == ("RUS", "USA")
    assert t.voted_no == ("COL", "RUS", "USA")


def test_procedural_votes_know_no_veto():
    t = tally(council(RUS="no", CHN="no"), P5, procedural=True)
    assert t.adopted and t.vetoed_by == ()
    t = tally(council(**{c: "no" for c in E10[:7]}), P5, procedural=True)
    assert not t.adopted and t.result == "failed"


def test_unknown_ballot_is_an_error():
    with pytest.raises(ValueError, match="(?i)ballot must be one of"):
        tally(council(FRA="maybe"), P5)


ballots = st.sampled_from(["yes", "no", "abstain", "absent"])


@given(st.fixed_dictionaries({c: ballots for c in P5 + E10}), st.booleans())
def test_adopted_exactly_when_nine_yes_and_no_permanent_no(votes, procedural):
    t = tally(votes, P5, procedural=procedural)
    yes = sum(b == "yes" for b in votes.values())
    perm_no = any(votes[c] == "no" for c in P5)
    expected = yes >= 9 and (procedural or not perm_no)
    assert t.adopted == expected
    assert t.yes + t.no + t.abstain + t.absent == 15
    assert set(t.vetoed_by) <= set(P5)
    assert bool(t.vetoed_by) == (yes >= 9 and perm_no and not procedural)
    assert t.voted_no == tuple(sorted(c for c, b in votes.items() if b == "no"))
