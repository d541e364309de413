"""A game: (scenario, seats, seed) plus the actions applied.

The month runs as a generator that pauses on a `Prompt` whenever a human seat must act, so the
same code serves headless AI games, the TUI and replays of a save's action log. Its flow reads
top to bottom in `_play`: the briefing, one `Meeting` per agenda file (created for the file and
dropped after it), then the month's end (`month_end`): consequences, events, scores.

Front ends and bots ask the game what it accepts instead of knowing the rules themselves:
`legal_actions()`, `check(action)` (raises `ActionError` with one sentence) and `suggest()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from councilgame.engine import agenda, ai, consultation, facilitator, month_end
from councilgame.engine.actions import (
    Action,
    Amend,
    AnswerDeal,
    Choose,
    CoSponsor,
    Deal,
    Done,
    EndGame,
    Inject,
    Lobby,
    Message,
    OrderAgenda,
    Prompt,
    ProposeStatement,
    RequestMeeting,
    SeatPlayer,
    SignalVeto,
    TableDraft,
    Vote,
    Withdraw,
)
from councilgame.engine.compiled import Compiled, CompiledFile
from councilgame.engine.environment import build_env
from councilgame.engine.errors import ActionError
from councilgame.engine.meeting import Meeting, available_offers
from councilgame.engine.operations import Changer
from councilgame.engine.scoring import compute_scores
from councilgame.engine.start import DIFFICULTY, initial_state, lengths
from councilgame.engine.state import MonthRecord
from councilgame.engine.streams import Streams
from councilgame.engine.types import Flow

ACCEPTS: dict[str, tuple[type, ...]] = {
    "briefing": (RequestMeeting, OrderAgenda, Done),
    "draft": (TableDraft, Done),
    "consult": (Lobby, Amend, Deal, AnswerDeal, Message, SignalVeto, TableDraft, CoSponsor,
                ProposeStatement, Withdraw, Done),
    "vote": (Vote,),
    "choice": (Choose,),
}
SUGGESTED_RESOLVE = 0.5  # how much `suggest` lets a drafter insist on its own text
# Scripted variants of the AI for one seat, to measure what a seat's choices change: the seat
# always casts that ballot (and otherwise plays as the AI), or as penholder tables nothing.
POLICIES = ("ai", "yes", "no", "abstain", "no-draft")

class Game:
    """One game. `state` is plain data; `meeting` is the file in the chamber, if any."""

    def __init__(self, comp: Compiled, seed: int, humans: Iterable[str] = (), record: bool = True,
                 policies: Mapping[str, str] | None = None, difficulty: str = "standard",
                 length: int | None = None):
        if difficulty not in DIFFICULTY:
            raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTY)}, not {difficulty!r}")
        allowed = lengths(comp)
        if length is not None and length not in allowed:
            raise ValueError(f"length must be one of {', '.join(map(str, allowed))} months, not {length!r}")
        self.comp = comp
        self.difficulty = difficulty
        self.persuasion = DIFFICULTY[difficulty]  # scales what players' lobbying and deals buy
        self.seed = int(seed)
        self.humans = set(humans)
        self.policies = {s: p for s, p in (policies or {}).items() if p != "ai"}
        for seat, policy in self.policies.items():
            if seat not in comp.index or policy not in POLICIES or seat in self.humans:
                raise ValueError(f"no policy {policy!r} for seat {seat!r}")
        self.streams = Streams(self.seed)
        self.state = initial_state(comp)
        if length is not None and length != comp.scenario.months:
            self.state.length = length  # a seminar's shorter game: it ends after that month
        self.changer = Changer(comp, self.state, record)
        self.log: list[Action] = []
        self.prompt: Prompt | None = None
        self.meeting: Meeting | None = None
        self._flow = self._play()
        self.resume(None)

    # ---- the month, top to bottom ------------------------------------------------------------
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
                self.meeting = Meeting(self, self.comp.files[fid], rec)
                yield from self.meeting.run()
                self.meeting = None
            month_end.consequences(self, rec)
            yield from month_end.month_events(self, rec)
            month_end.after_events(self, rec)
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

    # ---- driving -------------------------------------------------------------------------------
    def resume(self, action: Action | None) -> None:
        """Send an answer to the paused month (checked already, or the AI's own)."""
        try:
            self.prompt = self._flow.send(action)  # type: ignore[arg-type]
        except StopIteration:
            self.prompt = None

    def apply(self, action: Action) -> None:
        """Answer the current prompt. An invalid action raises ActionError and changes nothing."""
        self.check(action)
        self.log.append(action)
        if isinstance(action, Inject | EndGame | SeatPlayer):
            facilitator.apply(self, action)
        elif self.prompt is not None and self.prompt.kind == "consult" and action.seat != self.prompt.seat:
            self._current_meeting().consult_early(action)  # another player's move, before its turn
        elif self.prompt is not None and self.prompt.kind == "consult" and not isinstance(
                action, Done | Withdraw):
            self._current_meeting().consult(action)  # consultations go on: the prompt stays
        elif isinstance(action, RequestMeeting | OrderAgenda):
            agenda.apply(self, action)  # the briefing goes on
        else:
            self.resume(action)

    def round_order(self, kind: str) -> list[str]:
        """The players' seats in the order a phase asks them: consultations by name, a roll
        call in the order of the rota from the President."""
        if kind == "vote":
            return [c for c in (self.comp.codes[i] for i in self.roll_order()) if c in self.humans]
        return sorted(self.humans, key=lambda c: self.comp.names[self.comp.index[c]])

    def _current_meeting(self) -> Meeting:
        if self.meeting is None:
            raise ActionError("no file is before the Council now.")
        return self.meeting

    # ---- what the game accepts -----------------------------------------------------------------
    def check(self, action: Action) -> None:
        """Raise ActionError, with one sentence, unless `action` answers the current prompt."""
        if isinstance(action, Inject | EndGame | SeatPlayer):
            facilitator.check(self, action)
            return
        p = self.prompt
        if p is None:
            raise ActionError("The game is over: nobody is asked to act.")
        if not isinstance(action, ACCEPTS[p.kind]):
            raise ActionError(f"A {p.kind} prompt does not take a {action.kind} action.")
        if isinstance(action, RequestMeeting | OrderAgenda):
            agenda.check(self, action)  # any player's seat may write to the President
            return
        if action.seat != p.seat and not (p.kind == "consult" and not isinstance(action, Withdraw)
                                          and self._current_meeting().open_to(action.seat)):
            raise ActionError(f"It is {p.seat}'s turn, not {action.seat}'s.")
        if isinstance(action, Choose) and action.option not in p.options:
            raise ActionError(f"Choose one of: {', '.join(p.options)}.")
        if isinstance(action, TableDraft):
            self._check_table(action, p.kind)
        if p.kind == "consult":
            self._check_consult(action)

    def _check_table(self, action: TableDraft, kind: str) -> None:
        m = self._current_meeting()
        keys = set(m.offer_keys())
        bad = [k for k in action.offers if k not in keys]
        if bad:
            raise ActionError(f"Not a clause on offer for this file: {', '.join(bad)}.")
        clash = _exclusive_clash(m.file, action.offers)
        if clash:
            raise ActionError(f"'{clash[0]}' and '{clash[1]}' exclude each other; keep one.")
        if kind == "consult":
            if m.draft is not None and m.draft.sponsor == action.seat:
                raise ActionError("You hold the pen on this draft: amend it instead of a rival.")
            if any(r.seat == action.seat for r in m.rivals):
                raise ActionError("You have already announced a rival draft on this file.")
            if not action.offers:
                raise ActionError("A rival draft needs at least one clause.")

    def _check_consult(self, action: Action) -> None:
        m, comp = self._current_meeting(), self.comp
        if isinstance(action, Lobby | Deal):
            if action.target == action.seat:
                raise ActionError("Choose another member than yourself.")
            if action.target not in comp.index:
                raise ActionError(f"{action.target} does not sit on the Council.")
        if isinstance(action, Lobby):
            if action.target in self.humans:
                raise ActionError(f"{action.target} is played by a person: send a message or offer "
                                  "a deal instead.")
            if self.state.capital[action.seat] < action.points:
                raise ActionError(f"Not enough political capital: you have "
                                  f"{self.state.capital[action.seat]}.")
        if isinstance(action, Message) and (action.target not in self.humans
                                            or action.target == action.seat):
            raise ActionError("Messages go to another player's seat.")
        if isinstance(action, AnswerDeal) and action.deal not in dict(
                self.state.deals_waiting(action.seat)):
            raise ActionError("No such deal is waiting for your answer.")
        if isinstance(action, SignalVeto) and not comp.permanent[comp.index[action.seat]]:
            raise ActionError("Only a permanent member can veto.")
        if isinstance(action, Amend):
            self._check_amend(m, action)
        if isinstance(action, CoSponsor | ProposeStatement):
            consultation.check_support(m, action, self.president())
        if isinstance(action, Withdraw):
            consultation.check_withdraw(m, action.seat)

    def _check_amend(self, m: Meeting, action: Amend) -> None:
        if action.offer not in m.offer_keys():
            raise ActionError(f"Not a clause on offer for this file: {action.offer}.")
        held = m.draft is not None and action.offer in m.draft.keys(m.file)
        if action.remove and not held:
            raise ActionError(f"The draft does not hold '{action.offer}': nothing to delete.")
        if not action.remove and held:
            raise ActionError(f"The draft already holds '{action.offer}'.")

    def legal_actions(self, seat: str | None = None) -> list[Action]:
        """Actions the current prompt accepts, each with valid arguments: every kind it takes
        appears at least once where it is possible now, so a bot or a test can pick one. With
        `seat`, that seat's: in consultations a player may move before its turn (`open_to`)."""
        p = self.prompt
        if p is None:
            return []
        if seat is not None:
            m = self.meeting
            if seat != p.seat and p.kind == "consult" and m is not None and m.open_to(seat):
                return [a for a in self._consult_actions(m, seat) if not isinstance(a, Withdraw)]
            return [a for a in self.legal_actions() if a.seat == seat]  # e.g. a meeting asked for
        seat = p.seat
        if p.kind == "briefing":
            return agenda.actions(self)
        if p.kind == "vote":
            return [Vote(seat=seat, ballot=b) for b in ("yes", "no", "abstain")]
        if p.kind == "choice":
            return [Choose(seat=seat, option=o) for o in p.options]
        m = self._current_meeting()
        if p.kind == "draft":
            own = self._own_draft(m, seat)
            out: list[Action] = [TableDraft(seat=seat, offers=own)] if own else []
            out += [TableDraft(seat=seat, offers=[k]) for k in m.offer_keys()]
            return [*out, Done(seat=seat)]
        return self._consult_actions(m, seat)

    def _consult_actions(self, m: Meeting, seat: str) -> list[Action]:
        comp, st = self.comp, self.state
        others = [c for c in comp.codes if c != seat]
        out: list[Action] = []
        if st.capital[seat] >= 1:
            out += [Lobby(seat=seat, target=c) for c in others if c not in self.humans]
        out += [Deal(seat=seat, target=c) for c in others]
        held = set(m.draft.keys(m.file)) if m.draft is not None else set()
        out += [Amend(seat=seat, offer=k, remove=k in held) for k in m.offer_keys()]
        out += [Message(seat=seat, target=c, text="A word in confidence.")
                for c in sorted(self.humans) if c != seat]
        out += [AnswerDeal(seat=seat, deal=i, accept=a) for i, _ in st.deals_waiting(seat)
                for a in (True, False)]
        if comp.permanent[comp.index[seat]]:
            out.append(SignalVeto(seat=seat))
        if m.draft is not None and m.draft.sponsor == seat and m.revisions < consultation.MAX_REVISIONS:
            out.append(Withdraw(seat=seat))
        rival = TableDraft(seat=seat, offers=self._own_draft(m, seat) or m.offer_keys()[:1])
        for action in (rival, CoSponsor(seat=seat), ProposeStatement(seat=seat)):
            try:
                self.check(action)
                out.append(action)
            except ActionError:
                pass
        return [*out, Done(seat=seat)]

    def suggest(self) -> Action | None:
        """The action the AI would take for the seat that must act now. It draws no random
        number and changes nothing: the game's record is the same after any number of calls."""
        p = self.prompt
        if p is None:
            return None
        seat = p.seat
        if p.kind == "draft":
            own = self._own_draft(self._current_meeting(), seat)
            return TableDraft(seat=seat, offers=own) if own else Done(seat=seat)
        if p.kind == "vote":
            return Vote(seat=seat, ballot=self._current_meeting().projected_ballot(seat))
        if p.kind == "choice" and p.event is not None:
            return Choose(seat=seat, option=self._suggested_option(p.event))
        return Done(seat=seat)

    def _own_draft(self, m: Meeting, seat: str) -> list[str]:
        """The text the AI would table in `seat`'s place, trading clauses for votes."""
        sponsor = self.comp.index[seat]
        dm = ai.draft_model(self.comp, self.state, m.file, sponsor, m.lobby.copy())
        urgent = m.urgent() if sponsor == m.sponsor else np.zeros(len(m.file.offers))
        sel = ai.ai_draft(self.comp, self.state, dm, urgent, SUGGESTED_RESOLVE, m.available)
        return [o.key for k, o in enumerate(m.file.offers) if sel[k]]

    def _suggested_option(self, event_id: str) -> str:
        ce = self.comp.event_by_id[event_id]
        choice = ce.event.choice
        assert choice is not None
        env = build_env(self.comp, self.state)
        w = [max(0.0, g(env)) for g in ce.option_weights]
        if sum(w) <= 0:
            return choice.default
        return choice.options[int(np.argmax(w))].id

    # ---- queries -------------------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def record_month(self) -> MonthRecord:
        return self.state.history[-1]

    def record(self) -> dict:
        """The plain record of the game, as `councilgame run --json` prints it."""
        from councilgame.engine.record import game_record

        return game_record(self)

    def draw(self, purpose: str, index: int = 0) -> np.random.Generator:
        """This month's random stream for one purpose ('events', 'vote:FILE', ...); valid until
        the next call, so draw from it at once."""
        return self.streams.get(self.state.month, purpose, index)

    def president(self, month: int | None = None) -> str:
        m = (month or self.state.month) - 1
        order = self.comp.president_order
        start = order.index(self.comp.first_president)
        return self.comp.codes[order[(start + m) % len(order)]]

    def roll_order(self) -> list[int]:
        """Member indices in roll-call order: English alphabetical, from the President."""
        order = self.comp.president_order
        start = order.index(self.comp.index[self.president()])
        return order[start:] + order[:start]

    def choice_seat(self, seat: str) -> str:
        """The seat an event's choice names: a code, 'president' or 'penholder:FILE'."""
        if seat == "president":
            return self.president()
        if seat.startswith("penholder:"):
            return self.comp.codes[self.comp.files[seat.split(":", 1)[1]].penholders[0]]
        return seat

    def offer_keys(self, file_id: str) -> list[str]:
        """Keys of the offers available for a file this month."""
        if self.meeting is not None and self.meeting.file.id == file_id:
            return self.meeting.offer_keys()
        file = self.comp.files[file_id]
        avail = available_offers(self, file)
        return [o.key for k, o in enumerate(file.offers) if avail[k]]


def _exclusive_clash(file: CompiledFile, keys: list[str]) -> tuple[str, str] | None:
    """Two offers in `keys` that exclude each other (two authorizations of one force...)."""
    seen: dict[str, str] = {}
    for o in file.offers:
        if o.key in keys and o.exclusive:
            if o.exclusive in seen:
                return seen[o.exclusive], o.key
            seen[o.exclusive] = o.key
    return None
