"""The Council at work on one agenda file: drafting, rival drafts, consultations, amendments,
the roll call and what a vote leads to. A mixin of `Game`, which owns the state and the flow."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np

from councilgame.engine import ai
from councilgame.engine.actions import (
    Action,
    Amend,
    AnswerDeal,
    Deal,
    Done,
    Lobby,
    Message,
    Prompt,
    SignalVeto,
    TableDraft,
)
from councilgame.engine.compiled import CompiledFile
from councilgame.engine.environment import build_env
from councilgame.engine.state import DealRecord, MessageRecord, MonthRecord, VoteRecord
from councilgame.engine.types import Draft, Flow
from councilgame.engine.voting import Tally, tally

RIVAL_LINE = -0.3  # a permanent member this unhappy may table a rival draft
# How much a penholder insists on its own text this month (a few levels, so that drafts can be
# cached across games): mostly flexible, sometimes stubborn enough to table into a veto.
RESOLVE = (0.25, 0.5, 0.8, 1.4, ai.ON_RECORD)
RESOLVE_P = (0.25, 0.33, 0.25, 0.12, 0.05)
DEAL_VALUE = 0.6  # utility a pledge of future support is worth to the member who takes it


class Meeting:
    """Methods of Game that handle one file in the chamber."""

    def _deal_with(self, file: CompiledFile, rec: MonthRecord) -> Flow:
        sponsor = next((p for p in file.penholders), 0)
        code = self.comp.codes[sponsor]
        self.lobby[:] = 0.0
        self.available = self._available(file)
        dm = ai.draft_model(self.comp, self.state, file, sponsor, self.lobby)
        if code in self.humans:
            action = yield Prompt(kind="draft", seat=code, file=file.id,
                                  options=self.offer_keys(file.id),
                                  question=f"You hold the pen on {file.title}. Table a draft?")
            keys = action.offers if isinstance(action, TableDraft) else []
            sel = np.array([1.0 if o.key in keys else 0.0 for o in file.offers])
        else:
            resolve = RESOLVE[int(self.rng.choice(len(RESOLVE), p=RESOLVE_P))]
            sel = ai.cached_draft(self.comp, self.state, dm, self._urgent(file), resolve,
                                  self.available)
            if sel.any() and resolve < ai.ON_RECORD and not self._worth_tabling(dm, sel):
                sel[:] = 0.0
        if not sel.any():
            self._fallback(file, rec, dm)
            return
        if code not in self.humans:
            r = self._ai_rival(dm, sel)
            if r is not None:
                rdm = ai.draft_model(self.comp, self.state, file, r, self.lobby)
                rsel = ai.ai_draft(self.comp, self.state, rdm, np.zeros(len(file.offers)), 2.5,
                                   self.available)
                if rsel.any() and (yield from self._vote_rival(file, rec, rdm, rsel)):
                    return
        symbol = f"{file.id}/{self.state.month}"
        self.draft = Draft(file.id, code, sel, dm, symbol)
        self._human_rivals: list[TableDraft] = []
        yield from self._consult(file, rec)
        penholder_draft = self.draft
        for rival in self._human_rivals:
            rdm = ai.draft_model(self.comp, self.state, file, self.comp.index[rival.seat], self.lobby)
            rsel = np.array([1.0 if o.key in rival.offers else 0.0 for o in file.offers])
            if (yield from self._vote_rival(file, rec, rdm, rsel)):
                return
        self.draft = penholder_draft
        tl = yield from self._amend_and_vote(file, rec)
        self.draft = None
        if not tl.adopted:
            self._fallback(file, rec, dm)

    def _available(self, file: CompiledFile) -> np.ndarray:
        """Which offers the file holds this month (some are offered only when a condition holds)."""
        if not any(file.offer_when):
            return np.ones(len(file.offers))
        env = build_env(self.comp, self.state)
        return np.array([1.0 if w is None or w(env) else 0.0 for w in file.offer_when])

    def offer_keys(self, file_id: str) -> list[str]:
        """Keys of the offers available for a file this month."""
        file = self.comp.files[file_id]
        avail = self.available if len(self.available) == len(file.offers) else self._available(file)
        return [o.key for k, o in enumerate(file.offers) if avail[k]]

    def _ai_rival(self, dm: ai.DraftModel, sel: np.ndarray) -> int | None:
        """A permanent member that would veto the penholder's text sometimes tables its own
        draft first, as Russia did on Syria and Ukraine; it usually fails for lack of votes."""
        comp = self.comp
        u = dm.utilities(sel)
        vlines = ai.veto_lines(comp, self.state)
        rivals = [i for i in np.argsort(u) if comp.permanent[i] and u[i] < RIVAL_LINE
                  and i != dm.sponsor and comp.codes[i] not in self.humans]
        if not rivals:
            return None
        r = int(rivals[0])
        return r if self.rng.random() < (0.5 if u[r] < vlines[r] else 0.2) else None

    def _vote_rival(self, file: CompiledFile, rec: MonthRecord, rdm: ai.DraftModel,
                    rsel: np.ndarray) -> Generator[Prompt, Action, bool]:
        """Put a rival draft to the vote before the penholder's; True when it is adopted
        (the penholder then withdraws its text)."""
        comp = self.comp
        sponsor = comp.codes[rdm.sponsor]
        self.draft = Draft(file.id, sponsor, rsel, rdm, f"{file.id}/{self.state.month}/{sponsor}")
        keys = [o.key for k, o in enumerate(file.offers) if rsel[k]]
        rec.news.append(f"{comp.names[rdm.sponsor]} tables a rival draft on {file.title}.")
        tl = yield from self._roll_call(rdm.utilities(rsel), self.draft.symbol, "draft",
                                        sponsor, keys, rec)
        self._outcome(file, rec, tl, self.draft)
        self.draft = None
        return tl.adopted

    def _urgent(self, file: CompiledFile) -> np.ndarray:
        """Offers that renew a mandate about to lapse: the penholder must table one."""
        out = np.zeros(len(file.offers))
        for k, o in enumerate(file.offers):
            op = self.state.ops.get(o.target) if o.target else None
            if op and op.active and op.mandate is not None and op.mandate <= 1 and any(
                ch.do == "renew" for ch in o.clause.effects.operations
            ):
                out[k] = 1.0
        return out

    def _worth_tabling(self, dm: ai.DraftModel, sel: np.ndarray) -> bool:
        """A draft heading for a veto or defeat is still tabled sometimes, to make a point."""
        u = dm.utilities(sel)
        ballots = ai.ballots_from(self.comp, u, ai.veto_lines(self.comp, self.state))
        passes = ballots.count("yes") >= 9 and not any(
            b == "no" and self.comp.permanent[i] for i, b in enumerate(ballots))
        return passes or self.rng.random() < 0.35

    def _consult(self, file: CompiledFile, rec: MonthRecord) -> Flow:
        d = self.draft
        vlines = ai.veto_lines(self.comp, self.state)
        u = d.model.utilities(d.selected)
        for i, code in enumerate(self.comp.codes):
            if code not in self.humans and self.comp.permanent[i] and u[i] < vlines[i]:
                worst = int(np.argmin(d.model.M[i] * d.selected))
                rec.news.append(f"{self.comp.names[i]} signals a veto unless "
                                f"'{file.offers[worst].clause.title}' goes.")
        for code in sorted(self.humans, key=lambda c: self.comp.names[self.comp.index[c]]):
            while True:
                action = yield Prompt(kind="consult", seat=code, file=file.id,
                                      question="Consultations: lobby, amend, signal, or done.")
                if isinstance(action, Done):
                    break
                self._consult_action(action, rec)

    def _consult_action(self, action: Action, rec: MonthRecord) -> None:
        d, comp, st = self.draft, self.comp, self.state
        if isinstance(action, Lobby):
            t = comp.index[action.target]
            before = self._leaning(t)
            st.capital[action.seat] -= action.points
            self.lobby[t] += action.points * comp.model.ai.lobby_effect
            st.memory[t, comp.index[action.seat]] += 0.1 * action.points
            d.model.base = sum(d.model.parts.values())
            after = self._leaning(t)
            who, by = comp.names[t], comp.names[comp.index[action.seat]]
            rec.news.append(f"{who} hears {by} out and now leans {after}." if after != before
                            else f"{who} hears {by} out but still leans {after}.")
        elif isinstance(action, Deal):
            self._deal(action, rec)
        elif isinstance(action, SignalVeto):
            i = comp.index[action.seat]
            rec.news.append(f"{comp.names[i]} signals a veto of the draft as it stands.")
            if d.sponsor not in self.humans:
                worst = int(np.argmin(d.model.M[i] * d.selected))
                d.selected[worst] = 0.0
        elif isinstance(action, Amend):
            self._pending_amendments.append(action)
        elif isinstance(action, AnswerDeal):
            self._answer_deal(action)
        elif isinstance(action, Message):
            st.messages.append(MessageRecord(st.month, action.seat, action.target, action.text))
        elif isinstance(action, TableDraft):
            self._human_rivals.append(action)
            rec.news.append(f"{comp.names[comp.index[action.seat]]} announces a rival draft.")

    def _leaning(self, member: int) -> str:
        """How a member would vote on the draft on the table now, before the noise of the day."""
        d = self.draft
        u = d.model.utilities(d.selected)
        return ai.ballots_from(self.comp, u, ai.veto_lines(self.comp, self.state))[member]

    def _deal(self, action: Deal, rec: MonthRecord) -> None:
        """An AI target takes the deal if the pledge is worth enough to bring its vote round;
        a player's seat answers it itself (sealed until the debrief)."""
        d, comp, st = self.draft, self.comp, self.state
        if action.target in self.humans:
            st.deals.append(DealRecord(st.month, action.seat, action.target, d.file,
                                       status="offered", draft=d.symbol))
            return
        t, s = comp.index[action.target], comp.index[action.seat]
        value = DEAL_VALUE + 0.3 * comp.member_ties[t, s] + 0.5 * st.memory[t, s]
        u = d.model.utilities(d.selected)[t]
        broken = sum(1 for x in st.deals if x.seat == action.seat and x.status == "broken")
        if u > comp.model.ai.yes_threshold + ai.SAFETY or value - 0.4 * broken <= 0:
            rec.news.append(f"{comp.names[t]} declines the deal offered by {comp.names[s]}.")
            return
        self.lobby[t] += value
        d.model.base = sum(d.model.parts.values())
        st.deals.append(DealRecord(st.month, action.seat, action.target, d.file))
        rec.news.append(f"{comp.names[t]} accepts a deal with {comp.names[s]}.")

    def _answer_deal(self, action: AnswerDeal) -> None:
        deal = self.state.deals[action.deal]
        deal.status = "open" if action.accept else "declined"
        if action.accept:
            deal.target_status = "open"

    def _settle_deals(self, sponsor: str, votes: dict[str, str], symbol: str = "") -> None:
        """A pledge falls due on the creditor's next draft: kept if the debtor votes yes. Between
        players, the target's side falls due on the draft that was on the table."""
        st, comp = self.state, self.comp
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

    def _amend_and_vote(self, file: CompiledFile, rec: MonthRecord) -> Generator[Prompt, Action, Tally]:
        d = self.draft
        amendments = [(a.seat, a.offer, a.remove) for a in self._pending_amendments]
        self._pending_amendments = []
        pick = ai.amendment_for(self.comp, self.state, d.model, d.selected, self.humans)
        if pick:
            amendments.append((self.comp.codes[pick[0]], file.offers[pick[1]].key, True))
        for n, (seat, key, remove) in enumerate(amendments, 1):
            k = next(j for j, o in enumerate(file.offers) if o.key == key)
            new = d.selected.copy()
            if remove:
                new[k] = 0.0
            else:
                new = ai.allowed(file, new, k)
            gain = d.model.M @ (new - d.selected)
            what = [f"{'delete' if remove else 'add'} {key}"]
            tl = yield from self._roll_call(gain, f"{d.symbol}/A{n}", "amendment", seat, what, rec,
                                            amendment=True)
            if tl.adopted:
                d.selected = new
        u = d.model.utilities(d.selected)
        keys = [o.key for k, o in enumerate(file.offers) if d.selected[k]]
        tl = yield from self._roll_call(u, d.symbol, "draft", d.sponsor, keys, rec)
        self._outcome(file, rec, tl, d)
        return tl

    def _roll_call(self, u: np.ndarray, symbol: str, kind: str, sponsor: str, clauses: list[str],
                   rec: MonthRecord, amendment: bool = False) -> Generator[Prompt, Action, Tally]:
        comp = self.comp
        noisy = u + self.rng.normal(0.0, comp.model.ai.noise, size=len(comp.codes))
        if amendment:
            ballots = ai.amendment_ballots(comp, noisy)
        else:
            ballots = ai.ballots_from(comp, noisy, ai.veto_lines(comp, self.state))
        votes = dict(zip(comp.codes, ballots, strict=True))
        self.ballots_cast = {}  # players' ballots so far, public in an open roll call
        for i in self._roll_order():
            code = comp.codes[i]
            if code in self.humans:
                action = yield Prompt(kind="vote", seat=code, file=self.draft.file,
                                      options=["yes", "no", "abstain"],
                                      question=f"Vote on {symbol} ({kind}).")
                votes[code] = action.ballot
                self.ballots_cast[code] = action.ballot
        tl = tally(votes, [c for i, c in enumerate(comp.codes) if comp.permanent[i]])
        if kind == "draft":
            self._settle_deals(sponsor, votes, symbol)
        rec.votes.append(VoteRecord(self.state.month, self.draft.file, symbol, kind, sponsor, clauses,
                                    votes, tl.result, list(tl.vetoed_by), tl.yes, tl.no, tl.abstain))
        return tl

    def _roll_order(self) -> list[int]:
        order = self.comp.president_order
        start = order.index(self.comp.index[self.president()])
        return order[start:] + order[:start]

    def _outcome(self, file: CompiledFile, rec: MonthRecord, tl: Tally, d: Draft) -> None:
        st, comp = self.state, self.comp
        fs = st.files[file.id]
        sponsor = comp.index[d.sponsor]
        if tl.adopted:
            st.counts["adopted"] += 1
            fs.adopted += 1
            st.margins.append(100.0 * tl.yes / len(comp.codes))
            rec.outputs[file.id] = "resolution"
            rec.news.append(f"{file.title}: adopted {tl.summary()}.")
            for k, o in enumerate(file.offers):
                if d.selected[k]:
                    label = o.clause.title
                    rec.news += self.changer.apply(o.clause.effects, "clause", o.key, label, o.target)
                    if o.clause.legitimacy:
                        self.changer.add(comp.var_index["accountability"], o.clause.legitimacy,
                                         "clause", o.key, label)
            return
        if tl.vetoed_by:
            st.counts["vetoes"] += 1
            fs.vetoes += 1
            names = " and ".join(comp.names[comp.index[c]] for c in tl.vetoed_by)
            rec.news.append(f"{file.title}: vetoed by {names} ({tl.summary()}); the General "
                            "Assembly will debate the veto (res. 76/262).")
            for c in tl.vetoed_by:
                st.vetoes_cast[c] = st.vetoes_cast.get(c, 0) + 1
                v = comp.index[c]
                st.memory[sponsor, v] -= comp.model.ai.slight
                st.memory[v, sponsor] -= comp.model.ai.slight / 2
        else:
            st.counts["failed"] += 1
            fs.failed += 1
            rec.news.append(f"{file.title}: failed with {tl.yes} votes in favour ({tl.summary()}).")

    def _fallback(self, file: CompiledFile, rec: MonthRecord, dm: ai.DraftModel) -> None:
        """When no resolution passes: a presidential statement needs consensus; else press
        elements, which commit nobody."""
        noisy = dm.base + self.rng.normal(0.0, self.comp.model.ai.noise, size=len(self.comp.codes))
        if (noisy > self.comp.model.ai.no_threshold * 0.5).all():
            rec.outputs[file.id] = "presidential statement"
            self.state.files[file.id].prst += 1
            rec.news.append(f"{file.title}: the President reads a statement agreed by consensus.")
        else:
            rec.outputs[file.id] = "press elements"
            rec.news.append(f"{file.title}: no consensus; the President gives press elements.")
