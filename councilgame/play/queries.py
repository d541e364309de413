"""Read-only queries on a game that the views are built from: whip counts with reasons, clause
reception, seats, gauges and their causes, the debrief's items.

Nothing here decides a rule: whatever it says about votes or stances comes from the functions
the AI and the vote use (`engine.ai`, `engine.voting`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from councilgame.engine import ai
from councilgame.engine.compiled import Compiled, CompiledFile
from councilgame.engine.game import Game
from councilgame.engine.streams import stream
from councilgame.engine.voting import adopts


@dataclass(frozen=True)
class Stance:
    code: str
    name: str
    ballot: str  # projected: yes, no, abstain
    utility: float
    reasons: list[tuple[str, float]]
    veto: bool  # a projected "no" from a permanent member
    leaning: bool = False  # within the noise of the day of another ballot


@dataclass(frozen=True)
class Whip:
    stances: list[Stance]
    yes: int
    no: int
    abstain: int
    vetoes: list[str]
    chance: float = 0.0  # of adoption, with the noise of the day (the viewer voting yes)
    chance_without: float = 0.0  # the same, with the viewer abstaining

    @property
    def passes(self) -> bool:
        return bool(adopts(self.yes, len(self.vetoes)))

    def summary(self) -> str:
        verdict = "passes" if self.passes else ("vetoed" if self.vetoes else "fails")
        return f"{self.yes}-{self.no}-{self.abstain}: {verdict}"


def selection(game: Game, file_id: str, keys: list[str]) -> np.ndarray:
    return np.array([1.0 if o.key in keys else 0.0 for o in game.comp.files[file_id].offers])


def whip(game: Game, file_id: str, keys: list[str], sponsor: str | None = None,
         viewer: str | None = None) -> Whip:
    """The projected vote on a draft holding `keys`, before the noise of the day. With a
    `viewer`, the reasons name only that seat's own lobbying: another's is private."""
    comp = game.comp
    file = comp.files[file_id]
    m = game.meeting if game.meeting is not None and game.meeting.file.id == file_id else None
    if m is not None and m.draft is not None and sponsor in (None, m.draft.sponsor):
        dm = m.draft.model
    else:
        s = comp.index[sponsor] if sponsor else file.penholders[0]
        dm = ai.draft_model(comp, game.state, file, s, m.lobby if m is not None else None)
    sel = selection(game, file_id, keys)
    u = dm.utilities(sel)
    vlines = ai.veto_lines(comp, game.state, file)
    joint = ai.caucus(file, u)
    ballots = ai.ballots_from(comp, joint, vlines)
    own = m.lobby_by.get(viewer) if m is not None and viewer else None
    leaning = ai.near_line(comp, joint, vlines)
    stances = [
        Stance(code, comp.names[i], ballots[i], round(float(u[i]), 2),
               _visible_reasons(sorted(ai.reasons(dm, i, sel, top=6) + _caucus_reason(file, u, joint, i),
                                       key=lambda t: -abs(t[1])), own, i, viewer),
               bool(comp.permanent[i] and ballots[i] == "no"), bool(leaning[i]))
        for i, code in enumerate(comp.codes)
    ]
    chance, without = _chances(game, file_id, u, vlines, viewer)
    return Whip(stances, ballots.count("yes"), ballots.count("no"), ballots.count("abstain"),
                [s.code for s in stances if s.veto], chance, without)


def _caucus_reason(file: CompiledFile, u: np.ndarray, joint: np.ndarray, i: int) -> list[tuple[str, float]]:
    """The pull of a caucus's common position on a member, as one more reason."""
    for name, idx in file.caucuses:
        if i in idx and abs(joint[i] - u[i]) >= 0.05:
            return [(f"the {name}'s common position", round(float(joint[i] - u[i]), 2))]
    return []


