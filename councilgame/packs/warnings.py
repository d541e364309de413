"""Warnings: what is legal but probably wrong. A condition that can never hold (a flag nobody
sets, a variable compared outside its range), an ending no condition reaches, a clause no file
offers, a placeholder that names nothing."""

from __future__ import annotations

from councilgame.engine import expressions as ex
from councilgame.engine.textfmt import placeholders
from councilgame.model import ClauseOffer, Effects, Event, Scenario

WARN = "warning"


def _effects_of_event(ev: Event) -> list[Effects]:
    out = [ev.effects]
    if ev.choice:
        out += [o.effects for o in ev.choice.options]
    return out


def flags_set(sc: Scenario, events: list[Event], clauses: dict) -> set[str]:
    """Every flag that starts set or that some effect can set."""
    found = {f.id for f in sc.flags if f.initial}
    effects = [f.neglect for f in sc.files] + [c.monthly for c in sc.crises]
    for f in sc.files:
        for raw in f.clauses:
            offer = raw if isinstance(raw, ClauseOffer) else ClauseOffer(clause=raw)
            if offer.clause in clauses:
                effects.append(clauses[offer.clause].effects)
    for ev in events:
        effects += _effects_of_event(ev)
    for eff in effects:
        found |= set(eff.set_flags)
    return found


def never_holds(text: str, ranges: dict, unset: set[str]) -> str | None:
    """Why a condition can never hold, or None when it can."""
    try:
        node = ex.parse(text)
    except ex.ExpressionError:
        return None
    lo, hi = ex.bounds(node, ranges)
    if hi != 0:
        return None
    names = ex.names(node)
    dead = sorted(n for n in names if n in unset)
    if dead:
        return f"{', '.join(dead)} is never set by any effect"
    ranged = [f"{n} ranges {ranges[n][0]:g}..{ranges[n][1]:g}" for n in sorted(names) if n in ranges]
    return "it asks for values outside the range" + (f" ({'; '.join(ranged)})" if ranged else "")


def check_scenario(ck, file: str, sc: Scenario, bundle, event_items: list, ranges: dict) -> None:
    """`ranges`: the scenario's names with their ranges (a copy this function may change)."""
    events = [i.model for i in event_items]
    setters = flags_set(sc, events, bundle.clauses)
    unset = {f"flags.{f.id}" for f in sc.flags if f.id not in setters}
    for name in unset:
        ranges[name] = (0.0, 0.0)
    known = set(ranges)

    def cond(f: str, path, text: str, what: str) -> None:
        why = never_holds(text, ranges, unset)
        if why:
            ck.add(f, path, f"{what} can never hold: {why}", WARN)

    def texts(f: str, path, text: str | None) -> None:
        for name in sorted(placeholders(text or "")):
            if name not in known:
                ck.add(f, path, f"unknown placeholder {{{name}}}{ex.suggest(name, known)}", WARN)

    texts(file, ("synopsis",), sc.synopsis)
    for i, e in enumerate(sc.endings):
        cond(file, ("endings", i, "when"), e.when, "this ending's condition")
        texts(file, ("endings", i, "text"), e.text)
    for code, objs in sc.objectives.items():
        for j, o in enumerate(objs):
            cond(file, ("objectives", code, j, "when"), o.when, "this objective")
    for i, c in enumerate(sc.crises):
        cond(file, ("crises", i, "on"), c.on, "this crisis")
    for i, f in enumerate(sc.files):
        if f.when and not f.months:
            cond(file, ("files", i, "when"), f.when, "this file's agenda condition")
    for kind in ("cases", "recommendations"):
        for i, item in enumerate(getattr(sc.debrief, kind)):
            texts(file, ("debrief", kind, i, "text"), item.text)
    for item in event_items:
        ev, f, p = item.model, item.file, item.path
        if ev.drawn:
            cond(f, p + ("when",), ev.when, "this event's condition")
        texts(f, p + ("text",), ev.text)
        texts(f, p + ("effects", "news"), ev.effects.news)
        if ev.choice:
            texts(f, p + ("choice", "prompt"), ev.choice.prompt)
            for j, o in enumerate(ev.choice.options):
                texts(f, p + ("choice", "options", j, "text"), o.text)


def check_unoffered_clauses(ck, pack, lib) -> None:
    """A clause of this pack that no file of this pack offers."""
    offered = set()
    for item in pack.scenarios.values():
        for f in item.model.files:
            for raw in f.clauses:
                offered.add(raw.clause if isinstance(raw, ClauseOffer) else raw)
    if not pack.scenarios:
        return
    for cid, item in lib.items["clauses"].items():
        if item.file in pack.located and cid not in offered:
            ck.add(item.file, item.path + ("id",), f"no agenda file offers clause {cid!r}", WARN)
