"""The facilitator's tools: pause the room, inject one of the scenario's events now, or show
the room how the AI members lean."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from councilgame.engine.actions import FACILITATOR, Inject
from councilgame.play import queries as views
from councilgame.tui.widgets.seatmap import LETTER


class FacilitatorScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Facilitator", classes="dialog-title")
            yield OptionList(
                Option("Pause the game (a screen for the room)", id="pause"),
                Option("Inject one of the scenario's events now", id="inject"),
                Option("Reveal the AI members' stances to the room", id="reveal"),
                id="tools",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "tools":
            return
        choice = event.option.id
        self.dismiss(None)
        screen = {"pause": PauseScreen, "inject": InjectScreen, "reveal": RevealScreen}[choice]
        self.app.push_screen(screen())


class PauseScreen(ModalScreen[None]):
    BINDINGS = [Binding("enter", "dismiss(None)", "Resume")]

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Text("PAUSED\n\nThe facilitator has the floor.\nEnter resumes the game.",
                              style="bold", justify="center"), id="handover-text")


class InjectScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        comp = self.app.session.comp
        with Vertical(classes="dialog wide"):
            yield Static("Inject which event now?", classes="dialog-title")
            yield OptionList(*[Option(f"{ce.event.title}  ({ce.event.id})", id=ce.event.id)
                               for ce in comp.events], id="events")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.session.act(Inject(seat=FACILITATOR, event=event.option.id))
        self.notify(f"Injected: {self.app.session.comp.event_by_id[event.option.id].event.title}")
        self.dismiss(None)
        if hasattr(self.app.screen, "refresh_view"):
            self.app.screen.refresh_view()


class RevealScreen(ModalScreen[None]):
    """How every AI member leans on the draft on the table (or would on an empty one)."""

    BINDINGS = [Binding("escape,enter", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        session = self.app.session
        game = session.game
        t = Text()
        if views.current_draft(game) is None:
            t.append("No draft is on the table.")
        else:
            d = views.current_draft(game)
            keys = [o.key for k, o in enumerate(game.comp.files[d.file].offers) if d.selected[k]]
            whip = views.whip(game, d.file, keys)
            t.append(f"On {d.symbol}:\n", style="bold")
            for s in whip.stances:
                if s.code in session.seats:
                    continue
                reason = s.reasons[0][0] if s.reasons else ""
                t.append(f"{s.code} {LETTER[s.ballot]} {s.ballot:<8} {reason}\n")
        with Vertical(classes="dialog wide"):
            yield Static("The AI members' stances (shown to the room)", classes="dialog-title")
            yield Static(t)
