"""Saving and loading from the TUI: autosave, continue, load (with unreadable files), what if."""

from __future__ import annotations

from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.load import LoadScreen
from councilgame.tui.screens.title import TitleScreen
from tests.tui.helpers import make_app, on, play_until

SIZE = (120, 40)


async def play_months(pilot, app, months: int) -> None:
    def done() -> bool:
        view = app.session.view()
        return view.month > months or view.finished

    await play_until(pilot, app, done)


async def test_autosave_at_month_end_then_continue_resumes_it(packset, tmp_path):
    app = make_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_months(pilot, app, 2)
        month = app.session.view().month
        record_before = app.session.game.log[:]
    autos = list(tmp_path.glob("autosave-*.json"))
    assert autos, "no autosave at the month boundary"
    app2 = make_app(packset, scenario=None, saves=tmp_path)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app2.screen, TitleScreen)
        assert not app2.screen.query_one("#continue").disabled
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app2.screen, ChamberScreen)
        assert app2.session.view().month == month
        assert app2.session.game.log == record_before


async def test_quit_autosaves(packset, tmp_path):
    app = make_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q", "y")
    assert list(tmp_path.glob("autosave-*.json"))


async def test_load_lists_unreadable_files_and_opens_a_save(packset, tmp_path):
    (tmp_path / "broken.json").write_text("{not json")
    app = make_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_months(pilot, app, 1)
        app.session.save("my game")
    app2 = make_app(packset, scenario=None, saves=tmp_path)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app2.screen
        assert isinstance(screen, LoadScreen)
        names = {e.path.name: e for e in screen.entries}
        assert not names["broken.json"].readable
        table = screen.query_one("#saves")
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert labels[0] == "my game" and labels[1] == "└ autosave, month 2"  # one game, grouped
        assert labels[-1] == "broken.json"
        row = [e.path.name for e in screen.entries].index("my game.json")
        screen.query_one("#saves").move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, ChamberScreen)
        assert app2.session.name == "my game"


async def test_what_if_from_load_makes_a_new_branch_save(packset, tmp_path):
    app = make_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_months(pilot, app, 3)
        app.session.save("trunk")
    trunk = (tmp_path / "trunk.json").read_bytes()
    app2 = make_app(packset, scenario=None, saves=tmp_path)
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app2.screen
        row = [e.path.name for e in screen.entries].index("trunk.json")
        screen.query_one("#saves").move_cursor(row=row)
        await pilot.press("w")
        await pilot.pause()
        app2.screen.query_one("#month").value = "2"
        await pilot.press("enter")
        await pilot.pause()
        assert app2.session.view().month == 2
        assert app2.session.origin.branch_of == "trunk" and app2.session.origin.at_month == 2
    assert (tmp_path / "trunk.json").read_bytes() == trunk
    assert (tmp_path / "trunk what-if m2.json").exists()


async def test_what_if_from_the_debrief(packset, tmp_path):

    app = make_app(packset, scenario="testland", seat="FRA", seed=5, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_until(pilot, app, on(app, "DebriefScreen"))
        app.screen.query_one("#months").move_cursor(row=1)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)
        assert app.session.view().month == 2 and app.session.origin.at_month == 2
