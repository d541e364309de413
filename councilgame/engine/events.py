"""The event engine: follow-ups that fall due, then weighted draws among what can happen."""

from __future__ import annotations

import numpy as np

from councilgame.engine.compiled import Compiled, CompiledEvent
from councilgame.engine.state import GameState


def due_followups(comp: Compiled, state: GameState) -> list[CompiledEvent]:
    due = [eid for m, eid in state.scheduled if m == state.month]
    state.scheduled = [(m, eid) for m, eid in state.scheduled if m != state.month]
    return [comp.event_by_id[eid] for eid in due]


def eligible(ce: CompiledEvent, state: GameState) -> bool:
    ev = ce.event
    fired = state.fired.get(ev.id, 0)
    if ev.once and fired:
        return False
    last = state.last_fired.get(ev.id)
    return last is None or state.month - last > ev.cooldown


def draw(comp: Compiled, state: GameState, env: list[float], rng: np.random.Generator,
         exclude: set[str]) -> list[CompiledEvent]:
    """Up to `events_per_month` events, each drawn with chance proportional to its weight
    against the scenario's quiet weight; an event can fire once per month at most."""
    sc = comp.scenario
    cands = [ce for ce in comp.drawn
             if ce.event.id not in exclude and eligible(ce, state) and ce.when(env)]
    weights = [max(0.0, ce.weight(env)) for ce in cands]
    chosen = []
    for _ in range(sc.events_per_month):
        total = sum(weights) + sc.quiet_weight
        if total <= 0:
            break
        r = rng.random() * total
        pick = None
        for k, w in enumerate(weights):
            r -= w
            if r < 0:
                pick = k
                break
        if pick is None:
            break
        chosen.append(cands[pick])
        weights[pick] = 0.0
    return chosen


def schedule(state: GameState, follow_ups, rng: np.random.Generator) -> None:
    for fu in follow_ups:
        if fu.chance >= 1.0 or rng.random() < fu.chance:
            state.scheduled.append((state.month + fu.after, fu.event))
