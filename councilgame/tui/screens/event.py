"""An event that asks your seat to decide."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from councilgame.engine.actions import Choose
from councilgame.play import queries as views
from councilgame.tui.widgets.tutorial import TutorialNote


class EventScreen(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        session = self.app.session
        prompt = session.prompt
        ev = session.comp.event_by_id[prompt.event].event
        text = Text(ev.title + "\n", style="bold")
        text.append(views.render(session.game, ev.text).strip() + "\n\n")
        text.append(views.render(session.game, ev.choice.prompt).strip(), style="bold")
        options = []
        for i, o in enumerate(ev.choice.options, 1):
            label = Text(f"{i}. {o.label}", style="bold")
            if o.text:
                label.append(f"\n   {o.text.strip()}", style="italic")
            options.append(Option(label, id=o.id))
        with Vertical(classes="dialog wide"):
            yield Static("A decision for your seat", classes="dialog-title")
            yield Static(text, id="event-text")
            yield OptionList(*options, id="event-options")
            yield TutorialNote("choice")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.send(Choose(seat=self.app.session.seat, option=event.option.id))