def _chances(game: Game, file_id: str, u: np.ndarray, vlines: np.ndarray,
             viewer: str | None) -> tuple[float, float]:
    """The chance of adoption with the viewer voting yes, and abstaining. Drawn from a
    generator of its own (keyed by seed, month and file), so asking changes no game."""
    comp = game.comp
    seat = comp.index.get(viewer) if viewer is not None else None
    rng = stream(game.seed, game.state.month, f"whip:{file_id}")
    chance = ai.adoption_chance(comp, comp.files[file_id], u, vlines, rng,
                                {seat: "yes"} if seat is not None else None)
    if seat is None:
        return round(chance, 2), round(chance, 2)
    rng = stream(game.seed, game.state.month, f"whip:{file_id}")  # the same draws, paired
    without = ai.adoption_chance(comp, comp.files[file_id], u, vlines, rng, {seat: "abstain"})
    return round(chance, 2), round(without, 2)


def _visible_reasons(terms: list[tuple[str, float]], own: np.ndarray | None, member: int,
                     viewer: str | None, top: int = 4) -> list[tuple[str, float]]:
    """The reasons a viewer may read: the lobbying term becomes its own lobbying only."""
    if viewer is None:
        return terms[:top]
    out = [t for t in terms if t[0] != "lobbying"]
    if own is not None and own[member]:
        out.append(("your lobbying and deals", round(float(own[member]), 2)))
        out.sort(key=lambda t: -abs(t[1]))
    return out[:top]


def reception(game: Game, file_id: str, top: int = 3) -> dict[str, tuple[list[str], list[str]]]:
    """For each offer: the members who like it most and those who resent it most."""
    comp = game.comp
    file = comp.files[file_id]
    M = ai.offer_matrix(comp, game.state, file)
    out = {}
    for k, offer in enumerate(file.offers):
        order = np.argsort(M[:, k])
        likes = [comp.codes[i] for i in order[::-1][:top] if M[i, k] > 0.15]
        resents = [comp.codes[i] for i in order[:top] if M[i, k] < -0.15]
        out[offer.key] = (likes, resents)
    return out


@dataclass(frozen=True)
class Seat:
    code: str
    name: str
    group: str
    permanent: bool
    pens: list[str]
    objectives: list[str]
    note: str


def playable(comp: Compiled) -> list[str]:
    """The seats a player may hold in this scenario (the tutorial's guidance is for one)."""
    return list(comp.scenario.seats) or list(comp.codes)


def suggested_seat(comp: Compiled) -> str:
    """The seat offered first to a new player: the scenario's suggestion, if a player may
    hold it, else the first seat a player may hold."""
    allowed = playable(comp)
    wanted = comp.scenario.suggested_seat
    return wanted if wanted in allowed else allowed[0]


def scenario_order(scenarios: list) -> list:
    """Scenarios as a picker lists them: tutorials first, then by title."""
    return sorted(scenarios, key=lambda s: (not s.tutorial, s.title.lower()))


def seats(comp: Compiled) -> list[Seat]:
    out = []
    allowed = set(playable(comp))
    for i, code in enumerate(comp.codes):
        if code not in allowed:
            continue
        m = comp.bundle.members[code]
        pens = [f.title for f in comp.files.values() if f.penholders and f.penholders[0] == i]
        objs = [o.text for o, _ in comp.objectives.get(code, [])]
        note = comp.scenario.council.notes.get(code, m.note)  # the scenario's year first
        out.append(Seat(code, m.name, str(m.group), bool(comp.permanent[i]), pens, objs, note))
    return out


def gauge_history(game: Game) -> dict[str, list[float]]:
    """Each shown gauge's value at the start and after each month, for sparklines."""
    comp = game.comp
    hist: dict[str, list[float]] = {}
    for i, name in enumerate(comp.var_names):
        hist[name] = [float(comp.var_init[i])] + [m.gauges[name] for m in game.state.history if m.gauges]
    return hist


class ShownGauge(NamedTuple):
    """A gauge as players see it: its variable, name, good end and name for narrow screens."""

    var: str
    label: str
    good: str
    short: str


