"""The flat vector of named values that compiled expressions read, rebuilt from the state."""

from __future__ import annotations

from councilgame.engine.compiled import Compiled
from councilgame.engine.namespace import FILE_FIELDS, SCORE_NAMES, variable_ranges
from councilgame.engine.state import GameState
from councilgame.engine.typology import AUTH_LEGALITY, Authorization

_COMPLIANCE = {"none": 0.0, "regional": 1.0, "un": 2.0}


def _var_order(comp: Compiled) -> list[int]:
    cached = getattr(comp, "_env_var_idx", None)
    if cached is None:
        cached = [comp.var_index[k] for k in variable_ranges(comp.bundle)]
        comp._env_var_idx = cached  # type: ignore[attr-defined]
    return cached


def op_values(op) -> list[float]:
    """ops.<id>.{active,strength,authorized,recognized,supported,compliance,consent,mandate,months}."""
    auth = Authorization(op.authorization)
    return [
        1.0 if op.active else 0.0,
        op.strength if op.active else 0.0,
        1.0 if auth in (Authorization.CHAPTER7, Authorization.CHAPTER8) else 0.0,
        1.0 if AUTH_LEGALITY[auth] > 0 else 0.0,
        1.0 if op.supported else 0.0,
        _COMPLIANCE[op.compliance],
        1.0 if op.consent else 0.0,
        float(op.mandate) if op.mandate is not None else 99.0,
        float(op.months),
    ]


def build_env(comp: Compiled, state: GameState) -> list[float]:
    sc = comp.scenario
    env = state.vars[_var_order(comp)].tolist()
    env.append(float(state.month))
    env.append(float(sc.months - state.month))
    env.extend(1.0 if state.flags[f.id] else 0.0 for f in sc.flags)
    env.extend(1.0 if state.crises[c.id] else 0.0 for c in sc.crises)
    for op in sc.operations:
        env.extend(op_values(state.ops[op.id]))
    for f in sc.files:
        fs = state.files[f.id]
        env.extend(float(getattr(fs, k)) for k in FILE_FIELDS)
    env.extend(float(state.fired.get(e.event.id, 0)) for e in comp.events)
    env.extend(float(state.counts[k]) for k in ("adopted", "vetoes", "failed"))
    env.extend(float(state.scores.get(k, 50.0)) for k in SCORE_NAMES)
    return env
