"""`councilgame join`: a seat's screen in a seminar room (or, with --room, the projector's).

It knows only what the host sends, its seat's view and its own legal moves, so it cannot show
what another delegation holds. It draws them with the game's own widgets (the horseshoe, the
gauges, the whip count, the chamber's agenda and news), asks for the code when none is given,
and rejoins by itself when the connection drops. A penholder composes its draft clause by
clause here; the host applies the clauses' rules and answers with the whip count."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Footer,
    Header,
    Input,
    OptionList,
    SelectionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from councilgame.play.views import PublicView, SeatView, WhipView
from councilgame.room.client import JoinRefused, RoomClient
from councilgame.tui.screens.chamber import agenda_text, news_text, seat_marks
from councilgame.tui.screens.consult import dealings
from councilgame.tui.themes import DARK, LIGHT, PROJECTOR
from councilgame.tui.widgets.gauges import GaugePanel
from councilgame.tui.widgets.seatmap import SeatMap
from councilgame.tui.widgets.whip import WhipCount

RETRY_SECONDS = 2.0
DONE_WORDS = {"briefing": "Continue to the agenda", "draft": "Table nothing this month",
              "consult": "Done: end your consultations"}
KIND_WORDS = {"briefing": "the briefing", "draft": "drafting", "consult": "consultations",
              "vote": "the vote", "choice": "an event's decision"}


def action_words(action: dict, view: PublicView, offers: dict[str, str]) -> str:
    """A move as the menu lists it: 'Lobby China (1 point)', 'Vote yes'."""
    kind = action["kind"]
    target = action.get("target", "")
    who = view.short_of(target) if target in view.rota else target
    step = view.prompt.kind if view.prompt is not None else ""
    words = {
        "done": DONE_WORDS.get(step, "Done: nothing more from you at this step"),
        "vote": f"Vote {action.get('ballot')}",
        "table": "Table: " + ("; ".join(offers.get(k, k) for k in action.get("offers", []))),
        "lobby": f"Lobby {who} ({action.get('points', 1)} point of capital)",
        "deal": f"Offer {who} a deal",
        "message": f"Send {who} a message",
        "request": "Ask for a meeting on " + view.file_titles.get(action.get("file", ""), "a file"),
        "amend": f"Move an amendment: {'delete' if action.get('remove', True) else 'add'} "
                 f"{offers.get(action.get('offer', ''), action.get('offer'))}",
        "choose": f"Choose: {action.get('option')}",
        "answer_deal": f"{'Accept' if action.get('accept') else 'Refuse'} the deal offered",
        "signal_veto": "Say in consultations that you would veto this text",
        "cosponsor": "Co-sponsor the draft",
        "statement": "Propose a presidential statement instead",
        "withdraw": "Withdraw your draft",
        "order": "Set the agenda's order",
    }
    return words.get(kind, kind)


def status_text(view: PublicView, state: dict | None, seat: str) -> Text:
    """The line under the header: the month and the scores, then whose move it is."""
    t = Text()
    t.append(f"{view.month_name}, month {view.month} of {view.months} · ★ {view.president}", style="bold")
    if isinstance(view, SeatView):
        t.append(f" · {seat}: capital {view.capital}")
    t.append(f" · legitimacy {view.scores.get('legitimacy', 0):.0f}"
             f" · outcomes {view.scores.get('outcomes', 0):.0f}")
    left = state.get("time_left") if state else None
    if left is not None:
        t.append(f" · {left // 60}:{left % 60:02d} left in this turn", style="bold")
    t.append("\n")
    p = view.prompt
    if view.finished:
        t.append(f"The game is over: {view.ending or 'see the debrief'}.", style="bold")
    elif p is not None and state is not None and state.get("your_turn"):
        t.append(f"Your move: {KIND_WORDS.get(p.kind, p.kind)}. {p.question}", style="bold italic")
    elif p is not None:
        t.append(f"Waiting for {view.short_of(p.seat)}: {KIND_WORDS.get(p.kind, p.kind)}.", style="italic")
    return t


def private_text(view: SeatView, state: dict) -> Text:
    """Only this seat's: its objectives, deals and messages, ballots given, notices."""
    t = Text()
    t.append("Your objectives (private)\n", style="bold underline")
    for o in view.objectives:
        t.append(f"{'✓' if o.met else '·'} {o.text}\n")
    dealings(view, t, "Accept or refuse it in your moves.")
    if state.get("ballots_given"):
        t.append("Ballots given: " + ", ".join(f"{k} {v}" for k, v in state["ballots_given"].items())
                 + "\n", style="italic")
    for n in state.get("notices", []):
        t.append(n + "\n", style="yellow")
    return t


