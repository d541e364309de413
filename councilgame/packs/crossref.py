"""Checks that span files: every id a pack mentions exists, every expression parses and reads
only names its scenario defines. Errors block loading; warnings flag what is legal but odd."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from councilgame.engine import expressions as ex
from councilgame.engine.features import FEATURES
from councilgame.engine.namespace import COUNCIL_STOCKS, names_with_ranges, variable_ranges
from councilgame.model import AgendaFile, ClauseOffer, Effects, Event, Scenario
from councilgame.model.bundle import ScenarioBundle
from councilgame.packs import exprlint, overrides, warnings
from councilgame.packs.errors import Problem, field_path
from councilgame.packs.registry import Library, PackSet, make_bundle

Path_ = tuple[str | int, ...]


def unknown(kind: str, name: str, known) -> str:
    """'unknown clause 'x' (did you mean 'y'?)'."""
    return f"unknown {kind} {name!r}{ex.suggest(name, known)}"


MAX_HINTS = 100


class Checker:
    def __init__(self, packset: PackSet):
        self.packset = packset
        self.problems: list[Problem] = []
        self.hints: dict[tuple[str, str], str] = {}  # per scenario (check_pack resets it)

    def hint(self, name: str, known, among: str) -> str:
        """A 'did you mean' for a name unknown `among` some names, searched once per name (a
        pack may repeat one typo thousands of times) and at most MAX_HINTS times per scenario:
        each search reads every name, and a scenario may have 100,000 of them."""
        key = (name, among)
        if key not in self.hints:
            self.hints[key] = ex.suggest(name, known) if len(self.hints) < MAX_HINTS else ""
        return self.hints[key]

    def add(self, file: str, path: Path_, msg: str, severity: str = "error") -> None:
        line = self.packset.line(file, path)
        self.problems.append(Problem(file, line, field_path(path), msg, severity))

    def expr(self, file: str, path: Path_, text: str, names: dict) -> ex.Node | None:
        try:
            node = ex.check(text, names, lambda name, known: self.hint(name, known, "names"))
        except ex.ExpressionError as exc:
            self.add(file, path, str(exc))
            return None
        if exprlint.zero_divisor(node) is not None:
            self.add(file, path, "division by zero: the divisor is always 0, and the game counts "
                                 "such a division as 0")
        return node

    def weight(self, file: str, path: Path_, text: str, names: dict, what: str) -> None:
        """A weight: an expression that may not be always negative (the game counts it as 0)."""
        node = self.expr(file, path, text, names)
        top = exprlint.always_negative(node, names) if node is not None else None
        if top is not None:
            self.add(file, path, f"a weight cannot be negative: this one is at most {top:g}, so "
                                 f"{what}")


@dataclass
class Context:
    """What one scenario's checks look up, built once per scenario: building it per event (its
    names alone hold one entry per event) made validation grow with the square of the events."""

    bundle: ScenarioBundle
    names: dict[str, tuple[float, float]]
    var_names: dict[str, tuple[float, float]]
    flags: set[str]
    ops: set[str]
    files: set[str]
    events: set[str]
    council: set[str]

    @classmethod
    def of(cls, bundle: ScenarioBundle) -> Context:
        sc = bundle.scenario
        return cls(bundle, names_with_ranges(bundle), variable_ranges(bundle),
                   {f.id for f in sc.flags}, {o.id for o in sc.operations}, {f.id for f in sc.files},
                   {e.id for e in bundle.events}, set(sc.council.permanent + sc.council.elected))


def check_pack(packset: PackSet, pack_id: str) -> list[Problem]:
    """All problems of one pack, given the packs it extends (read in full here if need be)."""
    if not packset.complete(pack_id):
        return packset.check(pack_id)  # the problems that stopped it being read
    pack = packset.packs[pack_id]
    ck = Checker(packset)
    lib = packset.library(pack_id)  # reads the packs it extends
    for parent in pack.manifest.extends:
        if parent not in packset.packs:
            file = next(iter(pack.located), "pack.yaml")
            msg = (f"extends pack {parent!r}, which failed to load" if parent in packset.set_aside
                   else f"extends unknown pack {parent!r}")
            ck.add(file, ("extends",), msg)
    _check_library(ck, pack_id, lib)
    overrides.check_replacements(ck, packset, pack_id)
    for sid, item in pack.scenarios.items():
        ck.hints = {}
        cx = Context.of(make_bundle(pack, lib, sid, ""))
        _check_scenario(ck, item.file, item.model, cx, lib)  # type: ignore[arg-type]
        for ev_item in pack.events.get(sid, []):
            _check_event(ck, ev_item.file, ev_item.path, ev_item.model, cx)  # type: ignore[arg-type]
        if not any(p.severity == "error" for p in ck.problems):
            scenario = cast(Scenario, item.model)
            warnings.check_scenario(ck, item.file, scenario, cx.bundle, pack.events.get(sid, []),
                                    dict(cx.names))
    warnings.check_unoffered_clauses(ck, pack, lib)
    for sid, evs in pack.events.items():
        if sid not in pack.scenarios:
            ck.add(evs[0].file, ("scenario",), f"events for unknown scenario {sid!r}")
    seen: dict[str, str] = {}
    for sid, evs in pack.events.items():
        for ev_item in evs:
            key = f"{sid}/{ev_item.model.id}"  # type: ignore[attr-defined]
            if key in seen:
                ck.add(ev_item.file, ev_item.path + ("id",),
                       f"duplicate event id {ev_item.model.id!r} (also in {seen[key]})")  # type: ignore[attr-defined]
            seen[key] = ev_item.file
    return ck.problems


def _check_library(ck: Checker, pack_id: str, lib: Library) -> None:
    dims = set(lib.items["dimensions"])
    gauges = set(lib.items["gauges"]) | set(COUNCIL_STOCKS) | {"strength"}
    ties = set(lib.items["members"]) | set(lib.items["organisations"])
    own = pack_id
    for item in lib.items["members"].values():
        if not _is_own(ck, item.file, own):
            continue
        _member_names(ck, item.file, item.path, item.model, dims, ties)
    for item in lib.items["clauses"].values():
        if _is_own(ck, item.file, own):
            clause: Any = item.model
            for d in clause.position:
                if d not in dims:
                    ck.add(item.file, item.path + ("position", d),
                           unknown("dimension", d, dims))
    if lib.model and _is_own(ck, lib.model.file, own):
        model: Any = lib.model.model
        for feat, row in model.effects.items():
            if feat not in FEATURES:
                ck.add(lib.model.file, ("effects", feat),
                       unknown("feature", feat, FEATURES))
            for g in row:
                if g not in gauges:
                    ck.add(lib.model.file, ("effects", feat, g),
                           unknown("gauge", g, gauges))
        for key, row in model.ai.positions.items():
            for d in row:
                if d not in dims:
                    ck.add(lib.model.file, ("ai", "positions", key, d), f"unknown dimension {d!r}")


def _member_names(ck: Checker, file: str, path: Path_, m: Any, dims, ties) -> None:
    """A member's (or a member's year's) dimensions and ties name things that exist."""
    for key in ("ideal", "salience"):
        for d in getattr(m, key):
            if d not in dims:
                ck.add(file, path + (key, d), unknown("dimension", d, dims))
    for t in m.affinity:
        if t not in ties:
            ck.add(file, path + ("affinity", t), unknown("member or organisation", t, ties))


