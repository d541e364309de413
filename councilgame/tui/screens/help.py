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

KEYS_INTRO = """# Keys

Every screen lists its keys in the footer; **ctrl+p** opens the command palette, where every
action can be found by name. **f1** opens this help anywhere. In a list, the arrow keys move,
**space** toggles (a clause while drafting) and **enter** chooses.

| where | keys |
|---|---|
"""


def keys_text() -> str:
    """The keys of each screen, read from the screens' own bindings: a command is defined once
    (key, footer label, palette entry, this table)."""
    from councilgame.tui.app import CouncilApp
    from councilgame.tui.screens.ballots import ShowOfHandsScreen
    from councilgame.tui.screens.chamber import ChamberScreen
    from councilgame.tui.screens.consult import ConsultScreen
    from councilgame.tui.screens.debrief import DebriefScreen
    from councilgame.tui.screens.drafting import DraftingScreen
    from councilgame.tui.screens.vote import RollCallScreen, VoteScreen

    rows = []
    for where, screen in (("chamber", ChamberScreen), ("drafting", DraftingScreen),
                          ("consultations", ConsultScreen), ("vote", VoteScreen),
                          ("roll call", RollCallScreen), ("show of hands", ShowOfHandsScreen),
                          ("debrief", DebriefScreen), ("anywhere", CouncilApp)):
        keys = [f"{b.key} {(b.tooltip or b.description).lower()}" for b in screen.BINDINGS
                if isinstance(b, Binding) and b.description and b.key != "f1"]
        rows.append(f"| {where} | {' · '.join(keys)} |")
    return KEYS_INTRO + "\n".join(rows) + "\n"



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
                yield MarkdownViewer(keys_text(), show_table_of_contents=False)
        yield Footer()
