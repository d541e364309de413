"""How a game starts: its first state, and the settings a player may choose for it (how far
lobbying moves the AI members; how many months a seminar plays)."""

from __future__ import annotations

import numpy as np

from councilgame.engine.compiled import Compiled
from councilgame.engine.operations import new_op_state
from councilgame.engine.state import FileState, GameState

# What a player's lobbying and deals buy, as the player chose (kept in the save); "standard" is
# the calibrated model the simulator plays.
DIFFICULTY = {"easy": 1.5, "standard": 1.0, "hard": 0.6}


def lengths(comp: Compiled) -> list[int]:
    """The lengths in months a game of this scenario may run: the ones it declares, and its own."""
    return sorted({*comp.scenario.lengths, comp.scenario.months})


def initial_state(comp: Compiled) -> GameState:
    sc = comp.scenario
    theatre_index = {t.id: i for i, t in enumerate(sc.theatres)}
    n = len(comp.codes)
    return GameState(
        month=1, vars=comp.var_init.copy(), flags={f.id: f.initial for f in sc.flags},
        crises={c.id: False for c in sc.crises},
        ops={op.id: new_op_state(op, theatre_index[op.theatre]) for op in sc.operations},
        files={f.id: FileState(f.id) for f in sc.files}, fired={}, last_fired={}, scheduled=[],
        memory=np.zeros((n, n)), capital={c: sc.capital for c in comp.codes}, vetoes_cast={},
    )
