"""The facilitator's tools: pause the room, inject one of the scenario's events now, or show
the room how the AI members lean."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from councilgame.play import FACILITATOR, ActionError, EndGame, Inject, whip_view
from councilgame.play import queries as views
from councilgame.tui.screens.consult import draft_keys
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
        screen = {"pause": PauseScreen, "inject": InjectScreen, "reveal": RevealScreen}[choice]
        if choice == "inject":
            self.app.push_screen(screen())
            return
        self.app.show_to_room(screen())


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
        session = self.app.session
        view = session.view()
        t = Text()
        d = view.draft
        if d is None:
            t.append("No draft is on the table.")
        else:
            # the facilitator's reading: no viewer, so every reason shows (lobbying summed)
            whip = whip_view(session.game, d.file, draft_keys(view), None)
            t.append(f"On {d.symbol}:\n", style="bold")
            for s in whip.stances:
                if s.code in session.seats:
                    continue
                reason = s.reasons[0][0] if s.reasons else ""
                t.append(f"{s.code} {LETTER[s.ballot]} {s.ballot:<8} {reason}\n")
        with Vertical(classes="dialog wide"):
            yield Static("The AI members' stances (shown to the room)", classes="dialog-title")
            yield Static(t)
