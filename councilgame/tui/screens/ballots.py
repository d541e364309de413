"""A sitting's ballots in one go: the words for each vote of the sitting, and the show of
hands, where the facilitator enters the whole room's ballots on one public screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.play import PublicView
from councilgame.play.view_models import SittingItemView
from councilgame.tui.widgets.seatmap import LETTER, STYLE

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def item_words(view: PublicView, item: SittingItemView, clauses: bool = True) -> str:
    """'Amendment by Russia: delete “Chapter VII”' — one vote of the sitting, in words (with
    the clauses it holds, unless `clauses` is False)."""
    who = view.short_of(item.sponsor)
    held = ", ".join(item.clauses)
    if item.kind == "amendment":
        return f"Amendment by {who}: {'delete' if item.remove else 'insert'} “{held}”"
    if item.kind == "procedural":
        return "Whether the Council takes up the file (procedural: no veto)"
    if item.kind == "rival":
        head = f"Rival draft by {who}, voted only if the draft fails"
    else:
        head = f"Draft by {who}, as amended if an amendment is adopted"
    return f"{head}: {held}" if clauses else head


def sitting_text(view: PublicView, items: list[SittingItemView]) -> Text:
    """The numbered votes of the sitting still to come."""
    t = Text()
    for n, item in enumerate(items, 1):
        t.append(f"{n}  ", style="bold")
        t.append(item_words(view, item) + "\n")
    return t


class ShowOfHandsScreen(Screen):
    """An open vote in a room: the Council votes by show of hands, so the facilitator enters
    every player's ballots for the whole sitting here, and nobody's private screen is opened."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("y", "mark('yes')", "Yes"),
        Binding("n", "mark('no')", "No"),
        Binding("a", "mark('abstain')", "Abstain"),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("enter", "record", "Record"),
        Binding("p", "private", "Private ballots"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.row = self.col = 0
        self.marks: dict[tuple[int, int], str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="hands-box", classes="box"):
            yield Static(id="hands-items")
            yield Static(id="hands-grid")
            yield Static(id="hands-rule", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.session
        self.view = session.view()  # the public view: this screen is the room's
        self.items = session.ballots_to_give()
        self.seats = session.humans
        f = self.view.file(self.view.prompt.file) if self.view.prompt else None
        self.query_one("#hands-box").border_title = f"Show of hands{': ' + f.title if f else ''}"
        intro = Text("The Council votes by show of hands. Enter each delegation's ballot on each "
                     "vote of the sitting (y, n or a; arrows move), then Enter. p: ballots in "
                     "private instead, one player at a time.\n\n", style="italic")
        intro.append(sitting_text(self.view, self.items))
        self.query_one("#hands-items", Static).update(intro)
        self.query_one("#hands-rule", Static).update(
            "A permanent member's no vetoes a draft that has nine yes (Charter, Art. 27(3)); "
            "on an amendment it defeats the amendment; on procedure no member has a veto.")
        self._show()

    def _show(self) -> None:
        t = Text("\n" + " " * 24 + "".join(f"{n:^5}" for n in range(1, len(self.items) + 1)) + "\n")
        for r, code in enumerate(self.seats):
            who = f"{code} {self.app.session.players_of(code)}"
            t.append(f"{who[:22]:<24}")
            for c in range(len(self.items)):
                ballot = self.marks.get((r, c))
                here = (r, c) == (self.row, self.col)
                t.append(f"  {LETTER[ballot]}  ", style=STYLE[ballot] + (" reverse" if here else ""))
            t.append("\n")
        missing = len(self.seats) * len(self.items) - len(self.marks)
        t.append(f"\n{missing} ballot(s) still to enter." if missing else "\nAll ballots are in: "
                 "Enter records them.", style="bold")
        self.query_one("#hands-grid", Static).update(t)

    def action_mark(self, ballot: str) -> None:
        self.marks[(self.row, self.col)] = ballot
        if self.col + 1 < len(self.items):
            self.col += 1
        elif self.row + 1 < len(self.seats):
            self.row, self.col = self.row + 1, 0
        self._show()

    def action_move(self, dr: int, dc: int) -> None:
        self.row = max(0, min(len(self.seats) - 1, self.row + dr))
        self.col = max(0, min(len(self.items) - 1, self.col + dc))
        self._show()

    def action_record(self) -> None:
        missing = len(self.seats) * len(self.items) - len(self.marks)
        if missing:
            self.notify(f"{missing} ballot(s) are still to enter.", severity="warning")
            return
        for r, code in enumerate(self.seats):
            self.app.session.give_ballots(code, {item.symbol: self.marks[(r, c)]
                                                 for c, item in enumerate(self.items)})
        self.dismiss()
        self.app.call_after_refresh(self.app.route)

    def action_private(self) -> None:
        """This sitting in private ballots: each player casts theirs after a hand-over."""
        key = self.app.session.sitting_key()
        if key is not None:
            self.app.session.private_sittings.add(key)
        self.dismiss()
        self.app.call_after_refresh(self.app.route)