def _check_years(ck: Checker, file: str, sc: Scenario, lib: Library, council: list[str]) -> None:
    """council.members: each reads a member that sits here, by names that exist; a permanent
    member's veto numbers only on a permanent member."""
    dims = set(lib.items["dimensions"])
    ties = set(lib.items["members"]) | set(lib.items["organisations"])
    for code, year in sc.council.members.items():
        path = ("council", "members", code)
        if code not in council:
            ck.add(file, path, f"{code} does not sit on this Council")
            continue
        _member_names(ck, file, path, year, dims, ties)
        if code not in sc.council.permanent:
            for key in ("veto_reluctance", "vetoes_alone", "region_reluctance"):
                if key in year.model_fields_set:
                    ck.add(file, path + (key,), f"{key} applies to permanent members only, and "
                           f"{code} is elected")


def _check_real(ck: Checker, file: str, sc: Scenario) -> None:
    """debrief.real: on files that exist, with counts the Charter allows for their result."""
    file_ids = {f.id for f in sc.files}
    for i, real in enumerate(sc.debrief.real):
        path = ("debrief", "real", i)
        if real.file not in file_ids:
            ck.add(file, path + ("file",), unknown("agenda file", real.file, file_ids))
        if (real.result == "none") != (real.vote == ""):
            ck.add(file, path + ("vote",), "a result of `none` has no vote (vote: \"\"), and "
                   "every other result has its count, e.g. '15-0-0'")
            continue
        if real.result == "none":
            continue
        yes = real.counts[0]
        if sum(real.counts) > 15:
            ck.add(file, path + ("vote",), "yes, no and abstentions add up to more than the 15 members")
        if (real.result == "failed") != (yes < 9):
            ck.add(file, path + ("result",), f"a text with {yes} yes is "
                   f"{'failed: 9 are needed' if yes < 9 else 'not failed on votes'} "
                   "(Charter, Art. 27(3))")


def _is_own(ck: Checker, file: str, pack_id: str) -> bool:
    return file in ck.packset.packs[pack_id].located


