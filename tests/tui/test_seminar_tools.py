"""A seminar's tools (issue 14): the game length chosen at set-up, and the facilitator ending
the game now with a debrief."""

from __future__ import annotations

from textual.widgets import Select

from councilgame.tui.screens.debrief import DebriefScreen
from tests.tui.helpers import make_app, on, play_until
from tests.tui.test_hotseat import SIZE, hotseat_app


async def test_the_set_up_offers_the_scenarios_lengths_and_the_game_keeps_one(packset, tmp_path):
    app = make_app(packset, scenario=None, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        setup = app.screen
        setup.query_one("#scenarios").highlighted = [s.id for s in setup.scenarios].index("sahel")
        await pilot.pause()
        length = setup.query_one("#length", Select)
        assert [v for _, v in length._options if isinstance(v, int)] == [3, 4, 6, 10]
        assert length.value == 10
        setup.add_player("Ana", "FRA")
        setup.add_player("Ben", "RUS")
        length.value = 4
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.game.state.length == 4 and app.session.options["length"] == 4
        assert app.session.view().months == 4


async def test_the_facilitator_ends_the_game_and_the_room_gets_the_debrief(packset, tmp_path):
    app = hotseat_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "HandOverScreen"), limit=30)
        await pilot.press("ctrl+f", "y")
        await pilot.pause()
        tools = app.screen.query_one("#tools")
        tools.highlighted = [o.id for o in tools.options].index("end")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # not yet: the tools stay open, the game goes on
        await pilot.pause()
        assert not app.session.game.finished
        await pilot.press("enter", "y")  # End the game now, confirmed
        await pilot.pause()
        assert app.session.game.finished and app.session.game.log[-1].kind == "end"
        await play_until(pilot, app, on(app, "DebriefScreen"), limit=10)
        assert isinstance(app.screen, DebriefScreen)
