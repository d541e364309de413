"""Small types shared by the game's parts."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from councilgame.engine.actions import Action, Prompt

Flow = Generator[Prompt, Action, None]


@dataclass
class Draft:
    """The draft on the table, for screens to show."""

    file: str
    sponsor: str
    selected: np.ndarray
    model: object  # ai.DraftModel
    symbol: str
