"""How AI members take stances, vote, draft and amend: a directional spatial model.

Each member has an ideal point and a salience on a few issue dimensions; each clause has a
position, and clauses aimed at an operation also carry that operation's profile (who leads it,
whether the host consents, its aim). A member's utility for a draft is

    act_bias + file salience * sum over clauses (W_member . position_clause)
             + ties to the target operations' leads + ties to the sponsor
             + memory of favours and slights toward the sponsor + lobbying

where W = salience * ideal. The terms are additive, so a stance's *reasons* are exactly its
largest terms. All fifteen members are computed at once as one small matrix product.
Thresholds turn utility into yes / abstain / no; a permanent member's "no" is a veto, so it is
cast only far below the line (scaled by the member's reluctance, which grows with each veto
cast: a veto costs reputation and, since GA res. 76/262 (2022), a General Assembly debate).
A caucus (the A3 on African files) agrees one position: its members vote as its median member.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from councilgame.engine.compiled import Compiled, CompiledFile
from councilgame.engine.state import GameState
from councilgame.engine.voting import adopts, tally_list

YES, ABSTAIN, NO = "yes", "abstain", "no"
SAFETY = 0.4  # margin a drafter wants above the yes line, for the noise of the day
ON_RECORD = 4.0  # a penholder this stubborn tables its text as it wants it, vetoes or not


@dataclass
class DraftModel:
    """The utilities of one draft's possible clause sets, for all members."""

    file: CompiledFile
    M: np.ndarray  # members x offers: contribution of each offer to each member's utility
    base: np.ndarray  # members: utility of an empty draft from this sponsor
    sponsor: int
    parts: dict[str, np.ndarray]  # named base terms, for reasons

    def utilities(self, sel: np.ndarray) -> np.ndarray:
        return self.base + self.M @ sel


def target_profile(comp: Compiled, op) -> np.ndarray:
    """Dimensions an operation's attributes add to any clause aimed at it."""
    pos = comp.positions
    vec = np.zeros(len(comp.dims))
    keys = [f"lead.{op.lead}", f"aim.{op.aim}", f"principles.{op.principles}"]
    if not op.consent:
        keys.append("consent.false")
    org = comp.bundle.organisations.get(op.led_by)
    member = comp.bundle.members.get(op.led_by)
    if (org and org.western) or (member and member.group == "weog"):
        keys.append("western")
    for k in keys:
        if k in pos:
            vec += pos[k]
    return vec


def offer_matrix(comp: Compiled, state: GameState, file: CompiledFile) -> np.ndarray:
    """members x offers: what each offer adds to each member's utility. It depends only on the
    targets' typology, so it is cached per compiled scenario (the simulator reuses it)."""
    key = (file.id, tuple(
        (op.lead, op.aim, op.principles, op.consent, op.led_by)
        for op in (state.ops[o.target] for o in file.offers if o.target)
    ))
    cache = comp.offer_cache
    if key in cache:
        return cache[key]
    ai = comp.model.ai
    n_off = len(file.offers)
    P = np.zeros((n_off, len(comp.dims)))
    lead_ties = np.zeros((len(comp.codes), n_off))
    for k, offer in enumerate(file.offers):
        P[k] = [offer.clause.position.get(d, 0.0) for d in comp.dims]
        if offer.target:
            op = state.ops[offer.target]
            tw = offer.clause.target_weight
            P[k] += tw * target_profile(comp, op)
            ties = comp.org_ties.get(op.led_by)
            if ties is not None:
                lead_ties[:, k] = tw * ai.lead_weight * ties
    M = file.salience[:, None] * (comp.W @ P.T) + lead_ties
    M.setflags(write=False)
    cache[key] = M
    return M


def draft_model(comp: Compiled, state: GameState, file: CompiledFile, sponsor: int,
                lobby: np.ndarray | None = None) -> DraftModel:
    ai = comp.model.ai
    M = offer_matrix(comp, state, file)
    parts = {
        "wish that the Council act": np.full(len(comp.codes), ai.act_bias),
        "ties to the sponsor": ai.sponsor_weight * comp.member_ties[:, sponsor],
        "memory of the sponsor": state.memory[:, sponsor].copy(),
        "lobbying": lobby if lobby is not None else np.zeros(len(comp.codes)),
    }
    parts["ties to the sponsor"][sponsor] = 0.0
    base = total(parts)
    return DraftModel(file, M, base, sponsor, parts)


