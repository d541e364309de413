"""The title screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp

BANNER = """\
 ┌─────────────────────────────────────────────┐
 │   C O U N C I L G A M E                     │
 │   The Security Council and parallel         │
 │   operations: a decision game               │
 └─────────────────────────────────────────────┘"""


class TitleScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("n", "app.new_game", "New game"),
        Binding("h", "app.hotseat", "Hot-seat"),
        Binding("c", "app.continue", "Continue"),
        Binding("l", "app.load", "Load"),
        Binding("f1", "app.help", "How to play"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="title-box"):
            yield Static(BANNER, id="banner")
            yield Button("New game", id="new", variant="primary")
            yield Button("Hot-seat game", id="hotseat")
            yield Button("Continue", id="continue", disabled=True)
            yield Button("Load", id="load")
            yield Button("Content packs", id="packs")
            yield Button("How to play", id="howto")
            yield Button("Quit", id="quit", variant="error")
            yield Static(id="title-status")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        action = {"new": self.app.action_new_game, "packs": self.app.action_packs,
                  "continue": self.app.action_continue, "load": self.app.action_load,
                  "hotseat": self.app.action_hotseat,
                  "howto": self.app.action_help, "quit": self.app.exit}.get(event.button.id)
        if action:
            action()

    def on_mount(self) -> None:
        self.packs_ready(self.app.packs_message())
        if self.app.packset is not None:  # else the app reads packs and saves behind the title
            self.query_one("#continue", Button).disabled = self.app.store.newest() is None

    def packs_ready(self, message: str, has_save: bool | None = None) -> None:
        """The packs are read (and the saves folder looked at): say so, and offer Continue
        where there is a game to continue (`has_save` None: not known yet)."""
        if self.is_mounted:
            self.query_one("#title-status", Static).update(message)
            if has_save is not None:
                self.query_one("#continue", Button).disabled = not has_save
