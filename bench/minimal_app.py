"""The smallest Textual app, to compare start-up times against."""

from textual.app import App
from textual.widgets import Footer, Label


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Label("minimal app ready")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
