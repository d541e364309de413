"""Drafting: pick the clauses of a draft, see who likes them, watch the whip count move."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, SelectionList, Static
from textual.widgets.selection_list import Selection

from councilgame.play import Done, TableDraft
from councilgame.play import queries as views
from councilgame.tui.widgets.tutorial import TutorialNote
from councilgame.tui.widgets.whip import WhipCount

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class DraftingScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("t", "table", "Table draft"),
        Binding("p", "pass_pen", "No draft"),
        Binding("escape", "back", "Chamber"),
        Binding("i", "my_seat", "My seat"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, file_id: str, rival: bool = False):
        super().__init__()
        self.file_id = file_id
        self.rival = rival  # a rival text tabled during consultations, voted first
        self.keys: list[str] = []

    def compose(self) -> ComposeResult:
        game = self.app.session.game
        self.offers = views.offers(game, self.file_id)
        yield Header()
        with Horizontal():
            with Vertical(id="draft-left", classes="box"):
                yield SelectionList(*[Selection(self._label(o), o.key) for o in self.offers],
                                    id="clauses")
                yield Static(id="clause-detail")
            yield WhipCount(id="whip", classes="box")
        yield TutorialNote("draft")
        yield Footer()

    def _label(self, o: views.OfferView) -> Text:
        t = Text(f"{o.group:<13} ", style="dim")
        t.append(o.title)
        if o.target:
            t.append(f" → {o.target}", style="italic")
        return t

    def on_mount(self) -> None:
        f = self.app.session.view().file(self.file_id)
        kind = "Rival draft" if self.rival else "Draft"
        self.query_one("#draft-left").border_title = f"{kind} on: {f.title if f else self.file_id}"
        self.query_one("#whip").border_title = "Whip count"
        self._refresh()
        self._detail(0)

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        key = event.selection.value
        self.keys = views.toggle(self.app.session.game, self.file_id, self.keys, key)
        lst = self.query_one(SelectionList)
        with lst.prevent(SelectionList.SelectedChanged):
            lst.deselect_all()
            for k in self.keys:
                lst.select(k)
        self._refresh()

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        self._detail(event.selection_index)

    def _detail(self, index: int) -> None:
        if not 0 <= index < len(self.offers):
            return
        o = self.offers[index]
        t = Text(o.title, style="bold")
        t.append(f"  ({o.group})\n", style="dim")
        t.append(o.text + "\n")
        t.append("Welcomed by: ", style="green")
        t.append(", ".join(o.likes) or "no one in particular")
        t.append("\nResented by: ", style="red")
        t.append(", ".join(o.resents) or "no one in particular")
        self.query_one("#clause-detail", Static).update(t)

    def _refresh(self) -> None:
        session = self.app.session
        whip = self.query_one(WhipCount)
        if not self.keys:
            whip.clear("Select clauses with space: the whip count follows each change.")
            return
        # the text as this seat would table it, with the reasons this seat may read
        whip.show(session.whip_view(self.file_id, self.keys, sponsor=session.seat), session.seat)

    def action_table(self) -> None:
        if not self.keys:
            self.notify("Select at least one clause (space), or press p to table nothing.",
                        severity="warning")
            return
        action = TableDraft(seat=self.app.session.seat, offers=list(self.keys))

        def table() -> None:
            if self.rival:
                self.app.pop_screen()
                self.app.send(action, stay=True)
                self.notify("Your rival draft will be voted before the penholder's.")
            else:
                self.app.send(action)

        n = len(self.keys)
        what = "rival draft" if self.rival else "draft"
        self.app.confirm(f"Table this {what} ({n} clause{'s' if n != 1 else ''})? Once tabled it "
                         "goes to consultations and then to the vote as it stands.", table)

    def action_pass_pen(self) -> None:
        if self.rival:
            self.app.pop_screen()
            return
        self.app.confirm("Table no draft this month? The file stays on the agenda without a "
                         "text, and another member may table one.",
                         lambda: self.app.send(Done(seat=self.app.session.seat)))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_my_seat(self) -> None:
        """Your seat's powers and private objectives (shown only to the seat whose turn it is)."""
        from councilgame.tui.screens.seats import SeatsScreen

        self.app.push_screen(SeatsScreen())