class RemoteApp(App[None]):
    """One seat's (or the room's) window on a hosted game."""

    TITLE = "councilgame: seminar room"
    CSS_PATH = "councilgame.tcss"
    CSS = """
    #remote-left { width: 3fr; }
    #seat-pane { width: 2fr; min-width: 34; }
    #council-box { height: auto; width: 100%; min-width: 0; }
    #remote-tabs { height: 1fr; }
    #remote-tabs TabPane { padding: 0 1; }
    #private-box { height: auto; max-height: 9; }
    #moves { height: auto; max-height: 12; min-height: 3; }
    #drafting { height: 1fr; min-height: 4; }
    #remote-whip { height: 2fr; min-height: 6; }
    #remote-whip #whip-table { min-height: 4; }
    #room-gauges { height: 1fr; }
    #room-reveal { height: auto; max-height: 18; }
    #code { margin: 0 2; }
    #room-status { height: auto; padding: 0 1; background: $panel; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "Quit"),
                Binding("t", "table", "Table the draft", show=False)]

    def __init__(self, host: str, port: int, code: str = "", room: bool = False,
                 autoconnect: bool = True):
        super().__init__()
        self.host, self.port, self.code, self.room = host, port, code, room
        self.autoconnect = autoconnect  # False: the caller (a test) calls connect() itself
        self.client: RoomClient | None = None
        self.state: dict | None = None
        self.view: PublicView | None = None
        self.drafting_file: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="room-status")
        yield Input(placeholder="Your seat's code (six letters and digits), then Enter", id="code")
        with Horizontal(id="remote-body"):
            with Vertical(id="remote-left"):
                with Vertical(id="council-box", classes="box"):
                    yield SeatMap(id="seatmap")
                with TabbedContent(id="remote-tabs"):
                    with TabPane("Agenda", id="tab-agenda"):
                        yield VerticalScroll(Static(id="agenda"))
                    with TabPane("News", id="tab-news"):
                        yield VerticalScroll(Static(id="news-text"))
                    with TabPane("Gauges", id="tab-gauges"):
                        yield GaugePanel([], id="gauges")
            with Vertical(id="seat-pane"):
                yield Static("", id="room-reveal", classes="box")
                yield GaugePanel([], id="room-gauges", classes="box")
                with VerticalScroll(id="private-box", classes="box"):
                    yield Static("", id="private-text")
                yield SelectionList[str](id="drafting", classes="box")
                yield WhipCount(id="remote-whip", classes="box")
                yield OptionList(id="moves", classes="box")
        yield Footer()

    def on_mount(self) -> None:
        self.register_theme(LIGHT)
        self.register_theme(PROJECTOR)
        self.theme = PROJECTOR.name if self.room else DARK  # the room's screen is for a projector
        for wid, title in (("council-box", "The Council"), ("private-box", "Your seat"),
                           ("drafting", "Draft · space: a clause · t: table it"),
                           ("remote-whip", "Whip count"), ("moves", "Your moves")):
            self.query_one(f"#{wid}").border_title = title
        for wid in ("private-box", "drafting", "remote-whip", "moves", "remote-body"):
            self.query_one(f"#{wid}").display = False  # until the host says what there is
        self.query_one("#room-gauges").display = self.room  # the projector shows them beside
        if self.room:
            self.query_one(TabbedContent).hide_tab("tab-gauges")
        self.query_one("#room-gauges").border_title = "Gauges"
        self.query_one("#room-reveal").border_title = "The AI members' stances"
        self.query_one("#room-reveal").display = False
        if self.code or self.room:
            self.query_one("#code").display = False
            if self.autoconnect:
                self.connect()
        else:
            self.set_status("Type the code the host gave your seat.")
            self.query_one("#code").focus()

    def set_status(self, text: str) -> None:
        self.query_one("#room-status", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.code = event.value.strip()
        if self.code:
            self.connect()

    # ---- the connection ----------------------------------------------------------------------
    @work(exclusive=True, group="connection")
    async def connect(self) -> None:
        """Join, then listen; on a drop, rejoin with the same code until the host answers."""
        while True:
            client = RoomClient(self.host, self.port, self.code, self.room)
            try:
                welcome = await client.connect()
            except JoinRefused as exc:
                self.set_status(f"The host refused: {exc}")
                self.query_one("#code").display = not self.room
                return
            except OSError:
                self.set_status(f"No room at {self.host}:{self.port} yet; trying again…")
                await asyncio.sleep(RETRY_SECONDS)
                continue
            self.client = client
            self.query_one("#code").display = False
            self.sub_title = (f"{welcome['seat']} · {welcome['player']}" if welcome["seat"]
                              else "the room's screen")
            listener = asyncio.create_task(client.listen())
            while not listener.done():
                await client.changed.wait()
                client.changed.clear()
                self.update_from(client)
            self.client = None
            self.set_status("The connection dropped; rejoining with your code…")
            await asyncio.sleep(RETRY_SECONDS)

    def update_from(self, client: RoomClient) -> None:
        if client.composed is not None:
            self.show_composed(client.composed)
            client.composed = None
        if client.state is not None and client.state is not self.state:
            self.show(client.state)
        if client.errors:
            self.notify(client.errors[-1], severity="warning")
            client.errors.clear()

    # ---- drawing what the host sent ------------------------------------------------------------
    def show(self, state: dict) -> None:
        self.state = state
        self.query_one("#remote-body").display = True
        seat = state["seat"]
        view: PublicView = (SeatView if seat else PublicView).model_validate(state["view"])
        self.view = view
        self.query_one(SeatMap).show(seat_marks(view, [seat] if seat else []))
        for panel in self.query(GaugePanel):
            panel.show(view.gauges)
        self.query_one("#agenda", Static).update(agenda_text(view))
        self.query_one("#news-text", Static).update(news_text(view))
        self.query_one("#room-status", Static).update(status_text(view, state, seat))
        revealed = state.get("revealed")
        self.query_one("#room-reveal").display = bool(revealed)
        if revealed:
            self.query_one("#room-reveal", Static).update(
                "\n".join(f"{code} {ballot:<8} {reason}" for code, ballot, reason in revealed))
        if isinstance(view, SeatView):
            self._show_seat(view, state)

    def _show_seat(self, view: SeatView, state: dict) -> None:
        self.query_one("#private-box").display = True
        self.query_one("#private-text", Static).update(private_text(view, state))
        titles = {o["key"]: o["title"] for o in state.get("offers", [])}
        moves = self.query_one("#moves", OptionList)
        moves.clear_options()
        legal = list(enumerate(state.get("legal", [])))
        if view.prompt is not None and view.prompt.kind == "briefing":  # going on comes first
            legal.sort(key=lambda ia: ia[1]["kind"] != "done")
        for i, action in legal:
            if action["kind"] != "table":  # a draft is composed in its own list
                moves.add_option(Option(action_words(action, view, titles), id=f"act-{i}"))
        if not state.get("your_turn"):
            for item in view.sitting:
                if item.result is None and item.symbol not in state.get("ballots_given", {}):
                    for ballot in ("yes", "no", "abstain"):
                        moves.add_option(Option(f"Sealed ballot, {item.kind} {item.symbol}: {ballot}",
                                                id=f"ballot-{ballot}-{item.symbol}"))
        moves.display = moves.option_count > 0
        if moves.option_count:
            moves.highlighted = 0
            busy = isinstance(self.focused, SelectionList | Input) and self.focused.display
            if not busy:
                moves.focus()  # the player's move is one Enter away
        self._show_drafting(state)
        whip = view.whip
        self.query_one("#remote-whip").display = whip is not None and not state.get("offers")
        if whip is not None and not state.get("offers"):
            self.query_one(WhipCount).show(whip, state["seat"], view.lobbying)

    def _show_drafting(self, state: dict) -> None:
        drafting = self.query_one("#drafting", SelectionList)
        offers = state.get("offers", [])
        drafting.display = bool(offers)
        self.query_one("#private-box").display = not offers  # the draft and its whip need the room
        if not offers:
            self.drafting_file = None
            return
        prompt = self.view.prompt if self.view else None
        if prompt is not None and prompt.file == self.drafting_file:
            return  # the list is the player's own work in progress
        self.drafting_file = prompt.file if prompt else None
        first = next((a["offers"] for a in state.get("legal", []) if a["kind"] == "table"), [])
        drafting.clear_options()
        drafting.add_options([(f"{o['title']}" + (f" ({o['target']})" if o.get("target") else ""),
                               o["key"], o["key"] in first) for o in offers])
        drafting.focus()
        self.run_worker(self._compose_request(list(first), None))

    def show_composed(self, composed: dict) -> None:
        drafting = self.query_one("#drafting", SelectionList)
        chosen = set(composed["offers"])
        with drafting.prevent(SelectionList.SelectedChanged):
            for key in list(drafting.selected):
                if key not in chosen:
                    drafting.deselect(key)
            for key in chosen:
                drafting.select(key)
        whip_box = self.query_one("#remote-whip")
        whip_box.display = True
        self.query_one(WhipCount).show(WhipView.model_validate(composed["whip"]), self.state["seat"])

    async def _compose_request(self, offers: list[str], toggle: str | None) -> None:
        if self.client is not None:
            await self.client.compose(offers, toggle)

    # ---- the player's moves --------------------------------------------------------------------
    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        drafting = self.query_one("#drafting", SelectionList)
        key = event.selection.value
        before = [k for k in drafting.selected if k != key] if key in drafting.selected \
            else [*drafting.selected, key]
        self.run_worker(self._compose_request(before, key))

    async def action_table(self) -> None:
        drafting = self.query_one("#drafting", SelectionList)
        if self.client is None or self.state is None or not drafting.display:
            return
        await self.client.act({"kind": "table", "seat": self.state["seat"],
                               "offers": list(drafting.selected)})

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.client is None or self.state is None or event.option.id is None:
            return
        kind, _, rest = event.option.id.partition("-")
        if kind == "act":
            await self.client.act(self.state["legal"][int(rest)])
        else:
            ballot, _, symbol = rest.partition("-")
            await self.client.ballots({symbol: ballot})
