"""ctrl+r reloads the packs from disk and restarts the scenario at the same seed (issue 15); a
pack broken in the meantime is listed problem by problem, and the game goes on."""

from __future__ import annotations

import shutil

from councilgame.tui.app import CouncilApp
from councilgame.tui.reloading import ProblemsScreen
from tests.conftest import TEST_PACKS
from tests.tui.helpers import answer

SCENARIO = "testland/scenarios/testland.yaml"


def author_app(tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(TEST_PACKS, packs)
    app = CouncilApp(extra_packs=[packs], start=("testland", "FRA", 7), animate=False,
                     saves=tmp_path / "saves")
    return app, packs / SCENARIO


async def test_reload_restarts_the_scenario_with_the_edited_pack(tmp_path):
    app, scenario = author_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(30):  # play a little, back to the chamber (a modal screen keeps ctrl+r)
            await answer(pilot, app)
            if app.session.game.log and type(app.screen).__name__ == "ChamberScreen":
                break
        assert app.session.game.log
        old_title = app.session.comp.scenario.title
        scenario.write_text(scenario.read_text().replace(f"title: {old_title}",
                                                         "title: Testland, edited", 1))
        await pilot.press("ctrl+r")
        await pilot.pause()
        s = app.session
        assert s.comp.scenario.title == "Testland, edited"
        assert s.seed == 7 and s.game.log == [] and s.month == 1 and s.humans == ["FRA"]


async def test_a_pack_broken_on_disk_is_listed_and_the_game_goes_on(tmp_path):
    app, scenario = author_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(30):
            await answer(pilot, app)
            if app.session.game.log and type(app.screen).__name__ == "ChamberScreen":
                break
        log = list(app.session.game.log)
        scenario.write_text(scenario.read_text().replace("months:", "monthz:", 1))
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert any("testland.yaml" in str(p) for p in app.screen.problems)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.game.log == log  # nothing lost
