"""What a scenario's effects can ever do to its flags and variables, decided statically and
conservatively, so that warnings can say a condition can never hold and why.

A flag no effect sets (and that does not start set) is always false; one that starts set and
that no effect clears is always true. A scenario variable changes only through effects (the
operations model moves gauges and the Council's stocks, never a scenario's own variables), so
one that no effect raises never goes above its initial value, and one that none lowers never
goes below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from councilgame.model import ClauseOffer, Effects, Event, Scenario


def all_effects(sc: Scenario, events: list[Event], clauses: dict) -> list[Effects]:
    """Every effect that can apply in this scenario: neglect, crises, offered clauses, events,
    and the options of their choices."""
    effects = [f.neglect for f in sc.files] + [c.monthly for c in sc.crises]
    for f in sc.files:
        for raw in f.clauses:
            offer = raw if isinstance(raw, ClauseOffer) else ClauseOffer(clause=raw)
            if offer.clause in clauses:
                effects.append(clauses[offer.clause].effects)
    for ev in events:
        effects.append(ev.effects)
        if ev.choice:
            effects += [o.effects for o in ev.choice.options]
    return effects


@dataclass
class Reach:
    """Narrowed ranges (name -> lo, hi) and why each was narrowed (name -> a phrase)."""

    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)
    never_set: list[str] = field(default_factory=list)  # flag ids, in declaration order


def reach(sc: Scenario, effects: list[Effects]) -> Reach:
    out = Reach()
    sets = {fl for eff in effects for fl in eff.set_flags}
    clears = {fl for eff in effects for fl in eff.clear_flags}
    for f in sc.flags:
        name = f"flags.{f.id}"
        if not f.initial and f.id not in sets:
            out.ranges[name], out.why[name] = (0.0, 0.0), f"{name} is never set by any effect"
            out.never_set.append(f.id)
        elif f.initial and f.id not in clears:
            out.ranges[name], out.why[name] = (1.0, 1.0), f"{name} starts set and no effect clears it"
    ups = {k for eff in effects for k, d in eff.vars.items() if d > 0}
    downs = {k for eff in effects for k, d in eff.vars.items() if d < 0}
    for v in sc.variables:
        up, down = v.id in ups, v.id in downs
        if up and down:
            continue
        out.ranges[v.id] = (v.min if down else v.initial, v.max if up else v.initial)
        out.why[v.id] = (f"{v.id} stays at {v.initial:g} (no effect changes it)" if not (up or down)
                         else f"{v.id} never rises above {v.initial:g} (no effect raises it)" if down
                         else f"{v.id} never falls below {v.initial:g} (no effect lowers it)")
    return out
