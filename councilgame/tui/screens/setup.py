"""Hot-seat set-up: the players' names and their seats (several names on one seat make a team),
the vote procedure, the projector option, the seed."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    Switch,
)
from textual.widgets.option_list import Option

from councilgame.play.api import game_lengths
from councilgame.play.pin import lock
from councilgame.play.queries import playable
from councilgame.play.turns import TIMER_CHOICES
from councilgame.saves import Seat

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


class SetupScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        # short labels: the footer holds all five at 80 columns; the tooltips say it in full
        Binding("ctrl+a", "add", "Add", tooltip="Add the player named above to the seat chosen"),
        Binding("ctrl+x", "remove", "Remove", tooltip="Remove the selected player"),
        Binding("ctrl+r", "shuffle", "Shuffle", tooltip="Deal random seats (teams stay together)"),
        Binding("ctrl+s", "start", "Start"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def compose(self) -> ComposeResult:
        self.scenario_id: str | None = None
        self.comp = None
        packset = self.app.packset
        self.scenarios = sorted(
            (packset.packs[pid].scenarios[sid].model for sid, pid in packset.scenario_index().items()),
            key=lambda s: s.title)
        self.players: list[tuple[str, str]] = []
        seed = self.app.fixed_seed
        yield Header()
        with Horizontal():
            with VerticalScroll(id="setup-left", classes="box"):  # at 80x24 its lower half scrolls
                yield Label("Scenario", classes="step")
                yield OptionList(*[Option(s.title, id=s.id) for s in self.scenarios], id="scenarios")
                yield Label("Players (a name, a seat; the same seat twice makes a team)",
                            classes="step", id="players-label")
                with Horizontal(id="add-row"):
                    yield Input(placeholder="name", id="player-name")
                    yield Select([], id="player-seat", prompt="seat", allow_blank=True)
                    yield Button("Add", id="add")
                yield DataTable(id="players", cursor_type="row")
                with Horizontal(classes="switch-row"):
                    yield Switch(False, id="sealed")
                    yield Label("Sealed votes (ballots revealed together)")
                with Horizontal(classes="switch-row"):
                    yield Switch(self.app.theme == "projector", id="projector")
                    yield Label("Projector: high contrast")
                yield Input(placeholder="facilitator's PIN (optional)", id="pin", password=True,
                            tooltip="Locks the facilitator's tools (ctrl+f); the save keeps only a hash")
                yield Select([], id="length", prompt="length", allow_blank=True,
                             tooltip="How many months the seminar plays; the verdict is read at the last")
                yield Select([("No turn timer" if m == 0 else f"Turn timer: {m} min", m)
                              for m in TIMER_CHOICES], value=0, allow_blank=False, id="timer",
                             tooltip="Minutes for each player's turn, shown in the header; the "
                             "facilitator can set each phase apart (ctrl+f)")
                yield Input(str(seed if seed is not None else secrets.randbelow(10**6)),
                            id="seed", type="integer")
                yield Button("Start", id="start", variant="primary")
            yield Static(id="setup-detail", classes="box")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#setup-left").border_title = "Hot-seat game"
        self.query_one("#setup-detail").border_title = "The seats"
        self.query_one("#players", DataTable).add_columns("Player", "Seat")
        for i, sc in enumerate(self.scenarios):  # the first whose pack loads
            if self._pick(sc.id):
                if i:
                    self.query_one("#scenarios", OptionList).highlighted = i
                break

    def _pick(self, sid: str) -> bool:
        """Offer the scenario's seats; False (the app says why) if its pack failed to load, and
        the list goes back to the scenario picked before."""
        comp = self.app.compile_scenario(sid)
        if comp is None:
            ids = [s.id for s in self.scenarios]
            self.query_one("#scenarios", OptionList).highlighted = (
                ids.index(self.scenario_id) if self.scenario_id else None)
            return False
        self.scenario_id, self.comp = sid, comp
        full = comp.scenario.months
        length = self.query_one("#length", Select)
        length.set_options([(f"{n} months{'' if n < full else ' (the whole scenario)'}", n)
                            for n in game_lengths(comp)])
        length.value = full
        seat = self.query_one("#player-seat", Select)
        allowed = playable(self.comp)  # the tutorial is written for one seat
        seat.set_options([(f"{c} {self.comp.names[self.comp.index[c]]}", c) for c in allowed])
        self.players = [(n, c) for n, c in self.players if c in allowed]
        self._show()
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id != self.scenario_id:
            self._pick(event.option.id)

    def _show(self) -> None:
        table = self.query_one("#players", DataTable)
        table.clear()
        for name, code in self.players:
            table.add_row(name, f"{code} {self.comp.names[self.comp.index[code]]}")
        t = Text(f"{self.comp.scenario.title}\n", style="bold")
        taken = {c for _, c in self.players}
        members = self.comp.bundle.members
        for i, code in enumerate(self.comp.codes):
            mark = "player" if code in taken else "AI"
            power = "veto" if self.comp.permanent[i] else "elected"
            name = members[code].short or members[code].name  # the short name: no cut at 80 columns
            t.append(f"{code} {name}: {power}, {mark}\n", style="bold" if code in taken else "")
        self.query_one("#setup-detail", Static).update(t)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self.action_add()
        elif event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "player-name":
            self.action_add()

    def add_player(self, name: str, code: str) -> None:
        self.players.append((name, code))
        self._show()

    def action_add(self) -> None:
        name = self.query_one("#player-name", Input).value.strip()
        seat = self.query_one("#player-seat", Select).value
        if not name or seat is Select.BLANK:
            self.notify("Type a name and choose a seat.", severity="warning")
            return
        self.add_player(name, str(seat))
        self.query_one("#player-name", Input).value = ""

    def action_remove(self) -> None:
        table = self.query_one("#players", DataTable)
        if self.players and 0 <= table.cursor_row < len(self.players):
            del self.players[table.cursor_row]
            self._show()

    def action_shuffle(self) -> None:
        """Deal the players random seats (teams stay together)."""
        import random

        if self.comp is None:
            return

        groups: dict[str, list[str]] = {}
        for name, code in self.players:
            groups.setdefault(code, []).append(name)
        allowed = playable(self.comp)
        if len(groups) > len(allowed):
            self.notify(f"This scenario has {len(allowed)} seat(s) for players.", severity="warning")
            return
        seats = random.sample(allowed, len(groups))
        self.players = [(n, seat) for names, seat in zip(groups.values(), seats, strict=True)
                        for n in names]
        self._show()

    def action_start(self) -> None:
        if len({c for _, c in self.players}) < 1:
            self.notify("Add at least one player.", severity="warning")
            return
        raw = self.query_one("#seed", Input).value.strip()
        if not raw.isdigit():
            self.notify("The seed must be a whole number.", severity="error")
            return
        seats: dict[str, Seat] = {}
        for name, code in self.players:
            seats.setdefault(code, Seat(human=True)).players.append(name)
        options = {"sealed": self.query_one("#sealed", Switch).value}
        pin = self.query_one("#pin", Input).value.strip()
        if pin:
            options["pin"] = lock(pin)
        length = self.query_one("#length", Select).value
        if isinstance(length, int) and length != self.comp.scenario.months:
            options["length"] = length
        timer = self.query_one("#timer", Select).value
        if isinstance(timer, int) and timer > 0:
            options["timer"] = timer * 60  # every phase; play.turns.timer_limits reads it
        if self.query_one("#projector", Switch).value:
            self.app.theme = "projector"
        self.app.start_seats(self.comp, seats, int(raw), options=options)
