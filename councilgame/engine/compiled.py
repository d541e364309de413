"""A scenario compiled for play: arrays for the AI and effect models, closures for expressions.

Compiling once per scenario keeps the monthly loop free of look-ups and parsing; the balance
simulator reuses one compiled scenario across thousands of games.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from councilgame.engine import expressions as ex
from councilgame.engine.features import FEATURES
from councilgame.engine.gcpause import paused_gc
from councilgame.engine.namespace import COUNCIL_STOCKS, names_with_ranges, variable_ranges
from councilgame.model import Clause, ClauseOffer, Effects, Event, Model, Scenario
from councilgame.model.bundle import ScenarioBundle
from councilgame.model.scenario import Crisis, DebriefItem, Ending, Objective

Getter = ex.Getter


@dataclass(frozen=True)
class Offer:
    """A clause as one file offers it (possibly aimed at one operation)."""

    key: str  # clause id, or clause@target
    clause: Clause
    target: str | None
    exclusive: str | None  # exclusivity key, per target
    label: str = ""  # the clause's title, with its target's acronym


@dataclass
class CompiledFile:
    id: str
    title: str
    theatre: int
    region: str
    penholders: list[int]
    offers: list[Offer]
    months: frozenset[int]
    when: Getter | None
    neglect: Effects
    salience: np.ndarray  # per member
    agenda_vote: Getter | None = None  # when it holds, an objection forces a procedural vote
    offer_when: list = field(default_factory=list)  # per offer: a condition, or None
    exclusion: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))  # offers that exclude each other
    on_record: bool = False  # a computer penholder tables what it wants here, whatever the whip
    caucuses: list[tuple[str, np.ndarray]] = field(default_factory=list)  # (name, members) voting as one here
    insist: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per offer: the penholder insists


@dataclass
class CompiledEvent:
    event: Event
    when: Getter
    weight: Getter
    option_weights: list[Getter]


@dataclass
class Compiled:
    bundle: ScenarioBundle
    codes: list[str]
    names: list[str]
    index: dict[str, int]
    permanent: np.ndarray
    president_order: list[int]
    first_president: int
    W: np.ndarray  # members x dims: salience * ideal
    dims: list[str]
    member_ties: np.ndarray  # members x members
    org_ties: dict[str, np.ndarray]  # org id or member code -> ties of each member to it
    reluctance: np.ndarray
    region_reluctance: dict[str, np.ndarray]  # region -> per member multiplier of reluctance
    vetoes_alone: np.ndarray  # per member: False for one that vetoes only beside another
    var_names: list[str]
    var_index: dict[str, int]
    var_init: np.ndarray
    var_min: np.ndarray
    var_max: np.ndarray
    theatre_gauges: np.ndarray  # theatres x gauges -> var index
    gauge_ids: list[str]
    coef: np.ndarray  # features x vars
    strength_coef: np.ndarray  # features
    noise_sd: np.ndarray  # vars
    files: dict[str, CompiledFile]
    events: list[CompiledEvent]
    event_by_id: dict[str, CompiledEvent]
    env_names: list[str]
    env_index: dict[str, int]
    endings: list[tuple[Ending, Getter]]
    objectives: dict[str, list[tuple[Objective, Getter]]]
    crises: list[tuple[Crisis, Getter, Getter]]
    debrief: list[tuple[str, DebriefItem, Getter]]
    positions: dict[str, np.ndarray] = field(default_factory=dict)
    offer_cache: dict = field(default_factory=dict)  # ai.offer_matrix, keyed by the targets' typology
    draft_cache: dict = field(default_factory=dict)  # ai.cached_draft
    # Plain lists of what the month loop reads thousands of times a game (a list of str beats
    # an attribute walk through the schema models, and a float beats a numpy scalar)
    event_ids: list[str] = field(default_factory=list)
    drawn: list[CompiledEvent] = field(default_factory=list)  # events drawn at random
    var_lo: list[float] = field(default_factory=list)
    var_hi: list[float] = field(default_factory=list)

    @property
    def scenario(self) -> Scenario:
        return self.bundle.scenario

    @property
    def model(self) -> Model:
        return self.bundle.model

    def compile_expr(self, text: str) -> Getter:
        node = ex.check(text, self.env_index)
        return ex.compile_node(node, self._getter, self.env_index.__getitem__)

    def _getter(self, name: str) -> Getter:
        i = self.env_index[name]
        return lambda env: env[i]


def compile_bundle(bundle: ScenarioBundle) -> Compiled:
    """Build the arrays and closures for one scenario. The bundle must already be validated."""
    with paused_gc():  # thousands of closures, no cycles: a collection would only walk the heap
        return _compile(bundle)


def _compile(bundle: ScenarioBundle) -> Compiled:
    sc = bundle.scenario
    model = bundle.model
    codes = list(sc.council.permanent) + list(sc.council.elected)
    members = [bundle.members[c] for c in codes]
    dims = [d.id for d in bundle.dimensions]
    n = len(codes)
    W = np.array([[m.salience.get(d, 1.0) * m.ideal.get(d, 0.0) for d in dims] for m in members])
    ties = np.array([[m.affinity.get(o, 0.0) for o in codes] for m in members])
    np.fill_diagonal(ties, 1.0)
    org_keys = set(bundle.organisations) | set(bundle.members)
    org_ties = {o: np.array([m.affinity.get(o, 0.0) for m in members]) for o in org_keys}
    order = sorted(range(n), key=lambda i: members[i].name)
    first = codes.index(sc.council.first_president) if sc.council.first_president else order[0]

    ranges = variable_ranges(bundle)
    var_names = [k for k in ranges if k not in {g.id for g in bundle.gauges}]
    var_index = {k: i for i, k in enumerate(var_names)}
    gauge_ids = [g.id for g in bundle.gauges]
    primary = sc.theatres[0].id
    for g in gauge_ids:
        var_index[g] = var_index[f"{primary}.{g}"]
    init = np.zeros(len(var_names))
    lo = np.array([ranges[k][0] for k in var_names])
    hi = np.array([ranges[k][1] for k in var_names])
    for t in sc.theatres:
        for g in gauge_ids:
            init[var_index[f"{t.id}.{g}"]] = t.gauges.get(g, 50.0)
    for k, v in COUNCIL_STOCKS.items():
        init[var_index[k]] = v
    for var in sc.variables:
        init[var_index[var.id]] = var.initial
    theatre_gauges = np.array(
        [[var_index[f"{t.id}.{g}"] for g in gauge_ids] for t in sc.theatres], dtype=int
    )
    coef, strength_coef = _effect_matrix(model, gauge_ids, var_index, len(var_names))
    noise_sd = np.zeros(len(var_names))
    for t in sc.theatres:
        for g, sd in model.noise.items():
            if g in gauge_ids:
                noise_sd[var_index[f"{t.id}.{g}"]] = sd
    env_ranges = names_with_ranges(bundle)
    env_names = list(env_ranges)
    env_index = {k: i for i, k in enumerate(env_names)}
    positions = {k: np.array([row.get(d, 0.0) for d in dims]) for k, row in model.ai.positions.items()}

    comp = Compiled(
        bundle=bundle, codes=codes, names=[m.name for m in members],
        index={c: i for i, c in enumerate(codes)},
        permanent=np.array([m.permanent for m in members]), president_order=order, first_president=first,
        W=W, dims=dims, member_ties=ties, org_ties=org_ties,
        reluctance=np.array([m.veto_reluctance if m.permanent else 1.0 for m in members]),
        region_reluctance={r: np.array([m.region_reluctance.get(r, 1.0) for m in members])
                           for r in sorted({r for m in members for r in m.region_reluctance})},
        vetoes_alone=np.array([m.vetoes_alone or not m.permanent for m in members]),
        var_names=var_names, var_index=var_index, var_init=init, var_min=lo, var_max=hi,
        theatre_gauges=theatre_gauges, gauge_ids=gauge_ids, coef=coef, strength_coef=strength_coef,
        noise_sd=noise_sd, files={}, events=[], event_by_id={}, env_names=env_names,
        env_index=env_index, endings=[], objectives={}, crises=[], debrief=[], positions=positions,
    )
    _compile_content(comp, bundle)
    return comp


def _effect_matrix(model, gauge_ids, var_index, n_vars):
    """features x vars coefficients; theatre gauges are addressed per theatre at run time, so
    columns here are gauge positions (then stocks), mapped by the engine."""
    targets = gauge_ids + list(COUNCIL_STOCKS)
    coef = np.zeros((len(FEATURES), len(targets)))
    strength = np.zeros(len(FEATURES))
    for fi, feat in enumerate(FEATURES):
        for g, v in model.effects.get(feat, {}).items():
            if g == "strength":
                strength[fi] = v
            else:
                coef[fi, targets.index(g)] = v
    return coef, strength


def _caucuses(bundle: ScenarioBundle, members: list, region: str) -> list[tuple[str, np.ndarray]]:
    """The groups of at least two members that vote as one on this region's files."""
    out: list[tuple[str, np.ndarray]] = []
    for c in bundle.model.ai.caucuses:
        if region in c.regions:
            idx = [i for i, m in enumerate(members) if set(m.blocs) & set(c.blocs)]
            if len(idx) >= 2:
                out.append((c.blocs[0], np.array(idx)))
    return out