def _check_scenario(ck: Checker, file: str, sc: Scenario, cx: Context, lib: Library) -> None:
    bundle, names = cx.bundle, cx.names
    council = sc.council.permanent + sc.council.elected
    members = lib.items["members"]
    if len(sc.council.permanent) != 5:
        ck.add(file, ("council", "permanent"), "the Council has five permanent members (Art. 23)")
    if len(sc.council.elected) != 10:
        ck.add(file, ("council", "elected"), "the Council has ten elected members (Art. 23)")
    if len(set(council)) != len(council):
        ck.add(file, ("council",), "a member sits twice")
    for key in ("permanent", "elected"):
        for i, code in enumerate(getattr(sc.council, key)):
            if code not in members:
                ck.add(file, ("council", key, i), unknown("member", code, members))
            elif getattr(members[code].model, "permanent", None) != (key == "permanent"):
                neg = "not " if key == "permanent" else ""
                ck.add(file, ("council", key, i), f"{code} is {neg}a permanent member")
    if sc.council.first_president and sc.council.first_president not in council:
        ck.add(file, ("council", "first_president"), "the first president must sit on the Council")
    for j, code in enumerate(sc.seats):
        if code not in council:
            ck.add(file, ("seats", j), f"{code} does not sit on this Council")
    if sc.suggested_seat and sc.suggested_seat not in (sc.seats or council):
        ck.add(file, ("suggested_seat",), f"{sc.suggested_seat} is not a seat a player may hold "
               "here (it must sit on the Council, and be among `seats` if those are given)")
    for j, n in enumerate(sc.lengths):
        if not 1 <= n <= sc.months:
            ck.add(file, ("lengths", j), f"{n} months is not a length between 1 and the scenario's "
                   f"{sc.months}")
    gauge_ids = {g.id for g in bundle.gauges}
    theatres = {t.id for t in sc.theatres}
    for i, t in enumerate(sc.theatres):
        for g in t.gauges:
            if g not in gauge_ids:
                ck.add(file, ("theatres", i, "gauges", g), unknown("gauge", g, gauge_ids))
    for i, v in enumerate(sc.variables):
        if not v.min <= v.initial <= v.max:
            ck.add(file, ("variables", i, "initial"), f"{v.initial} is outside {v.min}..{v.max}")
    _unique(ck, file, "variables", [v.id for v in sc.variables])
    _unique(ck, file, "operations", [o.id for o in sc.operations])
    _unique(ck, file, "files", [f.id for f in sc.files])
    _unique(ck, file, "flags", [f.id for f in sc.flags])
    ops = {o.id for o in sc.operations}
    leads = set(lib.items["organisations"]) | set(members)
    for i, op in enumerate(sc.operations):
        if op.theatre not in theatres:
            ck.add(file, ("operations", i, "theatre"), f"unknown theatre {op.theatre!r}")
        if op.led_by not in leads:
            ck.add(file, ("operations", i, "led_by"),
                   unknown("organisation or member", op.led_by, leads))
        if op.supports and op.supports not in ops:
            ck.add(file, ("operations", i, "supports"), f"unknown operation {op.supports!r}")
    for i, f in enumerate(sc.files):
        _check_file(ck, file, ("files", i), f, sc, cx, theatres, council)
    for code, objs in sc.objectives.items():
        if code not in council:
            ck.add(file, ("objectives", code), f"{code} does not sit on this Council")
        for j, o in enumerate(objs):
            ck.expr(file, ("objectives", code, j, "when"), o.when, names)
    for code in council:
        if code not in sc.objectives:
            ck.add(file, ("objectives",), f"seat {code} has no objectives", "warning")
    for i, e in enumerate(sc.endings):
        ck.expr(file, ("endings", i, "when"), e.when, names)
    _unique(ck, file, "endings", [e.id for e in sc.endings])
    for i, c in enumerate(sc.crises):
        ck.expr(file, ("crises", i, "on"), c.on, names)
        ck.expr(file, ("crises", i, "off"), c.off, names)
        _effects(ck, file, ("crises", i, "monthly"), c.monthly, cx, allow_target=False)
    for kind in ("cases", "recommendations"):
        for i, item in enumerate(getattr(sc.debrief, kind)):
            ck.expr(file, ("debrief", kind, i, "when"), item.when, names)
    _check_real(ck, file, sc)
    _check_years(ck, file, sc, lib, council)
    file_ids = {f.id for f in sc.files}
    for i, step in enumerate(sc.tutorial):
        if step.file is not None and step.file not in file_ids:
            ck.add(file, ("tutorial", i, "file"), unknown("agenda file", step.file, file_ids))