def shown_gauges(game: Game) -> list[ShownGauge]:
    """Every gauge players see, in the order the panel shows them."""
    comp = game.comp
    sc = comp.scenario
    out: list[ShownGauge] = []
    for t in sc.theatres:
        prefix = f"{t.name}: " if len(sc.theatres) > 1 else ""
        for g in comp.bundle.gauges:
            out.append(ShownGauge(f"{t.id}.{g.id}", prefix + g.name, g.good, prefix + (g.short or g.name)))
    out += [ShownGauge("impartiality", "UN impartiality", "high", "UN impartiality"),
            ShownGauge("accountability", "Accountability", "high", "Accountability")]
    out += [ShownGauge(v.id, v.name, v.good, v.short or v.name) for v in sc.variables
            if v.shown and v.id not in ("impartiality", "accountability")]
    return out


def causes_of(game: Game, month: int, var: str) -> list[tuple[str, str, float]]:
    """What moved a variable in a month: (kind, label, total change), largest first."""
    var = game.comp.var_names[game.comp.var_index[var]]
    totals: dict[tuple[str, str], float] = {}
    for c in game.state.causes:
        if c.month == month and c.var == var:
            totals[(c.kind, c.label)] = totals.get((c.kind, c.label), 0.0) + c.delta
    rows = [(k, label, round(v, 2)) for (k, label), v in totals.items() if abs(v) >= 0.01]
    return sorted(rows, key=lambda r: -abs(r[2]))


def toggle(game: Game, file_id: str, keys: list[str], key: str) -> list[str]:
    """Switch one offer on or off in a draft; switching one on drops those it excludes."""
    file = game.comp.files[file_id]
    sel = selection(game, file_id, keys)
    k = [o.key for o in file.offers].index(key)
    if sel[k]:
        sel[k] = 0.0
    else:
        sel = ai.allowed(file, sel, k)
    return [o.key for j, o in enumerate(file.offers) if sel[j]]


@dataclass(frozen=True)
class OfferView:
    key: str
    group: str
    title: str
    target: str | None
    text: str
    likes: list[str]
    resents: list[str]


GROUP_ORDER = ("mandate", "authorization", "support", "compliance", "funding", "sanctions",
               "requests", "duration")


def offers(game: Game, file_id: str) -> list[OfferView]:
    """The clauses on offer for a file this month, grouped in drafting order, with their
    reception."""
    comp = game.comp
    rec = reception(game, file_id)
    out = []
    on_offer = set(game.offer_keys(file_id))
    for o in comp.files[file_id].offers:
        if o.key not in on_offer:
            continue
        target = game.state.ops[o.target].short if o.target else None
        likes, resents = rec[o.key]
        out.append(OfferView(o.key, str(o.clause.group), o.clause.title, target, o.clause.text,
                             likes, resents))
    return sorted(out, key=lambda v: GROUP_ORDER.index(v.group))


def objective_status(game: Game, code: str) -> list[tuple[str, bool]]:
    """A seat's objectives and whether each holds now."""
    from councilgame.engine.environment import build_env

    env = build_env(game.comp, game.state)
    return [(o.text, bool(f(env))) for o, f in game.comp.objectives.get(code, [])]


def debrief_items(game: Game) -> list[tuple[str, str, str, str]]:
    """(kind, title, text, source) of the real cases and recommendations the game touched."""
    from councilgame.engine.environment import build_env

    env = build_env(game.comp, game.state)
    return [(kind, item.title, item.text, item.source)
            for kind, item, cond in game.comp.debrief if cond(env)]


def decisive_votes(game: Game) -> list:
    """Votes on drafts (not amendments), with vetoes and failures first within a month."""
    return [v for m in game.state.history for v in m.votes if v.kind == "draft"]


def ending(game: Game):
    return next((e for e, _ in game.comp.endings if e.id == game.state.ending), None)


