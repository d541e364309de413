"""Operations acting on their theatres each month, and effects applied to the state.

Every change to a variable goes through `Changer.add`, which clips it to its range and records
its cause, so the debrief can explain any line of any gauge.
"""

from __future__ import annotations

import numpy as np

from councilgame.engine.compiled import Compiled
from councilgame.engine.environment import build_env
from councilgame.engine.features import OP_FEATURES, op_features, theatre_features
from councilgame.engine.namespace import COUNCIL_STOCKS
from councilgame.engine.state import Cause, GameState, OpState
from councilgame.engine.textfmt import fill
from councilgame.model import Effects
from councilgame.model.typology import Authorization, Lead

N_OP = len(OP_FEATURES)


def new_op_state(op, theatre: int) -> OpState:
    c = op.composition
    return OpState(
        id=op.id, name=op.name, short=op.short, theatre=theatre, lead=str(op.lead),
        led_by=op.led_by, authorization=str(op.authorization), command=str(op.command),
        principles=str(op.principles), aim=str(op.aim), consent=op.consent,
        funding=str(op.funding), compliance=str(op.compliance), supported=op.supported,
        supports=op.supports, troops=c.troops, police=c.police, observers=c.observers,
        civilians=c.civilians, strength=op.strength, active=op.deployed,
        mandate=op.mandate_months if op.deployed else None,
    )


class Changer:
    """Applies changes to one game's state, clipping and recording causes."""

    def __init__(self, comp: Compiled, state: GameState, record: bool):
        self.comp = comp
        self.state = state
        self.record = record

    def add(self, idx: int, delta: float, kind: str, source: str, label: str) -> float:
        vars_ = self.state.vars
        old = vars_[idx]
        new = min(max(old + delta, self.comp.var_lo[idx]), self.comp.var_hi[idx])
        vars_[idx] = new
        real = new - old
        if self.record and real:
            self.state.causes.append(
                Cause(self.state.month, self.comp.var_names[idx], float(real), kind, source, label)
            )
        return real

    def add_vector(self, deltas: np.ndarray, kind: str, source: str, label: str) -> None:
        for idx in np.flatnonzero(deltas):
            self.add(int(idx), float(deltas[idx]), kind, source, label)

    def apply(self, eff: Effects, kind: str, source: str, label: str, target: str | None = None) -> list[str]:
        """Apply an Effects block; returns news lines it produced."""
        news: list[str] = []
        index = self.comp.var_index
        for name, delta in eff.vars.items():
            self.add(index[name], delta, kind, source, label)
        for fl in eff.set_flags:
            self.state.flags[fl] = True
        for fl in eff.clear_flags:
            self.state.flags[fl] = False
        for change in eff.operations:
            op_id = target if change.op == "@target" else change.op
            if op_id is None:
                continue
            line = self.change_op(self.state.ops[op_id], change)
            if line:
                news.append(line)
        for fid in eff.agenda:
            self.state.files[fid].queued = True
        if eff.news:
            news.append(eff.news)
        if any("{" in line for line in news):  # placeholders show the values after the effects
            env = build_env(self.comp, self.state)
            news = [fill(line, env, self.comp.env_index) for line in news]
        return news

    def change_op(self, op: OpState, change) -> str | None:
        line = None
        if change.do == "deploy" and not op.active:
            op.active, op.months, op.strength = True, 0, max(op.strength, 0.6)
            op.mandate = change.months
            line = f"{op.short} deploys."
        elif change.do == "withdraw" and op.active:
            op.active, op.mandate = False, None
            line = f"{op.short} withdraws."
        elif change.do == "renew":
            if not op.active:
                op.active, op.months = True, 0
            op.mandate = change.months or 12
        patch = change.set
        for fld in ("authorization", "command", "principles", "aim", "funding", "compliance"):
            value = getattr(patch, fld)
            if value is not None:
                setattr(op, fld, str(value))
        for fld in ("consent", "supported", "troops", "police"):
            value = getattr(patch, fld)
            if value is not None:
                setattr(op, fld, value)
        if patch.strength is not None:
            op.strength = min(1.0, max(0.0, op.strength + patch.strength))
        return line


def monthly_operations(comp: Compiled, state: GameState, ch: Changer) -> None:
    """Each active operation acts on its theatre by its typology; theatres drift on their own."""
    gauges = comp.gauge_ids
    n_g = len(gauges)
    stock_idx = [comp.var_index[s] for s in COUNCIL_STOCKS]
    vio, abu = gauges.index("violence"), gauges.index("abuses")
    for t, theatre in enumerate(comp.scenario.theatres):
        tg = comp.theatre_gauges[t]
        vals = state.vars[tg]
        targets = list(tg) + stock_idx
        active = [op for op in state.ops.values() if op.active and op.theatre == t]
        if active:
            F = np.array([op_features(op, vals[abu]) for op in active])
            strength = np.array([op.strength for op in active])
            per_op = (F * strength[:, None]) @ comp.coef[:N_OP]
            d_strength = F @ comp.strength_coef[:N_OP]
            for k, op in enumerate(active):
                for j in np.flatnonzero(per_op[k]):
                    ch.add(targets[j], float(per_op[k, j]), "operation", op.id, op.short)
                op.strength = float(min(1.0, max(0.0, op.strength + d_strength[k])))
        tf = theatre_features(vals[vio], vals[abu])
        drift = tf @ comp.coef[N_OP:]
        for j in np.flatnonzero(drift):
            label = "the crisis's own dynamics"
            ch.add(targets[j], float(drift[j]), "theatre", theatre.id, label)
    _ = n_g


def apply_noise(comp: Compiled, state: GameState, ch: Changer, rng: np.random.Generator) -> None:
    noise = rng.normal(0.0, 1.0, size=len(comp.var_names)) * comp.noise_sd
    ch.add_vector(noise, "noise", "", "month-to-month variation")


def tick_mandates(state: GameState) -> list[str]:
    """Mandates run down; a UN mission whose mandate lapses withdraws, a parallel operation
    loses its authorization but may stay (as parallel operations often do)."""
    news = []
    for op in state.ops.values():
        if not op.active:
            continue
        op.months += 1
        if op.mandate is None:
            continue
        op.mandate -= 1
        if op.mandate > 0:
            continue
        op.mandate = None
        if op.lead == Lead.UN:
            op.active = False
            news.append(f"The mandate of {op.short} lapses: the mission withdraws.")
        elif op.authorization != Authorization.NONE:
            op.authorization = str(Authorization.NONE)
            news.append(f"The Council's authorization of {op.short} lapses; it stays on without one.")
    return news