def _compile_content(comp: Compiled, bundle: ScenarioBundle) -> None:
    sc = bundle.scenario
    members = [bundle.members[c] for c in comp.codes]
    floor = bundle.model.ai.salience_floor
    theatre_index = {t.id: i for i, t in enumerate(sc.theatres)}
    ops_short = {op.id: op.short for op in sc.operations}
    for f in sc.files:
        region = sc.theatres[theatre_index[f.theatre]].region
        offers, conditions = [], []
        for raw in f.clauses:
            o = raw if isinstance(raw, ClauseOffer) else ClauseOffer(clause=raw)
            clause = bundle.clauses[o.clause]
            key = f"{o.clause}@{o.target}" if o.target else o.clause
            excl = f"{clause.exclusive}@{o.target}" if clause.exclusive else None
            label = clause.title + (f" → {ops_short[o.target]}" if o.target else "")
            offers.append(Offer(key, clause, o.target, excl, label))
            conditions.append(comp.compile_expr(o.when) if o.when else None)
        exclusion = np.array([[1.0 if a is not b and a.exclusive and a.exclusive == b.exclusive else 0.0
                          for b in offers] for a in offers]).reshape(len(offers), len(offers))
        comp.files[f.id] = CompiledFile(
            id=f.id, title=f.title, theatre=theatre_index[f.theatre], region=region,
            penholders=[comp.index[c] for c in f.penholders], offers=offers,
            months=frozenset(f.months), when=comp.compile_expr(f.when) if f.when else None,
            agenda_vote=comp.compile_expr(f.agenda_vote) if f.agenda_vote else None,
            neglect=f.neglect,
            salience=np.array([max(floor, m.regions.get(region, 0.5)) for m in members]),
            exclusion=exclusion,
            offer_when=conditions,
            caucuses=_caucuses(bundle, members, region),
            on_record=f.on_record,
            insist=np.array([1.0 if isinstance(o, ClauseOffer) and o.insist else 0.0
                             for o in f.clauses]),
        )
    for ev in bundle.events:
        opts = [comp.compile_expr(o.ai_weight) for o in ev.choice.options] if ev.choice else []
        ce = CompiledEvent(ev, comp.compile_expr(ev.when), comp.compile_expr(ev.weight), opts)
        comp.events.append(ce)
        comp.event_by_id[ev.id] = ce
    comp.event_ids = [ce.event.id for ce in comp.events]
    comp.drawn = [ce for ce in comp.events if ce.event.drawn]
    comp.var_lo, comp.var_hi = comp.var_min.tolist(), comp.var_max.tolist()
    comp.endings = [(e, comp.compile_expr(e.when)) for e in sorted(sc.endings, key=lambda e: -e.priority)]
    comp.objectives = {
        code: [(o, comp.compile_expr(o.when)) for o in objs] for code, objs in sc.objectives.items()
    }
    comp.crises = [(c, comp.compile_expr(c.on), comp.compile_expr(c.off)) for c in sc.crises]
    comp.debrief = [
        (kind, item, comp.compile_expr(item.when))
        for kind in ("cases", "recommendations")
        for item in getattr(sc.debrief, kind)
    ]
