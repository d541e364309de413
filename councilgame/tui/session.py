"""One game in the TUI: the compiled scenario, the engine game, the player's seat."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from councilgame.engine.actions import Action
from councilgame.engine.compiled import Compiled
from councilgame.engine.game import Game


@dataclass
class Session:
    comp: Compiled
    game: Game
    seat: str
    seed: int

    @classmethod
    def start(cls, comp: Compiled, seat: str, seed: int) -> Session:
        return cls(comp, Game(comp, seed, humans={seat}), seat, seed)

    def act(self, action: Action) -> None:
        self.game.apply(action)

    @property
    def prompt(self):
        return self.game.prompt

    @property
    def month(self) -> int:
        return self.game.state.month

    def month_name(self, month: int | None = None) -> str:
        """'March 2026' for a turn of the game."""
        sc = self.comp.scenario
        m = (month or self.month) - 1 + sc.start_month - 1
        return f"{calendar.month_name[m % 12 + 1]} {sc.year + m // 12}"

    def name(self, code: str) -> str:
        return self.comp.names[self.comp.index[code]]

    @property
    def is_permanent(self) -> bool:
        return bool(self.comp.permanent[self.comp.index[self.seat]])
