"""The smallest Textual app, to compare start-up times against, and its key press to repaint:
`s` opens a screen of fifteen cards, as the chamber's seats screen does, `escape` closes it."""

from textual.app import App
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static


class Cards(Screen):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def compose(self):
        yield Header()
        with VerticalScroll():
            for i in range(15):
                yield Static(f"Seat {i}: a permanent member, veto\nA line about its record.")
        yield Footer()


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit"), ("s", "cards", "Cards")]

    def compose(self):
        yield Label("minimal app ready")
        yield Footer()

    def action_cards(self) -> None:
        self.push_screen(Cards())


if __name__ == "__main__":
    Minimal().run()
