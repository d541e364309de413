"""The flat vector of named values that compiled expressions read, rebuilt from the state."""

from __future__ import annotations

from itertools import repeat

from councilgame.engine.compiled import Compiled
from councilgame.engine.namespace import FILE_FIELDS, MEMBER_FIELDS, SCORE_NAMES, variable_ranges
from councilgame.engine.state import GameState
from councilgame.model.typology import AUTH_LEGALITY

assert MEMBER_FIELDS == ("yes", "no", "abstain", "vetoes", "rivals")  # the meeting counts these

# build_env writes file fields in this order
assert tuple(FILE_FIELDS) == ("on_agenda", "neglect", "adopted", "failed", "vetoes", "prst")
_COMPLIANCE = {"none": 0.0, "regional": 1.0, "un": 2.0}


def _var_order(comp: Compiled) -> list[int]:
    cached = getattr(comp, "_env_var_idx", None)
    if cached is None:
        cached = [comp.var_index[k] for k in variable_ranges(comp.bundle)]
        comp._env_var_idx = cached  # type: ignore[attr-defined]
    return cached


_AUTHORIZED = {"chapter7", "chapter8"}
_RECOGNIZED = {a.value for a, v in AUTH_LEGALITY.items() if v > 0}


def op_values(op) -> tuple:
    """ops.<id>.{active,strength,authorized,recognized,supported,compliance,consent,mandate,months}."""
    auth = op.authorization
    return (
        op.active,
        op.strength if op.active else 0.0,
        auth in _AUTHORIZED,
        auth in _RECOGNIZED,
        op.supported,
        _COMPLIANCE[op.compliance],
        op.consent,
        op.mandate if op.mandate is not None else 99,
        op.months,
    )


def build_env(comp: Compiled, state: GameState) -> list[float]:
    """All named values in the order of `names_with_ranges`. Booleans and counts go in as they
    are (True == 1): expressions only compare and add them."""
    sc = comp.scenario
    env = state.vars[_var_order(comp)].tolist()
    env.append(state.month)
    env.append((state.length or sc.months) - state.month)
    flags, crises = state.flags, state.crises
    env += [flags[f.id] for f in sc.flags]
    env += [crises[c.id] for c in sc.crises]
    ops = state.ops
    for op in sc.operations:
        env += op_values(ops[op.id])
    files = state.files
    for f in sc.files:
        fs = files[f.id]
        env += (fs.on_agenda, fs.neglect, fs.adopted, fs.failed, fs.vetoes, fs.prst)
    fired = state.fired
    env += map(fired.get, comp.event_ids, repeat(0))
    counts = state.counts
    env += (counts["adopted"], counts["vetoes"], counts["failed"])
    scores = state.scores
    env += [scores.get(k, 50.0) for k in SCORE_NAMES]
    env += state.member_votes or [0] * (len(comp.codes) * len(MEMBER_FIELDS))
    env += (counts.get("rivals", 0), counts.get("press", 0))
    return env
