"""The balance report's "why" (issue 15): clauses drafted and adopted and why a penholder leaves
one out, the state at the end, the condition part that kept a rare ending or event away, and
the author's lever, a clause the penholder insists on."""

from __future__ import annotations

import dataclasses

import pytest

from councilgame.engine.compiled import compile_bundle
from councilgame.model.scenario import ClauseOffer
from councilgame.packs.discovery import discover
from councilgame.play.simulation import simulate
from councilgame.play.why import conjuncts, unparse
from councilgame.report import render_why

EUTM = "eutm_plus_monitoring@fc_g5s"


def test_a_condition_splits_into_its_top_level_parts():
    parts = [unparse(p) for p in conjuncts("violence > 60 and (flags.a or month >= 3) and not flags.b")]
    assert parts == ["violence > 60", "(flags.a or month >= 3)", "not flags.b"]


@pytest.fixture(scope="module")
def report(sahel):
    return simulate(sahel, 60, seed=3)


def test_the_report_says_how_often_each_clause_is_drafted_and_why_one_never_is(report):
    joint = report["why"]["clauses"]["joint_force"]
    assert set(joint) >= {EUTM, "authorize_ch8@fc_g5s"}
    assert 0 < joint["authorize_ch8@fc_g5s"]["drafted"] <= 1
    assert joint[EUTM]["drafted"] == 0
    assert "CHN" in joint[EUTM]["why_left_out"] and "insist: true" in joint[EUTM]["why_left_out"]


def test_the_report_gives_every_variable_at_the_end(report, sahel):
    finals = report["why"]["final_values"]
    assert list(finals) == list(sahel.var_names)
    v = finals["sahel.violence"]
    assert 0 <= v["p10"] <= v["p50"] <= v["p90"] <= 100


def test_a_rare_ending_names_the_part_of_its_condition_that_failed(report):
    rare = report["why"]["rare"]
    assert rare, "some ending or event of sahel is rare in 60 games"
    for info in rare.values():
        assert info["reached"] < 0.05
        assert info["false_at_end"] and all(0 < p["share"] <= 1 for p in info["false_at_end"])


def test_a_clause_the_penholder_insists_on_is_tabled(sahel):
    bundle = sahel.bundle
    files = []
    for f in bundle.scenario.files:
        if f.id == "joint_force":
            clauses = [ClauseOffer(clause=c.clause, target=c.target, insist=True)
                       if isinstance(c, ClauseOffer) and c.clause == "eutm_plus_monitoring" else c
                       for c in f.clauses]
            f = f.model_copy(update={"clauses": clauses})
        files.append(f)
    scenario = bundle.scenario.model_copy(update={"files": files})
    comp = compile_bundle(dataclasses.replace(bundle, scenario=scenario))
    joint = simulate(comp, 40, seed=3)["why"]["clauses"]["joint_force"]
    assert joint[EUTM]["drafted"] > 0.9  # from never to nearly every draft (an AI penholder's)


def test_the_guides_worked_example_insisting_on_the_commission_brings_the_ceasefire(tmp_path):
    """docs/authoring.md tunes the scaffold with the report: insisting on the commission clause
    makes the good ending several times more frequent."""
    from councilgame.commands import new_pack
    from councilgame.packs.discovery import discover

    pack = tmp_path / "lakeland"
    new_pack(pack, "lakeland", None)

    def holding() -> float:
        comp = compile_bundle(discover([tmp_path]).bundle("lakeland"))
        r = simulate(comp, 300, seed=1)
        return r["endings"]["holding"] / r["games"]

    before = holding()
    scenario = pack / "scenarios" / "lakeland.yaml"
    text = scenario.read_text()
    assert "      - ceasefire_commission\n" in text
    scenario.write_text(text.replace("      - ceasefire_commission\n",
                                     "      - {clause: ceasefire_commission, insist: true}\n"))
    after = holding()
    assert after > 3 * before and after > 0.05, (before, after)


def test_what_an_author_writes_about_files_and_operations_reaches_the_players(sahel):
    """A file's and an operation's description are in the public view (the chamber shows the
    files' at the briefing, the operations screen the operations')."""
    from councilgame.engine.game import Game
    from councilgame.play import public_view

    view = public_view(Game(sahel, 1, humans={"FRA"}))
    files = {f.id: f for f in sahel.scenario.files}
    assert view.agenda and all(f.description == " ".join(files[f.id].description.split())
                               for f in view.agenda)
    ops = {o.id: o for o in sahel.scenario.operations}
    assert any(o.description for o in view.operations)
    assert all(o.description == " ".join(ops[o.id].description.split()) for o in view.operations)


