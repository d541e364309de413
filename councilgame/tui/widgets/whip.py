"""The whip count: projected yes / no / abstain, who may veto, and each member's reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from councilgame.play.views import LobbyView, WhipView
from councilgame.tui.widgets.seatmap import STYLE

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def summary(whip: WhipView, you: str) -> Text:
    """The projected vote of the other fourteen, what your own vote can do to it, and the
    chance the text passes with the noise of the day (the view computes all of it)."""
    others = [s for s in whip.stances if s.code != you]
    yes = sum(s.ballot == "yes" for s in others)
    no = sum(s.ballot == "no" for s in others)
    vetoes = [s.code for s in others if s.veto]
    t = Text(f"Others: {yes} yes · {no} no · {len(others) - yes - no} abstain  ", style="bold")
    if vetoes:
        t.append(f"VETO: {', '.join(vetoes)}", style="bold red")
    elif whip.others_needed == 0:
        t.append("passes", style="bold green")
    elif whip.others_needed == 1:
        t.append("your yes would make the ninth", style="bold yellow")
    else:
        t.append(f"fails: {whip.others_needed} more yes needed", style="bold yellow")
    t.append(f"\nChance it passes: {100 * whip.chance:.0f}% if you vote yes, "
             f"{100 * whip.chance_without:.0f}% if you abstain", style="italic")
    return t


class WhipCount(Vertical):
    """Summary line, a table of members, and the reasons of the highlighted one. The screen
    hands it a `WhipView` and the seat it is shown to."""

    if TYPE_CHECKING:
        app: CouncilApp

    whip: WhipView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="whip-summary")
        table = DataTable(id="whip-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Seat", "Vote", "Utility")
        yield table
        yield Static(id="whip-reasons")

    lobbying: dict[str, LobbyView] = {}

    def show(self, whip: WhipView, you: str, lobbying: list[LobbyView] | None = None) -> None:
        self.whip = whip
        self.lobbying = {lv.target: lv for lv in lobbying or []}
        self.query_one("#whip-summary", Static).update(summary(whip, you))
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for s in whip.stances:
            label = "veto" if s.veto else s.ballot  # short: the utility column must fit at 80x24
            vote = Text(label + (" ~" if s.leaning else ""), style=STYLE[s.ballot])
            if s.code == you:
                vote = Text("you", style="bold reverse")  # short: the columns fit at 80x24
            table.add_row(s.code, vote, f"{s.utility:+.2f}", key=s.code)
        if whip.stances:
            table.move_cursor(row=min(row, len(whip.stances) - 1))
        self._reasons(table.cursor_row)

    def clear(self, message: str) -> None:
        self.whip = None
        self.query_one("#whip-summary", Static).update(Text(message, style="italic"))
        self.query_one(DataTable).clear()
        self.query_one("#whip-reasons", Static).update("")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._reasons(event.cursor_row)

    def _reasons(self, row: int) -> None:
        whip = self.whip
        if whip is None or not 0 <= row < len(whip.stances):
            return
        s = whip.stances[row]
        t = Text(f"{s.name} leans {s.ballot}.\n", style="bold")
        lv = self.lobbying.get(s.code)
        if lv is not None:  # first: what a point buys is what the player decides on
            moves = f"it would lean {lv.after}" if lv.after != lv.now else f"it still leans {lv.now}"
            t.append(f"One point of lobbying now: {lv.gain:+.2f}; {moves}.\n", style="italic")
        t.append("Because:", style="bold")
        # a grid, so a long reason wraps under its own words, not under the figures
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        for label, value in s.reasons:
            style = "green" if value > 0 else "red"
            grid.add_row(Text(f"{value:+.2f}", style=style), Text(label, style=style))
        self.query_one("#whip-reasons", Static).update(Group(t, grid))
