"""A game: (scenario, seats, seed) plus the actions applied. The month runs as a generator
that pauses on a `Prompt` whenever a human seat must act, so the same code serves headless
AI games, the TUI and replays of a save's action log."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass

import numpy as np

from councilgame.engine import ai, events
from councilgame.engine.actions import (
    Action,
    Amend,
    Choose,
    Done,
    Lobby,
    Prompt,
    SignalVeto,
    TableDraft,
    Vote,
)
from councilgame.engine.compiled import Compiled, CompiledFile
from councilgame.engine.environment import build_env
from councilgame.engine.operations import (
    Changer,
    apply_noise,
    monthly_operations,
    new_op_state,
    tick_mandates,
)
from councilgame.engine.scoring import compute_scores, objective_scores
from councilgame.engine.state import FileState, GameState, MonthRecord, VoteRecord
from councilgame.engine.voting import Tally, tally

Flow = Generator[Prompt, Action, None]
RIVAL_LINE = -0.3  # a permanent member this unhappy may table a rival draft


class ActionError(ValueError):
    """An action that does not answer the prompt the game is waiting on."""


@dataclass
class Draft:
    """The draft on the table, for screens to show."""

    file: str
    sponsor: str
    selected: np.ndarray
    model: ai.DraftModel
    symbol: str


def initial_state(comp: Compiled) -> GameState:
    sc = comp.scenario
    theatre_index = {t.id: i for i, t in enumerate(sc.theatres)}
    n = len(comp.codes)
    return GameState(
        month=1, vars=comp.var_init.copy(), flags={f.id: f.initial for f in sc.flags},
        crises={c.id: False for c in sc.crises},
        ops={op.id: new_op_state(op, theatre_index[op.theatre]) for op in sc.operations},
        files={f.id: FileState(f.id) for f in sc.files}, fired={}, last_fired={}, scheduled=[],
        memory=np.zeros((n, n)), capital={c: sc.capital for c in comp.codes}, vetoes_cast={},
    )


class Game:
    def __init__(self, comp: Compiled, seed: int, humans: Iterable[str] = (), record: bool = True):
        self.comp = comp
        self.seed = int(seed)
        self.humans = set(humans)
        self.rng = np.random.default_rng(self.seed)
        self.state = initial_state(comp)
        self.changer = Changer(comp, self.state, record)
        self.log: list[Action] = []
        self.prompt: Prompt | None = None
        self.draft: Draft | None = None
        self.lobby = np.zeros(len(comp.codes))
        self._pending_amendments: list[Amend] = []
        self._flow = self._play()
        self._resume(None)

    # ---- driving -------------------------------------------------------------------------
    def _resume(self, action: Action | None) -> None:
        try:
            self.prompt = self._flow.send(action)  # type: ignore[arg-type]
        except StopIteration:
            self.prompt = None

    def apply(self, action: Action) -> None:
        """Answer the current prompt. Invalid actions raise ActionError and change nothing."""
        self._check(action)
        self.log.append(action)
        self._resume(action)

    def _check(self, action: Action) -> None:
        p = self.prompt
        if p is None:
            raise ActionError("the game is not waiting for anyone")
        if action.seat != p.seat:
            raise ActionError(f"it is {p.seat}'s turn, not {action.seat}'s")
        allowed = {"draft": (TableDraft, Done), "consult": (Lobby, Amend, SignalVeto, Done),
                   "vote": (Vote,), "choice": (Choose,)}[p.kind]
        if not isinstance(action, allowed):
            raise ActionError(f"a {p.kind} prompt does not take a {action.kind} action")
        if isinstance(action, TableDraft | Amend):
            keys = {o.key for o in self.comp.files[p.file].offers}
            asked = action.offers if isinstance(action, TableDraft) else [action.offer]
            bad = [k for k in asked if k not in keys]
            if bad:
                raise ActionError(f"not a clause on offer for this file: {', '.join(bad)}")
        if isinstance(action, Lobby):
            if action.target not in self.comp.index:
                raise ActionError(f"{action.target} does not sit on the Council")
            if self.state.capital[action.seat] < action.points:
                raise ActionError("not enough political capital")
        if isinstance(action, SignalVeto) and not self.comp.permanent[self.comp.index[action.seat]]:
            raise ActionError("only a permanent member can veto")
        if isinstance(action, Choose) and action.option not in p.options:
            raise ActionError(f"choose one of: {', '.join(p.options)}")

    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def record_month(self) -> MonthRecord:
        return self.state.history[-1]

    def president(self, month: int | None = None) -> str:
        m = (month or self.state.month) - 1
        order = self.comp.president_order
        start = order.index(self.comp.first_president)
        return self.comp.codes[order[(start + m) % len(order)]]

    # ---- the turn ------------------------------------------------------------------------
    def _play(self) -> Flow:
        st = self.state
        st.scores = compute_scores(self.comp, st)
        st.outcomes_start = st.scores["outcomes"]
        st.scores = compute_scores(self.comp, st)
        while True:
            rec = self._begin_month()
            for fid in rec.agenda:
                yield from self._deal_with(self.comp.files[fid], rec)
            self._consequences(rec)
            yield from self._events(rec)
            self._after_events(rec)
            if st.finished:
                return
            st.month += 1

    def _begin_month(self) -> MonthRecord:
        st, sc = self.state, self.comp.scenario
        for c in st.capital:
            st.capital[c] = min(30, st.capital[c] + (sc.capital_per_month if st.month > 1 else 0))
        st.memory *= self.comp.model.ai.memory_decay
        rec = MonthRecord(st.month, self.president())
        env = build_env(self.comp, st)
        for f in sc.files:
            fs = st.files[f.id]
            cf = self.comp.files[f.id]
            fs.on_agenda = fs.queued or st.month in cf.months or bool(cf.when and cf.when(env))
            fs.queued = False
            if fs.on_agenda:
                rec.agenda.append(f.id)
        st.history.append(rec)
        return rec

    def _deal_with(self, file: CompiledFile, rec: MonthRecord) -> Flow:
        sponsor = next((p for p in file.penholders), 0)
        code = self.comp.codes[sponsor]
        self.lobby[:] = 0.0
        dm = ai.draft_model(self.comp, self.state, file, sponsor, self.lobby)
        if code in self.humans:
            action = yield Prompt(kind="draft", seat=code, file=file.id,
                                  options=[o.key for o in file.offers],
                                  question=f"You hold the pen on {file.title}. Table a draft?")
            keys = action.offers if isinstance(action, TableDraft) else []
            sel = np.array([1.0 if o.key in keys else 0.0 for o in file.offers])
        else:
            resolve = float(self.rng.gamma(2.0, 0.3))
            sel = ai.ai_draft(self.comp, self.state, dm, self._urgent(file), resolve)
            if sel.any() and not self._worth_tabling(dm, sel):
                sel[:] = 0.0
        if not sel.any():
            self._fallback(file, rec, dm)
            return
        if code not in self.humans:
            rival = yield from self._rival_draft(file, rec, dm, sel)
            if rival:
                return
        symbol = f"{file.id}/{self.state.month}"
        self.draft = Draft(file.id, code, sel, dm, symbol)
        yield from self._consult(file, rec)
        tl = yield from self._amend_and_vote(file, rec)
        self.draft = None
        if not tl.adopted:
            self._fallback(file, rec, dm)

    def _rival_draft(self, file: CompiledFile, rec: MonthRecord, dm: ai.DraftModel,
                     sel: np.ndarray) -> Generator[Prompt, Action, bool]:
        """A permanent member that would veto the penholder's text sometimes tables its own
        draft first, as Russia did on Syria and Ukraine; it usually fails for lack of votes.
        Returns True when the rival draft is adopted (the penholder then withdraws)."""
        comp = self.comp
        u = dm.utilities(sel)
        vlines = ai.veto_lines(comp, self.state)
        rivals = [i for i in np.argsort(u) if comp.permanent[i] and u[i] < RIVAL_LINE
                  and i != dm.sponsor and comp.codes[i] not in self.humans]
        if not rivals:
            return False
        r = int(rivals[0])
        if self.rng.random() >= (0.5 if u[r] < vlines[r] else 0.2):
            return False
        rdm = ai.draft_model(comp, self.state, file, r, self.lobby)
        rsel = ai.ai_draft(comp, self.state, rdm, np.zeros(len(file.offers)), resolve=2.5)
        if not rsel.any():
            return False
        self.draft = Draft(file.id, comp.codes[r], rsel, rdm, f"{file.id}/{self.state.month}/R")
        keys = [o.key for k, o in enumerate(file.offers) if rsel[k]]
        rec.news.append(f"{comp.names[r]} tables a rival draft on {file.title}.")
        tl = yield from self._roll_call(rdm.utilities(rsel), self.draft.symbol, "draft",
                                        comp.codes[r], keys, rec)
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
            st.capital[action.seat] -= action.points
            self.lobby[t] += action.points * comp.model.ai.lobby_effect
            st.memory[t, comp.index[action.seat]] += 0.1 * action.points
            d.model.base = sum(d.model.parts.values())
        elif isinstance(action, SignalVeto):
            i = comp.index[action.seat]
            rec.news.append(f"{comp.names[i]} signals a veto of the draft as it stands.")
            if d.sponsor not in self.humans:
                worst = int(np.argmin(d.model.M[i] * d.selected))
                d.selected[worst] = 0.0
        elif isinstance(action, Amend):
            self._pending_amendments.append(action)

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
        for i in self._roll_order():
            code = comp.codes[i]
            if code in self.humans:
                action = yield Prompt(kind="vote", seat=code, file=self.draft.file,
                                      options=["yes", "no", "abstain"],
                                      question=f"Vote on {symbol} ({kind}).")
                votes[code] = action.ballot
        tl = tally(votes, [c for i, c in enumerate(comp.codes) if comp.permanent[i]])
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

    # ---- after the votes -----------------------------------------------------------------
    def _consequences(self, rec: MonthRecord) -> None:
        st, comp, ch = self.state, self.comp, self.changer
        for fid in rec.agenda:
            fs = st.files[fid]
            output = rec.outputs.get(fid)
            if output == "resolution":
                fs.neglect = 0
                continue
            fs.neglect += 1
            scale = 0.5 if output == "presidential statement" else 1.0
            eff = comp.files[fid].neglect
            for name, delta in eff.vars.items():
                label = f"{comp.files[fid].title} left unaddressed"
                ch.add(comp.var_index[name], delta * scale, "neglect", fid, label)
            rec.news += ch.apply(eff.model_copy(update={"vars": {}}), "neglect", fid, "neglect")
        for op in st.ops.values():
            if op.supports and op.lead == "un":
                st.ops[op.supports].supported = op.active
        monthly_operations(comp, st, ch)
        apply_noise(comp, st, ch, self.rng)
        rec.news += tick_mandates(st)

    def _events(self, rec: MonthRecord) -> Flow:
        st, comp = self.state, self.comp
        env = build_env(comp, st)
        fired_now: set[str] = set()
        for ce in events.due_followups(comp, st):
            if ce.when(env):
                yield from self._fire(ce, rec, env)
                fired_now.add(ce.event.id)
        env = build_env(comp, st)
        for ce in events.draw(comp, st, env, self.rng, fired_now):
            yield from self._fire(ce, rec, env)

    def _fire(self, ce, rec: MonthRecord, env: list[float]) -> Flow:
        st, ev = self.state, ce.event
        st.fired[ev.id] = st.fired.get(ev.id, 0) + 1
        st.last_fired[ev.id] = st.month
        rec.events.append(ev.id)
        rec.news.append(ev.title)
        rec.news += self.changer.apply(ev.effects, "event", ev.id, ev.title)
        events.schedule(st, ev.follow_up, self.rng)
        if not ev.choice:
            return
        seat = self._choice_seat(ev.choice.seat)
        ids = [o.id for o in ev.choice.options]
        if seat in self.humans:
            action = yield Prompt(kind="choice", seat=seat, event=ev.id, options=ids,
                                  question=ev.choice.prompt)
            opt_id = action.option
        else:
            w = np.array([max(0.0, g(env)) for g in ce.option_weights])
            opt_id = ev.choice.default if w.sum() <= 0 else ids[int(self.rng.choice(len(ids), p=w / w.sum()))]
        opt = ev.choice.options[ids.index(opt_id)]
        rec.choices[ev.id] = opt_id
        rec.news += self.changer.apply(opt.effects, "choice", f"{ev.id}:{opt_id}", f"{ev.title}: {opt.label}")
        events.schedule(st, opt.follow_up, self.rng)

    def _choice_seat(self, seat: str) -> str:
        if seat == "president":
            return self.president()
        if seat.startswith("penholder:"):
            return self.comp.codes[self.comp.files[seat.split(":", 1)[1]].penholders[0]]
        return seat

    def _after_events(self, rec: MonthRecord) -> None:
        st, comp = self.state, self.comp
        env = build_env(comp, st)
        for crisis, on, off in comp.crises:
            if not st.crises[crisis.id] and on(env):
                st.crises[crisis.id] = True
                rec.news.append(f"Crisis: {crisis.name}.")
            elif st.crises[crisis.id] and off(env):
                st.crises[crisis.id] = False
                rec.news.append(f"The {crisis.name} eases.")
            if st.crises[crisis.id]:
                rec.news += self.changer.apply(crisis.monthly, "crisis", crisis.id, crisis.name)
        st.scores = compute_scores(comp, st)
        env = build_env(comp, st)
        last = st.month >= comp.scenario.months
        if self.changer.record or last:  # progress for screens; the simulator needs the end only
            st.objectives = objective_scores(comp, env)
        rec.gauges = {k: round(float(st.vars[i]), 2) for i, k in enumerate(comp.var_names)}
        rec.scores = dict(st.scores)
        for ending, cond in comp.endings:
            if (last or ending.early) and cond(env):
                st.ending, st.finished = ending.id, True
                st.objectives = objective_scores(comp, env)
                return
        if last:
            st.ending, st.finished = comp.endings[-1][0].id, True
