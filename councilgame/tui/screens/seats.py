"""The fifteen seats: powers for all; objectives only for yours (they are private)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.play import SeatView
from councilgame.play import queries as views

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def seat_text(seat: views.Seat, objectives: Iterable[str] = ()) -> Text:
    """A seat's card: its powers, and the `objectives` given (only ever the reader's own)."""
    t = Text(f"{seat.code}  {seat.name}", style="bold")
    powers = ["permanent member, veto" if seat.permanent else "elected member",
              seat.group.replace("_", " ")]
    if seat.pens:
        powers.append("pen on " + ", ".join(seat.pens))
    t.append("\n  " + " · ".join(powers))
    if seat.note:
        t.append(f"\n  {seat.note.strip()}", style="dim")
    for o in objectives:
        t.append(f"\n  ◆ {o}", style="green")
    return t


class SeatsScreen(Screen):
    """Every seat's powers (the scenario's, public); the objectives come from the acting seat's
    own view, so only its own can show."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        session = self.app.session
        view = session.view()
        mine = view.seat if isinstance(view, SeatView) else None
        own = [o.text for o in view.objectives] if isinstance(view, SeatView) else []
        yield Header()
        with VerticalScroll(classes="box"):
            for seat in views.seats(session.comp):
                yield Static(seat_text(seat, own if seat.code == mine else ()), classes="seat-card")
        yield Footer()
