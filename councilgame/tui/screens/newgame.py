"""New game: pack, scenario, seat (with its powers and objectives), seed."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from councilgame.play.api import difficulties
from councilgame.play.queries import scenario_order, seats, suggested_seat
from councilgame.tui.screens.seats import seat_text

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


DIFFICULTY = difficulties()  # easiest first: the order the button cycles
DIFFICULTY_HELP = ("How far your lobbying and deals move the AI members: easy 1.5 times, standard "
                   "as calibrated, hard 0.6 times. Press to change.")


class NewGameScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("ctrl+s", "start", "Start")]

    def compose(self) -> ComposeResult:
        self.comp = None
        self.scenario_id: str | None = None
        packset = self.app.packset
        index = packset.scenario_index()
        self.scenarios = scenario_order([packset.packs[pid].scenarios[sid].model
                                         for sid, pid in index.items()])
        self.pack_of = {sid: packset.packs[pid].manifest.title for sid, pid in index.items()}
        yield Header()
        with Horizontal():
            with Vertical(id="ng-left", classes="box"):
                yield Label("1. Scenario", classes="step")
                yield OptionList(*[Option(f"{s.title} ({s.id})", id=s.id) for s in self.scenarios],
                                 id="scenarios")
                yield Label("2. Seat", classes="step")
                yield OptionList(id="seats")
                with Horizontal(id="ng-seed-row"):
                    yield Label("3. Seed ", classes="step")
                    seed = self.app.fixed_seed
                    yield Input(str(seed if seed is not None else secrets.randbelow(10**6)),
                                id="seed", type="integer", tooltip="Same seed, same game")
                    yield Button(self._difficulty_label(), id="difficulty", tooltip=DIFFICULTY_HELP)
                    yield Button("Start", id="start", variant="primary")
            with VerticalScroll(id="ng-about", classes="box"):  # long synopses scroll
                yield Static(id="ng-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ng-left").border_title = "New game"
        self.query_one("#ng-about").border_title = "About"
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
        suggested = suggested_seat(self.comp)
        for s in self.seat_views:
            mark = " (veto)" if s.permanent else ""
            hint = "  · suggested" if s.code == suggested else ""
            lst.add_option(Option(f"{s.code}  {s.name}{mark}{hint}", id=s.code))
        lst.highlighted = [s.code for s in self.seat_views].index(suggested)
        self._show_scenario()
        return True

    def _show_scenario(self) -> None:
        """The About pane while the scenario list has the focus: what the game is."""
        sc = self.comp.scenario
        t = Text(sc.title + "\n", style="bold")
        t.append(sc.synopsis.strip() + "\n\n")
        t.append(f"{sc.months} months from {sc.year}. Pack: {self.pack_of[sc.id]}. "
                 f"Source: {sc.source}\n", style="dim")
        t.append(sc.council.note.strip() + "\n", style="italic")
        self.query_one("#ng-detail", Static).update(t)

    def _show_seat(self) -> None:
        """The About pane while the seat list has the focus: the seat's powers and aims."""
        lst = self.query_one("#seats", OptionList)
        if lst.highlighted is None:
            return
        seat = self.seat_views[lst.highlighted]
        session = self.app.session
        if session is not None and session.hotseat and not session.game.finished:
            # a hot-seat game is open: its players' objectives stay sealed, whoever looks here
            t = seat_text(seat)
            t.append("\nObjectives stay hidden while a hot-seat game is open.", style="italic")
            self.query_one("#ng-detail", Static).update(t)
            return
        self.query_one("#ng-detail", Static).update(seat_text(seat, seat.objectives))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "scenarios" and event.option.id != self.scenario_id:
            self._pick_scenario(event.option.id)
        elif event.option_list.id == "seats" and event.option_list.has_focus:
            self._show_seat()

    def on_descendant_focus(self, event) -> None:
        """The About pane follows the focus: the scenario, or the seat."""
        if getattr(event.widget, "id", None) == "seats":
            self._show_seat()
        elif getattr(event.widget, "id", None) == "scenarios" and self.comp is not None:
            self._show_scenario()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()  # enter in the seed field starts the game

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "difficulty":
            order = list(DIFFICULTY)
            self.difficulty = order[(order.index(self.difficulty) + 1) % len(order)]
            event.button.label = self._difficulty_label()

    difficulty = "standard"

    def _difficulty_label(self) -> str:
        return f"{self.difficulty.capitalize()} AI"  # how hard the AI members are to move

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
        self.app.start_game(self.comp, seat, int(raw), options={"difficulty": self.difficulty})
