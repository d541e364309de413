"""Across many AI games the Council should look like the real one (README, 'How the AI
members vote'): most adopted resolutions unanimous, vetoes a minority on contested files."""

from __future__ import annotations

from councilgame.play.simulation import simulate


def test_council_statistics_look_like_the_real_council(sahel):
    r = simulate(sahel, 150, seed=2026)
    assert r["drafts"] > 150
    assert 0.5 <= r["unanimity_rate"] <= 0.9, r["unanimity_rate"]  # 70% in 2023
    assert 0.75 <= r["adoption_rate"] < 1.0, r["adoption_rate"]
    assert 0.0 < r["veto_rate"] <= 0.15, r["veto_rate"]
