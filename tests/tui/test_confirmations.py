"""Irreversible steps ask first (issue 13): a permanent member's veto, tabling a draft, tabling
none, quitting; 'n' answers no, so a stray Continue key never vetoes."""

from __future__ import annotations

from councilgame.tui.screens.chamber import ChamberScreen
from councilgame.tui.screens.drafting import DraftingScreen
from councilgame.tui.screens.seats import SeatsScreen
from councilgame.tui.screens.vote import VoteScreen
from councilgame.tui.widgets.dialogs import ConfirmScreen
from tests.tui.helpers import make_app

SIZE = (120, 40)


async def to_vote(pilot) -> None:
    await pilot.press("n", "space", "t", "y", "c")
    await pilot.pause()


async def test_a_permanent_members_no_asks_and_n_goes_back(packset):
    app = make_app(packset)  # France, a permanent member
    async with app.run_test(size=SIZE) as pilot:
        await to_vote(pilot)
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Veto this draft?" in app.screen.question
        await pilot.press("n")  # the same key again: no veto
        await pilot.pause()
        assert isinstance(app.screen, VoteScreen) and app.session.prompt.kind == "vote"
        await pilot.press("i")  # My seat works on the vote screen
        await pilot.pause()
        assert isinstance(app.screen, SeatsScreen)


async def test_an_elected_members_no_is_cast_at_once(packset):
    app = make_app(packset, seat="DNK")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(40):
            if app.session.prompt is not None and app.session.prompt.kind == "vote":
                break
            await pilot.press("n" if app.session.prompt.kind == "briefing" else "d")
            await pilot.pause()
            if type(app.screen).__name__ == "ConsultScreen":
                await pilot.press("c")
                await pilot.pause()
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)


async def test_tabling_and_passing_the_pen_ask_first(packset):
    app = make_app(packset)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "space", "t")
        await pilot.pause()
        assert "Table this draft (1 clause)?" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DraftingScreen) and app.session.prompt.kind == "draft"
        await pilot.press("p")
        await pilot.pause()
        assert "Table no draft this month?" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.prompt.kind == "draft"


async def test_quitting_asks_first(packset, tmp_path):
    app = make_app(packset, saves=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen) and app.is_running