def test_a_scenarios_note_for_its_year_replaces_the_members_own(sahel):
    from councilgame.play.queries import seats

    council = sahel.scenario.council.model_copy(update={"notes": {"FRA": "France in its year."}})
    scenario = sahel.scenario.model_copy(update={"council": council})
    comp = compile_bundle(dataclasses.replace(sahel.bundle, scenario=scenario))
    notes = {s.code: s.note for s in seats(comp)}
    assert notes["FRA"] == "France in its year."
    assert notes["GBR"] == sahel.bundle.members["GBR"].note


def _with_real_vote(comp, result: str, yes: int):
    from councilgame.model.scenario import RealVote

    real = RealVote(file="support_office", title="Resolution 2999 (test)", date="1 January 2026",
                    result=result, vote=f"{yes}-0-{15 - yes}", text="A test vote.", source="test")
    debrief = comp.scenario.debrief.model_copy(update={"real": [real]})
    scenario = comp.scenario.model_copy(update={"debrief": debrief})
    return compile_bundle(dataclasses.replace(comp.bundle, scenario=scenario))


def test_the_report_gives_the_share_of_games_that_do_what_the_real_council_did(sahel):
    comp = _with_real_vote(sahel, "adopted", 15)
    real = simulate(comp, 40, seed=3)["why"]["real"]
    assert real[0]["title"] == "Resolution 2999 (test)" and real[0]["real_count"] == "15-0-0"
    assert 0.5 < real[0]["reproduced"] <= 1 and real[0]["median_yes"] >= 9


def test_the_debrief_sets_the_real_vote_beside_the_games(sahel):
    from councilgame.engine.game import Game
    from councilgame.play.debrief import debrief_markdown, real_record

    game = Game(_with_real_vote(sahel, "adopted", 15), 3)
    entry = real_record(game)[0]
    assert entry["game"] is not None and entry["game"]["result"] in ("adopted", "failed", "vetoed")
    text = debrief_markdown(game)
    assert "## What the Council really did" in text
    assert "Resolution 2999 (test), 1 January 2026: adopted 15-0-0" in text and "this game: " in text


def test_a_members_year_is_merged_over_its_pack_entry_in_that_scenario_only(sahel):
    """council.members reads a member for the scenario's year (issue 15): maps key by key."""
    from councilgame.model.scenario import MemberYear
    from councilgame.packs.registry import members_for_year

    year = MemberYear(ideal={"intervention": 0.9}, veto_reluctance=4.0, blocs=["P5"])
    council = sahel.scenario.council.model_copy(update={"members": {"RUS": year}})
    scenario = sahel.scenario.model_copy(update={"council": council})
    lib = discover([]).library(sahel.bundle.pack_id)
    members = members_for_year(lib, scenario)
    old, new = sahel.bundle.members["RUS"], members["RUS"]
    assert new.ideal == {**old.ideal, "intervention": 0.9} and new.ideal["western"] == old.ideal["western"]
    assert (new.veto_reluctance, new.blocs, new.salience) == (4.0, ["P5"], old.salience)
    assert members["CHN"] == sahel.bundle.members["CHN"]
    assert members_for_year(lib, sahel.scenario)["RUS"] == old


def test_a_real_decision_of_no_resolution_is_reproduced_by_the_games_that_adopt_nothing(sahel):
    from councilgame.model.scenario import RealVote

    real = RealVote(file="support_office", title="Letter of the President (test)", date="1 May 1981",
                    result="none", vote="", text="No force.", source="test")
    debrief = sahel.scenario.debrief.model_copy(update={"real": [real]})
    comp = compile_bundle(dataclasses.replace(
        sahel.bundle, scenario=sahel.scenario.model_copy(update={"debrief": debrief})))
    report = simulate(comp, 40, seed=3)
    adopted = simulate(_with_real_vote(sahel, "adopted", 15), 40, seed=3)["why"]["real"][0]
    row = report["why"]["real"][0]
    assert row["median_yes"] is None and row["real_count"] == ""
    from councilgame.play.debrief import real_words
    assert real_words({"real": real, "game": None}) == (
        "Letter of the President (test), 1 May 1981: no resolution", "this game: no vote on this file")
    assert abs(row["reproduced"] + adopted["reproduced"] - 1) < 1e-9  # the games adopting none
    assert any(line.startswith("  Letter of the President (test) (no resolution): 2.5% of games")
               for line in render_why(report["why"]))
