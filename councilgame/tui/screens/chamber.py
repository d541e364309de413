"""The chamber: the horseshoe, the gauges, the agenda, the news, the month and your capital."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.play import Done, OrderAgenda, PublicView, RequestMeeting, SeatView
from councilgame.tui.layout import HEADER_ROOM
from councilgame.tui.widgets.dialogs import ChoiceScreen
from councilgame.tui.widgets.gauges import GaugePanel
from councilgame.tui.widgets.seatmap import SeatMap, SeatMark
from councilgame.tui.widgets.tutorial import TutorialNote

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp




class ChamberScreen(Screen):
    """The main screen. It shows the state; the keys open the step the game waits for."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("n", "next", "Continue"),
        Binding("d", "open_step", "Step"),
        Binding("r", "request", "Meeting", tooltip="Ask for a meeting on a file (1 capital)"),
        Binding("o", "order", "Order agenda", show=False),
        Binding("f1", "app.help", "Help"),
        Binding("s", "seats", "Seats"),
        Binding("m", "operations", "Ops"),
        Binding("h", "history", "History", show=False),
        Binding("q", "app.quit_game", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="chamber-top"):
            with Vertical(id="council-box", classes="box"):
                yield SeatMap(id="seatmap")
                yield Static(id="status")
            yield GaugePanel(self.app.session.view().gauges, id="gauges", classes="box")
        yield TutorialNote("briefing")
        with Horizontal(id="chamber-bottom"):
            yield Static(id="agenda", classes="box")
            with VerticalScroll(id="news", classes="box"):
                yield Static(id="news-text")
        yield Footer()

    ready = False

    def on_mount(self) -> None:
        self.ready = True
        self.query_one("#council-box").border_title = "The Council"
        self.query_one("#gauges").border_title = "Gauges"
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one("#news").border_title = "News"
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def on_resize(self) -> None:
        self.refresh_view()  # the header's line depends on the width

    def refresh_view(self) -> None:
        if not self.ready:  # not composed yet: on_mount will refresh
            return
        session = self.app.session
        view = session.view()
        who = ("hot-seat: " + ", ".join(session.humans)) if session.hotseat \
            else f"you: {view.short_of(session.seat)}"
        # the month first; the scenario's title only where the header has room for it whole
        # ("councilgame — " and the header's icon and clock take about 30 columns)
        line = f"{view.month_name} · {who}"
        if len(line) + len(view.title) + 3 <= self.app.size.width - HEADER_ROOM:
            line += f" · {view.title}"
        self.app.sub_title = line
        self.query_one(SeatMap).show(seat_marks(view, self.app.session.humans))
        self.query_one(GaugePanel).show(view.gauges)
        self.query_one("#status", Static).update(self._status(view))
        self.query_one("#agenda", Static).update(agenda_text(view))
        self._news(view)
        note = self.query_one(TutorialNote)
        note.show_step()
        self.set_class(bool(note.display), "tutoring")

    def _status(self, view: PublicView) -> Text:
        session = self.app.session
        # what the player acts on first: at 80x24 only the first lines fit under the horseshoe
        t = Text()
        if isinstance(view, SeatView):
            t.append(f"Capital {view.capital}", style="bold")
        else:
            t.append("Players: " + ", ".join(f"{c} ({session.players_of(c)})"
                                              for c in session.humans))
        t.append(f" · legitimacy {view.scores.get('legitimacy', 0):.0f}"
                 f" · outcomes {view.scores.get('outcomes', 0):.0f}")
        t.append("\n" + self.app.waiting_for(), style="italic")
        t.append(f"\n{view.month_name}", style="bold")
        t.append(f", month {view.month} of {view.months} · ★ {view.president}")  # ★: the president
        return t

    def _news(self, view: PublicView) -> None:
        self.query_one("#news-text", Static).update(news_text(view))

    def action_next(self) -> None:
        prompt = self.app.session.view().prompt
        if prompt is not None and prompt.kind == "briefing":
            self.app.send(Done(seat=prompt.seat))
        else:
            self.app.route()

    def action_history(self) -> None:
        """Every month so far: votes with their results, outputs, events."""
        from councilgame.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_operations(self) -> None:
        """The missions and parallel operations, in the field or possible."""
        from councilgame.tui.screens.operations import OperationsScreen

        self.app.push_screen(OperationsScreen())

    def action_request(self) -> None:
        """Ask the President for a meeting on a file not on the agenda (any player's seat)."""
        session = self.app.session
        asks = [a for a in session.legal() if isinstance(a, RequestMeeting)]  # players' seats only
        if not asks:
            self.notify("No meeting can be asked for now: requests are made at the briefing, "
                        "once a month, for 1 political capital.", severity="warning")
            return
        titles = session.view().file_titles
        options = [(f"{a.seat}|{a.file}", (f"{a.seat}: " if session.hotseat else "") + titles[a.file])
                   for a in asks]

        def chosen(choice: str | None) -> None:
            if choice:
                seat, file = choice.split("|", 1)
                self.app.send(RequestMeeting(seat=seat, file=file), stay=True)

        self.app.push_screen(ChoiceScreen("Ask for a meeting on (1 political capital):", options),
                             chosen)

    def action_order(self) -> None:
        """The President chooses the file the Council takes up first."""
        session = self.app.session
        orders = [a for a in session.legal() if isinstance(a, OrderAgenda)]
        if not orders:
            self.notify("Only a player holding the presidency orders the agenda, at the briefing.",
                        severity="warning")
            return
        view, seat = session.view(), orders[0].seat

        def chosen(first: str | None) -> None:
            if first:
                rest = [f.id for f in view.agenda if f.id != first]
                self.app.send(OrderAgenda(seat=seat, files=[first, *rest]), stay=True)

        self.app.push_screen(ChoiceScreen("As President, take up first:",
                                          [(f.id, f.title) for f in view.agenda]), chosen)

    def action_open_step(self) -> None:
        self.app.route()

    def action_seats(self) -> None:
        from councilgame.tui.screens.seats import SeatsScreen

        self.app.push_screen(SeatsScreen())


