"""Load: every save in the folder, readable or not (with the reason), where each came from;
open one, or reopen it at an earlier month as a new branch ("what if")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from councilgame.saves.listing import group, row_labels
from councilgame.saves.store import Entry

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def origin_text(save) -> str:
    if save.origin is None:
        return ""
    return f"branch of {save.origin.branch_of} at month {save.origin.at_month}"


class LoadScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("o", "open", "Open (or enter)"),
        Binding("w", "what_if", "What if…"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="load-left", classes="box"):
                yield DataTable(id="saves", cursor_type="row", zebra_stripes=True)
            yield Static(id="save-detail", classes="box")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#load-left").border_title = f"Saves in {self.app.store.folder}"
        self.query_one("#save-detail").border_title = "Details"
        listing = group(self.app.store.entries())
        table = self.query_one(DataTable)
        # three columns, the names wrapping in what the list leaves them, so nothing scrolls
        # sideways at 80 columns; the scenario and the game's state are in the details
        left = self.app.size.width * 3 // 5  # the list's share of the screen (3fr to 2fr)
        table.add_column("Game and saves", width=max(14, left - 36))
        table.add_columns("Month", "Saved (UTC)")
        self.entries: list[Entry] = []
        for game in listing.games:  # each game with its saves and autosaves, newest first
            for e, label in zip(game.entries, row_labels(game), strict=True):
                s = e.save
                assert s is not None
                table.add_row(Text(label), str(s.summary.month), s.summary.date[:16].replace("T", " "),
                              key=str(len(self.entries)), height=None)
                self.entries.append(e)
        for e in listing.unreadable:
            table.add_row(Text(e.path.name), "", Text("unreadable", style="red"),
                          key=str(len(self.entries)), height=None)
            self.entries.append(e)
        if not self.entries:
            self.query_one("#save-detail", Static).update("No saves yet: play a month and the "
                                                          "game autosaves.")

    def _entry(self) -> Entry | None:
        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row < 0:
            return None
        return self.entries[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        e = self._entry()
        if e is None:
            return
        t = Text(e.path.name + "\n", style="bold")
        if e.save is None:
            t.append(e.error or "", style="red")
        else:
            s = e.save
            t.append(f"{s.summary.scenario_title} · seed {s.seed} · {s.kind}\n")
            t.append(f"Players: {', '.join(s.summary.players) or 'none (AI only)'}\n")
            status = "ended" if s.summary.finished else "in play"
            t.append(f"Month {s.summary.month} ({status}); legitimacy "
                     f"{s.summary.scores.get('legitimacy', 0):.0f}, outcomes "
                     f"{s.summary.scores.get('outcomes', 0):.0f}\n")
            if s.origin:
                t.append(origin_text(s) + "\n", style="italic")
        self.query_one("#save-detail", Static).update(t)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        e = self._entry()
        if e is None or e.save is None:
            self.notify("This file cannot be opened." if e else "No save selected.", severity="error")
            return
        self.app.open_save(e)

    def action_what_if(self) -> None:
        e = self._entry()
        if e is None or e.save is None:
            return

        def chosen(month: int | None) -> None:
            if month:
                self.app.open_save(e, branch_month=month)

        self.app.push_screen(MonthPrompt(e.save.summary.month), chosen)


class MonthPrompt(ModalScreen[int | None]):
    """Ask which month to reopen the game at."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, last: int):
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("What if… reopen the game at the start of month:", classes="dialog-title")
            yield Input(str(max(1, self.last - 1)), type="integer", id="month")
            yield Label(f"1 to {self.last}. The original save is not touched.", classes="dim")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            month = int(event.value)
        except ValueError:
            month = 0
        if 1 <= month <= self.last:
            self.dismiss(month)
        else:
            self.notify(f"Choose a month from 1 to {self.last}.", severity="error")
