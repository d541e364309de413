"""Warnings: what is legal but probably wrong. A condition that can never hold (a flag nobody
sets, a variable compared outside its range or beyond where effects can take it), a flag no
effect sets, an ending never reached (its condition never holds, or one checked before it
always does), a clause no file offers, a placeholder that names nothing."""

from __future__ import annotations

import re

from councilgame.engine import expressions as ex
from councilgame.engine.textfmt import placeholders
from councilgame.model import ClauseOffer, Scenario
from councilgame.model.scenario import Ending
from councilgame.packs import followups
from councilgame.packs.reach import all_effects, reach

WARN = "warning"


def never_holds(text: str, ranges: dict, why: dict[str, str]) -> str | None:
    """Why a condition can never hold, or None when it can."""
    try:
        node = ex.parse(text)
    except ex.ExpressionError:
        return None
    lo, hi = ex.bounds(node, ranges)
    if hi != 0:
        return None
    names = ex.names(node)
    reasons = [why[n] for n in sorted(names) if n in why]
    if reasons:
        return "; ".join(reasons)
    ranged = [f"{n} ranges {ranges[n][0]:g}..{ranges[n][1]:g}" for n in sorted(names) if n in ranges]
    return "it asks for values outside the range" + (f" ({'; '.join(ranged)})" if ranged else "")


def always_holds(text: str, ranges: dict) -> bool:
    try:
        lo, _ = ex.bounds(ex.parse(text), ranges)
    except ex.ExpressionError:
        return False
    return lo > 0


def check_scenario(ck, file: str, sc: Scenario, bundle, event_items: list, ranges: dict) -> None:
    """`ranges`: the scenario's names with their ranges (a copy this function may change)."""
    events = [i.model for i in event_items]
    facts = reach(sc, all_effects(sc, events, bundle.clauses))
    ranges.update(facts.ranges)
    for i, flag in enumerate(sc.flags):
        if flag.id in facts.never_set:
            ck.add(file, ("flags", i, "id"),
                   f"flag {flag.id!r} is never set by any effect, so it is always false", WARN)
    known = set(ranges)

    def cond(f: str, path, text: str, what: str) -> None:
        why = never_holds(text, ranges, facts.why)
        if why:
            ck.add(f, path, f"{what} can never hold: {why}", WARN)

    def texts(f: str, path, text: str | None) -> None:
        for name in sorted(placeholders(text or "")):
            if name not in known:
                ck.add(f, path, f"unknown placeholder {{{name}}}{ck.hint(name, known, 'names')}", WARN)

    texts(file, ("synopsis",), sc.synopsis)
    _notes_from_later_years(ck, file, sc, bundle.members)
    for i, e in enumerate(sc.endings):
        cond(file, ("endings", i, "when"), e.when, "this ending's condition")
        texts(file, ("endings", i, "text"), e.text)
    _shadowed_endings(ck, file, sc, ranges)
    for item, path, message in followups.cycles(event_items):
        ck.add(item.file, path, message, WARN)
    for code, objs in sc.objectives.items():
        for j, o in enumerate(objs):
            cond(file, ("objectives", code, j, "when"), o.when, "this objective")
    for i, c in enumerate(sc.crises):
        cond(file, ("crises", i, "on"), c.on, "this crisis")
    for i, f in enumerate(sc.files):
        if f.when and not f.months:
            cond(file, ("files", i, "when"), f.when, "this file's agenda condition")
        _renewals_of_absent_forces(ck, file, sc, i, bundle.clauses)
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


def _renewals_of_absent_forces(ck, file: str, sc: Scenario, i: int, clauses: dict) -> None:
    """A clause that renews an operation not in the field when it is offered deploys it: a
    renewal (a duration clause "until September") of a force that has not deployed yet is
    almost always meant to apply only once it has."""
    deployed = {op.id for op in sc.operations if op.deployed}
    for j, raw in enumerate(sc.files[i].clauses):
        offer = raw if isinstance(raw, ClauseOffer) else ClauseOffer(clause=raw)
        clause = clauses.get(offer.clause)
        if clause is None:
            continue
        for change in clause.effects.operations:
            op = offer.target if change.op == "@target" else change.op
            if change.do != "renew" or not op or op in deployed:
                continue
            file_gate = sc.files[i].when if not sc.files[i].months else None
            if _requires(offer.when, f"ops.{op}.active") or _requires(file_gate, f"ops.{op}.active"):
                continue
            ck.add(file, ("files", i, "clauses", j),
                   f"clause {offer.clause!r} renews {op!r}, which is not deployed at the start: "
                   f"renewing deploys it. Offer it only once it is in the field "
                   f"(when: \"ops.{op}.active\"), or deploy it with do: deploy", WARN)


YEAR = re.compile(r"\b(19[4-9]\d|20\d\d)\b")


def _notes_from_later_years(ck, file: str, sc: Scenario, members: dict) -> None:
    """A member's note that cites a year after the scenario's: shown with the seat, it tells a
    player of 2006 about 2023. The scenario can give the member a note for its year."""
    for code in [*sc.council.permanent, *sc.council.elected]:
        member = members.get(code)
        if member is None or code in sc.council.notes:
            continue
        later = sorted({int(y) for y in YEAR.findall(member.note or "") if int(y) > sc.year})
        if later:
            ck.add(file, ("council",), f"member {code}'s note cites {later[-1]}, after this "
                   f"scenario's year {sc.year}: give it a note for {sc.year} in council.notes.{code}",
                   WARN)


def _requires(text: str | None, name: str) -> bool:
    """Does a condition hold only when `name` does (one of its top-level `and` parts)?"""
    if not text:
        return False
    try:
        parts = ex.conjuncts(ex.parse(text))
    except ex.ExpressionError:
        return False
    return any(p.kind == "name" and p.value == name for p in parts)


def _shadowed_endings(ck, file: str, sc: Scenario, ranges: dict) -> None:
    """An ending after (by priority) one whose condition always holds is never reached: the game
    checks endings in that order, early ones every month and all of them at the end."""
    order = sorted(range(len(sc.endings)), key=lambda i: -sc.endings[i].priority)
    blocker: Ending | None = None
    early_blocker: Ending | None = None
    for i in order:
        e = sc.endings[i]
        first = early_blocker or (None if e.early else blocker)
        if first is not None:
            ck.add(file, ("endings", i, "id"), f"ending {e.id!r} can never be reached: ending "
                   f"{first.id!r}, checked before it, always holds", WARN)
        elif always_holds(e.when, ranges):
            blocker = blocker or e
            if e.early:
                early_blocker = e


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