def seat_marks(view: PublicView, players: list[str]) -> list[SeatMark]:
    """The horseshoe in the order of the rota, from this month's president."""
    pens = {f.pen for f in view.agenda if f.pen}
    order = view.rota
    start = order.index(view.president)
    return [SeatMark(code, view.leanings.get(code), code == view.president, code in pens,
                     view.seat_info(code).permanent, code in players)
            for code in order[start:] + order[:start]]


def agenda_text(view: PublicView) -> Text:
    t = Text()
    if not view.agenda:
        t.append("Nothing on the agenda this month.", style="dim")
        return t
    for f in view.agenda:
        out = f.output if f.output is not None else "pending"
        t.append(f"• {f.title}", style="bold")
        asked = f" · asked for by {view.requested[f.id]}" if f.id in view.requested else ""
        t.append(f"\n  pen: {f.pen or '-'} · {out}{asked}\n")
    return t


def _since(view: PublicView, t: Text) -> None:
    """At the briefing: what last month changed (events with their text, the decisions
    taken, the gauges that moved and why), before the month's news."""
    s = view.since
    if s is None or (view.prompt is not None and view.prompt.kind != "briefing"):
        return
    t.append(f"What changed in {s.name}\n", style="bold underline")
    for title, text in s.events:
        t.append(f"• Event: {title}. ", style="bold")
        t.append(text + "\n")
    for choice in s.choices:
        t.append(f"• Decided: {choice}\n")
    for g in s.gauges[:6]:
        t.append(f"• {g.label} {g.delta:+.0f}", style="green" if g.better else "red")
        t.append(f" ({'better' if g.better else 'worse'})" + (f": {g.cause}" if g.cause else "") + "\n")
    if len(s.gauges) > 6:
        t.append(f"  …and {len(s.gauges) - 6} more (the debrief lists every cause)\n", style="dim")
    t.append("\n")


def _agenda_files(view: PublicView, t: Text) -> None:
    """At the briefing: what each file on this month's agenda is about."""
    about = [f for f in view.agenda if f.description]
    if not about or view.prompt is None or view.prompt.kind != "briefing":
        return
    t.append("On the agenda\n", style="bold underline")
    for f in about:
        t.append(f"• {f.title}: ", style="bold")
        t.append(f.description + "\n")
    t.append("\n")


def news_text(view: PublicView) -> Text:
    t = Text()
    _since(view, t)
    if len(view.timeline) == 1:
        t.append(view.title + "\n", style="bold underline")
        t.append(view.synopsis + "\n")
    _agenda_files(view, t)
    for month in view.timeline[-2:]:
        t.append(month.name + "\n", style="bold underline")
        items = [n for n in view.news if n.month == month.month and not n.private]
        if not items:
            t.append("• (quiet so far)\n")
        for item in items:
            event = item.kind == "event"
            t.append(f"• {'Event: ' if event else ''}{item.text}\n", style="bold" if event else "")
    return t
