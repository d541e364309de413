"""A game: (scenario, seats, seed) plus the actions applied. The month runs as a generator
that pauses on a `Prompt` whenever a human seat must act, so the same code serves headless
AI games, the TUI and replays of a save's action log."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from councilgame.engine.actions import (
    FACILITATOR,
    Action,
    Amend,
    AnswerDeal,
    Choose,
    Deal,
    Done,
    Inject,
    Lobby,
    Message,
    Prompt,
    SignalVeto,
    TableDraft,
    Vote,
)
from councilgame.engine.aftermath import Aftermath
from councilgame.engine.compiled import Compiled
from councilgame.engine.environment import build_env
from councilgame.engine.meeting import Meeting
from councilgame.engine.operations import (
    Changer,
    new_op_state,
)
from councilgame.engine.scoring import compute_scores
from councilgame.engine.state import FileState, GameState, MonthRecord
from councilgame.engine.types import Draft, Flow


class ActionError(ValueError):
    """An action that does not answer the prompt the game is waiting on."""


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


class Game(Meeting, Aftermath):
    """One game; its turn is `_play`, its parts live in the Meeting and Aftermath mixins."""

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
        self._human_rivals: list[TableDraft] = []
        self.available = np.ones(0)
        self.ballots_cast: dict[str, str] = {}
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
        if isinstance(action, Inject):
            self._check_inject(action)
            self.log.append(action)
            self._inject(action.event)
            return
        self._check(action)
        self.log.append(action)
        self._resume(action)

    def _check_inject(self, action: Inject) -> None:
        if action.seat != FACILITATOR:
            raise ActionError("only the facilitator can inject an event")
        if self.prompt is None:
            raise ActionError("the game is over")
        if action.event not in self.comp.event_by_id:
            raise ActionError(f"no event {action.event!r} in this scenario")

    def _inject(self, event_id: str) -> None:
        """Fire an event now, between two answers; a choice it carries takes its default."""
        ce = self.comp.event_by_id[event_id]
        rec = self.state.history[-1]
        flow = self._fire(ce, rec, build_env(self.comp, self.state), force_default=True)
        for _ in flow:  # pragma: no cover - force_default never prompts
            raise ActionError("an injected event cannot ask for a decision")

    def _check(self, action: Action) -> None:
        p = self.prompt
        if p is None:
            raise ActionError("the game is not waiting for anyone")
        if action.seat != p.seat:
            raise ActionError(f"it is {p.seat}'s turn, not {action.seat}'s")
        allowed = {"briefing": (Done,), "draft": (TableDraft, Done),
                   "consult": (Lobby, Amend, Deal, AnswerDeal, Message, SignalVeto, TableDraft,
                               Done),
                   "vote": (Vote,), "choice": (Choose,)}[p.kind]
        if not isinstance(action, allowed):
            raise ActionError(f"a {p.kind} prompt does not take a {action.kind} action")
        if isinstance(action, TableDraft | Amend):
            keys = set(self.offer_keys(p.file))
            asked = action.offers if isinstance(action, TableDraft) else [action.offer]
            bad = [k for k in asked if k not in keys]
            if bad:
                raise ActionError(f"not a clause on offer for this file: {', '.join(bad)}")
        if isinstance(action, Lobby | Deal):
            if action.target == action.seat:
                raise ActionError("choose another member than yourself")
            if action.target not in self.comp.index:
                raise ActionError(f"{action.target} does not sit on the Council")
            if isinstance(action, Lobby) and self.state.capital[action.seat] < action.points:
                raise ActionError("not enough political capital")
        if isinstance(action, Message) and (action.target not in self.humans
                                            or action.target == action.seat):
            raise ActionError("messages go to another player's seat")
        if isinstance(action, AnswerDeal) and action.deal not in dict(
                self.state.deals_waiting(action.seat)):
            raise ActionError("no such deal is waiting for your answer")
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
            if self.humans:  # a pause to read the briefing; public, so one seat confirms it
                yield Prompt(kind="briefing", seat=min(self.humans),
                             question=f"Month {st.month}: the briefing. Continue to the agenda?")
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
