"""The tutorial's guidance for the screen in front of the player (hidden in other scenarios)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from councilgame.play import queries as views

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class TutorialNote(Static):
    if TYPE_CHECKING:
        app: CouncilApp

    def __init__(self, at: str, **kwargs):
        super().__init__(classes="tutorial", **kwargs)
        self.at = at

    def on_mount(self) -> None:
        self.show_step()

    def show_step(self) -> None:
        session = getattr(self.app, "session", None)
        text = views.tutorial(session.game, self.at) if session else None
        self.display = bool(text)
        if text:
            self.update(Text("Tutorial  ", style="bold reverse") + Text(" " + text))
