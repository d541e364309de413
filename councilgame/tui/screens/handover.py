"""The hand-over between two players: an opaque screen that hides everything private."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import ModalScreen
from textual.widgets import Static

from councilgame.play.turns import clock, phase_name, timer_limits, up_next

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class HandOverScreen(ModalScreen[bool]):
    """Covers the whole terminal; Enter passes it (True), and in consultations `s` passes the
    player's round without opening their screen (False)."""

    if TYPE_CHECKING:
        app: CouncilApp

    # a modal screen hides the app's keys: the facilitator's is repeated here, so the tools are
    # reachable between two players' turns (behind their confirmation)
    BINDINGS = [Binding("enter", "dismiss(True)", "Ready", show=False),
                Binding("s", "pass_round", "Pass", show=False),
                Binding("ctrl+f", "app.facilitator", "Facilitator", show=False)]

    def __init__(self, seat: str):
        super().__init__()
        self.seat = seat

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self.room_text(), id="handover-text")

    def room_text(self) -> Text:
        """What the room reads between two turns: the month and phase, who acts now and who
        after, how many ballots are in, the timer. All of it public."""
        session = self.app.session
        view = session.view()  # the public view: nothing private before Enter
        p = view.prompt
        t = Text(f"{view.month_name} · month {view.month} of {view.months}\n", style="dim")
        if p is not None:
            f = view.file(p.file) if p.file else None
            t.append(phase_name(p.kind).capitalize() + (f" on {f.title}" if f else "") + "\n\n",
                     style="dim")
        t.append("Pass the keyboard\n\n", style="bold")
        t.append(f"to {session.players_of(self.seat)},\n", style="bold")
        t.append(f"delegate of {session.delegation(self.seat)}.\n\n")
        step = {"draft": "You hold the pen.", "consult": "Consultations are open.",
                "vote": "A vote is called.", "choice": "An event needs your decision."}
        t.append(step.get(p.kind, "") + "\n" if p else "")
        if p is not None and p.kind == "vote":
            n = len(session.ballots_to_give())
            if n > 1:
                t.append(f"You give your ballots on the sitting's {n} votes in this turn.\n")
            sealed = " (sealed: all are shown at the count)" if session.sealed else ""
            t.append(f"Ballots in: {view.ballots_cast} of {len(session.humans)}{sealed}\n")
        after = up_next(session.game, session.ahead)
        if after:
            t.append("Then: " + ", ".join(f"{session.players_of(c)} ({session.short_name(c)})"
                                          for c in after) + "\n")
        limit = timer_limits(session.options).get(p.kind) if p else None
        if limit:
            t.append(f"This turn has {clock(limit)} on the clock.\n")
        t.append("\nPress Enter when ready.", style="italic")
        if p is not None and p.kind == "consult":
            t.append("\ns: pass this round (nothing to do in consultations)", style="dim")
        t.append("\nctrl+f: the facilitator's tools", style="dim")
        return t

    def action_pass_round(self) -> None:
        """A player with nothing to do in consultations passes without opening their screen:
        the round goes on to the next player."""
        session = self.app.session
        p = session.prompt
        if p is None or p.kind != "consult" or p.seat != self.seat:
            return
        self.dismiss(False)  # the app then sends Done for the seat
