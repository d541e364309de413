"""At 80x24 each screen of a solo game shows the parts a player needs whole, not only in an
image (issue 13): the widgets that carry the decision lie inside the screen, and the keys that
act on it are in the footer."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from tests.tui.helpers import make_app

SMALL = (80, 24)

# screen reached by these keys -> (widgets that must be whole on screen, footer keys)
SCREENS = {
    "chamber": ([], ["#seatmap", "#status", "#gauges", "#agenda", "#news"], ["n", "r", "m"]),
    "drafting": (["n"], ["#in-force", "#clauses", "#clause-detail", "#whip-summary", "#whip-table"],
                 ["t", "p", "i", "m"]),
    "consultations": (["n", "space", "t", "y"], ["#capital", "#whip-summary", "#whip-table"],
                      ["c", "l", "o", "a", "e", "v"]),
    "vote": (["n", "space", "t", "y", "c"], ["#vote-question", "#vote-draft", "#whip-summary"],
             ["y", "n", "a", "i"]),
    "history": (["n", "space", "t", "y", "c", "y", "enter", "h"], ["#history"], ["escape"]),
    "operations": (["m"], ["#ops"], ["escape"]),
    "seats": (["s"], [], ["escape"]),
}


def inside(app, selector: str) -> bool:
    w = app.screen.query_one(selector)
    return bool(w.region.width and w.region.height) and app.screen.region.contains_region(w.region)


@pytest.mark.parametrize("name", sorted(SCREENS))
async def test_the_parts_a_player_needs_are_on_screen_at_80x24(packset, name):
    keys, parts, footer = SCREENS[name]
    app = make_app(packset)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        missing = [p for p in parts if not inside(app, p)]
        assert not missing, f"{name}: {missing} not whole on screen"
        shown = {b.binding.key.split(",")[0] for b in app.screen.active_bindings.values()
                 if b.binding.show and b.enabled}
        assert set(footer) <= shown, f"{name}: footer lacks {set(footer) - shown}"
        assert app.screen.query(Footer)
