"""The game so far, month by month: every vote with its result, what the Council produced on
each file, and the events, as the room saw them (public news only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.play import PublicView
from councilgame.tui.screens.vote import verdict

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def history_text(view: PublicView) -> Text:
    names = {s.code: s.name for s in view.seats}
    t = Text()
    for month in reversed(view.timeline):  # the latest first
        t.append(f"{month.name} (president: {view.name_of(month.president)})\n", style="bold underline")
        votes = [v for v in view.votes if v.month == month.month]
        for v in votes:
            t.append(f"• {v.title}: ", style="bold")
            t.append(verdict(v, names) + "\n")
            if v.clause_titles and v.kind != "procedural":
                t.append("  " + "; ".join(v.clause_titles) + "\n", style="dim")
        news = [n for n in view.news if n.month == month.month and not n.private
                and n.kind in ("agenda", "event", "choice", "statement", "crisis", "mandate", "neglect")]
        for n in news:
            t.append(f"• {'Event: ' if n.kind == 'event' else ''}{n.text}\n")
        if not votes and not news:
            t.append("• nothing on record\n", style="dim")
        t.append("\n")
    return t


class HistoryScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="history", classes="box"):
            yield Static(history_text(self.app.session.view()), id="history-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#history").border_title = "History: every month's votes and events"
