"""Drafting: pick the clauses of a draft, see who likes them, watch the whip count move."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from councilgame.play import Done, TableDraft
from councilgame.play import queries as views
from councilgame.tui.screens.operations import in_force
from councilgame.tui.widgets.tutorial import TutorialNote
from councilgame.tui.widgets.whip import WhipCount

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


WIDE_LIST = 60  # columns from which the list shows each clause's group in front of it


class DraftingScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("space", "toggle", "Select", show=False),
        Binding("t", "table", "Table draft"),
        Binding("p", "pass_pen", "No draft"),
        Binding("escape", "back", "Chamber"),
        Binding("i", "my_seat", "My seat"),
        Binding("m", "operations", "Ops", tooltip="The operations in the field and what is in force"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, file_id: str, rival: bool = False):
        super().__init__()
        self.file_id = file_id
        self.rival = rival  # a rival text tabled during consultations, voted first
        self.keys: list[str] = []
        if not rival:  # a penholder revising a withdrawn draft starts from the text it tabled
            draft = self.app.session.view().draft if self.app.session else None
            if draft is not None and draft.file == file_id and draft.sponsor == self.app.session.seat:
                self.keys = [c.key for c in draft.clauses]

    def compose(self) -> ComposeResult:
        game = self.app.session.game
        self.offers = views.offers(game, self.file_id)
        yield Header()
        with Horizontal():
            with Vertical(id="draft-left", classes="box"):
                yield Static(id="in-force")
                yield OptionList(*[Option(self._label(o, 0), id=o.key) for o in self.offers],
                                 id="clauses")
                yield Static(id="clause-detail")
            yield WhipCount(id="whip", classes="box")
        yield TutorialNote("draft")
        yield Footer()

    def _label(self, o: views.OfferView, width: int) -> Text:
        """A clause's line: its box, its title and target, wrapped under the title (not under
        the box) to the list's `width`, with the group in front where the list is wide."""
        group = f"{o.group:<11} " if width >= WIDE_LIST else ""
        chosen = o.key in self.keys
        out = Text("[x] " if chosen else "[ ] ", style="bold" if chosen else "")
        out.append(group, style="dim")
        body = Text(o.title)
        if o.target:
            body.append(f" → {o.target}", style="italic")
        if width <= 0:
            return out + body
        indent = len(out.plain)  # continuation lines start under the title
        for i, line in enumerate(body.wrap(self.app.console, max(10, width - indent))):
            if i:
                out.append("\n" + "\u00a0" * indent)  # a no-break space: kept at a line start
            out.append_text(line)
        return out

    def _relabel(self) -> None:
        lst = self.query_one("#clauses", OptionList)
        width = lst.content_region.width - 7  # room for a scrollbar (which comes later) and padding
        for i, o in enumerate(self.offers):
            lst.replace_option_prompt_at_index(i, self._label(o, width))

    def on_resize(self) -> None:
        self._relabel()

    def on_mount(self) -> None:
        f = self.app.session.view().file(self.file_id)
        kind = "Rival draft" if self.rival else "Draft"
        self.query_one("#draft-left").border_title = f"{kind} on: {f.title if f else self.file_id}"
        self.query_one("#whip").border_title = "Whip count"
        force = in_force(self.app.session.view().operations, {o.target for o in self.offers if o.target})
        self.query_one("#in-force", Static).update(force or "")
        self.query_one("#in-force").display = force is not None
        self.query_one("#clauses", OptionList).highlighted = 0
        self._refresh()
        self._detail(0)

    def action_toggle(self) -> None:
        """Space (or enter) on a clause adds it to the text or takes it out; a clause that
        excludes another (two mandate lengths) replaces it."""
        index = self.query_one("#clauses", OptionList).highlighted
        if index is None:
            return
        self.keys = views.toggle(self.app.session.game, self.file_id, self.keys, self.offers[index].key)
        self._relabel()
        self._refresh()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_toggle()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._detail(event.option_index)

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

    def action_operations(self) -> None:
        from councilgame.tui.screens.operations import OperationsScreen

        self.app.push_screen(OperationsScreen())

    def action_my_seat(self) -> None:
        """Your seat's powers and private objectives (shown only to the seat whose turn it is)."""
        from councilgame.tui.screens.seats import SeatsScreen

        self.app.push_screen(SeatsScreen())
