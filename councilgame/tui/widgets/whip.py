"""The whip count: projected yes / no / abstain, who may veto, and each member's reasons."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from councilgame.engine.views import Whip
from councilgame.tui.widgets.seatmap import LETTER, STYLE


class WhipCount(Vertical):
    """Summary line, a table of members, and the reasons of the highlighted one."""

    def compose(self) -> ComposeResult:
        yield Static(id="whip-summary")
        table = DataTable(id="whip-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Seat", "Vote", "Utility")
        yield table
        yield Static(id="whip-reasons")

    def show(self, whip: Whip) -> None:
        self.whip = whip
        t = Text()
        t.append(f"Projected {whip.yes} yes · {whip.no} no · {whip.abstain} abstain  ", style="bold")
        if whip.vetoes:
            t.append(f"VETO: {', '.join(whip.vetoes)}", style="bold red")
        elif whip.passes:
            t.append("would pass", style="bold green")
        else:
            t.append("would fail (9 yes needed)", style="bold yellow")
        self.query_one("#whip-summary", Static).update(t)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for s in whip.stances:
            vote = Text(f"{LETTER[s.ballot]} {s.ballot}" + (" (veto)" if s.veto else ""),
                        style=STYLE[s.ballot])
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
        whip = getattr(self, "whip", None)
        if whip is None or not 0 <= row < len(whip.stances):
            return
        s = whip.stances[row]
        t = Text(f"{s.name} leans {s.ballot}, because:\n", style="bold")
        for label, value in s.reasons:
            t.append(f"  {value:+.2f}  {label}\n", style="green" if value > 0 else "red")
        self.query_one("#whip-reasons", Static).update(t)
