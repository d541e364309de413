"""The facilitator's tools: pause the room, set the turn timer, end a turn, give a seat to a
player or hand one to the AI, inject one of the scenario's events, show the room how the AI
members lean, or end the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from councilgame.play import FACILITATOR, ActionError, EndGame, Inject
from councilgame.play import queries as views
from councilgame.play.turns import PHASES, TIMER_CHOICES, timer_limits
from councilgame.play.views import ai_stances
from councilgame.tui.widgets.dialogs import TextPrompt
from councilgame.tui.widgets.seatmap import LETTER

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class FacilitatorScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Facilitator", classes="dialog-title")
            yield OptionList(
                Option("Pause the game (a screen for the room)", id="pause"),
                Option("End this turn now (what the player gave stands)", id="endturn"),
                Option("Turn timer for each phase (off by default)", id="timer"),
                Option("Seats: give one to a player, or hand one to the AI", id="hands"),
                Option("Inject one of the scenario's events now", id="inject"),
                Option("Reveal the AI members' stances to the room", id="reveal"),
                Option("End the game now: the verdict, then the debrief", id="end"),
                id="tools",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "tools":
            return
        choice = event.option.id
        if choice == "end":  # asked over these tools, which stay open if the answer is no

            def end() -> None:
                self.dismiss(None)
                self.app.send(EndGame(seat=FACILITATOR))

            self.app.confirm("End the game now? The verdict is read on the state as it stands, "
                             "and the debrief opens for the room.", end)
            return
        self.dismiss(None)
        if choice == "endturn":
            self.app.end_turn()
            return
        if choice in ("inject", "timer", "hands"):
            self.app.push_screen({"inject": InjectScreen, "timer": TimerScreen,
                                  "hands": HandsScreen}[choice]())
            return
        self.app.show_to_room({"pause": PauseScreen, "reveal": RevealScreen}[choice]())


class RoomScreen(ModalScreen[None]):
    """A screen the whole room sees; closing it hands the keyboard back to whoever acts next
    (through a hand-over in a hot-seat game)."""

    if TYPE_CHECKING:
        app: CouncilApp

    def action_close(self) -> None:
        self.dismiss(None)
        self.app.call_after_refresh(self.app.route)


class PauseScreen(RoomScreen):
    BINDINGS = [Binding("enter", "close", "Resume")]

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Text("PAUSED\n\nThe facilitator has the floor.\nEnter resumes the game.",
                              style="bold", justify="center"), id="handover-text")


def event_option(title: str, text: str) -> Text:
    """An event in the inject list: its title, then what it says, dimmed."""
    t = Text(title, style="bold")
    t.append(f"\n{text}", style="dim")
    return t


class InjectScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        game = self.app.session.game
        self.events = dict(views.events(game))  # id -> title
        texts = views.event_summaries(game)
        with Vertical(classes="dialog wide"):
            yield Static("Inject which event now?", classes="dialog-title")
            yield OptionList(*[Option(event_option(title, texts[eid]), id=eid)
                               for eid, title in self.events.items()], id="events")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        eid = event.option.id
        try:
            self.app.session.act(Inject(seat=FACILITATOR, event=eid))
        except ActionError as exc:
            self.notify(str(exc), severity="warning")
        else:
            self.notify(f"Injected: {self.events[eid]}")
        self.dismiss(None)
        if hasattr(self.app.screen, "refresh_view"):
            self.app.screen.refresh_view()


class RevealScreen(RoomScreen):
    """How every AI member leans on the draft on the table (or would on an empty one)."""

    BINDINGS = [Binding("escape,enter", "close", "Close")]

    def compose(self) -> ComposeResult:
        stances = ai_stances(self.app.session.game)
        t = Text()
        if stances is None:
            t.append("No draft is on the table.")
        else:
            symbol, rows = stances
            t.append(f"On {symbol}:\n", style="bold")
            for code, ballot, reason in rows:
                t.append(f"{code} {LETTER[ballot]} {ballot:<8} {reason}\n")
        with Vertical(classes="dialog wide"):
            yield Static("The AI members' stances (shown to the room)", classes="dialog-title")
            yield Static(t)


class TimerScreen(ModalScreen[None]):
    """Minutes a turn may last in each phase; the room sees the clock in the header."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel"), Binding("ctrl+s", "keep", "Set")]

    def compose(self) -> ComposeResult:
        limits = timer_limits(self.app.session.options)
        choices = [("off" if m == 0 else f"{m} min", m) for m in TIMER_CHOICES]
        with Vertical(classes="dialog wide"):
            yield Static("Turn timer (ctrl+s sets it, escape cancels)", classes="dialog-title")
            for kind, name in PHASES.items():
                now = limits.get(kind, 0) // 60
                yield Static(name.capitalize())
                yield Select(choices, value=now if now in TIMER_CHOICES else 0, allow_blank=False,
                             id=f"timer-{kind}")

    def action_keep(self) -> None:
        minutes = {k: int(self.query_one(f"#timer-{k}", Select).value) for k in PHASES}
        self.dismiss(None)
        self.app.set_turn_timer(minutes)


class HandsScreen(ModalScreen[None]):
    """Every seat and who plays it: pick one to give it to a player, or to hand it to the AI."""

    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        session = self.app.session
        options = []
        for code in session.comp.codes:
            who = session.players_of(code) if code in session.humans else "the AI"
            options.append(Option(f"{code}  {session.short_name(code)}: {who}", id=code))
        with Vertical(classes="dialog wide"):
            yield Static("Who plays each seat (Enter changes it)", classes="dialog-title")
            yield OptionList(*options, id="hands")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # the dialogs are answered over this screen, which the change then closes with every
        # private one (a dialog's answer is lost if the screen that asked is gone)
        code = str(event.option.id)
        app = self.app
        if code in app.session.humans:
            app.confirm(f"Hand {app.session.name_of(code)} ({app.session.players_of(code)}) to "
                        "the AI from now on?", lambda: app.change_hands(code, None))
            return

        def named(names: str | None) -> None:
            players = [n.strip() for n in (names or "").split(",") if n.strip()]
            if players:
                app.change_hands(code, players)

        app.push_screen(TextPrompt(f"Who takes {app.session.name_of(code)}? (names, commas "
                                   "between them)"), named)
