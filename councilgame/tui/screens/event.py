"""An event that asks your seat to decide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from councilgame.play import Choose
from councilgame.tui.widgets.tutorial import TutorialNote

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class EventScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app: CouncilApp

    def compose(self) -> ComposeResult:
        choice = self.app.session.view().choice
        text = Text((choice.title if choice else "") + "\n", style="bold")
        options = []
        if choice is not None:
            text.append(choice.text + "\n\n")
            text.append(choice.question, style="bold")
            for i, o in enumerate(choice.options, 1):
                label = Text(f"{i}. {o.label}", style="bold")
                if o.text:
                    label.append(f"\n   {o.text}", style="italic")
                options.append(Option(label, id=o.id))
        with Vertical(classes="dialog wide"):
            yield Static("A decision for your seat", classes="dialog-title")
            yield Static(text, id="event-text")
            yield OptionList(*options, id="event-options")
            yield TutorialNote("choice")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.send(Choose(seat=self.app.session.seat, option=event.option.id))
