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
ROOM = 80 - 12  # the palette mark ("▏^p palette") takes the right end; a 69-column footer drew 81 wide


def shown(key: str) -> str:
    key = key.split(",")[0]
    return {"escape": "esc"}.get(key, key.replace("ctrl+", "^"))


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.__name__)
def test_the_footer_fits_at_80_columns(screen):
    labels = [f" {shown(b.key)} {b.description} " for b in screen.BINDINGS
              if isinstance(b, Binding) and b.show and b.description]
    # keys a screen shows one or the other of (its check_action decides) count as the wider
    for group in getattr(screen, "ONE_OF", ()):
        shown_here = [lb for lb in labels if lb.split()[0] in group]
        for lb in sorted(shown_here, key=len)[:-1]:
            labels.remove(lb)
    width = sum(len(label) for label in labels)
    assert width <= ROOM, f"{screen.__name__}: {width} columns: {labels}"
