"""Content packs: what is installed, its scenarios, and what could not load."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it (shorter, and the same on
    every machine), else as it is."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class PacksScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        packset = self.app.packset
        packset.check_all()  # packs are read in full when needed: this screen needs them all
        t = Text()
        for pack in sorted(packset.packs.values(), key=lambda p: p.id):
            t.append(f"{pack.manifest.title}", style="bold")
            t.append(f"  {pack.id} {pack.manifest.version}  {shown(pack.root)}\n", style="dim")
            for item in pack.scenarios.values():
                t.append(f"  • {item.model.title} ({item.model.id})\n")
        for root, problems in packset.broken.items():
            t.append(f"Could not load {shown(Path(root))}\n", style="bold red")
            for p in problems[:5]:
                t.append(f"  {p}\n", style="red")
        yield Header()
        with VerticalScroll(classes="box"):
            yield Static(t)
        yield Footer()
