"""The vote: cast your ballot, then watch the roll call and learn why the draft passed or fell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Static

from councilgame.play import SeatView, Vote
from councilgame.play import queries as views
from councilgame.play.views import VoteView
from councilgame.tui.screens.ballots import item_words
from councilgame.tui.screens.consult import draft_text
from councilgame.tui.widgets.seatmap import LETTER, STYLE
from councilgame.tui.widgets.tutorial import TutorialNote
from councilgame.tui.widgets.whip import WhipCount

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class VoteScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("y", "vote('yes')", "Yes"),
        Binding("n", "vote('no')", "No"),
        Binding("a", "vote('abstain')", "Abstain"),
        Binding("b", "back", "Back", show=False),
        Binding("i", "my_seat", "My seat"),
        Binding("f1", "app.help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="vote-left", classes="box"):
                yield Static(id="vote-question")
                yield Static(id="vote-draft")
                yield Static(id="vote-rule")
            yield WhipCount(id="whip", classes="box")
        yield TutorialNote("vote")
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.session
        self.query_one("#vote-left").border_title = "Vote"
        self.query_one("#whip-table").focus()
        self.query_one("#whip").border_title = "How the others lean"
        # in a hot-seat game the player gives every ballot of the sitting in this one turn
        self.items = session.ballots_to_give()
        self.given: dict[str, str] = {}
        self.at = 0
        self._show_current(session.view())

    def _show_current(self, view) -> None:
        session = self.app.session
        q = Text(self._step_line(view), style="bold")
        q.append(view.prompt.question if view.prompt else "", style="bold")
        q.append("\nPress y, n or a.")
        if view.question == "procedural":
            q.append(" A procedural vote: 9 yes carry it and no member has a veto (Art. 27(2)).",
                     style="bold")
        elif view.seat_info(session.seat).permanent:
            what = "defeats the amendment" if view.amendment else "vetoes the text if it has nine yes"
            q.append(f" As a permanent member, your 'no' {what}.", style="bold red")
        if view.amendment is not None:
            self._amendment(view, session.seat)
        elif view.draft is not None:
            offers = views.offers(session.game, view.draft.file)
            self.query_one("#vote-draft", Static).update(draft_text(view, offers))
            if isinstance(view, SeatView) and view.whip is not None:
                self.query_one(WhipCount).show(view.whip, session.seat)
        elif view.question == "procedural":
            self.query_one(WhipCount).clear("No draft yet: the question is whether the Council "
                                            "takes up the file at all.")
        if session.hotseat and view.ballots_cast:
            if session.sealed:
                q.append(f"\n{view.ballots_cast} sealed ballot(s) cast; all are revealed together.",
                         style="italic")
            else:
                q.append("\nSo far: " + ", ".join(f"{c} {b}" for c, b in view.ballots_so_far.items()))
        self.query_one("#vote-question", Static).update(q)
        self._rule(view.question == "procedural")

    def _step_line(self, view) -> str:
        """'Ballot 1 of 3 of this sitting' when the player gives several in this turn."""
        if len(self.items) < 2:
            return ""
        return f"Ballot {self.at + 1} of {len(self.items)} of this sitting. "

    def _show_later(self, view) -> None:
        """A later vote of the sitting: what it puts, and for the draft how the others lean."""
        session = self.app.session
        item = self.items[self.at]
        q = Text(self._step_line(view) + item_words(view, item, clauses=False) + ".", style="bold")
        q.append("\nPress y, n or a (b: back to the ballot before). Your ballot is cast when "
                 "this vote is put. ")
        if item.kind != "amendment" and view.seat_info(session.seat).permanent:
            q.append("As a permanent member, your 'no' vetoes the text if it has nine yes.",
                     style="bold red")
        self.query_one("#vote-question", Static).update(q)
        text = Text(item_words(view, item, clauses=False) + "\n", style="bold")
        for clause in item.clauses:
            text.append(f"• {clause}\n")
        self.query_one("#vote-draft", Static).update(text)
        whip = self.query_one(WhipCount)
        if item.kind == "draft" and isinstance(view, SeatView) and view.whip is not None:
            whip.show(view.whip, session.seat)
        else:
            whip.clear("How the others lean on this vote shows once it is put; the sitting's "
                       "earlier votes may change it.")
        self._rule(item.kind == "procedural")

    def _rule(self, procedural: bool) -> None:
        rule = ("A procedural question: adopted with 9 yes, and no member has a veto "
                "(Charter, Art. 27(2))." if procedural else
                "Adopted with 9 yes and no permanent member's 'no'; an abstention is not a veto "
                "(Charter, Art. 27(3)).")
        self.query_one("#vote-rule", Static).update(Text(rule, style="dim"))

    def _amendment(self, view, seat: str) -> None:
        """An amendment is voted on for what it changes: show that, and how the others lean on
        it (not the draft's whip: a member may like the draft and oppose the amendment)."""
        a = view.amendment
        verb = "deletes" if a.remove else "inserts"
        t = Text(f"The amendment by {view.name_of(a.mover)} {verb} the clause:\n", style="bold")
        t.append(f"  {a.clause}\n\n")
        t.append("If it is adopted, the draft is voted on as amended; if not, as it stands. A "
                 "permanent member's 'no' defeats an amendment as it would a draft.", style="dim")
        self.query_one("#vote-draft", Static).update(t)
        others = {c: b for c, b in a.projected.items() if c != seat}
        lean = Text("How the others lean on the amendment\n", style="bold")
        for ballot in ("yes", "no", "abstain"):
            who = [c for c, b in others.items() if b == ballot]
            lean.append(f"{ballot}: {len(who)}", style=STYLE[ballot])
            lean.append(f"  {' '.join(who)}\n" if who else "\n")
        self.query_one(WhipCount).clear("")
        self.query_one("#whip-summary", Static).update(lean)

    def action_vote(self, ballot: str) -> None:
        """Give the ballot; a permanent member's "no" on substance is a veto, so it asks first.
        The last ballot of the sitting casts the one put now and keeps the later ones."""
        session = self.app.session
        view = session.view()
        item = self.items[self.at] if self.items else None
        procedural = (item.kind == "procedural") if item else view.question == "procedural"
        amendment = item is not None and item.kind == "amendment"

        def give() -> None:
            if item is not None:
                self.given[item.symbol] = ballot
            if self.at + 1 < len(self.items):
                self.at += 1
                self._show_later(session.view())
                return
            self._cast(ballot if not self.items else self.given[self.items[0].symbol])

        if ballot == "no" and not procedural and view.seat_info(session.seat).permanent:
            ask = "Vote no on this amendment?" if amendment else "Veto this draft?"
            self.app.confirm(f"{ask} As a permanent member your 'no' defeats it if it has nine "
                             "votes (Charter, Art. 27(3)). Abstaining does not.", give)
        else:
            give()

    def action_back(self) -> None:
        """Back to the previous ballot of the sitting."""
        if self.at == 0:
            return
        self.at -= 1
        view = self.app.session.view()
        if self.at == 0:
            self._show_current(view)
        else:
            self._show_later(view)

    def _cast(self, now: str) -> None:
        session = self.app.session
        later = {i.symbol: self.given[i.symbol] for i in self.items[1:]}
        if later:
            session.give_ballots(session.seat, later)
        before = len(session.view().votes)
        self.app.send(Vote(seat=session.seat, ballot=now), roll_call_after=before)

    def action_my_seat(self) -> None:
        """Your seat's powers and private objectives (shown only to the seat whose turn it is)."""
        from councilgame.tui.screens.seats import SeatsScreen

        self.app.push_screen(SeatsScreen())


def verdict(v: VoteView, names: dict[str, str]) -> str:
    """'adopted 13-0-2', 'vetoed by Russian Federation', 'failed: 8 yes'."""
    count = f"{v.yes}-{v.no}-{v.abstain}"
    if v.result == "adopted":
        return f"Adopted {count}."
    if v.result == "vetoed":
        return f"Vetoed by {' and '.join(names[c] for c in v.vetoed_by)} ({count})."
    if v.kind == "procedural":
        return f"Failed: {v.yes} yes, 9 needed ({count}); on procedure no member has a veto."
    if v.permanent_no:
        who = " and ".join(names[c] for c in v.permanent_no)
        return (f"Failed: {v.yes} yes, 9 needed ({count}). {who} voted no, which is not a veto: "
                "the text lacked nine votes.")
    return f"Failed: {v.yes} yes, 9 needed ({count})."


class RollCallScreen(ModalScreen[None]):
    """Ballots appear one by one in the order of the rota; any key skips to the result."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("space", "skip", "Skip"), Binding("enter", "close", "Close")]

    def __init__(self, votes: list[VoteView], order: list[str], names: dict[str, str],
                 animate: bool = True):
        super().__init__()
        self.votes, self.order, self.names, self.shown = votes, order, names, 0
        self.animate = animate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Roll call", classes="dialog-title")
            yield Static(id="rollcall")
            yield TutorialNote("rollcall")
            yield Static("space: skip · enter: close", classes="dim")

    def on_mount(self) -> None:
        if self.animate:
            self.timer = self.set_interval(0.08, self._step)
        else:
            self.action_skip()

    def _step(self) -> None:
        self.shown += 1
        if self.shown >= len(self.order):
            self.timer.stop()
        self._show_ballots()

    def _show_ballots(self) -> None:
        t = Text()
        for v in self.votes:
            t.append(v.title, style="bold")
            t.append(f": {', '.join(v.clause_titles)}\n" if v.kind == "amendment" else "\n")
            for code in self.order[: self.shown]:
                b = v.ballots[code]
                t.append(f"{code} ")  # each ballot right after its member, then a gap
                t.append(LETTER[b], style=STYLE[b])
                t.append("   ")
            if self.shown >= len(self.order):
                t.append("\n" + verdict(v, self.names) + "\n\n", style="bold")
            else:
                t.append("\n\n")
        self.query_one("#rollcall", Static).update(t)

    def action_skip(self) -> None:
        if getattr(self, "timer", None):
            self.timer.stop()
        self.shown = len(self.order)
        self._show_ballots()

    def action_close(self) -> None:
        if self.shown < len(self.order):
            self.action_skip()
        else:
            self.dismiss(None)