def total(parts: dict[str, np.ndarray]) -> np.ndarray:
    """The sum of a draft model's named terms, in order (as Python's `sum` adds them)."""
    out = np.zeros_like(next(iter(parts.values())), dtype=float)
    for vec in parts.values():
        out = out + vec
    return out


def veto_lines(comp: Compiled, state: GameState, file: CompiledFile) -> np.ndarray:
    """Utility under which each permanent member vetoes a text on `file`: its reluctance, more
    on the file's region where it defers to others, and higher with each veto it has cast."""
    cast = np.array([state.vetoes_cast.get(c, 0) for c in comp.codes])
    region = comp.region_reluctance.get(file.region)
    reluctance = comp.reluctance if region is None else comp.reluctance * region
    return comp.model.ai.veto_threshold * reluctance * (1.0 + 0.25 * cast)


def caucus(file: CompiledFile, u: np.ndarray, axis: int = 0) -> np.ndarray:
    """Utilities with each caucus's members at their median: a group that agrees a common
    position (the A3 on African files) votes as its middle member would. `axis` is the one
    that runs over members."""
    if not file.caucuses:
        return u
    out = np.array(u, dtype=float, copy=True)
    if out.ndim == 1:  # one roll call: numpy's median of a handful of floats, without its overhead
        for _, idx in file.caucuses:
            out[idx] = _median(out[idx].tolist())
        return out
    moved = np.moveaxis(out, axis, 0)
    for _, idx in file.caucuses:
        moved[idx] = np.median(moved[idx], axis=0)
    return out


def _median(values: list[float]) -> float:
    """np.median's value for a short list: the middle one, or the mean of the two middle ones."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def no_lines(comp: Compiled, vlines: np.ndarray) -> np.ndarray:
    """Each member's "no" line: a permanent member's veto line, an elected member's no threshold."""
    return np.where(comp.permanent, vlines, comp.model.ai.no_threshold)


def _stand_down(no: np.ndarray, permanent: np.ndarray, alone: np.ndarray) -> np.ndarray:
    """Rows of "no" (roll calls or candidate texts, by members): a permanent member that vetoes
    only beside another (`alone` False) abstains in a row where no other one vetoes."""
    leaders = (no & permanent & alone).any(axis=1)
    out = no.copy()
    out[:, permanent & ~alone] &= leaders[:, None]
    return out


