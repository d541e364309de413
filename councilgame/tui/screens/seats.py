"""The fifteen seats: powers for all; objectives only for yours (they are private)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.play import queries as views


def seat_text(seat: views.Seat, private: bool) -> Text:
    t = Text(f"{seat.code}  {seat.name}", style="bold")
    powers = ["permanent member, veto" if seat.permanent else "elected member",
              seat.group.replace("_", " ")]
    if seat.pens:
        powers.append("pen on " + ", ".join(seat.pens))
    t.append("\n  " + " · ".join(powers))
    if seat.note:
        t.append(f"\n  {seat.note.strip()}", style="dim")
    if private:
        for o in seat.objectives:
            t.append(f"\n  ◆ {o}", style="green")
    return t


class SeatsScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        session = self.app.session
        yield Header()
        with VerticalScroll(classes="box"):
            for seat in views.seats(session.comp):
                private = session.private_ok and seat.code == session.seat
                yield Static(seat_text(seat, private), classes="seat-card")
        yield Footer()
