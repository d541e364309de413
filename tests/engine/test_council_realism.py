"""Across a few hundred AI games the Council should look like the real one
(shared/reference/data/council-practice.md). The bands are wide, for a fast test; `councilgame
simulate --games 2000` gives the figures the AI is calibrated to (README, 'How the AI members
vote')."""

from __future__ import annotations

import pytest

from councilgame.play import load_scenario
from councilgame.play.simulation import simulate


@pytest.fixture(scope="module")
def reports():
    return {s: simulate(load_scenario(s), 200, seed=2026, workers=2)
            for s in ("sahel", "south-sudan", "syria-mali", "arctic")}


@pytest.mark.parametrize("scenario", ["sahel", "south-sudan", "syria-mali", "arctic"])
def test_drafts_pass_fail_and_are_vetoed_in_the_real_councils_proportions(reports, scenario):
    r = reports[scenario]
    assert 0.75 <= r["adoption_rate"] <= 0.95, r["adoption_rate"]  # real 83-89%
    assert 0.02 <= r["veto_rate"] <= 0.15, r["veto_rate"]  # real 6-8%
    assert 0.01 <= r["failed_rate"] <= 0.12, r["failed_rate"]  # real 5-8%
    assert 0.35 <= r["unanimity_rate"] <= 0.9, r["unanimity_rate"]  # real 65-70%


@pytest.mark.parametrize("scenario", ["sahel", "south-sudan", "syria-mali", "arctic"])
def test_rival_drafts_fail_and_no_statement_follows_a_veto(reports, scenario):
    r = reports[scenario]
    assert r["rival_drafts"] > 0
    assert r["rival_adoption_rate"] <= 0.25
    assert (r["prst_after_veto_rate"] or 0.0) <= 0.2


@pytest.mark.parametrize("scenario", ["sahel", "south-sudan", "syria-mali", "arctic"])
def test_russia_vetoes_most_and_china_only_beside_it(reports, scenario):
    vetoes = reports[scenario]["vetoes_by_member"]
    assert max(vetoes, key=lambda c: vetoes[c]) == "RUS"
    joint = reports[scenario]["joint_vetoes"]
    assert vetoes.get("CHN", 0) == sum(n for k, n in joint.items() if {"CHN", "RUS"} <= set(k.split("+")))
    assert not any({"RUS", "USA"} <= set(k.split("+")) for k in joint)
    if scenario != "syria-mali":  # the paper's P3 veto the Russian-Chinese force there
        assert vetoes.get("FRA", 0) == vetoes.get("GBR", 0) == 0


def test_china_does_not_veto_african_files(reports):
    for scenario in ("sahel", "south-sudan"):
        assert reports[scenario]["vetoes_by_member"].get("CHN", 0) == 0
