"""Scores: legitimacy (five components a teacher can discuss one by one), outcomes (measured
apart from legitimacy, so a player can win one and lose the other), and seats' objectives."""

from __future__ import annotations

import numpy as np

from councilgame.engine.compiled import Compiled
from councilgame.engine.state import GameState
from councilgame.model.typology import AUTH_LEGALITY, Authorization, Lead

LEGITIMACY = ("legality", "inclusiveness", "impartiality", "accountability", "effectiveness")
OUTCOMES = ("civilian_protection", "stability", "political_process", "humanitarian")


def outcome_components(comp: Compiled, state: GameState) -> dict[str, float]:
    g = comp.gauge_ids
    tg = comp.theatre_gauges
    vals = state.vars[tg]  # theatres x gauges
    mean = vals.mean(axis=0)
    return {
        "civilian_protection": 100.0 - (0.6 * mean[g.index("civilian_harm")] + 0.4 * mean[g.index("abuses")]),
        "stability": 100.0 - mean[g.index("violence")],
        "political_process": float(mean[g.index("political_process")]),
        "humanitarian": float(mean[g.index("humanitarian_access")]),
    }


def weighted(parts: dict[str, float], weights: dict[str, float]) -> float:
    total = sum(weights.get(k, 0.0) for k in parts)
    if not total:
        return 0.0
    return sum(v * weights.get(k, 0.0) for k, v in parts.items()) / total


def legality(state: GameState) -> float:
    """Share of the non-UN operations in the field (by size) that the Council authorized,
    endorsed or welcomed: unsanctioned deployments cost legitimacy."""
    num = den = 0.0
    for op in state.ops.values():
        if not op.active or op.lead == Lead.UN:
            continue
        size = 1000.0 + op.troops + op.police + op.observers + op.civilians
        num += size * AUTH_LEGALITY[Authorization(op.authorization)]
        den += size
    return 100.0 * num / den if den else 100.0


def compute_scores(comp: Compiled, state: GameState) -> dict[str, float]:
    w = comp.model.scoring
    out = outcome_components(comp, state)
    outcomes = weighted(out, w.outcomes)
    margin = float(np.mean(state.margins[-6:])) if state.margins else 80.0
    consent = float(state.vars[comp.theatre_gauges[:, comp.gauge_ids.index("host_consent")]].mean())
    leg = {
        "legality": legality(state),
        "inclusiveness": 0.6 * margin + 0.4 * consent,
        "impartiality": float(state.vars[comp.var_index["impartiality"]]),
        "accountability": float(state.vars[comp.var_index["accountability"]]),
        "effectiveness": float(np.clip(50.0 + outcomes - state.outcomes_start, 0, 100)),
    }
    scores = {k: round(float(v), 2) for k, v in {**leg, **out}.items()}
    scores["legitimacy"] = round(weighted(leg, w.legitimacy), 2)
    scores["outcomes"] = round(outcomes, 2)
    return scores


def objective_scores(comp: Compiled, env: list[float]) -> dict[str, float]:
    """Each seat's share (0..100) of its objectives' weight that currently holds."""
    out = {}
    for code in comp.codes:
        objs = comp.objectives.get(code, [])
        total = sum(o.weight for o, _ in objs)
        got = sum(o.weight for o, f in objs if f(env))
        out[code] = round(100.0 * got / total, 1) if total else 0.0
    return out
