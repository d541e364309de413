"""Every screen's footer holds all its keys at 80 columns (issue 13: the hot-seat set-up's Back
was cut): the labels, as Textual draws them, fit beside the palette's mark."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from councilgame.tui.screens import (
    chamber,
    consult,
    debrief,
    drafting,
    history,
    load,
    newgame,
    operations,
    seats,
    setup,
    title,
    vote,
)

SCREENS = [chamber.ChamberScreen, consult.ConsultScreen, debrief.DebriefScreen,
           drafting.DraftingScreen, history.HistoryScreen, load.LoadScreen, newgame.NewGameScreen,
           operations.OperationsScreen, seats.SeatsScreen, setup.SetupScreen, title.TitleScreen,
           vote.VoteScreen]
ROOM = 80 - 11  # the palette mark ("▏^p palette") takes the right end; 68 columns of keys were seen to fit


def shown(key: str) -> str:
    key = key.split(",")[0]
    return {"escape": "esc"}.get(key, key.replace("ctrl+", "^"))


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.__name__)
def test_the_footer_fits_at_80_columns(screen):
    labels = [f" {shown(b.key)} {b.description} " for b in screen.BINDINGS
              if isinstance(b, Binding) and b.show and b.description]
    width = sum(len(label) for label in labels)
    assert width <= ROOM, f"{screen.__name__}: {width} columns: {labels}"
