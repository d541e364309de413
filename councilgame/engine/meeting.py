"""One agenda file in the chamber, from the pen to the fallback.

A `Meeting` is created for its file and dropped after it, so nothing a member proposed on one
file (an amendment, a rival draft, lobbying) can outlive it. Its phases, in order:

1. drafting: the penholder tables a text, or passes;
2. an AI permanent member facing a veto may announce a rival draft of its own;
3. consultations: each human seat lobbies, amends, trades, signals, or announces a rival draft;
4. amendments, then the penholder's draft (one roll call each, decided by `voting.tally`);
5. if it was not adopted, the rival drafts in the order they were submitted (rule 32 of the
   provisional rules of procedure), until one is adopted;
6. fallback, when no resolution passed: a presidential statement, an agreed press statement,
   or press elements.

Consultation moves live in `consultation.py`, and what votes lead to in `outcomes.py`.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from councilgame.engine import ai, consultation, outcomes, rivals, sitting
from councilgame.engine.actions import (
    Action,
    Amend,
    Done,
    Prompt,
    TableDraft,
    Vote,
    Withdraw,
)
from councilgame.engine.compiled import CompiledFile
from councilgame.engine.environment import build_env
from councilgame.engine.state import MonthRecord, VoteRecord
from councilgame.engine.textfmt import sentence, vote_question
from councilgame.engine.types import Flow
from councilgame.engine.voting import Tally, tally, tally_list

if TYPE_CHECKING:
    from councilgame.engine.game import Game

# How much a penholder insists on its own text this month (a few levels, so that drafts can be
# cached across games): mostly flexible, sometimes stubborn enough to table into a veto.
RESOLVE = (0.25, 0.5, 0.8, 1.4, ai.ON_RECORD)
RESOLVE_P = (0.25, 0.33, 0.25, 0.12, 0.05)
ON_RECORD_CHANCE = 0.5  # a draft heading for defeat is still tabled this often, to make a point
AMEND_ON_RECORD = 0.2  # an AI amendment that would fail is still moved this often

Ballots = Generator[Prompt, Action, Tally]


@dataclass
class Draft:
    """The text on the table: its file, sponsor, selected offers and utility model."""

    file: str
    sponsor: str
    selected: np.ndarray
    model: ai.DraftModel
    symbol: str
    cosponsors: list[str] = field(default_factory=list)

    def keys(self, file: CompiledFile) -> list[str]:
        return [o.key for k, o in enumerate(file.offers) if self.selected[k]]


def available_offers(game: Game, file: CompiledFile) -> np.ndarray:
    """Which offers the file holds this month (some are offered only when a condition holds)."""
    if not any(file.offer_when):
        return np.ones(len(file.offers))
    env = build_env(game.comp, game.state)
    return np.array([1.0 if w is None or w(env) else 0.0 for w in file.offer_when])


class Meeting:
    """The Council at work on one file; `run` is its flow, paused on prompts for players."""

    def __init__(self, game: Game, file: CompiledFile, rec: MonthRecord):
        self.game, self.comp, self.state = game, game.comp, game.state
        self.file, self.rec = file, rec
        self.sponsor = next((p for p in file.penholders), 0)
        self.lobby = np.zeros(len(self.comp.codes))  # all lobbying and deals, as members feel it
        self.lobby_by: dict[str, np.ndarray] = {}  # the same, per seat that spent it (private)
        self.lobbied: dict[tuple[str, int], int] = {}  # points each seat spent on each member
        self.available = available_offers(game, file)
        self.draft: Draft | None = None
        self.amendments: list[Amend] = []
        self.rivals: list[TableDraft] = []
        self.ballots_cast: dict[str, str] = {}  # players' ballots so far, public in an open roll call
        self.on_vote: tuple[np.ndarray, str] | None = None  # utilities voted on now, and the kind
        self.amending: tuple[str, str, bool] | None = None  # the amendment voted on: mover, offer, remove
        self.roll_calls = 0  # roll calls held so far: each draws its own stream
        self.broker: str | None = None  # a player President who offered to broker a statement
        self.revisions = 0  # times the penholder took its draft back to revise it
        self.sitting: list[sitting.SittingItem] = []  # the votes of the sitting, once announced
        self.consult_done: set[str] = set()  # players through with this round of consultations

    @property
    def humans(self) -> set[str]:
        return self.game.humans

    def offer_keys(self) -> list[str]:
        return [o.key for k, o in enumerate(self.file.offers) if self.available[k]]

    def selection(self, keys: list[str]) -> np.ndarray:
        return np.array([1.0 if o.key in keys else 0.0 for o in self.file.offers])

    # ---- the flow ----------------------------------------------------------------------------
    def run(self) -> Flow:
        file, code = self.file, self.comp.codes[self.sponsor]
        dm = ai.draft_model(self.comp, self.state, file, self.sponsor, self.lobby)
        contested = file.agenda_vote is not None and file.agenda_vote(build_env(self.comp, self.state))
        if contested and not (yield from self._agenda_vote(dm)):
            return
        sel = yield from self._drafting(dm, code)
        requester = self.rec.requests.get(file.id)
        if not sel.any() and requester in self.humans and requester != code:
            dm, code = self._pen_to(requester)
            sel = yield from self._drafting(dm, code)
        if not sel.any():
            outcomes.fallback(self, dm)
            return
        if file.on_record and code not in self.humans:
            self._weighed_as_position(dm)
        self.draft = Draft(file.id, code, sel, dm, f"{file.id}/{self.state.month}")
        rivals.announce(self, dm, sel)
        while (yield from self._consultations()):  # the penholder withdrew its text to revise it
            sel = yield from self._drafting(dm, code)
            if not sel.any():
                outcomes.fallback(self, dm)
                return
            self.draft = Draft(file.id, code, sel, dm, self.draft_on_table().symbol)
        penholder_draft = self.draft
        tl = yield from self._amend_and_vote(penholder_draft)
        adopted = tl.adopted
        for rival in rivals.pressed(self, tl):  # rule 32: drafts are voted in the order submitted
            adopted = (yield from self._vote_rival(rival)) or adopted
        self.draft = penholder_draft
        if not adopted:
            outcomes.fallback(self, dm)

    def _weighed_as_position(self, dm: ai.DraftModel) -> None:
        """A text tabled to put votes on record is weighed as a position, as a rival draft is:
        members' wish that the Council act does not carry it."""
        dm.parts["wish that the Council act"] = np.full(len(self.comp.codes),
                                                         self.comp.model.ai.rival_act_bias)
        dm.base = ai.total(dm.parts)

    def _pen_to(self, seat: str) -> tuple[ai.DraftModel, str]:
        """The penholder tabled nothing: the member that asked for the meeting may table a
        text of its own (any member may table a draft)."""
        pen = self.comp.names[self.sponsor]
        self.sponsor = self.comp.index[seat]
        self.rec.say("draft", f"{pen} tables nothing; {self.comp.names[self.sponsor]}, which asked "
                     f"for the meeting, may table a text of its own.", (seat,))
        return ai.draft_model(self.comp, self.state, self.file, self.sponsor, self.lobby), seat

    def _agenda_vote(self, dm: ai.DraftModel) -> Generator[Prompt, Action, bool]:
        """The member that resents the file most objects to the agenda, which is then put to a
        procedural vote: 9 yes and no veto (Art. 27(2)), as on Syria's human rights in 2018 or
        the DPRK's in 2014. Members vote by their feeling about the file (their mean feeling
        about the clauses it offers). True when the Council takes the file up."""
        comp, file = self.comp, self.file
        on_offer = self.available > 0
        feeling = dm.base + (dm.M[:, on_offer].mean(axis=1) if on_offer.any() else 0.0)
        ai_members = [i for i, c in enumerate(comp.codes) if c not in self.humans]
        if not ai_members:
            return True
        objector = min(ai_members, key=lambda i: feeling[i])
        feeling = feeling.copy()
        feeling[objector] = -99.0  # it raised the objection: it votes against the agenda
        code = comp.codes[objector]
        self.rec.say("vote", f"{comp.names[objector]} objects to taking up {file.title}: the "
                     "agenda is put to a procedural vote, where no member has a veto.", (code,))
        symbol = f"{file.id}/{self.state.month}/agenda"
        self.sitting = sitting.for_agenda(symbol, code)
        tl = yield from self._roll_call(feeling, symbol, "procedural", code, [], procedural=True)
        if tl.adopted:
            self.rec.say("vote", sentence(f"The agenda is adopted {tl.summary()}: the Council takes "
                                          f"up {file.title}"))
        else:
            self.rec.say("vote", f"The agenda is not adopted ({tl.summary()}: 9 yes are needed): the "
                         f"Council does not take up {file.title} this month.")
        return tl.adopted

    def _drafting(self, dm: ai.DraftModel, code: str) -> Generator[Prompt, Action, np.ndarray]:
        if self.game.policies.get(code) == "no-draft":
            return np.zeros(len(self.file.offers))
        if code in self.humans:
            action = yield Prompt(kind="draft", seat=code, file=self.file.id, options=self.offer_keys(),
                                  question=sentence(f"You hold the pen on {self.file.title}")
                                  + " Table a draft?")
            return self.selection(action.offers if isinstance(action, TableDraft) else [])
        resolve = ai.ON_RECORD if self.file.on_record else RESOLVE[
            int(self.game.draw(f"resolve:{self.file.id}").choice(len(RESOLVE), p=RESOLVE_P))]
        sel = ai.cached_draft(self.comp, self.state, dm, self.urgent(), resolve, self.available)
        if sel.any() and resolve < ai.ON_RECORD and not self._worth_tabling(dm, sel):
            sel[:] = 0.0
        return sel

    def urgent(self) -> np.ndarray:
        """Offers that renew a mandate about to lapse: the penholder must table one."""
        out = np.zeros(len(self.file.offers))
        for k, o in enumerate(self.file.offers):
            op = self.state.ops.get(o.target) if o.target else None
            if op and op.active and op.mandate is not None and op.mandate <= 1 and any(
                ch.do == "renew" for ch in o.clause.effects.operations
            ):
                out[k] = 1.0
        return out

    def _worth_tabling(self, dm: ai.DraftModel, sel: np.ndarray) -> bool:
        """A draft heading for a veto or defeat is still tabled sometimes, to make a point."""
        passes = tally_list(self.ballots(dm.utilities(sel)), self.comp.codes, self.comp.permanent).adopted
        return passes or self.game.draw(f"on-record:{self.file.id}").random() < ON_RECORD_CHANCE

    def _keys(self, sel: np.ndarray) -> list[str]:
        return [o.key for k, o in enumerate(self.file.offers) if sel[k]]

    def _vote_rival(self, rival: TableDraft) -> Generator[Prompt, Action, bool]:
        """Put a rival draft to the vote after the penholder's failed; True when it is adopted."""
        comp, file = self.comp, self.file
        r = comp.index[rival.seat]
        rdm = rivals.model(self, r)
        rsel = self.selection(rival.offers)
        self.draft = Draft(file.id, rival.seat, rsel, rdm, f"{file.id}/{self.state.month}/{rival.seat}")
        self.rec.say("draft", f"{comp.names[r]} puts its rival draft on {file.title} to the vote.",
                     (rival.seat,))
        tl = yield from self._roll_call(rdm.utilities(rsel), self.draft.symbol, "draft", rival.seat,
                                        self.draft.keys(file))
        outcomes.outcome(self, tl, self.draft)
        self.draft = None
        return tl.adopted

    # ---- consultations -----------------------------------------------------------------------
    def _consultations(self) -> Generator[Prompt, Action, bool]:
        """Veto signals, then each player's consultations; True if the penholder withdrew its
        draft (the others' turns then wait for the revised text)."""
        d, comp = self.draft_on_table(), self.comp
        vlines = ai.veto_lines(comp, self.state, self.file)
        u = d.model.utilities(d.selected)
        for i, code in enumerate(comp.codes):
            if code not in self.humans and comp.permanent[i] and u[i] < vlines[i]:
                worst = int(np.argmin(d.model.M[i] * d.selected))
                self.rec.say("signal", f"{comp.names[i]} signals a veto unless "
                             f"'{self.file.offers[worst].clause.title}' goes.", (code,))
        self.consult_done = set()
        for code in self.game.round_order("consult"):
            if code not in self.humans or code in self.consult_done:  # AI now, or done already
                continue
            # the game applies each move through `consult` and resumes only on Done or Withdraw
            action = yield Prompt(kind="consult", seat=code, file=self.file.id,
                                  question="Consultations: lobby, amend, signal, or done.")
            if isinstance(action, Withdraw):
                consultation.withdraw(self)
                return True
            self.consult_done.add(code)
        return False

    def consult_early(self, action: Action) -> None:
        """A player's move before its turn (checked by the game): its Done spares it its turn."""
        if isinstance(action, Done):
            self.consult_done.add(action.seat)
        else:
            consultation.consult(self, action)

    def open_to(self, seat: str) -> bool:
        """May `seat` move in these consultations before its turn comes? Every player may, at
        once (a seminar room on its own devices), until it says done; its Done then spares it
        its turn. The penholder's withdrawal waits for its turn: it restarts the round."""
        return seat in self.humans and seat not in self.consult_done

    def projected_ballot(self, seat: str) -> str:
        """The ballot the AI would cast in `seat`'s place on the question now put, before the
        noise of the day."""
        if self.on_vote is None:
            return "abstain"
        u, kind = self.on_vote
        i = self.comp.index[seat]
        if kind == "amendment":
            return ai.amendment_ballots(self.comp, u)[i]
        if kind == "procedural":
            return ai.procedural_ballots(self.comp, u)[i]
        return self.ballots(u)[i]

    def draft_on_table(self) -> Draft:
        if self.draft is None:  # pragma: no cover - the flow sets it before consultations
            raise RuntimeError("no draft on the table")
        return self.draft

    def consult(self, action: Action) -> None:
        """One move of a player in consultations (already checked by the game)."""
        consultation.consult(self, action)

    def lobby_preview(self, seat: str) -> dict[str, tuple[float, str, str]]:
        return consultation.lobby_preview(self, seat)

    def ballots(self, u: np.ndarray) -> list[str]:
        """How members would vote on a text with utilities `u`, before the noise of the day."""
        return ai.file_ballots(self.comp, self.state, self.file, u)

    # ---- amendments and votes ------------------------------------------------------------------
    def _amend_and_vote(self, d: Draft) -> Ballots:
        file = self.file
        amendments = [(a.seat, a.offer, a.remove) for a in self.amendments]
        self.amendments = []
        pick = ai.amendment_for(self.comp, self.state, d.model, d.selected, self.humans)
        if pick and (pick[2] or self.game.draw(f"amend:{file.id}").random() < AMEND_ON_RECORD):
            amendments.append((self.comp.codes[pick[0]], file.offers[pick[1]].key, True))
        keys = [o.key for o in file.offers]
        self.sitting = sitting.for_draft(self, d, amendments)
        for n, (seat, key, remove) in enumerate(amendments, 1):
            k = keys.index(key)
            new = d.selected.copy()
            if remove:
                new[k] = 0.0
            else:
                new = ai.allowed(file, new, k)
            gain = d.model.M @ (new - d.selected)
            what = [f"{'delete' if remove else 'add'} {key}"]
            self.amending = (seat, key, remove)
            tl = yield from self._roll_call(gain, f"{d.symbol}/A{n}", "amendment", seat, what,
                                            amendment=True)
            self.amending = None
            if tl.adopted:
                d.selected = new
        u = d.model.utilities(d.selected)
        tl = yield from self._roll_call(u, d.symbol, "draft", d.sponsor, d.keys(file))
        consultation.settle_cosponsors(self, d)
        outcomes.outcome(self, tl, d)
        return tl

    def _roll_call(self, u: np.ndarray, symbol: str, kind: str, sponsor: str, clauses: list[str],
                   amendment: bool = False, procedural: bool = False) -> Ballots:
        comp = self.comp
        rng = self.game.draw(f"vote:{self.file.id}", self.roll_calls)
        self.roll_calls += 1
        noisy = u + rng.normal(0.0, comp.model.ai.noise, size=len(comp.codes))
        if amendment:
            ballots = ai.amendment_ballots(comp, noisy)
        elif procedural:
            ballots = ai.procedural_ballots(comp, noisy)
        else:
            ballots = ai.file_ballots(comp, self.state, self.file, noisy)
        votes = dict(zip(comp.codes, ballots, strict=True))
        for seat, policy in self.game.policies.items():
            if policy in ("yes", "no", "abstain"):
                votes[seat] = policy
        self.ballots_cast = {}
        self.on_vote = (u, "amendment" if amendment else "procedural" if procedural else "draft")
        for i in self.game.roll_order():
            code = comp.codes[i]
            if code in self.humans:
                action = yield Prompt(kind="vote", seat=code, file=self.file.id,
                                      options=["yes", "no", "abstain"], symbol=symbol,
                                      question=vote_question(self.comp, self.file, kind, sponsor,
                                                             self.amending))
                ballot = action.ballot if isinstance(action, Vote) else "abstain"
                votes[code] = ballot
                self.ballots_cast[code] = ballot
        self.on_vote = None
        tl = tally(votes, [c for i, c in enumerate(comp.codes) if comp.permanent[i]], procedural)
        if kind == "draft":
            consultation.settle_deals(self.state, self.comp, sponsor, votes, symbol)
            outcomes.remember(self, votes, tl, sponsor, rival=symbol.count("/") == 2)
        self.rec.votes.append(VoteRecord(self.state.month, self.file.id, symbol, kind, sponsor,
                                         clauses, votes, tl.result, list(tl.vetoed_by), tl.yes,
                                         tl.no, tl.abstain))
        return tl
