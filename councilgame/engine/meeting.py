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
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from councilgame.engine import ai
from councilgame.engine.actions import (
    Action,
    Amend,
    AnswerDeal,
    Deal,
    Lobby,
    Message,
    Prompt,
    SignalVeto,
    TableDraft,
    Vote,
)
from councilgame.engine.compiled import Compiled, CompiledFile
from councilgame.engine.environment import build_env
from councilgame.engine.namespace import MEMBER_FIELDS
from councilgame.engine.state import DealRecord, GameState, MessageRecord, MonthRecord, VoteRecord
from councilgame.engine.types import Flow
from councilgame.engine.voting import Tally, tally, tally_list

if TYPE_CHECKING:
    from councilgame.engine.game import Game

RIVAL_LINE = -0.3  # a permanent member this unhappy may table a rival draft
# How much a penholder insists on its own text this month (a few levels, so that drafts can be
# cached across games): mostly flexible, sometimes stubborn enough to table into a veto.
RESOLVE = (0.25, 0.5, 0.8, 1.4, ai.ON_RECORD)
RESOLVE_P = (0.25, 0.33, 0.25, 0.12, 0.05)
ON_RECORD_CHANCE = 0.5  # a draft heading for defeat is still tabled this often, to make a point
AMEND_ON_RECORD = 0.2  # an AI amendment that would fail is still moved this often
LOBBY_DECAY = 0.6  # each further point on the same member in one meeting buys this much less
DEAL_VALUE = 0.6  # utility a pledge of future support is worth to the member who takes it

Ballots = Generator[Prompt, Action, Tally]


@dataclass
class Draft:
    """The text on the table: its file, sponsor, selected offers and utility model."""

    file: str
    sponsor: str
    selected: np.ndarray
    model: ai.DraftModel
    symbol: str

    def keys(self, file: CompiledFile) -> list[str]:
        return [o.key for k, o in enumerate(file.offers) if self.selected[k]]


def available_offers(game: Game, file: CompiledFile) -> np.ndarray:
    """Which offers the file holds this month (some are offered only when a condition holds)."""
    if not any(file.offer_when):
        return np.ones(len(file.offers))
    env = build_env(game.comp, game.state)
    return np.array([1.0 if w is None or w(env) else 0.0 for w in file.offer_when])


