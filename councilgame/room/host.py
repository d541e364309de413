"""The room's host: one game, and for each connection only what its seat may see.

`Room` is the rules-free bookkeeping between connections and the session (codes, who is joined,
what each seat is sent, actions given before their turn); `serve` puts it on a socket. Every
message a seat receives is built from `seat_view(game, seat)` and that seat's own legal actions,
and the projector's from `public_view(game)`: privacy holds by construction.

Simultaneous phases, deterministically: a seat may act before its turn comes (its consultation
moves, its sealed ballots for the whole sitting); the host keeps them and applies them when the
engine asks that seat, so the action log, in the order the host applied it, replays the game."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field

from councilgame.engine.actions import Action, Done
from councilgame.play import queries
from councilgame.play.session import Session
from councilgame.play.turns import end_turn_action, phase_name, timer_limits
from councilgame.play.views import ai_stances, public_view, seat_views, sitting, whip_view
from councilgame.room.protocol import CODE_ALPHABET, CODE_LENGTH, Act, Ballots, Compose, Hello

MAX_QUEUED = 12  # actions a seat may give ahead of its turn
WRONG_CODES_PER_MINUTE = 5  # per address; more are refused unread until the minute is out
WRONG_CODES_LOOPBACK = 30  # this machine's own address: every browser tab joins from it


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def new_codes(seats: list[str], taken: Collection[str] = ()) -> dict[str, str]:
    """A fresh random code for each seat (code -> seat), unique within the game (none of the
    `taken` ones either)."""
    codes: dict[str, str] = {}
    while len(codes) < len(seats):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            codes.setdefault(code, seats[len(codes)])
    return codes


@dataclass
class Room:
    """One hosted game: the session, the seats' codes, and the seats' actions given ahead."""

    session: Session
    codes: dict[str, str]  # code -> seat
    queued: dict[str, list[Action]] = field(default_factory=dict)
    notices: dict[str, list[str]] = field(default_factory=dict)  # seat -> sentences to send it
    failures: dict[str, list[float]] = field(default_factory=dict)  # address -> wrong-code times
    turn: tuple = ()  # the turn the timer runs for (a consultations round counts as one turn)
    turn_started: float = 0.0
    paused_at: float | None = None  # the facilitator paused the room: no move is taken
    revealed: str | None = None  # the draft whose AI stances the facilitator showed the room

    @classmethod
    def open(cls, session: Session) -> Room:
        """A room for a session: its codes from the save when the host restarts, else new."""
        saved = session.options.get("room_codes")
        if isinstance(saved, dict) and set(session.humans) <= set(saved.values()):
            codes = {str(k): str(v) for k, v in saved.items()}
        else:
            codes = new_codes(session.humans)
            session.options["room_codes"] = codes
        room = cls(session, codes)
        room.advance()
        return room

    # ---- joining ---------------------------------------------------------------------------
    def seat_for(self, code: str) -> str | None:
        """The seat a code opens, comparing every code in constant time."""
        found = None
        for known, seat in self.codes.items():
            if hmac.compare_digest(known.encode(), code.strip().upper().encode()):
                found = seat
        return found

    def allowed(self, address: str, now: float | None = None) -> bool:
        """May this address try a code now? Wrong codes are limited per address and minute."""
        now = time.monotonic() if now is None else now
        recent = [t for t in self.failures.get(address, []) if now - t < 60]
        self.failures[address] = recent
        return len(recent) < (WRONG_CODES_LOOPBACK if is_loopback(address) else WRONG_CODES_PER_MINUTE)

    def hello(self, msg: Hello, address: str) -> str | None:
        """The seat (or "" for the projector) a hello joins as; None for a wrong code."""
        if msg.room:
            return ""
        seat = self.seat_for(msg.code)
        if seat is None:
            self.failures.setdefault(address, []).append(time.monotonic())
        return seat

    # ---- what each connection is sent --------------------------------------------------------
    def state_for(self, seat: str) -> dict:
        """The message for one seat ("" for the projector): its view, and its moves if any."""
        return self.states({seat})[seat]

    def states(self, seats: set[str]) -> dict[str, dict]:
        """The message for each of these seats ("" for the projector), built together: the
        public part of the views and the legal moves once, each seat's own part apart."""
        s = self.session
        out: dict[str, dict] = {}
        if "" in seats:
            view = public_view(s.game, sealed=s.sealed)
            stances = ai_stances(s.game) if self.revealed else None
            shown = stances is not None and stances[0] == self.revealed  # until the draft changes
            out[""] = {"type": "state", "seat": "", "view": view.model_dump(mode="json"),
                       "revealed": [list(row) for row in stances[1]] if shown and stances else None}
        codes = sorted(seats - {""})
        views = seat_views(s.game, codes, sealed=s.sealed) if codes else {}
        p = s.game.prompt
        for seat in codes:
            out[seat] = self._state(seat, views[seat], p)
        return out

    def _state(self, seat: str, view, p) -> dict:
        s = self.session
        mine = p is not None and p.seat == seat and seat in s.humans
        # the seat's own moves, its turn or not: a meeting asked for at another's briefing, its
        # consultations before its turn comes
        own = [a.model_dump(mode="json") for a in queries.legal(s.game, seat)] if seat in s.humans else []
        offers = ([asdict(o) for o in queries.offers(s.game, p.file)]
                  if mine and p is not None and p.kind == "draft" and p.file else [])
        left = self.time_left()
        return {"type": "state", "seat": seat, "view": view.model_dump(mode="json"),
                "time_left": None if left is None else max(0, round(left)), "your_turn": mine,
                "legal": own, "human": seat in s.humans, "offers": offers,
                "ballots_given": dict(s.ahead.get(seat, {})),
                "queued": [a.model_dump(mode="json") for a in self.queued.get(seat, [])],
                "notices": self.notices.pop(seat, [])}

    # ---- what a seat sends -----------------------------------------------------------------
    def receive(self, seat: str, msg: Act | Ballots) -> str | None:
        """Take a seat's message; the sentence to send back if it is refused, else None."""
        s = self.session
        if self.paused_at is not None:
            return "the facilitator has paused the room: wait for it to go on."
        if seat not in s.humans:
            return "the facilitator has handed this seat to the AI: you can watch, not act."
        if s.game.finished:
            return "the game is over."
        if isinstance(msg, Ballots):
            return self._ballots(seat, msg.ballots)
        action = msg.action
        if getattr(action, "seat", seat) != seat:
            return f"this connection plays {seat}, not {getattr(action, 'seat', '?')}."
        p = s.game.prompt
        why = s.refusal(action)
        if p is not None and p.seat == seat and why is not None:
            return why
        if why is None:  # the game takes it now (its turn, or a move any seat may make)
            s.act(action)
        else:
            queue = self.queued.setdefault(seat, [])
            if len(queue) >= MAX_QUEUED:
                return f"at most {MAX_QUEUED} moves can wait for your turn."
            queue.append(action)
        self.advance()
        s.autosave()  # every move: a host restarted mid-month loses nothing
        return None

    def compose(self, seat: str, msg: Compose) -> dict | str:
        """The seat's draft with one clause switched (by the clauses' rules) and its whip
        count; a sentence if the seat is not drafting now."""
        s = self.session
        p = s.game.prompt
        if p is None or p.kind != "draft" or p.seat != seat or not p.file:
            return "you are not drafting now."
        known = {o.key for o in queries.offers(s.game, p.file)}
        bad = sorted({*msg.offers, *([msg.toggle] if msg.toggle else [])} - known)
        if bad:
            return f"no clause {bad[0]!r} is on offer for this file."
        keys = list(msg.offers)
        if msg.toggle:
            keys = queries.toggle(s.game, p.file, keys, msg.toggle)
        whip = whip_view(s.game, p.file, keys, seat, seat)
        return {"type": "composed", "offers": keys, "whip": whip.model_dump(mode="json")}

    def _ballots(self, seat: str, ballots: Mapping[str, str]) -> str | None:
        pending = {i.symbol for i in sitting(self.session.game) if i.result is None}
        unknown = sorted(set(ballots) - pending)
        if unknown:
            return f"no vote {unknown[0]!r} is still to come in this sitting."
        self.session.give_ballots(seat, ballots)
        self.advance()
        self.session.autosave()
        return None

    def advance(self) -> None:
        """Apply what the seats gave ahead while the engine asks for it: ballots given for the
        vote put now, then the moves a seat queued when its turn comes (a move no longer legal
        then is dropped, and the seat told why)."""
        s = self.session
        while not s.game.finished and s.game.prompt is not None:
            if s.cast_ahead():
                continue
            seat = s.game.prompt.seat
            queue = self.queued.get(seat)
            if not queue:
                return
            action = queue.pop(0)
            why = s.refusal(action)
            if why is None:
                s.act(action)
            else:
                self.notices.setdefault(seat, []).append(f"a move you gave ahead was dropped: {why}")

    def facilitate(self, action: Action) -> None:
        """A facilitator's move (an event injected, the game ended), then what it unblocks."""
        self.session.act(action)
        self.advance()

    # ---- the turn timer (host --timer) -------------------------------------------------------
    def time_left(self, now: float | None = None) -> float | None:
        """Seconds left in the turn under way; None where its phase has no timer. Consultations
        are one turn for the whole round, since every seat consults at once."""
        s = self.session
        p = s.game.prompt
        if p is None:
            return None
        now = time.monotonic() if now is None else now
        key = ((s.month, p.kind, p.file) if p.kind == "consult"
               else (s.month, p.kind, p.file, p.seat, p.symbol))
        if key != self.turn:
            self.turn, self.turn_started = key, now
        limit = timer_limits(s.options).get(p.kind)
        return None if limit is None else limit - (now - self.turn_started)

    def tick(self, now: float | None = None) -> bool:
        """End the turn whose time is up; whether anything changed."""
        if self.paused_at is not None:
            return False
        left = self.time_left(now)
        return left is not None and left <= 0 and self.end_turn("Time was up")

    def end_turn(self, why: str = "The facilitator ended the turn") -> bool:
        """End the turn under way (consultations: every seat's, what each gave stands; a vote:
        an abstention; an event: its default); whether there was one to end."""
        s = self.session
        p = s.game.prompt
        if p is None:
            return False
        if p.kind == "consult" and s.game.meeting is not None:
            for seat in sorted(s.humans):
                if seat != p.seat and s.game.meeting.open_to(seat):
                    s.act(Done(seat=seat))
        action = end_turn_action(s.game)
        if action is None:
            return False
        for seat in s.humans:
            self.notices.setdefault(seat, []).append(f"{why} for {phase_name(p.kind)}.")
        s.act(action)
        self.advance()
        s.autosave()
        return True

    def pause(self, on: bool, now: float | None = None) -> None:
        """Pause the room (no move is taken, the clock stops) or go on."""
        now = time.monotonic() if now is None else now
        if on and self.paused_at is None:
            self.paused_at = now
        elif not on and self.paused_at is not None:
            self.turn_started += now - self.paused_at  # the pause is not the turn's time
            self.paused_at = None

    def give_seat(self, seat: str, player: str) -> str:
        """Give a seat to a player (a latecomer, or back from the AI); its code (a new one if
        the seat had none)."""
        self.session.change_hands(seat, [player])
        code = next((c for c, s in self.codes.items() if s == seat), None)
        if code is None:
            code = next(iter(new_codes([seat], taken=self.codes)))
            self.codes[code] = seat
            self.session.options["room_codes"] = dict(self.codes)
            self.session.autosave()
        self.advance()
        return code

    def reveal(self) -> bool:
        """Show the room's screens how the AI members lean on the draft on the table (the
        facilitator's reading), until the draft changes; False when there is none."""
        stances = ai_stances(self.session.game)
        self.revealed = stances[0] if stances else None
        return stances is not None

    def hand_to_ai(self, seat: str) -> None:
        """The facilitator hands a silent seat to the AI (its code then only watches)."""
        self.queued.pop(seat, None)
        self.session.ahead.pop(seat, None)
        self.session.change_hands(seat, None)
        self.advance()
