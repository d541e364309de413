"""The pack of historical cases (issue 15): each case is the real Council of its year, cites its
facts, plays to every ending in some AI games, and, left to the AI, usually does what the real
Council did; the author's tools run on it."""

from __future__ import annotations

import pytest

from councilgame.packs.discovery import discover
from councilgame.packs.registry import builtin_dir
from councilgame.play import compile_bundle
from councilgame.play.simulation import simulate
from tests.cli.test_bad_input import run_main

HISTORY = builtin_dir() / "history"
CASES = {"eufor_rd_congo_2006": ("eufor_mandate", 2006, 3),  # case: (its key file, year, month)
         "amisom_2007": ("amisom_authorization", 2007, 1),
         "mss_haiti_2023": ("mss_authorization", 2023, 7),
         "mfo_sinai_1981": ("sinai_force", 1981, 4),
         "ecomog_liberia_1992": ("liberia_embargo", 1992, 9),
         "gsf_haiti_2025": ("gsf_authorization", 2025, 7)}


@pytest.fixture(scope="module")
def packset():
    return discover([])


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, packset):
    comp = compile_bundle(packset.bundle(request.param))
    return comp, simulate(comp, 300, seed=1)


def test_the_pack_validates_with_no_error_and_no_warning(capsys):
    assert run_main(["packs", "validate", str(HISTORY)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err


def test_each_case_is_the_real_council_of_its_year(case):
    comp, _ = case
    sc = comp.scenario
    _, year, month = CASES[sc.id]
    assert (sc.year, sc.start_month) == (year, month)
    assert len(sc.council.permanent) == 5  # the USSR's seat is Russia's from December 1991
    assert all(comp.bundle.members[c].permanent for c in sc.council.permanent)
    assert len(set(sc.council.elected)) == 10
    assert sc.council.source and all(op.source for op in sc.operations)
    assert sc.debrief.real and all(r.source for r in sc.debrief.real)


def test_each_case_reaches_every_ending_in_some_ai_games(case):
    _, report = case
    assert all(n > 0 for n in report["endings"].values()), report["endings"]


def test_left_to_the_ai_each_case_usually_does_what_the_real_council_did(case):
    comp, report = case
    key = CASES[comp.scenario.id][0]
    real = next(r for r in report["why"]["real"] if r["file"] == key)
    assert real["reproduced"] >= 0.6, real
    if real["result"] != "none":  # no vote was held where the real Council adopted nothing
        real_yes = int(real["real_count"].split("-")[0])
        assert abs(real["median_yes"] - real_yes) <= 1, real  # its real majority, give or take one


def test_a_veto_before_2022_brings_no_general_assembly_debate():
    """Res. 76/262 (26 April 2022) is what sends a veto to the Assembly: not in a 1981 case."""
    from councilgame.engine.game import Game

    comp = compile_bundle(discover([]).bundle("mfo_sinai_1981"))
    for seed in range(1, 60):
        game = Game(comp, seed)  # an AI game is played to its end
        said = [n.text for month in game.state.history for n in month.news if "vetoed by" in n.text]
        if said:
            assert not any("76/262" in text for text in said), said
            return
    pytest.fail("no veto in 59 AI games of the 1981 case")


@pytest.mark.parametrize("command", [["graph"], ["graph", "--format", "mermaid"],
                                     ["try", "--scenario", "eufor_rd_congo_2006"],
                                     ["try", "--scenario", "eufor_rd_congo_2006", "--event",
                                      "election_date_set", "--month", "2"],
                                     ["try", "--scenario", "amisom_2007", "--month", "3", "--event",
                                      "march_battle", "--chain"]])
def test_the_authors_tools_run_on_the_pack(command, capsys):
    assert run_main(["packs", command[0], str(HISTORY), *command[1:]]) == 0
    assert capsys.readouterr().out.strip()
