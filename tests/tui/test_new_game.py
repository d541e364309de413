"""New game for a first-time student (issue 13): the tutorial first, its suggested seat already
chosen, the About pane on the scenario while picking one and on the seat while picking that,
and everything reachable at 80x24."""

from __future__ import annotations

from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.newgame import NewGameScreen
from tests.tui.helpers import make_app

SMALL = (80, 24)


def about(screen) -> str:
    return str(screen.query_one("#ng-detail").render())


async def test_the_defaults_start_the_tutorial_as_the_united_kingdom(packset):
    app = make_app(packset, scenario=None)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewGameScreen)
        assert screen.scenarios[0].id == "tutorial"
        assert "Tutorial: the rules by playing them" in about(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)
        assert app.session.comp.scenario.id == "tutorial" and app.session.seat == "GBR"


async def test_picking_a_scenario_shows_it_and_highlights_its_suggested_seat(packset):
    app = make_app(packset, scenario=None)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        scenarios = screen.query_one("#scenarios")
        scenarios.highlighted = [s.id for s in screen.scenarios].index("south-sudan")
        await pilot.pause()
        assert "South Sudan" in about(screen) and "months from" in about(screen)
        seats = screen.query_one("#seats")
        assert screen.seat_views[seats.highlighted].code == "USA"
        await pilot.press("tab")  # to the seat list: the About pane follows
        await pilot.pause()
        assert about(screen).startswith("USA")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert "South Sudan" in about(screen)


async def test_at_80x24_the_seat_list_and_start_are_on_screen(packset):
    app = make_app(packset, scenario=None)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        for wid in ("#scenarios", "#seats", "#seed", "#start"):
            region = screen.query_one(wid).region
            assert region.height >= 1 and region.bottom <= SMALL[1] - 1, (wid, region)
        assert screen.query_one("#seats").region.height >= 4


async def test_at_80x24_every_title_button_is_on_screen(packset):
    app = make_app(packset, scenario=None)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for button in app.screen.query("Button"):
            assert 0 <= button.region.y and button.region.bottom <= SMALL[1] - 1, button.id
