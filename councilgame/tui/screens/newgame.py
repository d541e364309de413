"""New game: pack, scenario, seat (with its powers and objectives), seed."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from councilgame.play.queries import seats
from councilgame.tui.screens.seats import seat_text

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class NewGameScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("ctrl+s", "start", "Start")]

    def compose(self) -> ComposeResult:
        self.comp = None
        self.scenario_id: str | None = None
        packset = self.app.packset
        index = packset.scenario_index()
        self.scenarios = sorted((packset.packs[pid].scenarios[sid].model for sid, pid in index.items()),
                                key=lambda s: s.title)
        self.pack_of = {sid: packset.packs[pid].manifest.title for sid, pid in index.items()}
        yield Header()
        with Horizontal():
            with Vertical(id="ng-left", classes="box"):
                yield Label("1. Scenario (and the pack it comes from)", classes="step")
                yield OptionList(*[Option(f"{s.title}  [{self.pack_of[s.id]}]", id=s.id)
                                   for s in self.scenarios], id="scenarios")
                yield Label("2. Seat", classes="step")
                yield OptionList(id="seats")
                yield Label("3. Seed (same seed, same game)", classes="step")
                seed = self.app.fixed_seed
                yield Input(str(seed if seed is not None else secrets.randbelow(10**6)), id="seed",
                            type="integer")
                yield Button("Start", id="start", variant="primary")
            yield Static(id="ng-detail", classes="box")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ng-left").border_title = "New game"
        self.query_one("#ng-detail").border_title = "About"
        for i, sc in enumerate(self.scenarios):  # the first whose pack loads
            if self._pick_scenario(sc.id):
                self.query_one("#scenarios", OptionList).highlighted = i
                break

    def _pick_scenario(self, sid: str) -> bool:
        """Show the scenario and its seats; False (the app says why) if its pack failed to load,
        and the list goes back to the scenario picked before."""
        comp = self.app.compile_scenario(sid)
        if comp is None:
            previous = [s.id for s in self.scenarios].index(self.scenario_id) if self.comp else None
            self.query_one("#scenarios", OptionList).highlighted = previous
            return False
        self.scenario_id, self.comp = sid, comp
        self.seat_views = seats(self.comp)
        lst = self.query_one("#seats", OptionList)
        lst.clear_options()
        for s in self.seat_views:
            mark = " (veto)" if s.permanent else ""
            lst.add_option(Option(f"{s.code}  {s.name}{mark}", id=s.code))
        lst.highlighted = 0
        self._show_scenario()
        return True

    def _show_scenario(self) -> None:
        sc = self.comp.scenario
        t = Text(sc.title + "\n", style="bold")
        t.append(sc.synopsis.strip() + "\n\n")
        t.append(f"{sc.months} months from {sc.year}. Source: {sc.source}\n", style="dim")
        t.append(sc.council.note.strip() + "\n", style="italic")
        self.query_one("#ng-detail", Static).update(t)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "scenarios" and event.option.id != self.scenario_id:
            self._pick_scenario(event.option.id)
        elif event.option_list.id == "seats":
            seat = next(s for s in self.seat_views if s.code == event.option.id)
            t = Text()
            t.append_text(seat_text(seat, seat.objectives))  # before the game: the seat to pick
            self.query_one("#ng-detail", Static).update(t)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def action_start(self) -> None:
        if self.comp is None:
            self.notify("No scenario could be loaded: see the Content packs screen.", severity="error")
            return
        lst = self.query_one("#seats", OptionList)
        seat = self.seat_views[lst.highlighted or 0].code
        raw = self.query_one("#seed", Input).value.strip()
        if not raw.isdigit():
            self.notify("The seed must be a whole number.", severity="error")
            return
        self.app.start_game(self.comp, seat, int(raw))