def settle_deals(st: GameState, comp: Compiled, sponsor: str, votes: dict[str, str],
                 symbol: str = "") -> None:
    """A pledge falls due on the creditor's next draft: kept if the debtor votes yes. Between
    players, the target's side falls due on the draft that was on the table."""
    for deal in st.deals:
        if deal.target_status == "open" and deal.draft == symbol:
            deal.target_status = "kept" if votes.get(deal.target) == "yes" else "broken"
        if deal.status == "offered" and deal.draft == symbol:
            deal.status = "lapsed"
        if deal.status != "open" or deal.target != sponsor or deal.month == st.month:
            continue
        kept = votes.get(deal.seat) == "yes"
        deal.status = "kept" if kept else "broken"
        t, s = comp.index[deal.target], comp.index[deal.seat]
        st.memory[t, s] += 0.2 if kept else -2 * comp.model.ai.slight


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
        self.roll_calls = 0  # roll calls held so far: each draws its own stream

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
        if not sel.any():
            self._fallback(dm)
            return
        self.draft = Draft(file.id, code, sel, dm, f"{file.id}/{self.state.month}")
        self._ai_rival(dm, sel)
        yield from self._consultations()
        penholder_draft = self.draft
        tl = yield from self._amend_and_vote(penholder_draft)
        adopted = tl.adopted
        for rival in self._pressed(tl):  # rule 32: drafts are voted in the order submitted
            adopted = (yield from self._vote_rival(rival)) or adopted
        self.draft = penholder_draft
        if not adopted:
            self._fallback(dm)

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
        tl = yield from self._roll_call(feeling, f"{file.id}/{self.state.month}/agenda", "procedural",
                                        code, [], procedural=True)
        if tl.adopted:
            self.rec.say("vote", f"The agenda is adopted {tl.summary()}: the Council takes up {file.title}.")
        else:
            self.rec.say("vote", f"The agenda is not adopted ({tl.summary()}: 9 yes are needed): the "
                         f"Council does not take up {file.title} this month.")
        return tl.adopted

    def _drafting(self, dm: ai.DraftModel, code: str) -> Generator[Prompt, Action, np.ndarray]:
        if self.game.policies.get(code) == "no-draft":
            return np.zeros(len(self.file.offers))
        if code in self.humans:
            action = yield Prompt(kind="draft", seat=code, file=self.file.id, options=self.offer_keys(),
                                  question=f"You hold the pen on {self.file.title}. Table a draft?")
            return self.selection(action.offers if isinstance(action, TableDraft) else [])
        resolve = RESOLVE[int(self.game.draw(f"resolve:{self.file.id}").choice(len(RESOLVE), p=RESOLVE_P))]
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
        u = dm.utilities(sel)
        ballots = ai.ballots_from(self.comp, u, ai.veto_lines(self.comp, self.state, self.file))
        passes = tally_list(ballots, self.comp.codes, self.comp.permanent).adopted
        return passes or self.game.draw(f"on-record:{self.file.id}").random() < ON_RECORD_CHANCE

    def _ai_rival(self, dm: ai.DraftModel, sel: np.ndarray) -> None:
        """A permanent member that would veto the penholder's text sometimes announces a draft
        of its own, written from its own preferences to put its position on record (as Russia
        did on Syria, Ukraine and Gaza); such texts usually fail for lack of votes."""
        r = self._rival_member(dm, sel)
        if r is None:
            return
        rdm = ai.draft_model(self.comp, self.state, self.file, r, self.lobby)
        rsel = ai.ai_draft(self.comp, self.state, rdm, np.zeros(len(self.file.offers)), ai.ON_RECORD,
                           self.available)
        if rsel.any():
            code = self.comp.codes[r]
            self.rivals.append(TableDraft(seat=code, offers=self._keys(rsel)))
            self.rec.say("draft", f"{self.comp.names[r]} announces a rival draft on {self.file.title}.",
                         (code,))

    def _keys(self, sel: np.ndarray) -> list[str]:
        return [o.key for k, o in enumerate(self.file.offers) if sel[k]]

    def _rival_member(self, dm: ai.DraftModel, sel: np.ndarray) -> int | None:
        comp = self.comp
        u = dm.utilities(sel)
        vlines = ai.veto_lines(comp, self.state, self.file)
        rivals = [i for i in np.argsort(u) if comp.permanent[i] and u[i] < RIVAL_LINE
                  and i != dm.sponsor and comp.codes[i] not in self.humans]
        if not rivals:
            return None
        r = int(rivals[0])
        chance = 0.7 if u[r] < vlines[r] else 0.4
        return r if self.game.draw(f"rival:{self.file.id}").random() < chance else None

    def _vote_rival(self, rival: TableDraft) -> Generator[Prompt, Action, bool]:
        """Put a rival draft to the vote after the penholder's failed; True when it is adopted."""
        comp, file = self.comp, self.file
        r = comp.index[rival.seat]
        rdm = self._rival_model(r)
        rsel = self.selection(rival.offers)
        self.draft = Draft(file.id, rival.seat, rsel, rdm, f"{file.id}/{self.state.month}/{rival.seat}")
        self.rec.say("draft", f"{comp.names[r]} puts its rival draft on {file.title} to the vote.",
                     (rival.seat,))
        tl = yield from self._roll_call(rdm.utilities(rsel), self.draft.symbol, "draft", rival.seat,
                                        self.draft.keys(file))
        self._outcome(tl, self.draft)
        self.draft = None
        return tl.adopted

    def _rival_model(self, r: int) -> ai.DraftModel:
        """Members weigh a competing text less as the Council acting, and those who backed the
        penholder's text hold to it."""
        comp, params = self.comp, self.comp.model.ai
        rdm = ai.draft_model(comp, self.state, self.file, r, self.lobby)
        backed = np.zeros(len(comp.codes))
        for v in self.rec.votes:
            if v.file == self.file.id and v.kind == "draft" and v.sponsor != comp.codes[r]:
                backed = np.maximum(backed, [1.0 if v.ballots[c] == "yes" else 0.0 for c in comp.codes])
        backed[r] = 0.0
        rdm.parts["wish that the Council act"] = np.full(len(comp.codes), params.rival_act_bias)
        rdm.parts["backed the penholder's text"] = -params.rival_loyalty * backed
        rdm.base = ai.total(rdm.parts)
        return rdm

    def _pressed(self, tl: Tally) -> list[TableDraft]:
        """The rival drafts put to the vote after the penholder's. When the penholder's text
        failed, all of them; when it was adopted, a player's rival is withdrawn (a
        simplification: rule 32 would let it stand), and an AI sponsor presses its own only to
        put its position on record, sometimes, if it did not vote for the adopted text."""
        if not tl.adopted:
            return list(self.rivals)
        last = self.rec.votes[-1].ballots
        pressed = []
        for rival in self.rivals:
            on_record = (rival.seat not in self.humans and last.get(rival.seat) != "yes"
                         and self.game.draw(f"press:{self.file.id}:{rival.seat}").random() < 0.5)
            if on_record:
                pressed.append(rival)
            else:
                name = self.comp.names[self.comp.index[rival.seat]]
                self.rec.say("draft", f"{name} does not press its rival draft to a vote.", (rival.seat,))
        return pressed

    # ---- consultations -----------------------------------------------------------------------
    def _consultations(self) -> Flow:
        d, comp = self._draft(), self.comp
        vlines = ai.veto_lines(comp, self.state, self.file)
        u = d.model.utilities(d.selected)
        for i, code in enumerate(comp.codes):
            if code not in self.humans and comp.permanent[i] and u[i] < vlines[i]:
                worst = int(np.argmin(d.model.M[i] * d.selected))
                self.rec.say("signal", f"{comp.names[i]} signals a veto unless "
                             f"'{self.file.offers[worst].clause.title}' goes.", (code,))
        for code in sorted(self.humans, key=lambda c: comp.names[comp.index[c]]):
            # the game applies each move through `consult` and resumes only on Done
            yield Prompt(kind="consult", seat=code, file=self.file.id,
                         question="Consultations: lobby, amend, signal, or done.")

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
        return ai.ballots_from(self.comp, u, ai.veto_lines(self.comp, self.state, self.file))[i]

    def _draft(self) -> Draft:
        if self.draft is None:  # pragma: no cover - the flow sets it before consultations
            raise RuntimeError("no draft on the table")
        return self.draft

    def consult(self, action: Action) -> None:
        """One move of a player in consultations (already checked by the game)."""
        d, comp, st, rec = self._draft(), self.comp, self.state, self.rec
        if isinstance(action, Lobby):
            self._lobby(action)
        elif isinstance(action, Deal):
            self._deal(action)
        elif isinstance(action, SignalVeto):
            i = comp.index[action.seat]
            rec.say("signal", f"{comp.names[i]} signals a veto of the draft as it stands.",
                    (action.seat,))
            if d.sponsor not in self.humans:
                worst = int(np.argmin(d.model.M[i] * d.selected))
                d.selected[worst] = 0.0
        elif isinstance(action, Amend):
            self.amendments.append(action)
        elif isinstance(action, AnswerDeal):
            deal = st.deals[action.deal]
            deal.status = "open" if action.accept else "declined"
            if action.accept:
                deal.target_status = "open"
        elif isinstance(action, Message):
            st.messages.append(MessageRecord(st.month, action.seat, action.target, action.text))
        elif isinstance(action, TableDraft):
            self.rivals.append(action)
            rec.say("draft", f"{comp.names[comp.index[action.seat]]} announces a rival draft.",
                    (action.seat,))

    def _lobby(self, action: Lobby) -> None:
        d, comp, st = self._draft(), self.comp, self.state
        t = comp.index[action.target]
        before = self.leaning(t)
        st.capital[action.seat] -= action.points
        self._push(action.seat, t, self.lobby_gain(action.seat, t, action.points))
        self.lobbied[(action.seat, t)] = self.lobbied.get((action.seat, t), 0) + action.points
        st.memory[t, comp.index[action.seat]] += 0.1 * action.points
        d.model.base = ai.total(d.model.parts)
        after = self.leaning(t)
        who, by = comp.names[t], comp.names[comp.index[action.seat]]
        text = (f"{who} hears {by} out and now leans {after}." if after != before
                else f"{who} hears {by} out but still leans {after}.")
        self.rec.say("lobby", text, (action.seat, action.target), private_to=(action.seat,))

    def lobby_gain(self, seat: str, member: int, points: int = 1) -> float:
        """What `points` of capital spent on `member` now add to its utility for the draft:
        each point on the same member in one meeting buys less than the one before."""
        done = self.lobbied.get((seat, member), 0)
        return self.comp.model.ai.lobby_effect * sum(LOBBY_DECAY ** k for k in range(done, done + points))

    def lobby_preview(self, seat: str) -> dict[str, tuple[float, str, str]]:
        """For each member a seat may lobby: (what one point buys now, leaning now, after)."""
        d, comp = self._draft(), self.comp
        u = d.model.utilities(d.selected)
        lines = ai.veto_lines(comp, self.state, self.file)
        now = ai.ballots_from(comp, u, lines)
        out = {}
        for t, code in enumerate(comp.codes):
            if code == seat or code in self.humans:
                continue
            gain = self.lobby_gain(seat, t)
            moved = u.copy()
            moved[t] += gain
            out[code] = (round(gain, 2), now[t], ai.ballots_from(comp, moved, lines)[t])
        return out

    def _push(self, seat: str, member: int, amount: float) -> None:
        self.lobby[member] += amount
        self.lobby_by.setdefault(seat, np.zeros(len(self.comp.codes)))[member] += amount

    def leaning(self, member: int) -> str:
        """How a member would vote on the draft on the table now, before the noise of the day."""
        d = self._draft()
        u = d.model.utilities(d.selected)
        return ai.ballots_from(self.comp, u, ai.veto_lines(self.comp, self.state, self.file))[member]

    def _deal(self, action: Deal) -> None:
        """An AI target takes the deal if the pledge is worth enough to bring its vote round;
        a player's seat answers it itself (sealed until the debrief)."""
        d, comp, st = self._draft(), self.comp, self.state
        if action.target in self.humans:
            st.deals.append(DealRecord(st.month, action.seat, action.target, d.file,
                                       status="offered", draft=d.symbol))
            return
        t, s = comp.index[action.target], comp.index[action.seat]
        value = DEAL_VALUE + 0.3 * comp.member_ties[t, s] + 0.5 * st.memory[t, s]
        u = d.model.utilities(d.selected)[t]
        broken = sum(1 for x in st.deals if x.seat == action.seat and x.status == "broken")
        seats, private = (action.seat, action.target), (action.seat,)
        if u > comp.model.ai.yes_threshold + ai.SAFETY or value - 0.4 * broken <= 0:
            self.rec.say("deal", f"{comp.names[t]} declines the deal offered by {comp.names[s]}.",
                         seats, private)
            return
        self._push(action.seat, t, value)
        d.model.base = ai.total(d.model.parts)
        st.deals.append(DealRecord(st.month, action.seat, action.target, d.file))
        self.rec.say("deal", f"{comp.names[t]} accepts a deal with {comp.names[s]}.", seats, private)

    # ---- amendments and votes ------------------------------------------------------------------
    def _amend_and_vote(self, d: Draft) -> Ballots:
        file = self.file
        amendments = [(a.seat, a.offer, a.remove) for a in self.amendments]
        self.amendments = []
        pick = ai.amendment_for(self.comp, self.state, d.model, d.selected, self.humans)
        if pick and (pick[2] or self.game.draw(f"amend:{file.id}").random() < AMEND_ON_RECORD):
            amendments.append((self.comp.codes[pick[0]], file.offers[pick[1]].key, True))
        keys = [o.key for o in file.offers]
        for n, (seat, key, remove) in enumerate(amendments, 1):
            k = keys.index(key)
            new = d.selected.copy()
            if remove:
                new[k] = 0.0
            else:
                new = ai.allowed(file, new, k)
            gain = d.model.M @ (new - d.selected)
            what = [f"{'delete' if remove else 'add'} {key}"]
            tl = yield from self._roll_call(gain, f"{d.symbol}/A{n}", "amendment", seat, what,
                                            amendment=True)
            if tl.adopted:
                d.selected = new
        u = d.model.utilities(d.selected)
        tl = yield from self._roll_call(u, d.symbol, "draft", d.sponsor, d.keys(file))
        self._outcome(tl, d)
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
            ballots = ai.ballots_from(comp, noisy, ai.veto_lines(comp, self.state, self.file))
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
                                      options=["yes", "no", "abstain"],
                                      question=f"Vote on {symbol} ({kind}).")
                ballot = action.ballot if isinstance(action, Vote) else "abstain"
                votes[code] = ballot
                self.ballots_cast[code] = ballot
        self.on_vote = None
        tl = tally(votes, [c for i, c in enumerate(comp.codes) if comp.permanent[i]], procedural)
        if kind == "draft":
            settle_deals(self.state, self.comp, sponsor, votes, symbol)
            self._remember(votes, tl, sponsor, rival=symbol.count("/") == 2)
        self.rec.votes.append(VoteRecord(self.state.month, self.file.id, symbol, kind, sponsor,
                                         clauses, votes, tl.result, list(tl.vetoed_by), tl.yes,
                                         tl.no, tl.abstain))
        return tl

    def _remember(self, votes: dict[str, str], tl: Tally, sponsor: str, rival: bool) -> None:
        """Count each member's ballot, veto and rival draft, for events that answer them."""
        comp, st = self.comp, self.state
        width = len(MEMBER_FIELDS)
        if not st.member_votes:
            st.member_votes = [0] * (len(comp.codes) * width)
        slot = {f: k for k, f in enumerate(MEMBER_FIELDS)}
        for code, ballot in votes.items():
            if ballot in slot:
                st.member_votes[comp.index[code] * width + slot[ballot]] += 1
        for code in tl.vetoed_by:
            st.member_votes[comp.index[code] * width + slot["vetoes"]] += 1
        if rival:
            st.member_votes[comp.index[sponsor] * width + slot["rivals"]] += 1
            st.counts["rivals"] = st.counts.get("rivals", 0) + 1

    def _outcome(self, tl: Tally, d: Draft) -> None:
        st, comp, file, rec = self.state, self.comp, self.file, self.rec
        fs = st.files[file.id]
        sponsor = comp.index[d.sponsor]
        if tl.adopted:
            st.counts["adopted"] += 1
            fs.adopted += 1
            st.margins.append(100.0 * tl.yes / len(comp.codes))
            rec.outputs[file.id] = "resolution"
            rec.say("vote", f"{file.title}: adopted {tl.summary()}.", (d.sponsor,))
            changer = self.game.changer
            for k, o in enumerate(file.offers):
                if d.selected[k]:
                    label = o.clause.title
                    rec.say_all("effect", changer.apply(o.clause.effects, "clause", o.key, label,
                                                        o.target))
                    if o.clause.legitimacy:
                        changer.add(comp.var_index["accountability"], o.clause.legitimacy,
                                    "clause", o.key, label)
            return
        if tl.vetoed_by:
            st.counts["vetoes"] += 1
            fs.vetoes += 1
            names = " and ".join(comp.names[comp.index[c]] for c in tl.vetoed_by)
            rec.say("vote", f"{file.title}: vetoed by {names} ({tl.summary()}); the General "
                    "Assembly will debate the veto (res. 76/262).", tl.vetoed_by)
            for c in tl.vetoed_by:
                st.vetoes_cast[c] = st.vetoes_cast.get(c, 0) + 1
                v = comp.index[c]
                st.memory[sponsor, v] -= comp.model.ai.slight
                st.memory[v, sponsor] -= comp.model.ai.slight / 2
        else:
            st.counts["failed"] += 1
            fs.failed += 1
            perm_no = [c for c in tl.voted_no if comp.permanent[comp.index[c]]]
            note = (f"; {' and '.join(comp.names[comp.index[c]] for c in perm_no)} voted no, "
                    "which is no veto when a text lacks nine votes") if perm_no else ""
            rec.say("vote", f"{file.title}: failed with {tl.yes} votes in favour "
                    f"({tl.summary()}){note}.", (d.sponsor,))

    def _fallback(self, dm: ai.DraftModel) -> None:
        """When no resolution passes. A presidential statement needs true consensus: nobody who
        voted against a text on the file today joins one. An agreed press statement asks less
        (no permanent member against it, nobody firmly opposed); otherwise the President only
        gives press elements, which commit nobody."""
        file, rec, comp = self.file, self.rec, self.comp
        rng = self.game.draw(f"statement:{file.id}")
        noisy = dm.base + rng.normal(0.0, comp.model.ai.noise, size=len(comp.codes))
        against = {c for v in rec.votes if v.file == file.id and v.kind == "draft"
                   for c, b in v.ballots.items() if b == "no"}
        permanent_against = any(comp.permanent[comp.index[c]] for c in against)
        line = comp.model.ai.no_threshold
        if not against and (noisy > line * 0.5).all():
            rec.outputs[file.id] = "presidential statement"
            self.state.files[file.id].prst += 1
            rec.say("statement", f"{file.title}: the President reads a statement agreed by consensus.")
        elif not permanent_against and (noisy > line).all():
            rec.outputs[file.id] = "press statement"
            self.state.counts["press"] = self.state.counts.get("press", 0) + 1
            rec.say("statement", f"{file.title}: members agree a press statement.")
        else:
            rec.outputs[file.id] = "press elements"
            rec.say("statement", f"{file.title}: no consensus; the President gives press elements.")
