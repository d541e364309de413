"""The chamber: the horseshoe, the gauges, the agenda, the news, the month and your capital."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from councilgame.engine.actions import Done
from councilgame.play import queries as views
from councilgame.tui.widgets.gauges import GaugePanel
from councilgame.tui.widgets.seatmap import SeatMap, SeatView
from councilgame.tui.widgets.tutorial import TutorialNote


class ChamberScreen(Screen):
    """The main screen. It shows the state; the keys open the step the game waits for."""

    BINDINGS = [
        Binding("n", "next", "Continue"),
        Binding("d", "open_step", "Open step"),
        Binding("f1", "app.help", "Help"),
        Binding("s", "seats", "Seats"),
        Binding("q", "app.quit_game", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="chamber-top"):
            with Vertical(id="council-box", classes="box"):
                yield SeatMap(id="seatmap")
                yield Static(id="status")
            yield GaugePanel(views.shown_gauges(self.app.session.game), id="gauges", classes="box")
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

    def refresh_view(self) -> None:
        if not self.ready:  # not composed yet: on_mount will refresh
            return
        session = self.app.session
        game = session.game
        who = ("hot-seat: " + ", ".join(session.humans)) if session.hotseat \
            else f"you: {session.name_of(session.seat)}"
        self.app.sub_title = f"{game.comp.scenario.title} · {session.month_name()} · {who}"
        self.query_one(SeatMap).show(self._seats())
        self.query_one(GaugePanel).show(views.gauge_history(game))
        self.query_one("#status", Static).update(self._status())
        self.query_one("#agenda", Static).update(self._agenda())
        self._news()
        self.query_one(TutorialNote).show_step()

    def _seats(self) -> list[SeatView]:
        game = self.app.session.game
        comp = game.comp
        stances = {}
        draft = views.current_draft(game)
        if draft is not None:
            keys = [o.key for k, o in enumerate(comp.files[draft.file].offers) if draft.selected[k]]
            stances = {s.code: s.ballot for s in views.whip(game, draft.file, keys).stances}
        president = game.president()
        pens = {comp.codes[f.penholders[0]] for f in comp.files.values()
                if f.penholders and game.state.files[f.id].on_agenda}
        order = comp.president_order
        start = order.index(comp.index[president])
        return [SeatView(comp.codes[i], stances.get(comp.codes[i]), comp.codes[i] == president,
                         comp.codes[i] in pens, bool(comp.permanent[i]),
                         comp.codes[i] in self.app.session.seats)
                for i in order[start:] + order[:start]]

    def _status(self) -> Text:
        session = self.app.session
        game = session.game
        st = game.state
        t = Text()
        t.append(f"{session.month_name()}", style="bold")
        t.append(f" · month {st.month} of {game.comp.scenario.months}")
        t.append(f" · president: {session.name_of(game.president())}")
        if session.private_ok:
            t.append(f"\nPolitical capital: {st.capital[session.seat]}", style="bold")
        else:
            t.append("\nPlayers: " + ", ".join(f"{c} ({session.players_of(c)})"
                                                for c in session.humans))
        t.append(f" · legitimacy {st.scores.get('legitimacy', 0):.0f}"
                 f" · outcomes {st.scores.get('outcomes', 0):.0f}")
        t.append("\n" + self.app.waiting_for(), style="italic")
        return t

    def _agenda(self) -> Text:
        game = self.app.session.game
        rec = game.state.history[-1] if game.state.history else None
        t = Text()
        if rec is None or not rec.agenda:
            t.append("Nothing on the agenda this month.", style="dim")
            return t
        for fid in rec.agenda:
            f = game.comp.files[fid]
            pen = game.comp.codes[f.penholders[0]] if f.penholders else "-"
            out = rec.outputs.get(fid, "pending")
            t.append(f"• {f.title}", style="bold")
            t.append(f"\n  pen: {pen} · {out}\n")
        return t

    def _news(self) -> None:
        session = self.app.session
        history = session.game.state.history
        t = Text()
        if len(history) == 1:
            sc = session.comp.scenario
            t.append(sc.title + "\n", style="bold underline")
            t.append(sc.synopsis.strip() + "\n")
        for rec in history[-2:]:
            t.append(session.month_name(rec.month) + "\n", style="bold underline")
            items = views.news_for(session.game, rec, None)
            if not items:
                t.append("• (quiet so far)\n")
            for item in items:
                event = item.kind == "event"
                t.append(f"• {'Event: ' if event else ''}{item.text}\n", style="bold" if event else "")
        self.query_one("#news-text", Static).update(t)

    def action_next(self) -> None:
        prompt = self.app.session.prompt
        if prompt is not None and prompt.kind == "briefing":
            self.app.send(Done(seat=prompt.seat))
        else:
            self.app.route()

    def action_open_step(self) -> None:
        self.app.route()

    def action_seats(self) -> None:
        from councilgame.tui.screens.seats import SeatsScreen

        self.app.push_screen(SeatsScreen())
