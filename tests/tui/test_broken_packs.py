"""Packs are read in full only when a scenario of theirs is picked: picking one whose pack fails
says why and keeps a playable scenario picked; the Content packs screen checks them all."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from councilgame.packs.registry import builtin_dir, load_packs
from councilgame.tui.screens.newgame import NewGameScreen
from councilgame.tui.screens.setup import SetupScreen
from tests.packs.test_loader import EVENTS, SCENARIO, broken_pack
from tests.tui.helpers import make_app

SIZE = (120, 40)


def broken_first(tmp_path):
    """A pack whose scenario is listed first (by title) and whose events do not check."""
    root = broken_pack(tmp_path, EVENTS, 'weight: "1 + violence / 50"', 'weight: "1 + violense / 50"')
    path = root / SCENARIO
    path.write_text(path.read_text().replace("title: Testland", "title: A Testland"))
    return load_packs([builtin_dir(), root])


async def test_new_game_says_why_a_scenario_cannot_be_played_and_keeps_a_playable_one(tmp_path):
    app = make_app(broken_first(tmp_path), scenario=None)
    notes = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        assert screen.scenario_id != "testland" and screen.comp is not None
        lst = screen.query_one("#scenarios", OptionList)
        assert lst.get_option_at_index(lst.highlighted).id == screen.scenario_id
        picked = screen.scenario_id
        ids = [s.id for s in screen.scenarios]
        if "'testland' cannot be played" not in " ".join(notes):  # the tutorial is listed first
            lst.highlighted = ids.index("testland")
            await pilot.pause()
        assert any("'testland' cannot be played" in n and "violense" in n for n in notes), notes
        assert screen.scenario_id == picked and lst.get_option_at_index(lst.highlighted).id == picked
        lst.highlighted = ids.index("testland")  # the player goes back to it: refused again
        await pilot.pause()
        assert screen.scenario_id == picked


async def test_hotseat_setup_skips_a_scenario_whose_pack_fails(tmp_path):
    app = make_app(broken_first(tmp_path), scenario=None)
    app.notify = lambda message, **kw: None
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.scenario_id not in (None, "testland")


async def test_the_content_packs_screen_lists_a_pack_that_fails_only_when_read(tmp_path):
    app = make_app(broken_first(tmp_path), scenario=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#packs")
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Could not load" in text and "violense" in text
