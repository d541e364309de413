"""The app's side of running a room: the facilitator's lock and tools, screens shown to the
whole room, the turn timer, ending a turn, and seats changing hands mid-game."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from councilgame.tui.layout import HEADER_ROOM

if TYPE_CHECKING:
    from councilgame.play.session import Session


class Facilitating:
    """Mixed into the app (its `session`, `route`, `send`, `notify`, screens)."""

    session: Session | None
    turn_started: float = 0.0  # when the acting player took the keyboard, or the phase began
    turn_key: tuple | None = None  # the turn the clock runs for: phase, seat, file, who reads
    told_time_up: bool = False

    # ---- screens for the whole room --------------------------------------------------------
    def to_room(self) -> None:
        """Close every private screen first: what comes next is shown to the whole room (the
        facilitator's pause and reveal); `route` then hands the keyboard back with a hand-over."""
        if self.session is not None and self.session.hotseat:
            self.session.revealed = None
            self.clear_notifications()
            self._to_chamber()

    def show_to_room(self, screen) -> None:
        """A screen for the whole room (the facilitator's pause and reveal): never over a
        player's private one; when it closes, the keyboard goes back through a hand-over."""
        self.to_room()
        self.call_after_refresh(self.push_screen, screen)

    # ---- the lock ----------------------------------------------------------------------------
    def action_facilitator(self) -> None:
        """The instructor's tools, behind the PIN set at set-up (or, without one, a
        confirmation), so that a student cannot stumble on them."""
        from councilgame.play.pin import opens
        from councilgame.tui.screens.facilitator import FacilitatorScreen
        from councilgame.tui.widgets.dialogs import ConfirmScreen, TextPrompt

        if self.session is None or self.session.prompt is None:
            return
        lock = self.session.options.get("pin")
        if lock is None:
            self.push_screen(ConfirmScreen("Open the facilitator's tools (pause, timer, end a "
                                          "turn, seats, inject an event, reveal, end the game)?"),
                            lambda ok: self.push_screen(FacilitatorScreen()) if ok else None)
            return

        def entered(pin: str | None) -> None:
            if pin is None:
                return
            if opens(lock, pin):
                self.push_screen(FacilitatorScreen())
            else:
                self.notify("Wrong PIN: the facilitator's tools stay locked.", severity="warning")

        self.push_screen(TextPrompt("Facilitator's PIN:", password=True), entered)

    # ---- the turn and its timer --------------------------------------------------------------
    def start_turn_clock(self) -> None:
        """A player took the keyboard (or the room a show of hands): the clock starts, and the
        header names the turn once the turn's screen is up (not a second later, at a tick)."""
        self.turn_key = None
        self.call_after_refresh(self.show_turn)

    def turn_left(self) -> float | None:
        """Seconds left in the turn under way; None when its phase has no timer. A new phase
        (drafting, then consultations, for the same player) starts the clock again."""
        s = self.session
        if s is None or s.prompt is None:
            return None
        p = s.prompt
        key = (p.kind, p.seat, p.file, s.revealed)
        if key != self.turn_key:
            self.turn_key, self.turn_started, self.told_time_up = key, time.monotonic(), False
        from councilgame.play.turns import timer_limits

        limit = timer_limits(s.options).get(p.kind)
        return None if limit is None else limit - (time.monotonic() - self.turn_started)

    def turn_line(self) -> str:
        """The header on a private screen: whose screen it is, the phase, and the clock."""
        s = self.session
        if s is None or s.prompt is None or not s.hotseat:
            return ""
        p = s.prompt
        if s.revealed == p.seat:
            who = f"{s.short_name(p.seat)} ({s.players_of(p.seat)})"
        elif s.by_show_of_hands():
            who = "the room"
        else:
            return ""  # a public screen between turns: the chamber's line stays
        from councilgame.play.turns import clock, phase_name

        phase = "show of hands" if s.revealed is None else phase_name(p.kind)
        left = self.turn_left()
        parts = [] if left is None else ["TIME IS UP" if left <= 0 else f"{clock(left)} left"]
        parts += [who, phase, s.month_name()]
        # the clock and the seat first: the month goes where the header has no room for it
        room = self.size.width - HEADER_ROOM
        line = parts[0]
        for part in parts[1:]:
            if len(line) + 3 + len(part) > room:
                break
            line += f" · {part}"
        return line

    def show_turn(self) -> None:
        """Refresh the header's turn line (every second while a timer runs)."""
        if self.session is None:  # the title screen: nothing of the game is imported yet
            return
        from councilgame.tui.screens.chamber import ChamberScreen

        if isinstance(self.screen, ChamberScreen):
            return
        line = self.turn_line()
        if line:
            self.sub_title = line
        left = self.turn_left()
        if left is not None and left <= 0 and not self.told_time_up:
            self.told_time_up = True
            self.notify("Time is up for this turn: the facilitator can end it (ctrl+f, End this "
                        "turn).", severity="warning", timeout=30)

    def end_turn(self) -> None:
        """End the acting player's turn now: what they gave stands, the rest is the plainest
        answer (consultations closed, no draft, an abstention, the event's default)."""
        from councilgame.play.turns import end_turn_action

        s = self.session
        action = end_turn_action(s.game) if s is not None else None
        if s is None or action is None:
            self.notify("No player's turn is under way.")
            return
        if s.prompt is not None and s.prompt.kind == "vote":
            s.give_ballots(s.prompt.seat, {i.symbol: "abstain" for i in s.ballots_to_give()[1:]})
        self.to_room()
        self.send(action)

    def set_turn_timer(self, minutes: dict[str, int]) -> None:
        """The facilitator's timer, in minutes per phase (0: none); kept in the game's options."""
        from councilgame.play.turns import PHASES

        s = self.session
        if s is None:
            return
        s.options["timer"] = {k: m * 60 for k, m in minutes.items() if k in PHASES and m > 0}
        if not s.options["timer"]:
            del s.options["timer"]
        self.turn_key = None
        self.show_turn()

    # ---- seats changing hands ------------------------------------------------------------------
    def change_hands(self, code: str, players: list[str] | None) -> None:
        """Give a seat to players, or (None) hand it to the AI; the room then goes on from a
        public screen, since the acting seat may have changed."""
        from councilgame.play import ActionError

        s = self.session
        if s is None:
            return
        try:
            s.change_hands(code, players)
        except ActionError as exc:
            self.notify(str(exc), severity="warning")
            return
        who = f"{', '.join(players)} now play" if players else "The AI now plays"
        self.to_room()
        self._to_chamber()  # the tools' dialogs too, in a game left with one player
        self.notify(f"{who} {s.name_of(code)}.")
        self.route()
