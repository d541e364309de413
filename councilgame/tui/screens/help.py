"""Help: rules of procedure with the Charter articles, a glossary, how to play, the keys."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, MarkdownViewer, TabbedContent, TabPane

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp

KEYS = """# Keys

Every screen lists its keys in the footer; **ctrl+p** opens the command palette, where every
action can be found by name.

| where | keys |
|---|---|
| chamber | n continue · d open the step the game waits for · s seats · f1 help · q quit |
| drafting | space toggle a clause · t table the draft · p table nothing · escape back |
| consultations | c vote now · l lobby (1 point) · o deal · a amend · r rival draft · v veto signal |
| vote | y yes · n no · a abstain; in the roll call, space skips |
| debrief | e export as Markdown into saves/ · q quit |
"""


def help_text(name: str) -> str:
    try:
        return resources.files("councilgame.tui.help").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return f"# {name}\n\n(This page is missing from the installation.)"


class HelpScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            with TabPane("How to play", id="howto"):
                yield MarkdownViewer(help_text("howto.md"), show_table_of_contents=False)
            with TabPane("Rules", id="rules"):
                yield MarkdownViewer(help_text("rules.md"), show_table_of_contents=False)
            with TabPane("Glossary", id="glossary"):
                yield MarkdownViewer(help_text("glossary.md"), show_table_of_contents=False)
            with TabPane("Keys", id="keys"):
                yield MarkdownViewer(KEYS, show_table_of_contents=False)
        yield Footer()
