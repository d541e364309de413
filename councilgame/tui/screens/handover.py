"""The hand-over between two players: an opaque screen that hides everything private."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class HandOverScreen(ModalScreen[None]):
    """Covers the whole terminal; only Enter passes it."""

    if TYPE_CHECKING:
        app: CouncilApp

    # a modal screen hides the app's keys: the facilitator's is repeated here, so the tools are
    # reachable between two players' turns (behind their confirmation)
    BINDINGS = [Binding("enter", "dismiss(None)", "Ready", show=False),
                Binding("ctrl+f", "app.facilitator", "Facilitator", show=False)]

    def __init__(self, seat: str):
        super().__init__()
        self.seat = seat

    def compose(self) -> ComposeResult:
        session = self.app.session
        t = Text("Pass the keyboard\n\n", style="bold")
        t.append(f"to {session.players_of(self.seat)},\n", style="bold")
        t.append(f"delegate of {session.delegation(self.seat)}.\n\n")
        p = session.view().prompt  # the public view: nothing private before Enter
        step = {"draft": "You hold the pen.", "consult": "Consultations are open.",
                "vote": "A vote is called.", "choice": "An event needs your decision."}
        t.append(step.get(p.kind, "") + "\n\n" if p else "")
        t.append("Press Enter when ready.", style="italic")
        with Middle(), Center():
            yield Static(t, id="handover-text")