def ranking(game: Game, codes: list[str]) -> list[tuple[str, float]]:
    """Seats by the share of their objectives met (then by legitimacy-neutral code order)."""
    scores = game.state.objectives
    return sorted(((c, scores.get(c, 0.0)) for c in codes), key=lambda kv: (-kv[1], kv[0]))


def deal_text(game: Game, deal) -> str:
    """A deal as the debrief tells it, with whether each side kept its word."""
    names = dict(zip(game.comp.codes, game.comp.names, strict=True))
    text = (f"month {deal.month}: {names[deal.seat]} pledged its vote on the next draft of "
            f"{names[deal.target]} in return for support on {deal.draft or deal.file}: {deal.status}")
    if deal.target_status:
        text += f"; {names[deal.target]}'s side: {deal.target_status}"
    return text


def render(game: Game, text: str) -> str:
    """A pack text with its placeholders ({violence}, ...) filled with current values."""
    from councilgame.engine.environment import build_env
    from councilgame.engine.textfmt import fill

    if "{" not in (text or ""):
        return text or ""
    return fill(text, build_env(game.comp, game.state), game.comp.env_index)


def tutorial(game: Game, at: str) -> str | None:
    """The tutorial's guidance for this screen and month, if the scenario has any."""
    month = game.state.month
    file = game.meeting.file.id if game.meeting is not None else None
    for step in game.comp.scenario.tutorial:
        if step.at == at and step.month in (None, month) and step.file in (None, file):
            return render(game, step.text.strip())
    return None


def current_draft(game: Game):
    """The draft on the table, if a file is before the Council and a text was tabled."""
    return game.meeting.draft if game.meeting is not None else None


def ballots_so_far(game: Game) -> dict[str, str]:
    """Players' ballots already cast in the roll call under way."""
    return dict(game.meeting.ballots_cast) if game.meeting is not None else {}


def news_for(game: Game, rec, seat: str | None) -> list:
    """A month's news items that `seat` may see (None: the public items only)."""
    return [n for n in rec.news if n.visible_to(seat)]


# ---- what the game accepts now, for front ends' menus ----------------------------------------
def legal(game: Game, seat: str | None = None) -> list:
    """The actions the current prompt accepts (`Game.legal_actions`), for menus; with `seat`,
    that seat's own (in consultations a player may move before its turn)."""
    return game.legal_actions(seat)


def legal_kinds(game: Game) -> set[str]:
    """The kinds of action ('lobby', 'signal_veto', 'table', ...) the current prompt accepts."""
    return {a.kind for a in game.legal_actions()}


def legal_targets(game: Game, kind: str) -> list[str]:
    """The members an action of `kind` (lobby, deal, message) may name now."""
    from councilgame.engine.actions import Deal, Lobby, Message

    return [a.target for a in game.legal_actions()
            if isinstance(a, Lobby | Deal | Message) and a.kind == kind]


def refusal(game: Game, action) -> str | None:
    """Why the game would refuse `action` now (one sentence), or None if it takes it."""
    from councilgame.engine.game import ActionError

    try:
        game.check(action)
    except ActionError as exc:
        return str(exc)
    return None


def events(game: Game) -> list[tuple[str, str]]:
    """(id, title) of every event of the scenario, for the facilitator's inject menu."""
    return [(ce.event.id, ce.event.title) for ce in game.comp.events]


def event_summaries(game: Game) -> dict[str, str]:
    """Each event's text with its placeholders filled: what the facilitator reads before
    injecting one (the whole text: an instructor chooses on what it says)."""
    return {ce.event.id: " ".join(render(game, ce.event.text).split()) for ce in game.comp.events}


def unsealed_deals(game: Game) -> list[str]:
    """Every deal of the game as the debrief tells it: for after the game only (it unseals
    every seat's deals)."""
    return [deal_text(game, d) for d in game.state.deals]


def unsealed_messages(game: Game) -> list[tuple[int, str, str, str]]:
    """(month, from, to, text) of every message: for the debrief only (it unseals them all)."""
    return [(m.month, m.seat, m.target, m.text) for m in game.state.messages]
