"""An author's loop in the game itself: reload the packs from disk and restart the scenario in
play at the same seed, with the same seats and settings. A pack that no longer loads is
listed problem by problem on a screen, and the game in play goes on untouched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from councilgame.packs.errors import Problem
    from councilgame.play.session import Session


class ProblemsScreen(ModalScreen[None]):
    """The problems that keep a pack from loading, each with its file, line and field."""

    BINDINGS = [Binding("escape,enter", "dismiss(None)", "Close")]

    def __init__(self, title: str, problems: list[Problem]):
        super().__init__()
        self.title_text, self.problems = title, problems

    def compose(self) -> ComposeResult:
        t = Text()
        for p in self.problems:
            t.append(f"{p}\n", style="red" if p.severity == "error" else "yellow")
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="dialog-title")
            with VerticalScroll(id="problems"):
                yield Static(t)
            yield Static("Fix the files and press ctrl+r again · escape: back to the game",
                         classes="dim")


class Reloading:
    """Mixed into the app (its `session`, `packset`, `extra_packs`, `start_seats`)."""

    session: Session | None

    def action_reload_packs(self) -> None:
        """Read every pack again; restart the scenario in play from its first month."""
        from councilgame.packs.discovery import discover
        from councilgame.play import compile_bundle
        from councilgame.saves import humans_at_start

        self.packset = discover(self.extra_packs)
        s = self.session
        if s is None:
            self.notify(self.packs_message())
            return
        sid = s.comp.scenario.id
        failure = self.packset.unavailable(sid)
        if failure is None and sid not in self.packset.scenario_index():
            self.notify(f"No pack holds scenario {sid!r} any more: the game goes on.", severity="error")
            return
        if failure is not None:
            self.push_screen(ProblemsScreen(
                f"Scenario {sid!r} does not load any more ({len(failure.problems)} problem(s)); "
                "the game in play goes on", failure.problems))
            return
        start = humans_at_start(set(s.humans), s.game.log)
        seats = {c: seat.model_copy(update={"human": True}) for c, seat in s.seats.items() if c in start}
        comp = compile_bundle(self.packset.bundle(sid))
        self.start_seats(comp, seats, s.seed, options=dict(s.options))
        self.notify(f"Packs reloaded: {comp.scenario.title} starts again (seed {s.seed}).")
