"""The history screen (issue 13): every month's votes with their results and events, latest
first, in titles."""

from __future__ import annotations

from textual.widgets import Static

from councilgame.tui.screens.history import HistoryScreen
from tests.tui.helpers import make_app, play_until


async def test_h_shows_every_months_votes_and_events(packset):
    app = make_app(packset, seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await play_until(pilot, app, lambda: app.session.view().month == 3
                         and type(app.screen).__name__ == "ChamberScreen")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = str(app.screen.query_one("#history-text", Static).render())
        view = app.session.view()
        assert text.index("March 2026") < text.index("February 2026") < text.index("January 2026")
        for v in view.votes:
            assert v.title in text
        assert "support_office/" not in text


async def test_the_last_months_consequences_show_before_the_debrief(packset):
    from councilgame.tui.screens.chamber import ChamberScreen

    app = make_app(packset, scenario="tutorial", seat="GBR", seed=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await play_until(pilot, app, lambda: app.session.prompt is None)
        await pilot.pause()
        assert isinstance(app.screen, ChamberScreen)
        view = app.session.view()
        assert view.since is not None and view.since.month == view.months
        news = str(app.screen.query_one("#news-text").render())
        assert news.startswith(f"What changed in {view.since.name}")
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DebriefScreen"