def _check_file(ck, file, path, f: AgendaFile, sc, cx: Context, theatres, council) -> None:
    bundle, names = cx.bundle, cx.names
    if f.theatre not in theatres:
        ck.add(file, path + ("theatre",), f"unknown theatre {f.theatre!r}")
    for j, code in enumerate(f.penholders):
        if code not in council:
            ck.add(file, path + ("penholders", j), f"{code} does not sit on this Council")
    if f.when:
        ck.expr(file, path + ("when",), f.when, names)
    for j, m in enumerate(f.months):
        if not 1 <= m <= sc.months:
            ck.add(file, path + ("months", j), f"month {m} is outside 1..{sc.months}")
    ops = cx.ops
    for j, offer in enumerate(f.clauses):
        offer = offer if isinstance(offer, ClauseOffer) else ClauseOffer(clause=offer)
        clause = bundle.clauses.get(offer.clause)
        if clause is None:
            ck.add(file, path + ("clauses", j), unknown("clause", offer.clause, bundle.clauses))
            continue
        if clause.needs_target and not offer.target:
            ck.add(file, path + ("clauses", j), f"clause {offer.clause!r} needs a target operation")
        if offer.target and offer.target not in ops:
            ck.add(file, path + ("clauses", j, "target"), unknown("operation", offer.target, ops))
        _effects(ck, file, path + ("clauses", j), clause.effects, cx, allow_target=bool(offer.target))
        if offer.when:
            ck.expr(file, path + ("clauses", j, "when"), offer.when, names)
    _effects(ck, file, path + ("neglect",), f.neglect, cx, allow_target=False)


def _effects(ck: Checker, file: str, path, eff: Effects, cx: Context, allow_target: bool) -> None:
    var_names, flags, ops, files = cx.var_names, cx.flags, cx.ops, cx.files
    for name in eff.vars:
        if name not in var_names:
            ck.add(file, path + ("vars", name), unknown("variable", name, var_names))
    for key in ("set_flags", "clear_flags"):
        for j, fl in enumerate(getattr(eff, key)):
            if fl not in flags:
                ck.add(file, path + (key, j), f"undeclared flag {fl!r}{ex.suggest(fl, flags)}")
    for j, change in enumerate(eff.operations):
        if change.op == "@target":
            if not allow_target:
                ck.add(file, path + ("operations", j, "op"),
                       "'@target' only works in a clause offered with a target")
        elif change.op not in ops:
            ck.add(file, path + ("operations", j, "op"), unknown("operation", change.op, ops))
    for j, fid in enumerate(eff.agenda):
        if fid not in files:
            ck.add(file, path + ("agenda", j), unknown("agenda file", fid, files))


def _check_event(ck: Checker, file: str, path, ev: Event, cx: Context) -> None:
    names = cx.names
    ck.expr(file, path + ("when",), ev.when, names)
    ck.weight(file, path + ("weight",), ev.weight, names, "the event is never drawn")
    _effects(ck, file, path + ("effects",), ev.effects, cx, allow_target=False)
    event_ids = cx.events
    for j, fu in enumerate(ev.follow_up):
        if fu.event not in event_ids:
            ck.add(file, path + ("follow_up", j, "event"),
                   f"unknown event {fu.event!r}{ck.hint(fu.event, event_ids, 'events')}")
    if ev.choice:
        ch = ev.choice
        council = cx.council
        seat = ch.seat
        if seat.startswith("penholder:"):
            if seat.split(":", 1)[1] not in cx.files:
                ck.add(file, path + ("choice", "seat"), f"unknown agenda file in {seat!r}")
        elif seat != "president" and seat not in council:
            ck.add(file, path + ("choice", "seat"),
                   f"{seat!r} is not a seat of this Council, 'president' or 'penholder:<file>'")
        opt_ids = [o.id for o in ch.options]
        if ch.default not in opt_ids:
            ck.add(file, path + ("choice", "default"), f"default {ch.default!r} is not one of the options")
        if len(set(opt_ids)) != len(opt_ids):
            ck.add(file, path + ("choice", "options"), "two options share an id")
        for j, opt in enumerate(ch.options):
            p = path + ("choice", "options", j)
            ck.weight(file, p + ("ai_weight",), opt.ai_weight, names, "an AI seat never picks it")
            _effects(ck, file, p + ("effects",), opt.effects, cx, allow_target=False)
            for k, fu in enumerate(opt.follow_up):
                if fu.event not in event_ids:
                    ck.add(file, p + ("follow_up", k, "event"), f"unknown event {fu.event!r}")


def _unique(ck: Checker, file: str, key: str, ids: list[str]) -> None:
    seen = set()
    for i, x in enumerate(ids):
        if x in seen:
            ck.add(file, (key, i, "id"), f"duplicate id {x!r}")
        seen.add(x)