def vote_masks(comp: Compiled, U: np.ndarray, vlines: np.ndarray,
               fixed: dict[int, str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The one voting rule, for rows of utilities (roll calls x members): yes above the line,
    no below a member's "no" line, abstain between; `fixed` ballots (a player's) stand as cast;
    a member that vetoes only beside another abstains when it would be alone."""
    yes = U > comp.model.ai.yes_threshold
    no = ~yes & (U < no_lines(comp, vlines))
    for i, ballot in (fixed or {}).items():
        yes[:, i], no[:, i] = ballot == YES, ballot == NO
    return yes, _stand_down(no, comp.permanent, comp.vetoes_alone)


def ballots_from(comp: Compiled, u: np.ndarray, vlines: np.ndarray) -> list[str]:
    """The ballots of one roll call with utilities `u` (see `vote_masks`)."""
    yes, no = vote_masks(comp, np.asarray(u, dtype=float)[None, :], vlines)
    return [YES if y else (NO if n else ABSTAIN) for y, n in zip(yes[0], no[0], strict=True)]


def file_ballots(comp: Compiled, state: GameState, file: CompiledFile, u: np.ndarray) -> list[str]:
    """How members vote on a text on `file` with utilities `u`: its caucuses agreed, each
    permanent member against its veto line for that file."""
    return ballots_from(comp, caucus(file, u), veto_lines(comp, state, file))


def adoption_chance(comp: Compiled, file: CompiledFile, u: np.ndarray, vlines: np.ndarray,
                    rng: np.random.Generator, fixed: dict[int, str] | None = None,
                    draws: int = 400) -> float:
    """The share of `draws` roll calls, each with the noise of the day, in which a text with
    utilities `u` is adopted; `fixed` ballots (a player's) do not vary. The rule of
    `vote_masks`, the count of `voting.tally`."""
    U = caucus(file, u[None, :] + rng.normal(0.0, comp.model.ai.noise, size=(draws, len(u))), axis=1)
    yes, no = vote_masks(comp, U, vlines, fixed)
    return float(np.mean(adopts(yes.sum(axis=1), (no & comp.permanent).sum(axis=1))))


def near_line(comp: Compiled, u: np.ndarray, vlines: np.ndarray) -> np.ndarray:
    """Members within the noise of the day of a line between two ballots: 'leaning'."""
    ai = comp.model.ai
    return (np.abs(u - ai.yes_threshold) < ai.noise) | (np.abs(u - no_lines(comp, vlines)) < ai.noise)


def support_score(comp: Compiled, U: np.ndarray, vlines: np.ndarray) -> np.ndarray:
    """How good projected utilities (members x candidates) look to a drafter. Shortfalls are
    penalised by their size, so a greedy drafter sees progress toward lifting a veto: below a
    permanent member's veto line or an elected member's "no" line, the gap counts."""
    ai = comp.model.ai
    perm = comp.permanent
    yes = (U > ai.yes_threshold + SAFETY).sum(axis=0)
    lines = np.where(perm, vlines + 0.3, ai.no_threshold + 0.2)[:, None]
    gap = np.maximum(lines - U, 0.0)
    vetoing = (gap[perm] > 0.3).T  # candidates x permanent members
    vetoes = _stand_down(vetoing, np.ones(perm.sum(), dtype=bool), comp.vetoes_alone[perm]).sum(axis=1)
    passes = adopts(yes, vetoes)
    margin = np.minimum(np.maximum(U, -1.5), 1.0).sum(axis=0) * 0.15
    # votes beyond a comfortable majority are worth less than the drafter's own clauses: a
    # determined penholder settles for a divided vote rather than water its text down
    comfort = np.minimum(yes, COMFORT) + EXTRA_YES * np.maximum(yes - COMFORT, 0)
    return (comfort + UNANIMITY * (yes == U.shape[0]) - 5.0 * vetoes
            - _GAP_WEIGHT[perm.astype(int)] @ gap - (gap > 0).sum(axis=0) * 0.5 + 4.0 * passes
            + margin)


_GAP_WEIGHT = np.array([0.5, 2.5])  # elected, permanent
COMFORT = 15  # yes votes a drafter counts at full value (all fifteen: a lower cap measured worse)
EXTRA_YES = 0.35  # what each yes beyond that is worth to it
UNANIMITY = 6.0  # what a unanimous text is worth to it, beyond its votes


def reasons(dm: DraftModel, member: int, sel: np.ndarray, top: int = 4) -> list[tuple[str, float]]:
    """The largest terms of a member's utility: the clauses and ties that weigh most."""
    terms = [(o.label, float(dm.M[member, k]))
             for k, o in enumerate(dm.file.offers) if sel[k]]
    terms += [(name, float(vec[member])) for name, vec in dm.parts.items() if vec[member]]
    terms.sort(key=lambda t: -abs(t[1]))
    return [(name, round(v, 2)) for name, v in terms[:top]]


def amendment_ballots(comp: Compiled, gain: np.ndarray) -> list[str]:
    """Members back an amendment that improves the draft for them and oppose one that hurts
    them badly; a permanent member's "no" defeats an amendment as it would a draft."""
    return [YES if g > 0.15 else (NO if g < -0.6 else ABSTAIN) for g in gain]


def procedural_ballots(comp: Compiled, u: np.ndarray) -> list[str]:
    """On a procedural question (the agenda) every member, permanent or not, votes by the same
    lines: its "no" is only a vote (Art. 27(2))."""
    ai = comp.model.ai
    return [YES if v > ai.yes_threshold else (NO if v < ai.no_threshold else ABSTAIN) for v in u]


def allowed(file: CompiledFile, sel: np.ndarray, k: int) -> np.ndarray:
    """Selection with offer k switched on and any offer it excludes switched off."""
    new = sel.copy()
    ex = file.offers[k].exclusive
    if ex:
        for j, o in enumerate(file.offers):
            if o.exclusive == ex:
                new[j] = 0.0
    new[k] = 1.0
    return new


INSIST = 10.0  # what a clause the penholder insists on is worth to it, beside any trade


def ai_draft(comp: Compiled, state: GameState, dm: DraftModel, urgent: np.ndarray,
             resolve: float = 0.6, available: np.ndarray | None = None) -> np.ndarray:
    """A penholder's draft: start from what it wants, then trade clauses for votes.

    It seeks a text that passes without a veto, as close to unanimity as it can get without
    giving up what it values most; `resolve` is how much it values its own text against votes
    this month (high resolve: it may table a draft it knows will be vetoed, to make a point);
    `urgent` marks offers it must table (an expiring mandate); a file's `insist` offers are
    tabled and never traded away, whatever they cost in votes (an author's lever: the AI
    otherwise leaves out what it dislikes, or what a permanent member resents enough to veto).
    """
    file = dm.file
    n = len(file.offers)
    if available is None:
        available = np.ones(n)
    # clauses the pack says the penholder insists on: its own, not a rival drafter's
    must = file.insist * (available > 0) * (dm.sponsor in file.penholders)
    own = np.where(available > 0, dm.M[dm.sponsor] + urgent * 3.0 + must * INSIST, -np.inf)
    sel = np.zeros(n)
    for k in np.argsort(-own):
        if own[k] <= 0:
            break
        ex = file.offers[k].exclusive
        if ex and any(sel[j] and file.offers[j].exclusive == ex for j in range(n)):
            continue
        sel[k] = 1.0
    if resolve >= ON_RECORD:
        return sel  # it tables what it wants, to put the others' votes (and vetoes) on record
    vlines = veto_lines(comp, state, file)
    eye = np.eye(n)
    keep = 1.0 - file.exclusion
    addable = own > -0.1  # a penholder never adds what it dislikes, nor what is not on offer
    for _ in range(n + 2):
        u = dm.utilities(sel)
        if (u > comp.model.ai.yes_threshold + SAFETY).all():
            break
        # every one-clause change at once: drop a selected offer, or add one (and drop the
        # offers it excludes)
        adds = sel[None, :] * keep * (1.0 - eye) + eye
        drops = sel[None, :] - eye
        rows = np.where(sel[:, None] > 0, drops, adds)[(sel > 0) | addable]
        S = np.vstack([sel[None, :], rows]).T
        U = caucus(file, dm.base[:, None] + dm.M @ S)
        value = support_score(comp, U, vlines) + resolve * (np.where(available > 0, own, 0.0) @ S)
        if must.any():  # no trade gives up a clause the penholder insists on
            value = np.where((must[:, None] * (1.0 - S)).any(axis=0), -np.inf, value)
        best = int(np.argmax(value))
        if best == 0 or value[best] <= value[0] + 1e-9:
            break
        sel = S[:, best].copy()
    return sel


def cached_draft(comp: Compiled, state: GameState, dm: DraftModel, urgent: np.ndarray,
                 resolve: float, available: np.ndarray) -> np.ndarray:
    """ai_draft, remembered per compiled scenario: the same file, sponsor, offers, ties and
    memories give the same draft, and across thousands of simulated games they recur."""
    dm.base = np.round(dm.base, 2)
    key = (dm.file.id, dm.sponsor, id(dm.M), dm.base.tobytes(), urgent.tobytes(), resolve,
           available.tobytes(), tuple(sorted(state.vetoes_cast.items())))
    cache = comp.draft_cache
    if key not in cache:
        if len(cache) > 50_000:
            cache.clear()
        cache[key] = ai_draft(comp, state, dm, urgent, resolve, available)
    return cache[key].copy()


def amendment_for(comp: Compiled, state: GameState, dm: DraftModel, sel: np.ndarray,
                  humans: set[str]) -> tuple[int, int, bool] | None:
    """The most aggrieved AI member's amendment: delete the clause it resents most. Returns
    (member, offer, whether the amendment would pass) or None. One that would fail is still
    moved sometimes, to put the objection on record (in 2023 four sets of amendments failed
    and one passed)."""
    u = dm.utilities(sel)
    order = np.argsort(u)
    ai = comp.model.ai
    for i in order[:3]:
        if comp.codes[i] in humans or i == dm.sponsor or u[i] > ai.yes_threshold:
            continue
        contrib = dm.M[i] * sel
        k = int(np.argmin(contrib))
        if contrib[k] < -0.4:
            ballots = amendment_ballots(comp, -dm.M[:, k])
            return int(i), k, tally_list(ballots, comp.codes, comp.permanent).adopted
    return None
